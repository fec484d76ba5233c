"""Saving a report where the person chose: a little at a time, so that the window can stop
between two pieces (a quick exit, a lock) and nothing is left behind but what was there.

The report itself is made in memory (recovery_app/drawing/report.py); this only puts its
bytes on disk, under a temporary name beside the target, renamed once all is written.
"""

from __future__ import annotations

from pathlib import Path

from recovery_app.storage.partial_file import PartialFile

CHUNK_BYTES = 256 * 1024


class ReportFileWriter:
    """`step()` writes one piece and says whether the file is finished (and renamed);
    `cancel()` removes the partial file. Any failure removes it too, then is raised."""

    def __init__(self, target: Path, data: bytes, chunk_bytes: int = CHUNK_BYTES) -> None:
        if chunk_bytes < 1:
            raise ValueError("a piece holds at least one byte")
        self.target = target
        self._data = data
        self._chunk = chunk_bytes
        self._offset = 0
        self._file = PartialFile(target)
        self.finished = False

    @property
    def partial_path(self) -> Path:
        return self._file.partial

    @property
    def written(self) -> int:
        return self._offset

    def step(self) -> bool:
        if self.finished:
            return True
        if not self._file.is_open:
            raise ValueError("this report was stopped")
        piece = self._data[self._offset : self._offset + self._chunk]
        if piece:
            self._file.write(piece)
            self._offset += len(piece)
        if self._offset >= len(self._data):
            self._file.commit()
            self.finished = True
        return self.finished

    def cancel(self) -> None:
        if not self.finished:
            self._file.discard()


def save_report(target: Path, data: bytes) -> None:
    """All at once (the command line): a Ctrl+C or a failure leaves no partial file."""
    writer = ReportFileWriter(target, data)
    try:
        while not writer.step():
            pass
    except BaseException:
        writer.cancel()
        raise
