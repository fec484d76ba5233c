"""A new data key for the journal, for when someone may know an old password.

Two files must change: the database (every page under the new key, `PRAGMA rekey`) and the
key file (the new key wrapped under the password), and no file system changes two at once.
So the new key file is written first, as journal.key.next; `PRAGMA rekey` rewrites the
database in one transaction (in WAL mode a kill leaves every page under the old key or every
page under the new one: tried with kill -9 here); then journal.key.next is renamed over
journal.key. A journal.key.next that a kill left behind is settled at the next unlock by
`settle_interrupted_rekey`: whichever key opens the database wins, and the other file goes.
"""

from __future__ import annotations

import contextlib
import os

from recovery_app.storage.errors import KeyFileDamaged, VaultDamaged, WrongPassword
from recovery_app.storage.files import fsync_dir
from recovery_app.storage.keyfile import KeyFile, read_keyfile, write_keyfile
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.snapshot import opened


def write_next_keyfile(paths: VaultPaths, keyfile: KeyFile) -> None:
    write_keyfile(paths.keyfile_next, keyfile)


def rekey_database(paths: VaultPaths, old_key: bytes, new_key: bytes) -> None:
    with opened(paths.db, old_key, mode="rw") as conn:
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    with opened(paths.db, new_key, mode="rw") as conn:
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise VaultDamaged("the journal did not re-key cleanly")


def commit_next_keyfile(paths: VaultPaths) -> None:
    os.replace(paths.keyfile_next, paths.keyfile)
    fsync_dir(paths.data_dir)


def opens_with(paths: VaultPaths, key: bytes) -> bool:
    try:
        with opened(paths.db, key, mode="rw"):  # rw: a WAL journal may have no -shm yet
            return True
    except Exception:
        return False


def settle_interrupted_rekey(paths: VaultPaths, password: str) -> None:
    """Finish or undo a re-key a kill interrupted. Call under the maintenance lock.

    Raises WrongPassword when `password` opens neither key file (nothing is changed then).
    """
    if not paths.keyfile_next.exists():
        return
    current_key = read_keyfile(paths.keyfile).unwrap(password)
    try:
        next_key: bytes | None = read_keyfile(paths.keyfile_next).unwrap(password)
    except (KeyFileDamaged, WrongPassword):
        next_key = None  # never finished writing: the rename to .next is atomic, so unlikely
    if opens_with(paths, current_key):
        with contextlib.suppress(FileNotFoundError):
            paths.keyfile_next.unlink()
        fsync_dir(paths.data_dir)
    elif next_key is not None and opens_with(paths, next_key):
        commit_next_keyfile(paths)
