"""Create, open and close the encrypted vault (journal.db + journal.key)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, exc
from sqlmodel import Session

from recovery_app import __version__
from recovery_app.storage import migrate
from recovery_app.storage.changes import ChangeWatch
from recovery_app.storage.engine import make_engine
from recovery_app.storage.errors import (
    DiskFull,
    NotAVault,
    NotYours,
    VaultAlreadyExists,
    VaultBusy,
    VaultDamaged,
    VaultError,
    VaultMissing,
    VaultTooNew,
)
from recovery_app.storage.failures import storage_error
from recovery_app.storage.files import PRIVATE_FILE_MODE, ensure_private_dir, fsync_dir
from recovery_app.storage.kdf import KdfParams
from recovery_app.storage.keyfile import KeyFile, new_data_key, wrap, write_keyfile
from recovery_app.storage.models import VaultInfo
from recovery_app.storage.paths import VaultPaths

PAGE_SIZE = 4096
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_LOCK_TIMEOUT_SECONDS = 15.0
# At close, another process may be reading; the checkpoint waits this long at most and
# otherwise leaves the WAL to be checkpointed by whoever closes last (SQLite does that).
_CLOSE_CHECKPOINT_WAIT_MS = 250
# Left by a password change killed between writing the new key file and renaming it.
_STALE_KEY_TEMPS = ".journal.key.*.tmp"

log = logging.getLogger(__name__)


class Vault:
    """An unlocked vault. The data key lives here, in memory, until `close()`."""

    def __init__(self, paths: VaultPaths, engine: Engine, keyfile: KeyFile, data_key: bytes):
        self.paths = paths
        self.keyfile = keyfile
        self._engine: Engine | None = engine
        self._data_key: bytearray | None = bytearray(data_key)
        self._changes = ChangeWatch(paths.db, data_key)

    @property
    def vault_id(self) -> str:
        return self.keyfile.vault_id

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultError("the vault is locked")
        return bytes(self._data_key)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultError("the vault is locked")
        return self._engine

    def changes(self) -> int:
        """A number that differs whenever anything was committed to the journal since it was
        last asked, by this app or another process (storage.changes explains how)."""
        return self._changes.version()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        with translate_io_errors(self.paths), Session(self.engine, expire_on_commit=False) as s:
            yield s

    def check_integrity(self, *, side_by_side: bool = False) -> None:
        """VaultDamaged unless every page of journal.db is sound.

        SQLCipher checks every page's HMAC in the file (any changed bit in a page, its IV or
        its tag fails it); SQLite's quick check then reads every b-tree page through the
        pager, which authenticates the newest copy of each page, WAL included, and catches a
        page that is authentic but not where it belongs (a stale copy of a page: measured,
        the HMAC check misses those). `side_by_side`, the two run at once on two connections
        (where someone waits for them and nothing else needs the second processor). A passive
        checkpoint first moves what it can from the WAL into the file without waiting for
        anyone. About 0.25 s on the heavy benchmark journal, 0.15 s side by side: run it off
        the GUI thread. It opens connections of its own, so any thread may call it.
        """
        from concurrent.futures import ThreadPoolExecutor

        with translate_io_errors(self.paths):
            with self.engine.connect() as conn:
                try:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except (DiskFull, VaultBusy) as error:
                    # Reading needs no room and no lock: check what is there.
                    log.info("no checkpoint before the integrity check: %s", type(error).__name__)
            if side_by_side:
                # Each check reads the whole file; on two connections at once (SQLite lets go
                # of Python's lock while it reads) they take the time of the longer one.
                with ThreadPoolExecutor(max_workers=1, thread_name_prefix="quick-check") as pool:
                    structure = pool.submit(self._pragma, "quick_check")
                    unauthentic = self._pragma("cipher_integrity_check")
                    verdict = structure.result()
            else:
                unauthentic = self._pragma("cipher_integrity_check")
                verdict = [] if unauthentic else self._pragma("quick_check")
            if unauthentic:
                raise VaultDamaged(f"{len(unauthentic)} pages fail their authentication")
            if verdict != [("ok",)]:
                raise VaultDamaged(f"the structure check found {len(verdict)} problems")

    def _pragma(self, name: str) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.exec_driver_sql(f"PRAGMA {name}").fetchall())

    def close(self) -> None:
        """Checkpoint, dispose of the engine and forget the key (as far as Python lets us).

        The checkpoint moves committed entries from the WAL into journal.db, so a damaged
        or lost -wal file can't take them with it once the journal is closed."""
        self._changes.close()
        if self._engine is not None:
            _checkpoint_quietly(self._engine)
            self._engine.dispose()
            self._engine = None
        if self._data_key is not None:
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
            self._data_key = None


