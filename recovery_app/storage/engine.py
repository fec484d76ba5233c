"""The encrypted engine factory.

SQLAlchemy's plain `sqlite://` dialect with a sqlcipher3 `creator`: the `pysqlcipher`
dialect runs its own `PRAGMA key` from the URL and cannot take a raw key. `module=` makes
SQLAlchemy map sqlcipher3's exceptions to its own (IntegrityError, …).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import NullPool

# How long a connection waits for another process's write lock before saying "busy":
# long enough for any save (milliseconds), short enough that nobody waits on a stuck one.
BUSY_TIMEOUT_SECONDS = 4.0


def load_driver() -> None:
    """Import SQLCipher's driver now (make_engine imports it on first use)."""
    import sqlcipher3.dbapi2  # noqa: F401


def make_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """An engine on the vault at `path` keyed with the raw 32-byte `key`.

    NullPool: no decrypted connection outlives its session, and disposing the engine on
    lock leaves nothing open. `create=False` opens read-write without creating, because
    sqlcipher silently makes an empty database at a missing path.
    """
    from sqlcipher3 import dbapi2

    uri = f"file:{quote(str(path))}?mode={'rwc' if create else 'rw'}"
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""

    def connect() -> Any:
        conn = dbapi2.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            # Order matters: silence SQLCipher's own stderr logging before anything can fail.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(pragma_key)
            # The first read is where a wrong key or a damaged file shows.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            # WAL + FULL: a committed entry survives kill -9 and a power cut.
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            # Sorting and temp tables stay in memory, never in an unencrypted temp file.
            conn.execute("PRAGMA temp_store = MEMORY")
        except BaseException:
            conn.close()
            raise
        return conn

    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=dbapi2,
        poolclass=NullPool,
        # Errors and logs never carry what a person wrote.
        hide_parameters=True,
    )
    data_dir = path.parent

    @event.listens_for(engine, "handle_error")
    def name_storage_failures(context: ExceptionContext) -> None:
        """Damage, a busy lock, a full or read-only disk are named on every path: connect,
        any read, any write, whichever service or screen runs it."""
        from recovery_app.storage.failures import storage_error

        named = storage_error(context.original_exception, data_dir)
        if named is not None:
            raise named from context.original_exception

    return engine
