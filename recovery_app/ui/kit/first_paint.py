"""Something to do once a widget is on screen: after its first paint pass, not before.

Work that can wait a moment (a check of every page of the journal, reading ahead what the
person will probably open next) starts here, so that it never competes with the frame a
person is waiting for on a machine with few cores.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from recovery_app.ui.kit.next_turn import next_turn


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Once the whole paint pass is done; never if the widget is gone by then.
            next_turn(self, self._callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """`callback` once, when the event loop is back after `widget`'s first paint."""
    _FirstPaint(widget, callback)
