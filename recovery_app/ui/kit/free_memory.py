"""Memory freed by background work goes back to the system once the work is done.

A count off the GUI thread (Review's ranges on ten years of urges, a backup, the integrity
check) makes and frees megabytes of short-lived blocks: SQLite's sorting, Python's lists.
glibc keeps what is freed inside its heap for the next allocation, so the process stays as
large as its busiest moment: measured on the heavy journal, Review's counting left 12 MiB
resident that nothing used. `malloc_trim` hands the free pages back (0.1–1.5 ms here).

`give_back_soon()` is called when the last background job has answered (ui/kit/worker.py):
after `QUIET_MS` with no job running, the free pages are given back. Where the C library
has no `malloc_trim` (macOS, Windows), nothing is done: their allocators return memory on
their own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer

QUIET_MS = 250  # after the answer's own screen is drawn: never inside a frame a person waits for

_trim: Callable[[int], int] | None = None
_looked = False
_asked = 0  # bumped by each ask: only the last one, once quiet, gives memory back


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, where there is one (Linux with glibc; not musl, macOS or Windows)."""
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            import ctypes  # here, not at start-up: the worker module loads before the first frame

            try:
                _trim = ctypes.CDLL(None).malloc_trim  # glibc; absent elsewhere
            except (AttributeError, OSError):
                _trim = None
    return _trim


def give_back_free_memory() -> bool:
    """Hand the C heap's free pages back to the system now. False where that can't be done."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def give_back_soon(still_busy: Callable[[], bool]) -> None:
    """Give free memory back after `QUIET_MS`, unless another ask came meanwhile or
    `still_busy()` says work started again (its own end asks again)."""
    global _asked
    _asked += 1
    asked = _asked

    def when_quiet() -> None:
        if asked == _asked and not still_busy():
            give_back_free_memory()

    QTimer.singleShot(QUIET_MS, when_quiet)
