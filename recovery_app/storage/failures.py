"""Every storage failure named for what it is: damaged, busy, full, read-only or not yours.

One classifier for the operating system's errors and SQLite's, used by the engine's error
hook (every connect, read and write) and by `translate_io_errors` (file work around it).
SQLite's words are all there is to go on (sqlcipher3 exposes no error codes), and some are
ambiguous: "disk I/O error" is also what a nearly full disk gives (seen with 16 KiB left on
a tmpfs), so free space and the mount's read-only flag are asked before naming the cause.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from recovery_app.storage.errors import (
    DiskFull,
    DiskReadOnly,
    DiskTrouble,
    NotWritable,
    NotYours,
    VaultBusy,
    VaultDamaged,
    VaultError,
)

# Below this much free space, an unexplained write problem is taken to be the full disk:
# SQLite needs room for WAL frames, the shared-memory index and its journal headers.
LOW_SPACE_BYTES = 1024 * 1024

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}

_DAMAGE_WORDS = (
    "file is not a database",
    "malformed",  # "database disk image is malformed": SQLCipher's HMAC failures say this too
    "hmac",
    "corrupt",
)
_BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")


def storage_error(error: BaseException, data_dir: Path) -> VaultError | None:
    """Our own error for `error`, or None when it is not a storage failure we can name."""
    if isinstance(error, VaultError):
        return error
    if isinstance(error, OSError):
        return _os_error(error, data_dir)
    orig = getattr(error, "orig", None)  # SQLAlchemy wraps the driver's exception
    if isinstance(orig, BaseException) and orig is not error:
        return storage_error(orig, data_dir)
    if _is_sqlite_error(error):
        return _sqlite_error(str(error).lower(), data_dir)
    return None


def _os_error(error: OSError, data_dir: Path) -> VaultError | None:
    folder = str(data_dir)
    if error.errno in _NO_SPACE:
        return DiskFull(folder)
    if error.errno == errno.EROFS:
        return DiskReadOnly(folder)
    if error.errno in _NO_PERMISSION:
        return DiskReadOnly(folder) if _is_read_only(data_dir) else NotYours(folder)
    if error.errno == errno.EIO:
        if _space_is_low(data_dir):
            return DiskFull(folder)
        return DiskReadOnly(folder) if _is_read_only(data_dir) else DiskTrouble(folder)
    return None


def _sqlite_error(text: str, data_dir: Path) -> VaultError | None:
    folder = str(data_dir)
    if any(words in text for words in _BUSY_WORDS):
        return VaultBusy()
    if any(words in text for words in _DAMAGE_WORDS):
        return VaultDamaged()
    if "full" in text:  # "database or disk is full"
        return DiskFull(folder)
    if "disk i/o" in text:
        if _space_is_low(data_dir):
            return DiskFull(folder)
        if _is_read_only(data_dir):
            return DiskReadOnly(folder)
        return DiskTrouble(folder)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        if _space_is_low(data_dir):
            return DiskFull(folder)  # SQLite can't create its -shm or -wal on a full disk
        if _is_read_only(data_dir):
            return DiskReadOnly(folder)
        if not _writable_by_me(data_dir):
            return NotYours(folder)
        return NotWritable(folder)
    return None


def _is_sqlite_error(error: BaseException) -> bool:
    """The driver's own DatabaseError or OperationalError: the kinds storage trouble comes as
    (an IntegrityError or a ProgrammingError is the code's business, never the disk's)."""
    kind = type(error)
    return kind.__module__.startswith(("sqlcipher3", "sqlite3")) and kind.__name__ in {
        "DatabaseError",
        "OperationalError",
    }


def _space_is_low(data_dir: Path) -> bool:
    try:
        return shutil.disk_usage(_nearest_existing(data_dir)).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _is_read_only(data_dir: Path) -> bool:
    if not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(_nearest_existing(data_dir)).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _writable_by_me(data_dir: Path) -> bool:
    """Whether this user may write the folder and the journal's files in it."""
    folder = _nearest_existing(data_dir)
    candidates = [folder, *(folder / name for name in ("journal.db", "journal.db-wal"))]
    return all(os.access(path, os.W_OK) for path in candidates if path.exists())


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path
