"""Exercises: the self-trust library as cards, promises to myself, the self-trust line,
instincts and predictions waiting to be checked, and recent runs.

Dialogs open with `open()` (not `exec()`), so locking can tear this screen down at any moment
without a nested event loop still running inside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.exercises import ExerciseService, Run, keep_from_run
from recovery_app.services.hunches import HunchService, SavedHunch
from recovery_app.services.promises import PromiseService
from recovery_app.services.texts import exercise_texts
from recovery_app.ui.exercises.cards import ExerciseCard
from recovery_app.ui.exercises.history import ExerciseHistoryDialog, when_text
from recovery_app.ui.exercises.hunch_dialogs import CheckHunchDialog, NoteHunchDialog
from recovery_app.ui.exercises.panels import PromisesPanel, SelfTrustPanel, WaitingPanel
from recovery_app.ui.exercises.runner import ExerciseRunner
from recovery_app.ui.kit.confirm import Answer, ask
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.tab_order import tab_in_order
from recovery_app.ui.kit.widgets import heading, paragraph

CARD_WIDTH = 300  # a card's comfortable width: the columns follow the window's
RECENT_RUNS = 5
GO_ON, AFRESH = range(2)  # the answers to "Go on?"


class ExercisesScreen(QWidget):
    def __init__(
        self,
        exercises: ExerciseService,
        promises: PromiseService,
        hunches: HunchService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.exercises = exercises
        self.promises = promises
        self.hunches = hunches
        self.dialog: QDialog | QMessageBox | None = None
        self.cards: list[ExerciseCard] = []
        self.recent: list[Run] = []
        self._seen_changes: int | None = None  # the journal's change marker when last read
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        texts = exercise_texts().screen
        column = in_scroll_page(self, margins=(28, 20, 28, 20), spacing=12).column
        column.addWidget(heading(self.tr("Exercises")))
        column.addWidget(paragraph(texts["intro"], "hint"))
        # A file that didn't load is the developers' business: a quiet line, never a dialog.
        self.notice = paragraph(texts["files_left_out"], "small")
        self.notice.setVisible(bool(self.exercises.library.problems))
        column.addWidget(self.notice)
        self.message = MessageLine(self.exercises.data_dir)
        column.addWidget(self.message)
        self.status = MessageLine(note=True)
        column.addWidget(self.status)
        self.waiting_nudge = paragraph(exercise_texts().hunches["waiting_nudge"], "gentle")
        column.addWidget(self.waiting_nudge)

        panels = QHBoxLayout()
        panels.setSpacing(12)
        self.self_trust = SelfTrustPanel(self.promises, self.hunches)
        self.promises_panel = PromisesPanel(self.promises)
        panels.addWidget(self.self_trust, 1)
        panels.addWidget(self.promises_panel, 1)
        column.addLayout(panels)

        library_header = QHBoxLayout()
        library_header.addWidget(heading(self.tr("The exercises"), 3), 1)
        self.show_hidden = QCheckBox(self.tr("Show &hidden exercises"))
        library_header.addWidget(self.show_hidden)
        column.addLayout(library_header)
        self.all_hidden = paragraph(texts["all_hidden"], "hint")
        column.addWidget(self.all_hidden)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.columns = 2
        column.addLayout(self.grid)

        lower = QHBoxLayout()
        lower.setSpacing(12)
        self.waiting = WaitingPanel(self.hunches)
        recent_box = QGroupBox(self.tr("Recent runs"))
        recent_layout = QVBoxLayout(recent_box)
        self.no_runs = paragraph(texts["no_runs"], "hint")
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(self.tr("Recent runs"))
        self.recent_list.setToolTip(self.tr("Enter or double-click to read it again"))
        recent_layout.addWidget(self.no_runs)
        recent_layout.addWidget(self.recent_list)
        recent_layout.addStretch(1)
        lower.addWidget(self.waiting, 1)
        lower.addWidget(recent_box, 1)
        column.addLayout(lower)
        column.addStretch(1)

    def _connect_signals(self) -> None:
        self.show_hidden.toggled.connect(self._show_cards)
        self.promises_panel.changed.connect(self.self_trust.refresh)
        self.waiting.note_requested.connect(self.note_hunch)
        self.waiting.check_requested.connect(self.check_hunch)
        self.recent_list.itemActivated.connect(
            lambda item: self.show_history(self.recent[self.recent_list.row(item)].exercise_id)
        )

    # ----- showing --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """A check-in (or the command line) may have made or marked a promise meanwhile."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh_if_changed()

    def refresh_if_changed(self) -> None:
        if self.promises.changes() != self._seen_changes:
            self.refresh()

    def refresh(self) -> None:
        self._seen_changes = self.promises.changes()
        self.self_trust.refresh()
        self.promises_panel.refresh()
        self.waiting.refresh()
        self._show_nudge()
        self._show_cards()
        self._show_recent()

    def _show_cards(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        hidden = self.message.attempt(self.exercises.hidden) or set()
        # Two counts for every card at once, not two reads per card.
        half_done = self.message.attempt(self.exercises.half_done) or set()
        finished = self.message.attempt(self.exercises.finished_counts) or {}
        shown = [
            e
            for e in self.exercises.library.exercises
            if self.show_hidden.isChecked() or e.id not in hidden
        ]
        self.all_hidden.setVisible(not shown and bool(self.exercises.library.exercises))
        for exercise in shown:
            card = ExerciseCard(
                exercise,
                hidden=exercise.id in hidden,
                half_done=exercise.id in half_done,
                finished_runs=finished.get(exercise.id, 0),
            )
            card.start_requested.connect(self.start)
            card.history_requested.connect(self.show_history)
            card.hide_requested.connect(self.set_hidden)
            self.cards.append(card)
        self._place_cards()
        # Cards made anew go last in Qt's Tab order: back to where they are read.
        buttons = [(c.start_button, c.history_button, c.hide_button) for c in self.cards]
        tab_in_order(self.show_hidden, *(button for row in buttons for button in row))

    def _place_cards(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // self.columns, index % self.columns)
        for index in range(4):
            self.grid.setColumnStretch(index, 1 if index < self.columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = max(1, min(3, (self.width() - 80) // CARD_WIDTH))
        if columns != self.columns:
            self.columns = columns
            self._place_cards()

    def _show_recent(self) -> None:
        self.recent_list.clear()
        self.recent = self.message.attempt(lambda: self.exercises.recent_runs(RECENT_RUNS)) or []
        for run in self.recent:
            exercise = self.exercises.library.get(run.exercise_id)
            title = exercise.title if exercise else self.tr("An exercise no longer in the library")
            self.recent_list.addItem(QListWidgetItem(f"{title} · {when_text(run)}"))
        self.no_runs.setVisible(not self.recent)
        self.recent_list.setVisible(bool(self.recent))
        if self.recent:  # as tall as its rows: a tall empty box looked like something missing
            rows = self.recent_list.sizeHintForRow(0) * len(self.recent)
            self.recent_list.setFixedHeight(rows + 2 * self.recent_list.frameWidth() + 4)

    def card(self, exercise_id: str) -> ExerciseCard:
        return next(c for c in self.cards if c.exercise.id == exercise_id)

    # ----- acting ---------------------------------------------------------------------------

    def start(self, exercise_id: str) -> None:
        """Open the runner; a run left half-way is offered first."""
        half_done = self.message.attempt(lambda: self.exercises.unfinished_run(exercise_id))
        if half_done is None:
            self._open_runner(exercise_id, None)
            return

        def chosen(answer: int | None) -> None:
            if answer == GO_ON:
                self._open_runner(exercise_id, half_done)
            elif answer == AFRESH:
                # The same run, emptied: what was there is replaced only once something is saved.
                self._open_runner(exercise_id, half_done, afresh=True)

        self.dialog = ask(
            self,
            title=self.tr("Go on?"),
            text=exercise_texts().screen["resume"],
            answers=[
                Answer(self.tr("&Go on where I left off"), QMessageBox.ButtonRole.YesRole),
                Answer(self.tr("Start &afresh"), QMessageBox.ButtonRole.NoRole),
                Answer(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole),
            ],
            default=GO_ON,
            escape=2,
            on_answer=chosen,
        )

    def _open_runner(self, exercise_id: str, run: Run | None, *, afresh: bool = False) -> None:
        exercise = self.exercises.library.get(exercise_id)
        if exercise is None:
            return
        runner = ExerciseRunner(self.exercises, exercise, None if afresh else run, parent=self)
        if afresh and run is not None:
            runner.run_id = run.id
        runner.saved.connect(self._run_saved)
        self.dialog = runner
        runner.open()

    def _run_saved(self, run: Run) -> None:
        texts = exercise_texts().screen
        status = texts["finished"] if run.finished else texts["saved_for_later"]
        exercise = self.exercises.library.get(run.exercise_id)
        if exercise is not None and run.finished:
            kept = self.message.attempt(
                lambda: keep_from_run(exercise, run, self.promises, self.hunches)
            )
            if kept is not None:
                status = texts[f"kept_{kept.value}"]
                self.promises_panel.refresh()
                self._hunches_changed()
        self.status.acknowledge(status)
        self._show_cards()
        self._show_recent()

    def show_history(self, exercise_id: str) -> None:
        exercise = self.exercises.library.get(exercise_id)
        runs = self.message.attempt(lambda: self.exercises.history(exercise_id))
        if exercise is None or runs is None:
            return
        dialog = ExerciseHistoryDialog(exercise, runs, parent=self)
        self.dialog = dialog
        dialog.open()

    def set_hidden(self, exercise_id: str, hide: bool) -> None:
        action = self.exercises.hide if hide else self.exercises.show
        self.message.attempt(lambda: action(exercise_id))
        self._show_cards()

    def note_hunch(self) -> None:
        dialog = NoteHunchDialog(self.hunches, parent=self)
        dialog.accepted.connect(self._hunch_noted)
        self.dialog = dialog
        dialog.open()

    def check_hunch(self, hunch: SavedHunch) -> None:
        dialog = CheckHunchDialog(self.hunches, hunch, parent=self)
        dialog.accepted.connect(self._hunch_checked)
        self.dialog = dialog
        dialog.open()

    def _hunch_noted(self) -> None:
        self._hunches_changed()
        self.status.acknowledge(self.tr("Noted. It waits below until the day you chose."))

    def _hunch_checked(self) -> None:
        self._hunches_changed()
        self.status.acknowledge(self.tr("Noted how it turned out."))

    def _hunches_changed(self) -> None:
        self.waiting.refresh()
        self.self_trust.refresh()
        self._show_nudge()

    def _show_nudge(self) -> None:
        self.waiting_nudge.setVisible(bool(self.waiting.check_buttons))
