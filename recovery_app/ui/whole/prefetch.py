"""The whole-relationship view read while its content warning is being read.

Years of memories take longer to read and count than a person waits for a screen. The
warning comes first anyway, and a person takes a moment over it: the timeline and its
pattern are read then, off the GUI thread, once the warning is on screen (not while it is
being drawn). When the person goes on, what was read is shown at once, if nothing was saved
meanwhile; if it is still being read, it is shown the moment it is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from recovery_app.domain.memories import Patterns
from recovery_app.services.memories import MemoryService, Timeline
from recovery_app.ui.kit.first_paint import after_first_paint
from recovery_app.ui.kit.worker import run_in_background


@dataclass(frozen=True)
class Prefetched:
    changes: int  # the journal's change marker before it was read
    clock_id: int | None
    timeline: Timeline
    patterns: Patterns


class TimelinePrefetch(QObject):
    def __init__(self, memories: MemoryService, owner: QWidget) -> None:
        super().__init__(owner)
        self._memories = memories
        self._owner = owner
        self._ready: Prefetched | None = None
        self._running: tuple[int, int | None] | None = None  # (changes, clock_id) being read
        self._then: Callable[[], None] | None = None  # asked for while it was being read

    def start_after_paint(self, shown: QWidget, clock_id: int | None) -> None:
        after_first_paint(shown, lambda: self.start(clock_id))

    def start(self, clock_id: int | None) -> None:
        if self._running is not None:
            return
        changes = self._memories.changes()
        self._running = (changes, clock_id)
        memories = self._memories

        def read() -> Prefetched:
            timeline = memories.timeline(clock_id=clock_id)  # its own sessions, this thread
            return Prefetched(changes, clock_id, timeline, timeline.patterns())

        run_in_background(read, self._arrived, self._failed, self._owner)

    def take(self, clock_id: int | None, changes: int) -> Prefetched | None:
        """What was read, if it is still what the journal holds for this person; once."""
        ready, self._ready = self._ready, None
        if ready is not None and ready.clock_id == clock_id and ready.changes == changes:
            return ready
        return None

    def wait(self, clock_id: int | None, changes: int, then: Callable[[], None]) -> bool:
        """True if this is being read now: `then` runs once it is."""
        if self._running != (changes, clock_id):
            return False
        self._then = then
        return True

    def _arrived(self, ready: Prefetched) -> None:
        self._running = None
        self._ready = ready
        self._go_on()

    def _failed(self, _error: BaseException) -> None:
        self._running = None  # read again in the open, where a failure is said kindly
        self._go_on()

    def _go_on(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
