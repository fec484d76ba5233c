"""The Exercises screen's side panels: promises to myself, the self-trust line and figures,
instincts and predictions waiting to be checked, and recent runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.check_in import PROMISE_MAX_CHARS, PromiseOutcome
from recovery_app.domain.instincts import HunchKind, Share
from recovery_app.services.hunches import HunchService, SavedHunch
from recovery_app.services.promises import PromiseService, SavedPromise
from recovery_app.services.texts import exercise_texts
from recovery_app.ui.exercises.self_trust_line import SelfTrustLine
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.tab_order import tab_in_order
from recovery_app.ui.kit.widgets import paragraph, their_words

MAX_ROWS = 6


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = None if item is None else item.widget()
        if widget is not None:
            widget.deleteLater()


def _percent(share: Share) -> str:
    assert share.share is not None
    return str(round(share.share * 100))


class PromisesPanel(QGroupBox):
    changed = Signal()

    def __init__(self, promises: PromiseService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Promises to myself"), parent)
        self.promises = promises
        layout = QVBoxLayout(self)
        add_row = QHBoxLayout()
        self.new_promise = QLineEdit()
        self.new_promise.setMaxLength(PROMISE_MAX_CHARS)
        self.new_promise.setPlaceholderText(self.tr("One small thing I'll do for myself today"))
        self.new_promise.setAccessibleName(self.tr("A new promise for today"))
        self.add_button = QPushButton(self.tr("Promise"))
        self.add_button.setToolTip(self.tr("Make this promise for today (Enter)"))
        add_row.addWidget(self.new_promise, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.message = MessageLine(promises.data_dir)
        layout.addWidget(self.message)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.add_button.clicked.connect(self._add)
        self.new_promise.returnPressed.connect(self._add)
        self.mark_buttons: dict[tuple[int, PromiseOutcome], QPushButton] = {}

    def refresh(self) -> None:
        _clear(self.rows)
        self.mark_buttons = {}
        listed = self.message.attempt(lambda: self.promises.open_promises(newest=MAX_ROWS))
        if not listed:
            self.rows.addWidget(paragraph(exercise_texts().promises["empty"], "hint"))
            return
        self.rows.addWidget(paragraph(self.tr("How did these go?"), "hint"))
        for promise in listed:
            self.rows.addWidget(self._row(promise))
        tab_in_order(self.add_button, *self.mark_buttons.values())  # rows made anew: Tab too

    def _row(self, promise: SavedPromise) -> QWidget:
        """The promise's words on one line, its day and the three answers under them."""
        row = QWidget()
        lines = QVBoxLayout(row)
        lines.setContentsMargins(0, 4, 0, 4)
        lines.setSpacing(4)
        lines.addWidget(their_words(promise.text))
        answers = QHBoxLayout()
        days = (self.promises.today() - promise.day).days
        if days == 0:
            when = self.tr("Today")
        elif days == 1:
            when = self.tr("Yesterday")
        else:
            when = f"{promise.day:%a} {promise.day.day} {promise.day:%b}"
        answers.addWidget(paragraph(when, "small"), 1)
        for outcome, label in (
            (PromiseOutcome.KEPT, self.tr("Kept")),
            (PromiseOutcome.NOT_KEPT, self.tr("Not this time")),
            (PromiseOutcome.LET_GO, self.tr("Let go")),
        ):
            button = QPushButton(label)
            button.setObjectName("choice")
            button.setAccessibleName(f"{label}: {promise.text}")
            button.clicked.connect(lambda _=False, p=promise.id, o=outcome: self._mark(p, o))
            self.mark_buttons[(promise.id, outcome)] = button
            answers.addWidget(button)
        lines.addLayout(answers)
        return row

    def _add(self) -> None:
        text = self.new_promise.text()
        if self.message.attempt(lambda: self.promises.add(text)):
            self.new_promise.clear()
            self.refresh()
            self.changed.emit()

    def _mark(self, promise_id: int, outcome: PromiseOutcome) -> None:
        marked = self.message.attempt(lambda: self.promises.mark(promise_id, outcome))
        if marked is not None:
            self.refresh()
            self.changed.emit()


