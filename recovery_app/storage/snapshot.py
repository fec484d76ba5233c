"""Consistent encrypted copies of a journal database, and the checks that a copy is whole.

A copy is made with SQLCipher's own `sqlcipher_export` from the source ATTACHed with its key
into a new file keyed with the target key, inside one read transaction: the copy, its row
counts and its schema revision all describe the same moment, even while the app writes.
(`VACUUM INTO` also keeps the encryption in SQLCipher 4.19, but older 4.x releases wrote
unreadable or partly plain copies, and it cannot change the key; `sqlcipher_export` is the
documented way and does both.) A raw file copy of a live WAL database is never made.

The copy is a single file in rollback-journal mode (no -wal beside it) and is only ever
opened read-only for checks, so checking it changes no byte.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from recovery_app.storage.errors import (
    BackupCheckFailed,
    Cancelled,
    DiskFull,
    NotWritable,
    VaultDamaged,
    VaultError,
)

Cancel = Callable[[], bool]
_PROGRESS_STEPS = 5_000  # SQLite VM instructions between looks at `cancel`
_MIB = 1024 * 1024

# When entries were written, for a copy's date range: (table, column, is a moment).
_ENTRY_TIMES = (
    ("urge", "at", True),
    ("contact_event", "at", True),
    ("check_in", "day", False),
    ("memory", "created_at", True),
    ("letter", "created_at", True),
    ("promise", "day", False),
    ("hunch", "made_at", True),
    ("exercise_run", "started_at", True),
    ("hard_date", "created_at", True),
)


@dataclass(frozen=True)
class Snapshot:
    """What a copy holds, read in the same transaction that made it."""

    counts: dict[str, int] = field(default_factory=dict)
    revision: str | None = None
    first_day: date | None = None
    last_day: date | None = None


def connect(path: Path, key: bytes, *, mode: str = "ro") -> Any:
    """A raw sqlcipher3 connection (autocommit) on `path`; `mode` is ro, rw or rwc."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(f"file:{quote(str(path))}?mode={mode}", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def opened(path: Path, key: bytes, *, mode: str = "ro") -> Iterator[Any]:
    conn = connect(path, key, mode=mode)
    try:
        yield conn
    finally:
        conn.close()


def snapshot_of(conn: Any, schema: str = "main") -> Snapshot:
    """Row counts of every table, the Alembic revision and the entries' date range."""
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master "
            "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    counts = {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }
    revision = None
    if "alembic_version" in counts:
        row = conn.execute(f"SELECT version_num FROM {schema}.alembic_version").fetchone()
        revision = None if row is None else str(row[0])
    days: list[date] = []
    for table, column, is_moment in _ENTRY_TIMES:
        if counts.get(table):
            low, high = conn.execute(
                f'SELECT min("{column}"), max("{column}") FROM {schema}."{table}"'
            ).fetchone()
            days += [_day_of(value, is_moment) for value in (low, high) if value is not None]
    return Snapshot(counts, revision, min(days, default=None), max(days, default=None))


def _day_of(value: str, is_moment: bool) -> date:
    if is_moment:  # naive UTC text; the person's own day is the local one
        return datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone().date()
    return date.fromisoformat(value)


def copy_database(
    source: Path,
    source_key: bytes,
    target: Path,
    target_key: bytes,
    *,
    source_read_only: bool = True,
    cancel: Cancel | None = None,
) -> Snapshot:
    """Write an encrypted copy of `source` at `target` (which must not exist), fsynced.

    On any failure, or when `cancel()` turns true, the unfinished target is removed.
    """
    folder = target.parent
    try:
        with opened(target, target_key, mode="rwc") as conn:
            if cancel is not None:
                conn.set_progress_handler(lambda: 1 if cancel() else 0, _PROGRESS_STEPS)
            mode = "ro" if source_read_only else "rw"
            conn.execute(
                f"ATTACH DATABASE 'file:{_sql_text(quote(str(source)))}?mode={mode}' AS src "
                f"KEY \"x'{source_key.hex()}'\""
            )
            try:
                if cancel is not None and cancel():
                    raise Cancelled()
                conn.execute("BEGIN")
                snapshot = snapshot_of(conn, "src")  # the first read fixes the moment copied
                conn.execute("SELECT sqlcipher_export('main', 'src')").fetchall()
                conn.execute("COMMIT")
            finally:
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
                conn.execute("DETACH DATABASE src")
        fsync_file(target)
    except BaseException as error:
        remove_db_files(target)
        raise translate(error, folder) from error
    return snapshot


def check_copy(path: Path, key: bytes, expected: Snapshot) -> None:
    """Every page's HMAC, the b-trees, and the row counts against the moment copied."""
    try:
        with opened(path, key) as conn:
            if conn.execute("PRAGMA cipher_integrity_check").fetchall():
                raise BackupCheckFailed("a page does not match its HMAC")
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise BackupCheckFailed("the structure is damaged")
            found = snapshot_of(conn)
    except VaultError:
        raise
    except Exception as error:
        raise BackupCheckFailed("the copy cannot be read") from error
    if found.counts != expected.counts or found.revision != expected.revision:
        raise BackupCheckFailed("the copy's rows differ from the journal's")


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def remove_db_files(db: Path) -> None:
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def free_space_for(folder: Path, needed: int) -> None:
    """Refuse before writing when `folder` plainly has no room for `needed` bytes."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # unknown: the write itself will tell
    if free < needed + _MIB:
        raise DiskFull(str(folder))


def translate(error: BaseException, folder: Path) -> BaseException:
    """Name a write failure for what it is: stopped, full, not writable, or damage."""
    if isinstance(error, VaultError) or not isinstance(error, Exception):
        return error
    text = str(error).lower()
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DiskFull(str(folder))
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return NotWritable(str(folder))
        return error
    if "interrupt" in text:
        return Cancelled()
    if "full" in text:
        return DiskFull(str(folder))
    if "disk i/o" in text or "readonly" in text or "unable to open" in text:
        # SQLite says "disk I/O error" on a disk with almost no room; look before naming it.
        with contextlib.suppress(OSError):
            if shutil.disk_usage(folder).free < 4 * _MIB:
                return DiskFull(str(folder))
        return NotWritable(str(folder))
    if "not a database" in text or "malformed" in text:
        return VaultDamaged()
    return error


def _sql_text(text: str) -> str:
    return text.replace("'", "''")
