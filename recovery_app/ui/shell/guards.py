"""Safety watchers: idle time for auto-lock, and the Shift-Shift-Shift quick exit.

The filter watches the app's windows (`QWindow`s), where a person's every key and mouse
event arrives before Qt hands it to a widget, so both work wherever the focus is: in any
field, in a dialog, in a menu or a list that has popped up (their keys arrive at the window
that has the focus: a popup's own, once it is open). A window is watched from the moment
it, or anything in it, takes the focus.

Not an application-wide filter: that one would see every event of every object (each
label a chart lays out, each layout pass), a call into Python each time, most of the
cost of drawing a screen full of charts.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from recovery_app.domain.quick_exit import ShiftTripleDetector
from recovery_app.ui.kit.lazy_qt import qt

if TYPE_CHECKING:
    # Types only: PySide6 builds a class the first time it is named (QKeyEvent ~2 ms), and
    # this module loads before the window's first frame; the filter starts after it.
    from PySide6.QtGui import QKeyEvent, QWindow

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
        self._watching = False

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

    # ----- which windows are watched -------------------------------------------------------

    def watch(self, app: QApplication) -> None:
        """Watch every window of `app` that has, or will take, the focus."""
        if self._watching:
            return
        self._watching = True
        app.focusWindowChanged.connect(self._watch_window)
        app.focusObjectChanged.connect(self._watch_owner_of)
        self._watch_window(app.focusWindow())
        for widget in app.topLevelWidgets():
            if widget.isVisible():
                self._watch_window(widget.windowHandle())

    def unwatch(self, app: QApplication) -> None:
        if not self._watching:
            return
        self._watching = False
        app.focusWindowChanged.disconnect(self._watch_window)
        app.focusObjectChanged.disconnect(self._watch_owner_of)
        for window in app.topLevelWindows():
            window.removeEventFilter(self)

    def _watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # (once: Qt keeps a filter once per object)

    def _watch_owner_of(self, focus: QObject | None) -> None:
        """A popup's window (a menu, a list dropped down) is watched as soon as something
        in it takes the focus, should the platform hand it the keys before it is the focus
        window (Qt 6.11 makes it the focus window, on xcb and offscreen alike)."""
        if isinstance(focus, QWidget):
            with contextlib.suppress(RuntimeError):  # a popup's window gone as it closes
                self._watch_window(focus.window().windowHandle())

    # ----- what is seen ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY_EVENTS and self._idle.isActive():
            self._idle.start(self._idle_ms)
        # A press reaches the window once, before the widget it goes to.
        if kind == QEvent.Type.KeyPress:
            return self._key_pressed(cast("QKeyEvent", event))
        return False

    def _key_pressed(self, event: QKeyEvent) -> bool:
        """True if the key was taken here and goes no further."""
        if event.isAutoRepeat():
            return False
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
