"""The steps of a restore, each one safe to be killed after (services.restore runs them).

The restored database is staged beside the journal as `journal.db.restoring`, exported from
the backup into the journal's own data key whenever the journal's key file can give it. Then
the journal keeps its key file and password, and the swap is one rename over journal.db:
a kill at any moment leaves the old journal or the restored one, each whole.

Before the rename the old database gets a second name (a hard link, `journal.db.before-restore`)
so that a restored journal that fails its last check can be put back with one more rename.
The -wal is emptied into the database first (checkpoint) and the empty -wal and -shm removed,
so no log of the old database is ever read against the new one.

Only when the journal's key file cannot be used (missing or damaged, or there is no journal
here yet) does the backup's own key file come along: it is written first, then the database.
A kill between the two leaves a journal that did not open before either.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from recovery_app.storage.errors import VaultBusy
from recovery_app.storage.files import atomic_write_bytes, ensure_private_dir, fsync_dir
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.snapshot import (
    Cancel,
    Snapshot,
    check_copy,
    connect,
    copy_database,
    remove_db_files,
)


def clean_leftovers(paths: VaultPaths) -> None:
    """What a killed restore left: the staged copy, and the old journal's second name (only
    while journal.db itself is there). Call under the maintenance lock."""
    remove_db_files(paths.db_restoring)
    if paths.db.exists():
        with contextlib.suppress(FileNotFoundError):
            paths.db_before_restore.unlink()


def stage(
    backup_db: Path, backup_key: bytes, paths: VaultPaths, journal_key: bytes, cancel: Cancel | None
) -> Snapshot:
    remove_db_files(paths.db_restoring)
    ensure_private_dir(paths.data_dir)
    return copy_database(backup_db, backup_key, paths.db_restoring, journal_key, cancel=cancel)


def check_staged(paths: VaultPaths, journal_key: bytes, expected: Snapshot) -> None:
    check_copy(paths.db_restoring, journal_key, expected)


def settle_journal(paths: VaultPaths, journal_key: bytes | None) -> None:
    """Empty the journal's -wal into it and remove the empty -wal and -shm. Refused (busy)
    while another connection is reading or writing."""
    if not paths.db.exists():
        return
    wal = Path(f"{paths.db}-wal")
    conn = None
    if journal_key is not None:
        with contextlib.suppress(Exception):  # one that does not open has been set aside whole
            conn = connect(paths.db, journal_key, mode="rw")
    if conn is not None:
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
        if busy or (wal.exists() and wal.stat().st_size):
            raise VaultBusy()  # something still writes: never drop a log that holds entries
    for path in (wal, Path(f"{paths.db}-shm")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def keep_second_name(paths: VaultPaths) -> None:
    if not paths.db.exists():
        return
    with contextlib.suppress(FileNotFoundError):
        paths.db_before_restore.unlink()
    try:
        os.link(paths.db, paths.db_before_restore)
    except OSError:
        shutil.copyfile(paths.db, paths.db_before_restore)  # a file system without hard links
    fsync_dir(paths.data_dir)


def put_keyfile(paths: VaultPaths, keyfile_bytes: bytes) -> None:
    atomic_write_bytes(paths.keyfile, keyfile_bytes)


def swap_in(paths: VaultPaths) -> None:
    os.replace(paths.db_restoring, paths.db)
    fsync_dir(paths.data_dir)


def check_restored(paths: VaultPaths, journal_key: bytes, expected: Snapshot) -> None:
    """The journal as it now is on disk opens with its key and holds what was staged."""
    check_copy(paths.db, journal_key, expected)


def roll_back(paths: VaultPaths) -> None:
    """Put the old journal back after the swap (its second name becomes its name again)."""
    if paths.db_before_restore.exists():
        for path in (Path(f"{paths.db}-wal"), Path(f"{paths.db}-shm")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        os.replace(paths.db_before_restore, paths.db)
        fsync_dir(paths.data_dir)


def remove_restored(paths: VaultPaths) -> None:
    """Undo a swap into a folder that had no journal: it has none again."""
    remove_db_files(paths.db)
    fsync_dir(paths.data_dir)


def finish(paths: VaultPaths) -> None:
    with contextlib.suppress(FileNotFoundError):
        paths.db_before_restore.unlink()
    fsync_dir(paths.data_dir)


def set_aside_unopenable(paths: VaultPaths, folder: Path, stamp: str) -> Path | None:
    """A journal that cannot be opened is copied, untouched, to `folder` before a restore
    replaces it: never deleted, whatever is wrong with it."""
    present = [p for p in (paths.db, Path(f"{paths.db}-wal"), paths.keyfile) if p.exists()]
    if not present:
        return None
    ensure_private_dir(folder)
    target = folder / f"unopened-journal-{stamp}"
    ensure_private_dir(target)
    for source in present:
        shutil.copyfile(source, target / source.name)
        os.chmod(target / source.name, 0o600)
        with (target / source.name).open("rb+") as handle:
            os.fsync(handle.fileno())
    fsync_dir(target)
    return target