def _checkpoint_quietly(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {_CLOSE_CHECKPOINT_WAIT_MS}")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except (VaultError, exc.SQLAlchemyError, OSError) as error:
        # Closing must never fail: what was committed is safe in the WAL either way.
        log.info("checkpoint at close did not run: %s", type(error).__name__)


@contextlib.contextmanager
def translate_io_errors(paths: VaultPaths) -> Iterator[None]:
    """Turn the operating system's and SQLite's failures into our own error types."""
    try:
        yield
    except VaultError:
        raise
    except (OSError, exc.DBAPIError) as error:
        named = storage_error(error, paths.data_dir)
        if named is None:
            raise
        raise named from error


@contextlib.contextmanager
def maintenance_lock(paths: VaultPaths, timeout: float = _LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Held while creating, migrating or changing the password, across processes."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(paths.maintenance_lock), timeout=timeout, mode=PRIVATE_FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise VaultBusy() from None
    try:
        yield
    finally:
        lock.release()


def create_vault(paths: VaultPaths, password: str, kdf: KdfParams) -> Vault:
    """Make a new vault. It appears as journal.db only once complete, with its key file."""
    with translate_io_errors(paths):
        if paths.vault_exists():
            raise VaultAlreadyExists()
        ensure_private_dir(paths.data_dir)
        with maintenance_lock(paths):
            if paths.vault_exists():
                raise VaultAlreadyExists()
            data_key = new_data_key()
            keyfile = wrap(data_key, password, kdf)
            _build_new_vault(paths, keyfile, data_key)
    return open_vault(paths, keyfile, data_key)


def _build_new_vault(paths: VaultPaths, keyfile: KeyFile, data_key: bytes) -> None:
    building = paths.db_in_progress
    _remove_db_files(building)  # a try that crashed before
    set_aside: Path | None = None
    if paths.keyfile.exists():
        # A key file without its journal: never overwrite it, it may be someone's only way back.
        set_aside = paths.keyfile.with_name(f"journal.key.unused-{_stamp()}")
        os.replace(paths.keyfile, set_aside)
    try:
        fd = os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
        os.close(fd)
        engine = make_engine(building, data_key, create=True)
        try:
            with engine.begin() as conn:
                migrate.upgrade(conn)
            with Session(engine) as session:
                session.add(VaultInfo(key="created_with", value=__version__))
                session.commit()
        finally:
            engine.dispose()
        write_keyfile(paths.keyfile, keyfile)
        os.replace(building, paths.db)
        fsync_dir(paths.data_dir)
    except BaseException:
        _remove_db_files(building)
        if not paths.db.exists():
            with contextlib.suppress(OSError):
                paths.keyfile.unlink()
            if set_aside is not None:
                with contextlib.suppress(OSError):
                    os.replace(set_aside, paths.keyfile)
        raise


def open_vault(paths: VaultPaths, keyfile: KeyFile, data_key: bytes) -> Vault:
    """Open with a data key already checked against the key file; migrate if older."""
    check_vault_file(paths)
    remove_stale_key_temps(paths)
    engine = make_engine(paths.db, data_key)
    try:
        with translate_io_errors(paths):
            revision = _read_revision(engine)
            if revision != migrate.head_revision():
                if revision is not None and revision not in migrate.known_revisions():
                    raise VaultTooNew()
                with maintenance_lock(paths):
                    revision = _read_revision(engine)
                    if revision != migrate.head_revision():
                        keep_copy_before_upgrade(paths, data_key, keyfile, revision)
                        with engine.begin() as conn:
                            migrate.upgrade(conn)
    except BaseException:
        engine.dispose()
        raise
    return Vault(paths, engine, keyfile, data_key)


def check_vault_file(paths: VaultPaths) -> None:
    """Cheap checks before SQLCipher sees the file: missing, plain SQLite, not page-shaped."""
    try:
        size = paths.db.stat().st_size
        with paths.db.open("rb") as handle:
            head = handle.read(len(_PLAIN_SQLITE_HEADER))
    except FileNotFoundError:
        raise VaultMissing() from None
    except IsADirectoryError:
        raise NotAVault("a folder") from None
    except OSError as error:
        raise storage_error(error, paths.data_dir) or NotYours(str(paths.data_dir)) from error
    if head == _PLAIN_SQLITE_HEADER:
        raise NotAVault("an unencrypted database")
    if size == 0 or size % PAGE_SIZE:
        raise NotAVault("not page-shaped")


def remove_stale_key_temps(paths: VaultPaths) -> None:
    """Remove what a killed password change left: the temporary key file it never renamed.

    Only with the maintenance lock, taken without waiting: a password change running now
    holds it, and its temporary file must stay. Best effort: a leftover harms nothing."""
    if not any(paths.data_dir.glob(_STALE_KEY_TEMPS)):
        return
    try:
        with maintenance_lock(paths, timeout=0):
            for stale in paths.data_dir.glob(_STALE_KEY_TEMPS):
                stale.unlink(missing_ok=True)
    except (VaultError, OSError) as error:
        log.info("a stale temporary key file stays for now: %s", type(error).__name__)


def _read_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return migrate.current_revision(conn)
    except exc.OperationalError:
        raise  # permissions, full disk: translate_io_errors words these
    except exc.DatabaseError as error:
        # The key was checked against the key file, so this is the file, not the password.
        raise VaultDamaged() from error


def keep_copy_before_upgrade(
    paths: VaultPaths, data_key: bytes, keyfile: KeyFile, revision: str | None
) -> Path:
    """A checked backup (storage.backup_store) in the data folder's own backups/, never the
    chosen one: an upgrade must not wait for a drive that is away. Called under the
    maintenance lock; a copy that cannot be made stops the upgrade, with the journal as it was.
    """
    from datetime import UTC

    from recovery_app.storage.backup_store import write_backup

    ensure_private_dir(paths.backups_dir)
    backup = write_backup(
        source_db=paths.db,
        keyfile_bytes=paths.keyfile.read_bytes(),
        data_key=data_key,
        vault_id=keyfile.vault_id,
        folder=paths.backups_dir,
        reason="before-upgrade",
        created_at=datetime.now(UTC),
        app_version=__version__,
    )
    if backup.manifest.schema_revision != revision:
        raise VaultDamaged("the copy kept before upgrading does not match")
    return backup.path


def _remove_db_files(db: Path) -> None:
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")
