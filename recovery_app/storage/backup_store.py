"""Backups on disk: one folder per backup, each holding what a journal's data folder holds.

    <backup folder>/
      backup-20261201-091200-123456Z-manual/   0700
        journal.db      0600  encrypted copy (storage.snapshot), keyed with the same data key
        journal.key     0600  the key file that opens it, re-wrapped at every password change
        manifest.json   0600  storage.backup_manifest
      .incomplete-<random>/   being written; removed when found by the next backup
      .removing-<random>/     being removed

A backup appears under its final name only once complete (built under a temporary name,
every file fsynced, the folder renamed, the parent fsynced), and is then opened with the key
and checked; a copy that fails is removed at once. Nothing here takes the maintenance lock:
the services hold it around these calls, and open_vault already holds it when it migrates.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from recovery_app.storage.backup_manifest import (
    DB_NAME,
    KEY_NAME,
    MANIFEST_NAME,
    Manifest,
    make_manifest,
    read_manifest,
    sha256_of,
)
from recovery_app.storage.errors import (
    BackupCheckFailed,
    BackupFolderMissing,
    FileRefused,
    VaultError,
)
from recovery_app.storage.files import (
    PRIVATE_FILE_MODE,
    atomic_write_bytes,
    fsync_dir,
    make_private,
)
from recovery_app.storage.snapshot import (
    Cancel,
    Snapshot,
    check_copy,
    copy_database,
    free_space_for,
    translate,
)

INCOMPLETE_PREFIX = ".incomplete-"
REMOVING_PREFIX = ".removing-"
LEGACY_PREFIX = "before-upgrade-from-"  # raw copies kept before upgrades by versions <= 0.1


@dataclass(frozen=True)
class StoredBackup:
    path: Path
    manifest: Manifest

    @property
    def db(self) -> Path:
        return self.path / DB_NAME

    @property
    def keyfile(self) -> Path:
        return self.path / KEY_NAME

    @property
    def size(self) -> int:
        total = 0
        for name in (DB_NAME, KEY_NAME, MANIFEST_NAME):
            with contextlib.suppress(OSError):
                total += (self.path / name).stat().st_size
        return total


def write_backup(
    *,
    source_db: Path,
    keyfile_bytes: bytes,
    data_key: bytes,
    vault_id: str,
    folder: Path,
    reason: str,
    created_at: datetime,
    app_version: str,
    cancel: Cancel | None = None,
) -> StoredBackup:
    """Copy, seal, rename, then open and check. Raises BackupFolderMissing, DiskFull,
    NotWritable, Cancelled or BackupCheckFailed; an older backup is never touched."""
    if not folder.is_dir():
        raise BackupFolderMissing(str(folder))
    wal = Path(f"{source_db}-wal")
    needed = source_db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    free_space_for(folder, needed)
    work = folder / f"{INCOMPLETE_PREFIX}{secrets.token_hex(8)}"
    try:
        try:
            work.mkdir(mode=0o700)
        except FileNotFoundError:
            raise BackupFolderMissing(str(folder)) from None
        snapshot = copy_database(
            source_db, data_key, work / DB_NAME, data_key, source_read_only=False, cancel=cancel
        )
        make_private(work / DB_NAME)
        _write_private(work / KEY_NAME, keyfile_bytes)
        manifest = make_manifest(
            vault_id=vault_id,
            created_at=created_at,
            reason=reason,
            app_version=app_version,
            snapshot=snapshot,
            db_path=work / DB_NAME,
            data_key=data_key,
        )
        _write_private(work / MANIFEST_NAME, manifest.to_bytes())
        fsync_dir(work)
        final = _free_name(folder, created_at, reason)
        os.rename(work, final)
        fsync_dir(folder)
    except BaseException as error:
        _remove_tree(work)
        raise translate(error, folder) from error
    backup = StoredBackup(final, manifest)
    try:
        verify_backup(backup, data_key, snapshot)
    except BaseException:
        remove_backup(final)
        raise
    return backup


def verify_backup(backup: StoredBackup, data_key: bytes, expected: Snapshot | None = None) -> None:
    """The copy's bytes match its manifest, it opens with `data_key`, every page is whole and
    its rows are those it was made with."""
    from recovery_app.storage.keyfile import KeyFile

    try:
        if sha256_of(backup.db) != backup.manifest.db_sha256:
            raise BackupCheckFailed("the copy's bytes differ from its manifest")
        if not KeyFile.from_bytes(backup.keyfile.read_bytes()).fits(data_key):
            raise BackupCheckFailed("the key file beside the copy does not fit it")
    except OSError as error:
        raise BackupCheckFailed("the copy cannot be read") from error
    except VaultError as error:
        if isinstance(error, BackupCheckFailed):
            raise
        raise BackupCheckFailed("the key file beside the copy is damaged") from error
    sealed = backup.manifest.unseal(data_key) if expected is None else expected
    if sealed is None:
        raise BackupCheckFailed("the manifest's counts cannot be read with this key")
    check_copy(backup.db, data_key, sealed)


def list_backups(folder: Path, vault_id: str | None = None) -> list[StoredBackup]:
    """The backups in `folder` (of `vault_id` only, if given), newest first. Anything else in
    the folder (a person's own files, a damaged manifest) is left alone and not listed."""
    found: list[StoredBackup] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith((INCOMPLETE_PREFIX, REMOVING_PREFIX)) or not entry.is_dir():
            continue
        try:
            manifest = read_manifest(entry)
        except (FileRefused, OSError):
            continue
        if vault_id is None or manifest.vault_id == vault_id:
            found.append(StoredBackup(entry, manifest))
    found.sort(key=lambda b: (b.manifest.created_at, b.path.name), reverse=True)
    return found


def remove_backup(path: Path) -> None:
    """Out of sight first (one rename), then deleted: a half-deleted backup is never listed."""
    doomed = path.with_name(f"{REMOVING_PREFIX}{secrets.token_hex(8)}")
    os.rename(path, doomed)
    _remove_tree(doomed)
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)


