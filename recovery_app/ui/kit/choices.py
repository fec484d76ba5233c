"""A row of answers where none is chosen until the person chooses, and a choice can be undone.

The answers are radio buttons to a screen reader ("Mood, 3 of 5, radio button, not
checked"): Qt reports a checkable button as a radio button only when it is auto-exclusive,
and as a check box otherwise. The row itself carries the question as its name, which Orca
reads as the group's name when the focus enters it.

Auto-exclusive buttons refuse to be unchecked, by a click and by `setChecked(False)`; here
choosing (clicking, or Space on) the chosen answer again clears it, so every question stays
skippable. Like a radio group, the row is one Tab stop (the chosen answer, or the first);
Left and Right move the focus between the answers without choosing any (Qt's own arrow keys
would choose the one they land on). `changed` is emitted once per change of the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from recovery_app.ui.kit.lazy_qt import CLICK_FOCUS, STRONG_FOCUS, qt, set_focus_policy

T = TypeVar("T")


def answer_names(labels: Sequence[str]) -> list[str]:
    """What each answer is called aloud: a row of numbers is a score, read "8 of 10"."""
    if labels and all(label.isdigit() for label in labels):
        top = max(labels, key=int)
        of = QCoreApplication.translate("ChoiceRow", "%1 of %2")
        return [of.replace("%1", label).replace("%2", top) for label in labels]
    return [label.replace("&", "") for label in labels]


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
        self.setAccessibleName(accessible_name)  # the question: the group's name, read first
        # Focusable only so a label's Alt+letter reaches it; the focus proxy passes it on.
        # (The quick-log window shows one of these: see ui/lazy_qt.py for why no `Qt` here.)
        set_focus_policy(self, STRONG_FOCUS)
        self._values = [value for value, _ in options]
        self._chosen: int | None = None  # the index of the answer given, as last told
        self._pressed_chosen = False  # the button being pressed was the chosen answer
        self.buttons: list[QPushButton] = []
        # Long answers (an exercise's choices) stack; Up and Down move between them too.
        row = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)  # eleven answers (0 to 10) fit a 900-pixel window beside a panel
        names = answer_names([label for _, label in options])
        for index, (_, label) in enumerate(options):
            button = QPushButton(label)
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setAutoExclusive(True)  # a radio button to a screen reader, one answer
            button.setAutoDefault(False)
            button.setAccessibleName(names[index])
            if index < len(tooltips):
                button.setToolTip(tooltips[index])
            button.toggled.connect(lambda _on: self._toggled())
            button.pressed.connect(lambda b=button: self._pressed(b))
            button.clicked.connect(lambda _checked, b=button: self._clicked(b))
            button.installEventFilter(self)
            row.addWidget(button)  # no alignment: the quick log's row stays clear of `Qt`
            self.buttons.append(button)
        row.addStretch(1)
        if vertical:  # stacked answers as one even column, as wide as the longest
            self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
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
        chosen = next(
            (i for i, v in enumerate(self._values) if value is not None and v == value), None
        )
        if chosen is None:
            self._clear()
        else:
            self.buttons[chosen].setChecked(True)  # the one checked before lets go by itself

    def _clear(self) -> None:
        """No answer. Auto-exclusive buttons refuse to uncheck, so each lets go of that a
        moment to be unchecked."""
        for button in self.buttons:
            if button.isChecked():
                button.setAutoExclusive(False)
                button.setChecked(False)
                button.setAutoExclusive(True)

    def _pressed(self, button: QPushButton) -> None:
        self._pressed_chosen = button.isChecked()

    def _clicked(self, button: QPushButton) -> None:
        # Qt keeps a chosen auto-exclusive answer chosen when it is clicked again; here that
        # click takes the answer back. (A click on any other answer chose it already.)
        if self._pressed_chosen and button.isChecked():
            self._clear()
        self._pressed_chosen = False

    def _toggled(self) -> None:
        chosen = next((i for i, b in enumerate(self.buttons) if b.isChecked()), None)
        focused = next((b for b in self.buttons if b.hasFocus()), None)
        self._update_tab_stop(focused)
        if chosen != self._chosen:  # one change, though two buttons toggle in it
            self._chosen = chosen
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        left = event.type() == QEvent.Type.FocusOut and watched in self.buttons
        if left and not any(b.hasFocus() for b in self.buttons):
            self._update_tab_stop()  # back to the chosen answer (or the first) for next time
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
