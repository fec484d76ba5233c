"""The finished runs of one exercise, by date; choosing one shows its answers, read-only."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.exercises import Exercise, answer_text
from recovery_app.services.exercises import Run
from recovery_app.services.texts import exercise_texts
from recovery_app.ui.kit import theme
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.widgets import heading, paragraph


def when_text(run: Run) -> str:
    moment = (run.finished_at or run.updated_at).astimezone()
    return f"{moment:%A} {moment.day} {moment:%B %Y, %H:%M}"


def run_html(exercise: Exercise, run: Run, *, yes: str = "Yes", no: str = "No") -> str:
    """The same, with each prompt in bold. Every text is escaped, so what a person typed
    shows exactly as typed, markup included."""
    parts = []
    muted = theme.current().text_muted
    for index, step in enumerate(exercise.steps):
        answer = answer_text(step, run.answers.get(index), yes=yes, no=no)
        shown = (
            f'<p style="white-space: pre-wrap; margin-top: 2px">{html.escape(answer)}</p>'
            if answer
            else f'<p style="color: {muted}; margin-top: 2px"><i>(skipped)</i></p>'
        )
        parts.append(f'<p style="margin-bottom: 0"><b>{html.escape(step.prompt)}</b></p>{shown}')
    return "".join(parts)


class ExerciseHistoryDialog(Dialog):
    def __init__(self, exercise: Exercise, runs: list[Run], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.runs = runs
        self.setWindowTitle(self.tr("Earlier runs"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(exercise.title, 4))
        if not runs:
            layout.addWidget(paragraph(exercise_texts().screen["no_runs"], "hint"))
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Finished runs, newest first"))
        self.list.setMaximumWidth(230)
        for run in runs:
            self.list.addItem(QListWidgetItem(when_text(run)))
        self.answers = QTextEdit()
        self.answers.setReadOnly(True)
        self.answers.setAccessibleName(self.tr("Your answers"))
        row.addWidget(self.list)
        row.addWidget(self.answers, 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if runs:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.runs):
            self.answers.setHtml(
                run_html(self.exercise, self.runs[row], yes=self.tr("Yes"), no=self.tr("No"))
            )
