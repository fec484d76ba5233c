"""Hard dates, beside my reasons and the people I can reach: the days I marked, each with a
plan, and what my own journal suggests marking (never added without a yes).

Here because a hard day's plan is made of what this section holds (Ride the wave, my
reasons, people I can reach), and the suggestions come from the urges noted here. Today's
notice opens a date's plan straight away; Settings and the plan point back here.

Keyboard: Ctrl+N marks a date; in the list, Enter shows the plan, F2 changes the date,
Delete removes it (asked first, then offered back: Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.hard_dates import day_and_month
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.services.hard_date_suggestions import Suggestions
from recovery_app.services.hard_dates import HardDateService, RemovedHardDate, UpcomingHardDate
from recovery_app.services.memories import MemoryService
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.lists import ID_ROLE, entry_list, shortcut
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.urges.hard_dates.date_dialog import HardDateDialog
from recovery_app.ui.urges.hard_dates.memory_picker import MemoryPickerDialog
from recovery_app.ui.urges.hard_dates.plan_dialog import PlanDialog
from recovery_app.ui.urges.hard_dates.suggestion_card import SuggestionCard

LIST_MIN_HEIGHT = 140
LIST_MAX_HEIGHT = 300


class HardDatesTab(QWidget):
    changed = Signal()  # a date was marked, changed or removed: Today's line may change

    def __init__(
        self,
        hard_dates: HardDateService,
        memories: MemoryService,
        navigation: Navigation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hard_dates = hard_dates
        self.memories = memories
        self.navigation = navigation
        self.dialog: QDialog | QMessageBox | None = None
        self.cards: list[SuggestionCard] = []
        self._upcoming: list[UpcomingHardDate] = []
        self._clocks: dict[int, str] = {}
        self._seen: tuple[int, date] | None = None  # (changes, today) as last read
        self._build_ui()
        self._connect_signals()
        # Read when shown (see showEvent), and again only once something changed.

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        column = in_scroll_page(self, spacing=12).column
        column.addWidget(heading(self.tr("Hard dates"), 4))
        column.addWidget(
            paragraph(
                self.tr(
                    "Anniversaries, a birthday, holidays, the day it ended: days like these can "
                    "bring the pull back. Mark them here, and Today shows them ahead of time, "
                    "with your plan."
                ),
                "hint",
            )
        )
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Mark a date…"))
        self.add_button.setToolTip(self.tr("Mark a date (Ctrl+N)"))
        self.memory_button = QPushButton(self.tr("From a memory…"))
        self.memory_button.setToolTip(self.tr("Mark the day of a memory dated to the day"))
        for button in (self.add_button, self.memory_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)
        self.message = MessageLine(self.hard_dates.data_dir)
        self.undo_bar = UndoBar(self.message)
        column.addWidget(self.message)
        column.addWidget(self.undo_bar)

        self.empty_state = paragraph(
            self.tr("No days marked yet. Marking one now, while things are calm, can help later."),
            "gentle",
        )
        column.addWidget(self.empty_state)
        self.list = entry_list(self.tr("Days you marked, the next one first"))
        self.list.setMinimumHeight(LIST_MIN_HEIGHT)
        self.list.setMaximumHeight(LIST_MAX_HEIGHT)
        column.addWidget(self.list)
        row = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("See the plan…"))
        self.plan_button.setToolTip(self.tr("See the plan (Enter)"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setToolTip(self.tr("Change the date or its plan (F2)"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove (Delete)"))
        for button in (self.plan_button, self.edit_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)

        column.addSpacing(8)
        column.addWidget(heading(self.tr("Suggested from your journal"), 2))
        column.addWidget(paragraph(self.tr("Nothing is added unless you keep it."), "hint"))
        self.not_yet = paragraph("", "small")
        column.addWidget(self.not_yet)
        self.nothing_to_suggest = paragraph(self.tr("Nothing to suggest just now."), "small")
        column.addWidget(self.nothing_to_suggest)
        self.cards_column = QVBoxLayout()
        self.cards_column.setSpacing(10)
        column.addLayout(self.cards_column)
        column.addStretch(1)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(lambda: self.add_date())
        self.memory_button.clicked.connect(self.pick_memory)
        self.plan_button.clicked.connect(self.show_plan)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemActivated.connect(lambda _item: self.show_plan())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.undo_bar.undone.connect(self._undone)
        self.undo_bar.bind_shortcut(self, within_owner=True)
        shortcut("Ctrl+N", self, lambda: self.add_date())
        shortcut("F2", self.list, self.edit_selected, Qt.ShortcutContext.WidgetShortcut)
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.list,
            self.remove_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )

    # ----- showing --------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        keep = self.selected_id() if select_id is None else select_id
        self._seen = self._now_seen()  # before reading: a save meanwhile counts
        self._clocks = self.message.attempt(self.hard_dates.clock_names) or {}
        upcoming = self.message.attempt(self.hard_dates.upcoming)
        self._upcoming = upcoming or []
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._upcoming:
            row = QListWidgetItem(self._row_text(item))  # never read as markup
            row.setData(ID_ROLE, item.saved.id)
            self.list.addItem(row)
            if item.saved.id == keep:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        has_dates = bool(self._upcoming)
        self.list.setVisible(has_dates)
        self.empty_state.setVisible(upcoming is not None and not has_dates)
        self._update_buttons()
        self._show_suggestions(self.message.attempt(self.hard_dates.suggestions))

    def _row_text(self, item: UpcomingHardDate) -> str:
        details = item.saved.details
        day = day_and_month(details.month, details.day)
        when = (
            self.tr("%1, every year").replace("%1", day)
            if details.year is None
            else f"{day} {details.year}"
        )
        parts = [when, self._to_go(item.days_to_go)]
        if details.clock_id in self._clocks:
            parts.append(self._clocks[details.clock_id])
        return f"{details.name}\n" + "  ·  ".join(parts)

    def _to_go(self, days: int | None) -> str:
        if days is None:
            return self.tr("passed")
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        return self.tr("in %1 days").replace("%1", str(days))

    def _show_suggestions(self, suggestions: Suggestions | None) -> None:
        for card in self.cards:
            self.cards_column.removeWidget(card)
            card.deleteLater()
        self.cards = []
        if suggestions is None:
            self.not_yet.hide()
            self.nothing_to_suggest.hide()
            return
        for cluster in suggestions.clusters:
            self._add_card(
                SuggestionCard(cluster.key, cluster.sentence, cluster.details, cluster.counts)
            )
        for start in suggestions.clock_starts:
            self._add_card(SuggestionCard(start.key, start.sentence, start.details))
        self.not_yet.setText(suggestions.not_yet or "")
        self.not_yet.setVisible(suggestions.not_yet is not None)
        self.nothing_to_suggest.setVisible(suggestions.empty and suggestions.not_yet is None)

    def _add_card(self, card: SuggestionCard) -> None:
        card.keep_requested.connect(self.add_date)
        card.dismiss_requested.connect(self.dismiss_suggestion)
        self.cards_column.addWidget(card)
        self.cards.append(card)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        for button in (self.plan_button, self.edit_button, self.remove_button):
            button.setVisible(bool(self._upcoming))
            button.setEnabled(chosen)

    # ----- actions --------------------------------------------------------------------------

    def _clock_choices(self) -> list[tuple[int, str]]:
        return sorted(self._clocks.items())

    def add_date(self, start: HardDateDetails | None = None) -> HardDateDialog:
        dialog = HardDateDialog(self.hard_dates, self._clock_choices(), start=start, parent=self)
        self._open(dialog, lambda: self._saved(dialog))
        return dialog

    def edit_selected(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        dialog = HardDateDialog(
            self.hard_dates, self._clock_choices(), saved=chosen.saved, parent=self
        )
        self._open(dialog, lambda: self._saved(dialog))

    def _saved(self, dialog: HardDateDialog) -> None:
        self.refresh(dialog.saved.id if dialog.saved is not None else None)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def pick_memory(self) -> None:
        picker = MemoryPickerDialog(self.hard_dates, self.memories, parent=self)
        self._open(picker, lambda: self._picked(picker))

    def _picked(self, picker: MemoryPickerDialog) -> None:
        if picker.chosen is not None:
            self.add_date(picker.chosen.details())

    def show_plan(self) -> PlanDialog | None:
        chosen = self._chosen()
        if chosen is None:
            return None
        plan = PlanDialog(
            self.hard_dates, chosen.saved.id, self.navigation, self._clock_choices(), parent=self
        )
        plan.changed.connect(lambda: self._plan_changed(chosen.saved.id))
        self.dialog = plan
        plan.open()
        return plan

    def _plan_changed(self, hard_date_id: int) -> None:
        self.refresh(hard_date_id)
        self.changed.emit()

    def remove_selected(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        self.dialog = confirm(
            self,
            title=self.tr("Remove the date"),
            text=self.tr("Remove this date and its plan?"),
            detail=self.tr("You can undo this straight after."),
            yes=self.tr("Remove"),
            no=self.tr("Keep it"),
            on_yes=lambda: self._remove(chosen.saved.id),
            destructive=True,
        )

    def _remove(self, hard_date_id: int) -> None:
        removed: RemovedHardDate | None = self.message.attempt(
            lambda: self.hard_dates.remove(hard_date_id)
        )
        if removed is None:
            return
        self.undo_bar.offer(self.tr("Date removed."), lambda: self.hard_dates.restore(removed).id)
        self.refresh()
        (self.list if self.list.count() else self.add_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )
        self.changed.emit()

    def dismiss_suggestion(self, key: str) -> None:
        if not self.message.run(lambda: self.hard_dates.dismiss_suggestion(key)):
            return
        self.undo_bar.offer(
            self.tr("It won't be suggested again."),
            lambda: self.hard_dates.undismiss_suggestion(key),
        )
        self.refresh()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undone(self, restored: object) -> None:
        self.refresh(restored if isinstance(restored, int) else None)
        self.changed.emit()

    def _chosen(self) -> UpcomingHardDate | None:
        chosen_id = self.selected_id()
        return next((u for u in self._upcoming if u.saved.id == chosen_id), None)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.accepted.connect(on_accepted)
        self.dialog = dialog
        dialog.open()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._now_seen() != self._seen:
            self.refresh()  # the days to go move on, and urges noted elsewhere count

    def _now_seen(self) -> tuple[int, date]:
        return self.hard_dates.changes(), self.hard_dates.today()
