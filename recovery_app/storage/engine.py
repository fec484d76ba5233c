"""The encrypted engine factory.

SQLAlchemy's plain `sqlite://` dialect with a sqlcipher3 `creator`: the `pysqlcipher`
dialect runs its own `PRAGMA key` from the URL and cannot take a raw key. `module=` makes
SQLAlchemy map sqlcipher3's exceptions to its own (IntegrityError, …).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool


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
        conn = dbapi2.connect(uri, uri=True)
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

    return create_engine(
        "sqlite://",
        creator=connect,
        module=dbapi2,
        poolclass=NullPool,
        # Errors and logs never carry what a person wrote.
        hide_parameters=True,
    )
