"""A file the person asked for (a report), written beside its target under a temporary name
and renamed over it only once complete, so a stopped or failed write never leaves half a file
under the name they chose. Private to this user, like every file the app writes."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from recovery_app.storage.files import PRIVATE_FILE_MODE, fsync_dir
from recovery_app.storage.snapshot import translate


class PartialFile:
    def __init__(self, target: Path) -> None:
        self.target = target
        self.partial = target.parent / f".{target.name}.{secrets.token_hex(6)}.part"
        self._fd: int | None = None
        try:
            self._fd = os.open(
                self.partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE
            )
        except OSError as error:
            raise translate(error, target.parent) from error

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def write(self, data: bytes) -> None:
        if self._fd is None:
            raise ValueError("this file is already finished or discarded")
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as error:
            self.discard()
            raise translate(error, self.target.parent) from error

    def commit(self) -> None:
        """Make it whole on disk, then give it the chosen name."""
        if self._fd is None:
            raise ValueError("this file is already finished or discarded")
        try:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None
            os.replace(self.partial, self.target)
            fsync_dir(self.target.parent)
        except OSError as error:
            self.discard()
            raise translate(error, self.target.parent) from error

    def discard(self) -> None:
        """Close and remove the partial file; safe to call more than once."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        with contextlib.suppress(OSError):
            self.partial.unlink()