def remove_backups(paths: Iterable[Path]) -> list[Path]:
    """Remove each; return the ones that could not be removed."""
    left: list[Path] = []
    for path in paths:
        try:
            remove_backup(path)
        except OSError:
            left.append(path)
    return left


def replace_keyfile(backup: StoredBackup, keyfile_bytes: bytes) -> None:
    atomic_write_bytes(backup.keyfile, keyfile_bytes)


def clean_leftovers(folder: Path) -> None:
    """Remove what a killed backup or removal left behind (called under the maintenance lock,
    so no backup of ours is being written meanwhile)."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.name.startswith((INCOMPLETE_PREFIX, REMOVING_PREFIX)):
                _remove_tree(entry)


def legacy_copies(folder: Path) -> list[Path]:
    with contextlib.suppress(OSError):
        return sorted(
            p for p in folder.iterdir() if p.is_dir() and p.name.startswith(LEGACY_PREFIX)
        )
    return []


def adopt_legacy_copy(
    legacy: Path, *, data_key: bytes, vault_id: str, app_version: str
) -> StoredBackup | None:
    """Turn a raw copy kept before an upgrade (journal.db, its -wal, journal.key, no manifest)
    into a backup like the others, then remove the raw copy. A copy whose key file does not
    fit `data_key` is left as it is (None)."""
    from recovery_app.storage.keyfile import KeyFile

    try:
        keyfile_bytes = (legacy / KEY_NAME).read_bytes()
        if not KeyFile.from_bytes(keyfile_bytes).fits(data_key):
            return None
    except (OSError, VaultError):
        return None
    folder = legacy.parent
    work = folder / f"{INCOMPLETE_PREFIX}{secrets.token_hex(8)}"
    work.mkdir(mode=0o700)
    try:
        # Work on a copy: opening the raw copy's WAL would change it.
        for name in (DB_NAME, f"{DB_NAME}-wal"):
            if (legacy / name).exists():
                shutil.copyfile(legacy / name, work / name)
        backup = write_backup(
            source_db=work / DB_NAME,
            keyfile_bytes=keyfile_bytes,
            data_key=data_key,
            vault_id=vault_id,
            folder=folder,
            reason="before-upgrade",
            created_at=_legacy_moment(legacy),
            app_version=app_version,
        )
    finally:
        _remove_tree(work)
    remove_backup(legacy)
    return backup


def _legacy_moment(legacy: Path) -> datetime:
    stamp = "-".join(legacy.name.rsplit("-", 3)[-3:])  # ...-YYYYmmdd-HHMMSS-ffffff, local time
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").astimezone(UTC)
    except ValueError:
        return datetime.fromtimestamp(legacy.stat().st_mtime, UTC)


def _free_name(folder: Path, created_at: datetime, reason: str) -> Path:
    stamp = created_at.astimezone(UTC).strftime("%Y%m%d-%H%M%S-%fZ")
    candidate = folder / f"backup-{stamp}-{reason}"
    n = 2
    while candidate.exists():
        candidate = folder / f"backup-{stamp}-{reason}-{n}"
        n += 1
    return candidate


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
