"""Python's full garbage collections kept out of the moments a person waits for, and memory
that was let go of given back.

Once the window is up and the database libraries are loaded, some 100,000 Python objects
live as long as the process, and a full collection walks them all: about 50 ms on two cores.
It comes when enough new objects pile up, which is whenever a screen is built, so it fell in
the middle of an unlock or a first visit at random (measured: one unlock in six took 160 ms
instead of 70, all of it inside one `weakref` made by a SQLAlchemy session).

So what is alive at those points is set aside (`gc.freeze()`): the full collections to come
look only at what was made since, and stay short. Young garbage is collected first, cheaply,
so it isn't kept. A lock takes everything back and collects it once, a moment later, while
the unlock screen waits for a password: the closed journal's screens, gone, are collected
then, whatever cycles they made. Each time, what Python and the C allocator hold but no
longer use is given back to the system too (`ui/kit/free_memory.py`: glibc keeps what
Qt, SQLite and Python's larger objects let go of; a closed journal's screens or a first
visit's scaffolding left about 12 MiB of it).
"""

from __future__ import annotations

import gc
import linecache

from PySide6.QtCore import QObject, QTimer

from recovery_app.ui.kit.free_memory import give_back_free_memory
from recovery_app.ui.kit.worker import work_pending

# After a lock, how long to wait before the one full collection: the destroyed screens'
# deferred deletes run first, and the unlock screen's first frame is not held up by it.
TAKE_BACK_AFTER_MS = 300


def set_aside() -> None:
    """Everything alive now is left out of future full collections (young garbage first
    collected, which costs well under a millisecond). Python's cache of source lines is
    emptied first: PySide6 reads the source of every module imported after it (to see
    whether it says "PySide6"), and kept that way the lines of some 700 files, about 25 MiB,
    stay for nothing but a traceback's sake (which reads them again if it ever needs them)."""
    linecache.clearcache()
    gc.collect(1)
    gc.freeze()
    give_back_free_memory()


def take_back() -> None:
    """Everything set aside is collectable again, collected once, and what is still alive
    is set aside again (the window, the libraries)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    give_back_free_memory()


def take_back_soon(owner: QObject) -> None:
    """`take_back` once the event loop has had a moment and no work off the GUI thread is
    still to answer (an answer on its way keeps what it was for): after a lock."""

    def when_quiet() -> None:
        if work_pending():
            QTimer.singleShot(TAKE_BACK_AFTER_MS, owner, when_quiet)
        else:
            take_back()

    QTimer.singleShot(TAKE_BACK_AFTER_MS, owner, when_quiet)
