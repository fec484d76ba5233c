"""The command line's unlock pause, kept between commands in a small file beside the journal.

Every command is a new process, so a pause held in memory would start from nothing at each
try. The file holds two figures (wrong tries in a row, and the moment the next try may
start), never a password or anything written. Reading is forgiving: a missing, damaged or
foreign file means no pause, because the pause guards against guessing, and must never be
a way to lock the person out. Writing is best effort for the same reason.
"""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path

from recovery_app.domain.unlock_throttle import UnlockThrottle
from recovery_app.storage.files import atomic_write_bytes

log = logging.getLogger(__name__)
_MAX_FILE_BYTES = 256


def load_unlock_throttle(path: Path) -> UnlockThrottle:
    try:
        with path.open("rb") as handle:
            doc = json.loads(handle.read(_MAX_FILE_BYTES + 1)[:_MAX_FILE_BYTES])
    except (OSError, ValueError):
        return UnlockThrottle()
    if not isinstance(doc, dict):
        return UnlockThrottle()
    return UnlockThrottle.restored(doc.get("failures"), doc.get("not_before"))


def save_unlock_throttle(path: Path, throttle: UnlockThrottle) -> None:
    document = {"failures": throttle.failures, "not_before": throttle.not_before}
    try:
        atomic_write_bytes(path, json.dumps(document).encode("ascii"))
    except OSError as error:  # a full or read-only disk: the next try just doesn't wait
        log.info("the unlock pause was not kept: %s", type(error).__name__)


def clear_unlock_throttle(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        try:
            path.unlink()
        except OSError as error:
            log.info("the unlock pause was not cleared: %s", type(error).__name__)
