"""A row of answers where none is chosen until the person chooses, and a choice can be undone.

Radio buttons can't go back to "nothing chosen" once clicked; here clicking (or pressing
Space on) the chosen answer again clears it, so every question stays skippable. Like a
radio group, the row is one Tab stop (the chosen answer, or the first); Left and Right move
between the answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.ui.kit.lazy_qt import CLICK_FOCUS, STRONG_FOCUS, qt, set_focus_policy

T = TypeVar("T")


class ChoiceRow(QWidget, Generic[T]):
    changed = Signal()

    def __init__(
        self,
        options: Sequence[tuple[T, str]],
        accessible_name: str,
        *,
        tooltips: Sequence[str] = (),
        vertical: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        # Focusable only so a label's Alt+letter reaches it; the focus proxy passes it on.
        # (The quick-log window shows one of these: see ui/lazy_qt.py for why no `Qt` here.)
        set_focus_policy(self, STRONG_FOCUS)
        self._values = [value for value, _ in options]
        self.buttons: list[QPushButton] = []
        # Long answers (an exercise's choices) stack; Up and Down move between them too.
        row = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)  # eleven answers (0 to 10) fit a 900-pixel window beside a panel
        for index, (_, label) in enumerate(options):
            button = QPushButton(label)
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(f"{accessible_name}: {label}")
            if index < len(tooltips):
                button.setToolTip(tooltips[index])
            button.toggled.connect(lambda on, i=index: self._toggled(i, on))
            button.installEventFilter(self)
            if vertical:
                row.addWidget(button, 0, qt().AlignmentFlag.AlignLeft)
            else:
                row.addWidget(button)  # no alignment: the quick log's row stays clear of `Qt`
            self.buttons.append(button)
        row.addStretch(1)
        self._update_tab_stop()

    def focus_proxy(self) -> QPushButton:
        """The one button Tab lands on: the chosen answer, or the first."""
        return next((b for b in self.buttons if b.isChecked()), self.buttons[0])

    def _update_tab_stop(self, focus: QPushButton | None = None) -> None:
        stop = focus or self.focus_proxy()
        self.setFocusProxy(stop)  # a label's buddy shortcut (Alt+letter) lands here too
        for button in self.buttons:
            set_focus_policy(button, STRONG_FOCUS if button is stop else CLICK_FOCUS)

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
        self._update_tab_stop(self.buttons[index] if self.buttons[index].hasFocus() else None)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            Qt = qt()
            keys = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
            if isinstance(self.layout(), QVBoxLayout):
                keys.update({Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1})
            step = keys.get(Qt.Key(event.key()))
            if step is not None and watched in self.buttons:
                index = self.buttons.index(watched)
                target = self.buttons[(index + step) % len(self.buttons)]
                self._update_tab_stop(target)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
