"""Something to do on the event loop's next turn, for a widget that may be gone by then.

Not `QTimer.singleShot(0, owner, callback)`: PySide6 (6.11) keeps a reference to the callback
until it runs, and if `owner` is destroyed first the callback never runs and that reference
is never let go, with all the callback holds (measured: a locked journal's Urges section,
with the urges it listed, kept for the life of the process). Here the timer has no context
object, so it always runs and lets go; whether `owner` is still there is asked then.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer


def next_turn(owner: QObject, callback: Callable[[], object]) -> None:
    """`callback` once the event loop is back, unless `owner` is gone by then."""

    def run() -> None:
        if shiboken6.isValid(owner):
            callback()

    QTimer.singleShot(0, run)
