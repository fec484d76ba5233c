"""A row of answers where none is chosen until the person chooses, and a choice can be undone.

Radio buttons can't go back to "nothing chosen" once clicked; here clicking (or pressing
Space on) the chosen answer again clears it, so every question stays skippable. Left and
Right move between the answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

T = TypeVar("T")


class ChoiceRow(QWidget, Generic[T]):
    changed = Signal()

    def __init__(
        self,
        options: Sequence[tuple[T, str]],
        accessible_name: str,
        *,
        tooltips: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._values = [value for value, _ in options]
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for index, (_, label) in enumerate(options):
            button = QPushButton(label)
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(f"{accessible_name}: {label}")
            if index < len(tooltips):
                button.setToolTip(tooltips[index])
            button.toggled.connect(lambda on, i=index: self._toggled(i, on))
            button.installEventFilter(self)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)

    def value(self) -> T | None:
        for value, button in zip(self._values, self.buttons, strict=True):
            if button.isChecked():
                return value
        return None

    def set_value(self, value: T | None) -> None:
        for candidate, button in zip(self._values, self.buttons, strict=True):
            button.setChecked(value is not None and candidate == value)

    def _toggled(self, index: int, on: bool) -> None:
        if on:
            for other, button in enumerate(self.buttons):
                if other != index and button.isChecked():
                    button.blockSignals(True)
                    button.setChecked(False)
                    button.blockSignals(False)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            if step is not None and watched in self.buttons:
                index = self.buttons.index(watched)  # type: ignore[arg-type]
                target = self.buttons[(index + step) % len(self.buttons)]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
