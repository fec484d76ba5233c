"""Has anything been saved to the journal since a screen last read it?

SQLite answers on one connection: `PRAGMA data_version` changes whenever another connection
has committed since this one last asked, whether that connection is one of this app's own
sessions, the command line or the quick-log window in another process. The engine keeps no
connection open (each session opens and closes its own), so the vault keeps one more, only
for this question, until it is locked. Checkpoints that only move pages from the WAL into
the file (the integrity check's) leave the number alone; the one at lock is after the end.

No table and nothing for a writer to remember: every commit counts, whoever makes it.
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote


class ChangeWatch:
    """One connection, opened on first use, asked from any thread (one at a time)."""

    def __init__(self, path: Path, key: bytes) -> None:
        self._path = path
        self._key = bytearray(key)
        self._conn: Any = None
        self._lock = threading.Lock()
        # A number no real version has, handed out when the question can't be answered:
        # a screen then reads again, and says kindly what is wrong.
        self._unknown = itertools.count(-1, -1)

    def version(self) -> int:
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self._connect()
                return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except Exception:
                self._close()
                return next(self._unknown)

    def _connect(self) -> Any:
        from sqlcipher3 import dbapi2

        conn = dbapi2.connect(
            f"file:{quote(str(self._path))}?mode=rw",
            uri=True,
            isolation_level=None,
            check_same_thread=False,  # asked from any thread, under the lock
        )
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{bytes(self._key).hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def close(self) -> None:
        """Close the connection and forget the key; later questions get "unknown"."""
        with self._lock:
            self._close()
            for i in range(len(self._key)):
                self._key[i] = 0
            self._key = bytearray()
