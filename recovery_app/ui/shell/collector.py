"""Python's full garbage collections kept out of the moments a person waits for.

Once the window is up and the database libraries are loaded, some 100,000 Python objects
live as long as the process, and a full collection walks them all: about 50 ms on two cores.
It comes when enough new objects pile up, which is whenever a screen is built, so it fell in
the middle of an unlock or a first visit at random (measured: one unlock in six took 160 ms
instead of 70, all of it inside one `weakref` made by a SQLAlchemy session).

So what is alive at those points is set aside (`gc.freeze()`): the full collections to come
look only at what was made since, and stay short. Young garbage is collected first, cheaply,
so it isn't kept. A lock takes everything back and collects it once, a moment later, while
the unlock screen waits for a password: the closed journal's screens, gone, are collected
then, whatever cycles they made.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# After a lock, how long to wait before the one full collection: the destroyed screens'
# deferred deletes run first, and the unlock screen's first frame is not held up by it.
TAKE_BACK_AFTER_MS = 300


def set_aside() -> None:
    """Everything alive now is left out of future full collections (young garbage first
    collected, which costs well under a millisecond)."""
    gc.collect(1)
    gc.freeze()


def take_back() -> None:
    """Everything set aside is collectable again, collected once, and what is still alive
    is set aside again (the window, the libraries)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def take_back_soon(owner: QObject) -> None:
    """`take_back` once the event loop has had a moment: after a lock."""
    QTimer.singleShot(TAKE_BACK_AFTER_MS, owner, take_back)