class SelfTrustPanel(QGroupBox):
    def __init__(
        self, promises: PromiseService, hunches: HunchService, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("My self-trust"), parent)
        self.promises = promises
        self.hunches = hunches
        layout = QVBoxLayout(self)
        self.summary = paragraph("")
        self.line = SelfTrustLine()
        self.instincts = paragraph("", "hint")
        self.fears = paragraph("", "hint")
        self.message = MessageLine(promises.data_dir)
        for widget in (self.summary, self.line, self.instincts, self.fears, self.message):
            layout.addWidget(widget)

    def refresh(self) -> None:
        texts = exercise_texts()
        weeks = self.message.attempt(self.promises.self_trust_line)
        figures = self.message.attempt(self.hunches.figures)
        weeks = weeks or []
        kept, decided = sum(w.kept for w in weeks), sum(w.decided for w in weeks)
        if decided:
            self.summary.setText(
                texts.promises["line_summary"].format(
                    kept=kept, decided=decided, percent=round(kept / decided * 100)
                )
            )
        else:
            self.summary.setText(texts.promises["line_empty"])
        self.line.set_weeks(weeks)
        self.line.setVisible(bool(weeks))
        if figures is None:
            return
        instincts, fears = figures.instincts_right, figures.fears_wrong
        self.instincts.setText(
            texts.hunches["instincts_share"].format(
                percent=_percent(instincts), count=instincts.count
            )
            if instincts.share is not None
            else texts.hunches["instincts_empty"]
        )
        self.fears.setText(
            texts.hunches["fears_share"].format(percent=_percent(fears), count=fears.count)
            if fears.share is not None
            else texts.hunches["fears_empty"]
        )


class WaitingPanel(QGroupBox):
    note_requested = Signal()
    check_requested = Signal(object)  # a SavedHunch

    def __init__(self, hunches: HunchService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Instincts and predictions"), parent)
        self.hunches = hunches
        layout = QVBoxLayout(self)
        self.note_button = QPushButton(self.tr("Note an instinct or a prediction…"))
        layout.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.waiting_title = QLabel(self.tr("Waiting to check"))
        self.waiting_title.setObjectName("small")
        layout.addWidget(self.waiting_title)
        self.message = MessageLine(hunches.data_dir)
        layout.addWidget(self.message)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.note_button.clicked.connect(self.note_requested)
        self.check_buttons: list[QPushButton] = []

    def refresh(self) -> None:
        _clear(self.rows)
        self.check_buttons = []
        waiting = self.message.attempt(lambda: self.hunches.first_waiting(MAX_ROWS))
        if waiting is None or not waiting.first:
            if waiting is not None:
                self.rows.addWidget(paragraph(exercise_texts().hunches["waiting_empty"], "hint"))
            return
        for hunch in waiting.first:
            self.rows.addWidget(self._row(hunch))
        tab_in_order(self.note_button, *self.check_buttons)
        if waiting.total > MAX_ROWS:
            more = self.tr("and %1 more after these").replace("%1", str(waiting.total - MAX_ROWS))
            self.rows.addWidget(paragraph(more, "small"))

    def _row(self, hunch: SavedHunch) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 2, 0, 2)
        kind = self.tr("Gut feeling") if hunch.kind is HunchKind.INSTINCT else self.tr("Prediction")
        line.addWidget(paragraph(kind, "small"))
        line.addWidget(their_words(hunch.text), 1)
        button = QPushButton(self.tr("Look back"))
        button.setAccessibleName(self.tr("Look back: %1").replace("%1", hunch.text))
        button.clicked.connect(lambda: self.check_requested.emit(hunch))
        self.check_buttons.append(button)
        line.addWidget(button)
        return row
