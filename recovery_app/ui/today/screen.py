"""Today: each clock's stretch, the daily check-in, a gentle line, calm milestones.

Dialogs open with `open()` (not `exec()`), so locking can tear this screen down at any
moment without a nested event loop still running inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.check_in import NoContactAnswer
from recovery_app.domain.kinds import ContactKind
from recovery_app.domain.notices import Notice, NoticeKind, choose
from recovery_app.services.check_ins import CheckInService, SavedCheckIn
from recovery_app.services.clock_records import ClockSummary, RemovedClock
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_log import ContactLogService
from recovery_app.services.contact_records import RecordService
from recovery_app.services.notices import TodayNotices
from recovery_app.services.texts import today_texts
from recovery_app.services.urges import UrgeService
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.today.check_in_card import CheckInCard
from recovery_app.ui.today.check_in_dialog import CheckInDialog
from recovery_app.ui.today.clock_card import ClockCard, long_date
from recovery_app.ui.today.clock_dialog import ClockDialog
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.today.contact_history_dialog import ContactHistoryDialog
from recovery_app.ui.today.notice_card import NoticeCard

CARD_MIN_WIDTH = 300
DAY_CHECK_MS = 60_000


class TodayScreen(QWidget):
    contact_logged = Signal(object)  # the ContactKind of a contact just logged here

    def __init__(
        self,
        clocks: ClockService,
        check_ins: CheckInService,
        urges: UrgeService | None = None,
        parent: QWidget | None = None,
        *,
        notices: TodayNotices | None = None,  # every other part's notice, chosen in one place
        navigation: Navigation | None = None,  # given: the plan shows when they reach out
        records: RecordService | None = None,  # given: each attempt's record is offered
        contact_log: ContactLogService | None = None,
    ) -> None:
        super().__init__(parent)
        self.clocks = clocks
        self.navigation = navigation
        self.records = records
        self.contact_log = contact_log
        self.check_ins = check_ins
        self.urges = urges
        self.notices = notices
        self.texts = today_texts()
        self.summaries: list[ClockSummary] = []
        self.cards: list[ClockCard] = []
        self.check_in: SavedCheckIn | None = None
        self.dialog: QDialog | QMessageBox | None = None
        self._shown_day: date | None = None
        self._columns = 0
        self._own_notices: list[Notice] = []  # what only Today knows just now
        self._own_said = False  # they were on screen and Today was left: said once is enough
        self._board_waiting = False  # the board is asked only while Today is on screen
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

        self.notice_card = NoticeCard()
        self.notice = self.notice_card.text
        column.addWidget(self.notice_card)

        self.message = MessageLine(self.clocks.data_dir)
        self.undo_bar = UndoBar(self.message)
        column.addWidget(self.undo_bar)
        column.addWidget(self.message)
        self.saved_note = MessageLine(note=True)  # "Check-in saved.": every save is answered
        column.addWidget(self.saved_note)

        self.check_in_card = CheckInCard()
        self.check_in_status = self.check_in_card.status  # by name, as the tests read them
        self.check_in_button = self.check_in_card.button
        self.urge_week = self.check_in_card.urge_week
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
        self.notice_card.dismiss_requested.connect(self._dismiss_notice)
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
        self.date_label.setText(long_date(today, weekday=True))
        self.gentle_line.setText(self.texts.gentle_line(today))
        summaries = self.message.attempt(self.clocks.summaries)
        self.summaries = summaries or []
        self.check_in = self.message.attempt(self.check_ins.get)
        self.check_in_card.show_check_in(self.check_in)
        weeks = None if self.urges is None else self.message.attempt(self.urges.week_comparison)
        self.check_in_card.show_weeks(weeks)
        archived = self._show_archived()
        self._show_clocks(has_archived=archived > 0)
        self._show_notice(self._milestone_notice())

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

    def _milestone_notice(self) -> Notice | None:
        """New milestones, said once, calmly: acknowledged as soon as they are shown."""
        lines = [
            self.texts.milestone(max(s.new_milestones), s.name)
            for s in self.summaries
            if s.new_milestones
        ]
        for summary in self.summaries:
            if summary.new_milestones:
                self.message.run(partial(self.clocks.acknowledge_milestones, summary.clock_id))
        return Notice(NoticeKind.MILESTONE, "\n".join(lines)) if lines else None

    def _show_notice(self, *offered: Notice | None) -> None:
        """Today's one notice: what only this screen knows now, and every other source's."""
        self._own_notices = [n for n in offered if n is not None]
        self._own_said = False
        self._choose_notice()

    def notices_changed(self) -> None:
        """Another part has something new to say (a moment a reading may follow)."""
        self._choose_notice()

    def _choose_notice(self) -> None:
        # A source may count its offer as made (a reading suggested), so the board is asked
        # only when the notice will be seen: now if Today is on screen, else when it is shown.
        own = self._own_notices
        if self.notices is not None and self.isVisible():
            chosen = self.notices.choose(own)
            self._board_waiting = False
        else:
            chosen = choose(own)
            self._board_waiting = self.notices is not None
        self.notice_card.show_notice(chosen)

    def _dismiss_notice(self, notice: Notice) -> None:
        notices = self.notices
        if notices is not None and self.message.run(lambda: notices.dismiss(notice)):
            self._show_notice()

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
        self.saved_note.acknowledge(self.tr("Clock saved."))

    def log_contact(self, clock_id: int | None = None) -> None:
        clocks = self.message.attempt(self.clocks.list_clocks)
        if not clocks:
            return
        dialog = ContactDialog(self.clocks, clocks, clock_id=clock_id, parent=self)
        self._open(dialog, lambda: self._contact_logged(dialog))

    def _contact_logged(self, dialog: ContactDialog) -> None:
        self.refresh()  # may acknowledge the new stretch's first milestones: keep them shown
        self.saved_note.acknowledge(self.tr("Contact noted."))
        saved, navigation = dialog.saved, self.navigation
        if saved and dialog.is_new and saved.details.kind is ContactKind.THEM and navigation:
            self.dialog = navigation.show_reach_out_plan(self, saved)  # the plan, at once
        if dialog.days_before is not None and dialog.new_since is not None:
            line = self.texts.stretch_ended(
                dialog.days_before, dialog.new_since, today=self.clocks.today()
            )
            shown = self.notice_card.notice  # the new stretch's first milestones stay said
            below = shown.text if shown is not None and shown.kind is NoticeKind.MILESTONE else ""
            text = "\n".join(part for part in (line, below) if part)
            self._show_notice(Notice(NoticeKind.STRETCH, text))
        if dialog.saved is not None:
            self.contact_logged.emit(dialog.saved.details.kind)

    def show_history(self, clock_id: int) -> None:
        dialog = ContactHistoryDialog(
            self.clocks, clock_id, self, records=self.records, contact_log=self.contact_log
        )
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
        self.saved_note.acknowledge(self.tr("Check-in saved."))
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
        if self._own_said:
            # Back on Today: its own lines (a milestone, a new stretch) were said; the
            # board's notice, which may have changed meanwhile, takes their place.
            self._own_notices = []
            self._own_said = False
            self._choose_notice()
        elif self._board_waiting or not event.spontaneous():
            self._choose_notice()
        self._refresh_if_day_changed()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._day_timer.stop()
        if not event.spontaneous():  # another section chosen (not the window minimised)
            self._own_said = bool(self._own_notices)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()
