"""Safety watchers: idle time for auto-lock, and the Shift-Shift-Shift quick exit.

One application-wide event filter sees every key and mouse event of every window,
so both work wherever the focus is.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from recovery_app.domain.quick_exit import ShiftTripleDetector
from recovery_app.ui.kit.lazy_qt import qt

_ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class SafetyFilter(QObject):
    """Quick exit on three lone Shift presses; restarts the idle timer on any input."""

    quick_exit_requested = Signal()
    lock_requested = Signal()
    quick_log_requested = Signal()
    idle_timeout = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        quick_log_key: bool = False,
    ):
        super().__init__(parent)
        self._clock = clock
        self._quick_log_key = quick_log_key  # the window's Ctrl+U; the quick log has its own
        self._detector = ShiftTripleDetector()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.idle_timeout)
        self._idle_ms = 0

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle_ms = max(0, minutes) * 60_000
        self.restart_idle()

    def set_idle_milliseconds(self, ms: int) -> None:
        self._idle_ms = ms
        self.restart_idle()

    def restart_idle(self) -> None:
        if self._idle_ms > 0:
            self._idle.start(self._idle_ms)
        else:
            self._idle.stop()

    def stop_idle(self) -> None:
        self._idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY_EVENTS and self._idle.isActive():
            self._idle.start(self._idle_ms)
        # A press reaches this filter once per widget it propagates through; count it only
        # at its first receiver: the focus widget, or the window if nothing has focus.
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.isAutoRepeat()
            and _is_first_receiver(watched)
        ):
            if _is_lock_key(event):
                # Reaches here only when no shortcut took it: a modal dialog is blocking the
                # window's Lock action. Locking must work at once from anywhere.
                self.lock_requested.emit()
            if self._quick_log_key and _is_ctrl(event, qt().Key.Key_U):
                # Likewise for "Log an urge", and more: on X11 a text field claims Ctrl+U to
                # delete its line, which would erase a password being typed. Taken here, the
                # key logs the urge (after unlocking, if locked) and the field keeps its text.
                self.quick_log_requested.emit()
                self._detector.other_key_pressed()
                return True
            if event.key() != qt().Key.Key_Shift:
                self._detector.other_key_pressed()
            elif self._detector.shift_pressed(self._clock()):
                self.quick_exit_requested.emit()
        return False


def _is_lock_key(event: QKeyEvent) -> bool:
    """Ctrl+L, the Lock action's shortcut (Qt maps Ctrl to Command on macOS for both)."""
    return _is_ctrl(event, qt().Key.Key_L)


def _is_ctrl(event: QKeyEvent, key: object) -> bool:
    Qt = qt()
    return (
        event.key() == key
        and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        == Qt.KeyboardModifier.ControlModifier
    )


def _is_first_receiver(watched: QObject) -> bool:
    if not isinstance(watched, QWidget):
        return False
    focus = QApplication.focusWidget()
    if focus is not None:
        return watched is focus
    return watched.isWindow()
