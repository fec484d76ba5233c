"""The exercise library as cards: title, minutes, why, and what can be done with each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.domain.exercises import Exercise
from recovery_app.ui.kit.widgets import heading, paragraph


class ExerciseCard(QFrame):
    start_requested = Signal(str)
    history_requested = Signal(str)
    hide_requested = Signal(str, bool)  # exercise id, hide (True) or show again (False)

    def __init__(
        self,
        exercise: Exercise,
        *,
        hidden: bool,
        half_done: bool,
        finished_runs: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.setObjectName("card")
        self.setAccessibleName(exercise.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addWidget(heading(exercise.title, 2))
        about = self.tr("About %1 minutes").replace("%1", str(exercise.minutes))
        if half_done:
            about += self.tr(" · started, not finished")
        if hidden:
            about += self.tr(" · hidden")
        layout.addWidget(paragraph(about, "small"))
        layout.addWidget(paragraph(exercise.why))
        layout.addStretch(1)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Go on") if half_done else self.tr("Start"))
        self.start_button.setAccessibleName(f"{self.start_button.text()}: {exercise.title}")
        self.history_button = QPushButton(
            self.tr("Earlier (%1)").replace("%1", str(finished_runs))
            if finished_runs
            else self.tr("Earlier")
        )
        self.history_button.setToolTip(self.tr("The times you finished this exercise"))
        self.history_button.setAccessibleName(
            self.tr("Earlier runs: %1").replace("%1", exercise.title)
        )
        self.hide_button = QPushButton(self.tr("Show again") if hidden else self.tr("Hide"))
        self.hide_button.setToolTip(
            self.tr("Show this exercise with the others again")
            if hidden
            else self.tr("Not helpful right now? Hide it; you can show it again any time.")
        )
        self.hide_button.setAccessibleName(f"{self.hide_button.text()}: {exercise.title}")
        row.addWidget(self.start_button)
        row.addWidget(self.history_button)
        row.addStretch(1)
        row.addWidget(self.hide_button)
        layout.addLayout(row)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(exercise.id))
        self.history_button.clicked.connect(lambda: self.history_requested.emit(exercise.id))
        self.hide_button.clicked.connect(lambda: self.hide_requested.emit(exercise.id, not hidden))
