"""When a window's frame is on screen, seen without an application-wide event filter.

Qt paints what changed in a window in one pass, when the window's top-level widget gets
its UpdateRequest (posted whenever anything in it needs painting). A filter on the
top-level widgets alone sees that pass and little else. An application-wide filter would
be a call into Python for every event of every object (each label a chart lays out, each
layout pass): a cost the app itself doesn't pay, which the benchmark would then measure.

A window first shown (or uncovered) is painted on its expose instead, without an
UpdateRequest; that pass always paints the top-level widget itself, so its Paint event is
watched too.

`FrameWatch(wanted)` watches the windows it is shown (`watch_windows(app)`, called again
whenever new windows may have opened); when a window's paint pass is due and
`wanted(window)` says it is the one waited for, the pass is done there and then, and its
end is noted in `frames` (`time.perf_counter()`) and handed to `on_frame` if given.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FrameWatch(QObject):
    def __init__(
        self,
        wanted: Callable[[QWidget], bool],
        on_frame: Callable[[QWidget, float], None] | None = None,
    ) -> None:
        super().__init__()
        self.wanted = wanted
        self.on_frame = on_frame
        self.frames: list[float] = []
        self._painting = False  # inside a pass this watch is making

    def watch_windows(self, app: QApplication) -> None:
        for window in app.topLevelWidgets():
            if window.isVisible():
                window.installEventFilter(self)  # (once: Qt keeps a filter once per object)

    def unwatch_windows(self, app: QApplication) -> None:
        for window in app.topLevelWidgets():
            window.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.UpdateRequest, QEvent.Type.Paint) or self._painting:
            return False
        if not (isinstance(watched, QWidget) and watched.isWindow() and self.wanted(watched)):
            return False
        if kind == QEvent.Type.UpdateRequest:
            handle = watched.windowHandle()
            if handle is None or not handle.isExposed():
                return False  # Qt paints nothing yet: its first frame comes with the expose
            self._painting = True
            try:
                watched.event(event)  # the paint pass, now, to know when it is done
            finally:
                self._painting = False
            self._noted(watched)
            return True
        # A pass Qt makes on its own when a window is first shown or uncovered (an expose,
        # with no UpdateRequest), which always paints the top-level widget: done once the
        # event loop comes round again.
        QTimer.singleShot(0, self, lambda: self._noted(watched))
        return False

    def _noted(self, window: QWidget) -> None:
        moment = time.perf_counter()
        self.frames.append(moment)
        if self.on_frame is not None:
            self.on_frame(window, moment)

    def first_after(self, moment: float) -> float | None:
        return next((at for at in self.frames if at >= moment), None)
