"""One runner for every exercise: a step per page, built from the exercise's data file.

Back, Next and Skip (Alt+B, Alt+N, Alt+S), nothing chosen in advance, every step skippable.
"Save and finish later" (Alt+L) keeps the answers and the step; closing the window keeps them
too, so nothing written is ever lost by leaving.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.exercises import Answer, Exercise, Step, StepKind
from recovery_app.services.exercises import ExerciseService, Run
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import heading, paragraph


class StepPage(QWidget):
    """One step: its prompt, a hint, and the one input its kind needs."""

    def __init__(self, step: Step, number: int, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        where = paragraph(
            self.tr("Step %1 of %2").replace("%1", str(number)).replace("%2", str(count)),
            "hint",
        )
        layout.addWidget(where)
        self.prompt = heading(step.prompt, 3)
        layout.addWidget(self.prompt)
        if step.hint:
            layout.addWidget(paragraph(step.hint, "hint"))
        self.text: QPlainTextEdit | None = None
        self.choice: ChoiceRow[object] | None = None
        self.boxes: list[QCheckBox] = []
        if step.kind is StepKind.TEXT:
            self.text = QPlainTextEdit()
            self.text.setTabChangesFocus(True)
            self.text.setAccessibleName(step.prompt)
            self.text.setPlaceholderText(self.tr("Write as much or as little as you like"))
            self.text.setMinimumHeight(140)
            layout.addWidget(self.text, 1)
        elif step.kind is StepKind.SCALE:
            self.choice = ChoiceRow([(n, str(n)) for n in range(11)], step.prompt)
            layout.addWidget(self.choice)
            if step.low or step.high:
                ends = QHBoxLayout()
                # Short words, each kept on one line (a wrapped label broke "as strong as it gets").
                low = QLabel(self.tr("0: %1").replace("%1", step.low))
                high = QLabel(self.tr("10: %1").replace("%1", step.high))
                for end in (low, high):
                    end.setObjectName("hint")
                ends.addWidget(low)
                ends.addStretch(1)
                ends.addWidget(high)
                layout.addLayout(ends)
        elif step.kind is StepKind.YES_NO:
            self.choice = ChoiceRow([(True, self.tr("Yes")), (False, self.tr("No"))], step.prompt)
            layout.addWidget(self.choice)
        elif step.kind is StepKind.SINGLE:
            self.choice = ChoiceRow([(c, c) for c in step.choices], step.prompt, vertical=True)
            layout.addWidget(self.choice)
        else:
            for choice in step.choices:
                box = QCheckBox(choice)
                box.setAccessibleName(f"{step.prompt}: {choice}")
                self.boxes.append(box)
                layout.addWidget(box)
        if step.kind is not StepKind.TEXT:
            layout.addStretch(1)

    def input_widget(self) -> QWidget:
        if self.text is not None:
            return self.text
        if self.choice is not None:
            return self.choice.focus_proxy()
        return self.boxes[0]

    def value(self) -> object:
        if self.text is not None:
            return self.text.toPlainText()
        if self.choice is not None:
            return self.choice.value()
        return [box.text() for box in self.boxes if box.isChecked()]

    def set_value(self, answer: Answer | None) -> None:
        if self.text is not None:
            self.text.setPlainText(answer if isinstance(answer, str) else "")
        elif self.choice is not None:
            self.choice.set_value(answer)
        else:
            chosen = answer if isinstance(answer, tuple) else ()
            for box in self.boxes:
                box.setChecked(box.text() in chosen)


class ExerciseRunner(Dialog):
    saved = Signal(object)  # the Run just saved, finished or not

    def __init__(
        self,
        exercises: ExerciseService,
        exercise: Exercise,
        run: Run | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercises = exercises
        self.exercise = exercise
        self.run_id = None if run is None else run.id
        self._done = False
        self.setWindowTitle(exercise.title)
        self.setMinimumSize(600, 500)
        self._build_ui()
        self._connect_signals()
        if run is not None:
            for index, answer in run.answers.items():
                if index < len(self.pages):
                    self.pages[index].set_value(answer)
        self.go_to(0 if run is None else run.current_step)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading(self.exercise.title))
        why = paragraph(self.exercise.why, "hint")
        layout.addWidget(why)
        self.stack = QStackedWidget()
        count = len(self.exercise.steps)
        self.pages = [StepPage(s, n + 1, count) for n, s in enumerate(self.exercise.steps)]
        for page in self.pages:
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        source = QLabel(self.exercise.source)
        source.setObjectName("small")
        source.setWordWrap(True)
        layout.addWidget(source)
        self.message = MessageLine(self.exercises.data_dir)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.later_button = QPushButton(self.tr("Save and finish &later"))
        self.later_button.setToolTip(self.tr("Keep what you wrote and come back to it (Alt+L)"))
        self.back_button = QPushButton(self.tr("&Back"))
        self.skip_button = QPushButton(self.tr("&Skip"))
        self.skip_button.setToolTip(self.tr("Leave this step unanswered and go on (Alt+S)"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setDefault(True)
        for button in (self.later_button, self.back_button, self.skip_button):
            button.setAutoDefault(False)
        row.addWidget(self.later_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.skip_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.next)
        self.later_button.clicked.connect(self.save_for_later)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # from inside a text, where Enter is a line
            QShortcut(QKeySequence(keys), self).activated.connect(self.next)

    # ----- moving ---------------------------------------------------------------------------

    def current(self) -> int:
        return self.stack.currentIndex()

    def go_to(self, index: int) -> None:
        index = min(max(index, 0), len(self.pages) - 1)
        self.stack.setCurrentIndex(index)
        last = index == len(self.pages) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.tr("Fi&nish") if last else self.tr("&Next"))
        self.next_button.setToolTip(
            self.tr("Save this exercise as done (Alt+N)") if last else self.tr("Next step (Alt+N)")
        )
        self.pages[index].input_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def next(self) -> None:
        if self.current() == len(self.pages) - 1:
            self.finish()
        else:
            self.go_to(self.current() + 1)

    def skip(self) -> None:
        self.pages[self.current()].set_value(None)
        self.next()

    # ----- saving ---------------------------------------------------------------------------

    def answers(self) -> dict[int, object]:
        return {n: page.value() for n, page in enumerate(self.pages)}

    def has_answers(self) -> bool:
        return any(v not in (None, "", []) for v in self.answers().values())

    def _save(self, *, finished: bool) -> bool:
        run = self.message.attempt(
            lambda: self.exercises.save_run(
                self.exercise.id,
                self.answers(),
                self.current(),
                finished=finished,
                run_id=self.run_id,
            )
        )
        if run is None:
            return False
        self.run_id = run.id
        self._done = True
        self.saved.emit(run)
        return True

    def finish(self) -> None:
        if self._save(finished=True):
            self.accept()

    def save_for_later(self) -> None:
        if self._save(finished=False):
            self.accept()

    def reject(self) -> None:
        """Escape or closing the window: what was written is kept for later."""
        if self._done or not self.has_answers() or self._save(finished=False):
            super().reject()
