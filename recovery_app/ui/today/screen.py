"""Today: each clock's stretch, the daily check-in, a gentle line, calm milestones.

Dialogs open with `open()` (not `exec()`), so locking can tear this screen down at any
moment without a nested event loop still running inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.check_in import NoContactAnswer, PromiseOutcome
from recovery_app.services.check_ins import CheckInService, SavedCheckIn
from recovery_app.services.clock_records import ClockSummary, RemovedClock
from recovery_app.services.clocks import ClockService
from recovery_app.services.texts import today_texts
from recovery_app.services.urges import UrgeService
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph, their_words
from recovery_app.ui.today.check_in_dialog import CheckInDialog
from recovery_app.ui.today.clock_card import ClockCard, long_date
from recovery_app.ui.today.clock_dialog import ClockDialog
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.today.contact_history_dialog import ContactHistoryDialog

CARD_MIN_WIDTH = 300
DAY_CHECK_MS = 60_000


class TodayScreen(QWidget):
    def __init__(
        self,
        clocks: ClockService,
        check_ins: CheckInService,
        urges: UrgeService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clocks = clocks
        self.check_ins = check_ins
        self.urges = urges
        self.texts = today_texts()
        self.summaries: list[ClockSummary] = []
        self.cards: list[ClockCard] = []
        self.check_in: SavedCheckIn | None = None
        self.dialog: QDialog | QMessageBox | None = None
        self._shown_day: date | None = None
        self._columns = 0
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        column = in_scroll_page(self).column

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(self.tr("Today")))
        self.date_label = paragraph("", "hint")
        titles.addWidget(self.date_label)
        header.addLayout(titles, 1)
        self.archived_button = QPushButton()
        self.archived_button.setMenu(QMenu(self.archived_button))
        self.add_button = QPushButton(self.tr("Add a clock"))
        self.add_button.setToolTip(self.tr("Add a clock (Ctrl+N)"))
        header.addWidget(self.archived_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)

        self.gentle_line = paragraph("", "gentle")
        column.addWidget(self.gentle_line)

        self.notice = their_words("", "note")  # milestone lines hold the person's labels
        self.notice.hide()
        column.addWidget(self.notice)

        self.message = MessageLine(self.clocks.data_dir)
        self.undo_bar = UndoBar(self.message)
        column.addWidget(self.undo_bar)
        column.addWidget(self.message)

        self.check_in_card = QFrame()
        self.check_in_card.setObjectName("card")
        check_layout = QHBoxLayout(self.check_in_card)
        check_layout.setContentsMargins(20, 14, 20, 14)
        check_texts = QVBoxLayout()
        title = QLabel(self.tr("Today's check-in"))
        bold = QFont(title.font())
        bold.setWeight(QFont.Weight.DemiBold)
        title.setFont(bold)
        check_texts.addWidget(title)
        self.check_in_status = paragraph("", "hint")
        check_texts.addWidget(self.check_in_status)
        self.urge_week = paragraph("", "hint")
        self.urge_week.hide()
        check_texts.addWidget(self.urge_week)
        check_layout.addLayout(check_texts, 1)
        self.check_in_button = QPushButton()
        self.check_in_button.setToolTip(self.tr("Check in (Ctrl+K)"))
        check_layout.addWidget(self.check_in_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addWidget(self.check_in_card)

        self.empty_state = QFrame()
        self.empty_state.setObjectName("card")
        empty = QVBoxLayout(self.empty_state)
        empty.setContentsMargins(24, 20, 24, 20)
        empty.addWidget(heading(self.tr("Count the days of distance"), 2))
        empty.addWidget(
            paragraph(
                self.tr(
                    "Add a clock for someone you're keeping distance from. It counts the days "
                    "of your current stretch, your longest, and your total, which a new "
                    "stretch never erases. You decide what contact is allowed."
                )
            )
        )
        self.empty_add_button = QPushButton(self.tr("Add your first clock"))
        self.empty_add_button.setDefault(False)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty_add_button)
        empty_row.addStretch(1)
        empty.addLayout(empty_row)
        column.addWidget(self.empty_state)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        column.addWidget(self.grid_host)

        column.addWidget(
            paragraph(
                self.tr(
                    "This journal is a companion, not therapy or a crisis service. If you are in "
                    "danger, please contact local emergency services or someone you trust."
                ),
                "small",
            )
        )
        column.addStretch(1)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_clock)
        self.empty_add_button.clicked.connect(self.add_clock)
        self.check_in_button.clicked.connect(self.open_check_in)
        self.undo_bar.undone.connect(lambda _restored: self.refresh())
        self.undo_bar.bind_shortcut(self)
        self._day_timer.timeout.connect(self._refresh_if_day_changed)
        for keys, slot in (
            ("Ctrl+N", self.add_clock),
            ("Ctrl+K", self.open_check_in),
        ):
            # Window-wide while Today shows (a hidden widget's shortcuts never fire), so they
            # work with the focus still in the sidebar.
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # ----- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.clocks.today()
        self._shown_day = today
        self.show_notice("")
        self.date_label.setText(long_date(today, weekday=True))
        self.gentle_line.setText(self.texts.gentle_line(today))
        summaries = self.message.attempt(self.clocks.summaries)
        self.summaries = summaries or []
        self.check_in = self.message.attempt(self.check_ins.get)
        self._show_check_in()
        self._show_urge_week()
        archived = self._show_archived()
        self._show_clocks(has_archived=archived > 0)
        self._acknowledge_new_milestones()

    def _show_check_in(self) -> None:
        if self.check_in is None:
            self.check_in_status.setText(
                self.tr("Not done yet. About a minute; every question can be skipped.")
            )
            self.check_in_button.setText(self.tr("Check in"))
        else:
            self.check_in_status.setText(self._check_in_summary(self.check_in))
            self.check_in_button.setText(self.tr("Edit check-in"))

    def _show_urge_week(self) -> None:
        urges = self.urges
        weeks = None if urges is None else self.message.attempt(urges.week_comparison)
        self.urge_week.setVisible(weeks is not None)
        if weeks is None:
            return
        this_week, last_week = weeks
        self.urge_week.setText(
            self.tr("Urges noted this week: %1 (last week: %2).")
            .replace("%1", str(this_week.count))
            .replace("%2", str(last_week.count))
        )

    def _check_in_summary(self, saved: SavedCheckIn) -> str:
        a = saved.answers
        parts = [self.tr("Done.")]
        if a.mood is not None:
            parts.append(self.tr("Mood %1 of 5.").replace("%1", str(a.mood)))
        if a.pull is not None:
            parts.append(self.tr("Pull %1 of 10.").replace("%1", str(a.pull)))
        if a.no_contact is NoContactAnswer.YES:
            parts.append(self.tr("No contact today."))
        elif a.no_contact is NoContactAnswer.THEM:
            parts.append(self.tr("They reached out."))
        elif a.no_contact is NoContactAnswer.NO:
            parts.append(self.tr("There was contact."))
        if a.yesterday_promise is PromiseOutcome.KEPT:
            parts.append(self.tr("Yesterday's promise kept."))
        if a.promise:
            parts.append(self.tr("Promise made for today."))
        return " ".join(parts)

    def _show_clocks(self, *, has_archived: bool) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for summary in self.summaries:
            card = ClockCard(summary)
            card.log_contact.connect(self.log_contact)
            card.edit.connect(self.edit_clock)
            card.history.connect(self.show_history)
            card.archive.connect(self.archive_clock)
            card.remove.connect(self.remove_clock)
            self.cards.append(card)
        self.empty_state.setVisible(not self.cards)
        self.empty_add_button.setText(
            self.tr("Add a clock") if has_archived else self.tr("Add your first clock")
        )
        self._columns = 0
        self._place_cards()

    def _place_cards(self) -> None:
        columns = max(1, min(3, (self.width() - 56) // (CARD_MIN_WIDTH + 14)))
        columns = min(columns, max(1, len(self.cards)))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def _show_archived(self) -> int:
        """The Archived menu; returns how many clocks are archived."""
        archived = self.message.attempt(lambda: self.clocks.list_clocks(archived=True))
        menu = self.archived_button.menu()
        menu.clear()
        for clock in archived or []:
            clock_id = clock.id
            action = menu.addAction(
                self.tr("Bring back “%1”").replace("%1", clock.name.replace("&", "&&")),
                partial(self.unarchive_clock, clock_id),
            )
            action.setData(clock_id)
        self.archived_button.setText(
            self.tr("Archived (%1)").replace("%1", str(len(archived or [])))
        )
        self.archived_button.setVisible(bool(archived))
        return len(archived or [])

    def _acknowledge_new_milestones(self) -> None:
        lines = [
            self.texts.milestone(max(s.new_milestones), s.name)
            for s in self.summaries
            if s.new_milestones
        ]
        if lines:
            self.show_notice("\n".join(lines))
        for summary in self.summaries:
            if summary.new_milestones:
                self.message.run(partial(self.clocks.acknowledge_milestones, summary.clock_id))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setVisible(bool(text))

    def undo(self) -> None:
        self.undo_bar.undo()

    # ----- actions ------------------------------------------------------------------------------

    def add_clock(self) -> None:
        self._open(ClockDialog(self.clocks, parent=self), self._clock_saved)

    def edit_clock(self, clock_id: int) -> None:
        clock = self.message.attempt(lambda: self.clocks.get_clock(clock_id))
        if clock is not None:
            self._open(ClockDialog(self.clocks, clock, parent=self), self._clock_saved)

    def _clock_saved(self) -> None:
        self.refresh()

    def log_contact(self, clock_id: int | None = None) -> None:
        clocks = self.message.attempt(self.clocks.list_clocks)
        if not clocks:
            return
        dialog = ContactDialog(self.clocks, clocks, clock_id=clock_id, parent=self)
        self._open(dialog, lambda: self._contact_logged(dialog))

    def _contact_logged(self, dialog: ContactDialog) -> None:
        self.refresh()  # may acknowledge the new stretch's first milestones: keep them shown
        if dialog.days_before is not None and dialog.new_since is not None:
            line = self.texts.stretch_ended(
                dialog.days_before, dialog.new_since, today=self.clocks.today()
            )
            self.show_notice("\n".join(part for part in (line, self.notice.text()) if part))

    def show_history(self, clock_id: int) -> None:
        dialog = ContactHistoryDialog(self.clocks, clock_id, parent=self)
        dialog.finished.connect(lambda _result: self.refresh())
        self.dialog = dialog
        dialog.open()

    def archive_clock(self, clock_id: int) -> None:
        archived = self.message.attempt(lambda: self.clocks.archive_clock(clock_id))
        if archived is None:
            return
        self.undo_bar.offer(
            self.tr("Clock archived. It keeps everything, and you can bring it back any time."),
            lambda: self.clocks.archive_clock(clock_id, archived=False),
        )
        self.refresh()

    def unarchive_clock(self, clock_id: int) -> None:
        self.message.attempt(lambda: self.clocks.archive_clock(clock_id, archived=False))
        self.refresh()

    def remove_clock(self, clock_id: int) -> None:
        summary = next((s for s in self.summaries if s.clock_id == clock_id), None)
        if summary is None:
            return
        self.dialog = confirm(
            self,
            title=self.tr("Remove clock"),
            text=self.tr("Remove this clock with all its contacts and milestones?"),
            detail=self.tr(
                "You can undo this straight after. To keep everything but hide it from "
                "Today, archive it instead."
            ),
            yes=self.tr("Remove"),
            no=self.tr("Keep it"),
            on_yes=lambda: self._remove(clock_id),
            destructive=True,
        )

    def _remove(self, clock_id: int) -> None:
        removed: RemovedClock | None = self.message.attempt(
            lambda: self.clocks.remove_clock(clock_id)
        )
        if removed is None:
            return
        self.undo_bar.offer(self.tr("Clock removed."), lambda: self.clocks.restore_clock(removed))
        self.refresh()

    def open_check_in(self) -> None:
        yesterdays = self.message.attempt(self.check_ins.yesterdays_promise)
        dialog = CheckInDialog(self.check_ins, self.check_in, yesterdays or "", parent=self)
        self._open(dialog, lambda: self._checked_in(dialog))

    def _checked_in(self, dialog: CheckInDialog) -> None:
        self.refresh()
        saved = dialog.saved
        if saved is None or saved.answers.no_contact is not NoContactAnswer.NO:
            return
        if not self.summaries:
            return
        self.dialog = confirm(
            self,
            title=self.tr("Log the contact?"),
            text=self.tr("Would you like to log the contact now?"),
            detail=self.tr("Noting what happened can help later. It's fine to skip this."),
            yes=self.tr("Log contact"),
            no=self.tr("Not now"),
            on_yes=self.log_contact,
            yes_by_default=True,
        )

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.accepted.connect(on_accepted)
        self.dialog = dialog
        dialog.open()

    # ----- events -------------------------------------------------------------------------------

    def _refresh_if_day_changed(self) -> None:
        if self.clocks.today() != self._shown_day:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._day_timer.start()
        self._refresh_if_day_changed()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._day_timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()
