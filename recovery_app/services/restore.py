"""Restore a backup over the journal: a preview first, then a safety copy, a staged copy, a
check, one atomic swap, and a rollback if any step fails (storage.restore has the steps).

The journal must be closed (the window locks first). `prepare(path, password)` checks the
backup is one of ours, made by this version or an older one, and whole; opens it; and
returns a plan whose preview sets the backup's counts and dates beside the journal's.
`restore(plan)` does the rest. The password is the journal's; a backup whose key file was
not re-wrapped at a password change (its drive was away) needs the older password as well,
and `prepare` says so by raising OlderPasswordNeeded.

When the journal's key file gives the data key, the restored copy is keyed with it and the
journal keeps its key file and password; when it can't (no journal here yet, or its key file
is damaged), the backup's key file comes along and its password opens the journal after.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from recovery_app import __version__
from recovery_app.domain.backups import Trigger
from recovery_app.domain.versions import is_newer
from recovery_app.services.backups import FOLDER_KEY, FOLDERS_USED_KEY, BackupService
from recovery_app.services.journal_part import utc_now
from recovery_app.services.my_data_records import (
    BackupInfo,
    JournalSummary,
    RestorePreview,
    RestoreResult,
)
from recovery_app.services.vault_service import CheckedPassword, VaultService
from recovery_app.storage import backup_store, migrate, restore
from recovery_app.storage.backup_manifest import MANIFEST_NAME, read_manifest, sha256_of
from recovery_app.storage.backup_store import StoredBackup
from recovery_app.storage.errors import (
    Cancelled,
    FileRefused,
    KeyFileDamaged,
    OlderPasswordNeeded,
    RefusedKind,
    VaultError,
    WrongPassword,
)
from recovery_app.storage.keyfile import KeyFile
from recovery_app.storage.snapshot import Cancel, Snapshot, opened, snapshot_of
from recovery_app.storage.vault import Vault, maintenance_lock, open_vault, translate_io_errors


@dataclass(frozen=True)
class RestorePlan:
    """What `prepare` found; hand it back to `restore`. Only `preview` is for showing."""

    preview: RestorePreview
    backup: StoredBackup = field(repr=False)
    backup_key: bytes = field(repr=False)
    backup_keyfile: bytes = field(repr=False)
    expected: Snapshot = field(repr=False)
    journal: CheckedPassword | None = field(default=None, repr=False)


class RestoreService:
    def __init__(self, vaults: VaultService, now: Callable[[], datetime] = utc_now) -> None:
        self._vaults = vaults
        self._now = now

    def find(self, folder: Path | None = None) -> tuple[BackupInfo, ...]:
        """The backups in `folder` (the data folder's own by default) without opening
        anything: dates, reasons and sizes, no counts. For a journal that doesn't open."""
        listed = backup_store.list_backups(folder or self._vaults.paths.backups_dir)
        return tuple(_info(b, None) for b in listed)

    def prepare(self, path: Path, password: str, older_password: str | None = None) -> RestorePlan:
        backup = _read_backup(path)
        journal = self._journal_key(password)
        keyfile_bytes = backup.keyfile.read_bytes()
        try:
            keyfile = KeyFile.from_bytes(keyfile_bytes)
        except KeyFileDamaged:
            raise FileRefused(RefusedKind.DAMAGED, "journal.key") from None
        if journal is not None and keyfile.fits(journal.data_key):
            backup_key = journal.data_key
        else:
            try:
                backup_key = keyfile.unwrap(older_password or password)
            except WrongPassword:
                if journal is not None and older_password is None:
                    raise OlderPasswordNeeded() from None
                raise
        sealed = backup.manifest.unseal(backup_key)
        if sealed is None:
            raise FileRefused(RefusedKind.DAMAGED, MANIFEST_NAME)
        preview = RestorePreview(
            backup=_info(backup, sealed),
            journal=None if journal is None else self._summary(journal.data_key),
            same_journal=journal is not None
            and backup.manifest.vault_id == journal.keyfile.vault_id,
            replaces_key_file=journal is None,
        )
        return RestorePlan(preview, backup, backup_key, keyfile_bytes, sealed, journal)

    def restore(self, plan: RestorePlan, cancel: Cancel | None = None) -> RestoreResult:
        paths = self._vaults.paths
        vault = self._open_journal(plan)  # before the lock: it may upgrade the journal first
        try:
            with translate_io_errors(paths), maintenance_lock(paths):
                safety_copy = self._swap(plan, vault, cancel)
        finally:
            if vault is not None and vault.is_open:
                vault.close()
        return RestoreResult(plan.backup.path, safety_copy, plan.journal is None)

    def _swap(self, plan: RestorePlan, vault: Vault | None, cancel: Cancel | None) -> Path | None:
        """The steps, under the maintenance lock; every one undone if a later one fails."""
        paths = self._vaults.paths
        journal_key = plan.journal.data_key if plan.journal is not None else plan.backup_key
        old_keyfile = paths.keyfile.read_bytes() if paths.keyfile.exists() else None
        had_journal = paths.db.exists()
        carried: dict[str, str] | None = None
        put_key = swapped = False
        safety_copy: Path | None
        try:
            restore.clean_leftovers(paths)
            if vault is not None:
                carried = _backup_settings(vault)
                backups = BackupService(vault, now=self._now)
                safety_copy = backups.safety_backup(Trigger.BEFORE_RESTORE, lock_held=True).path
                vault.close()  # nothing of the old journal stays open across the swap
            else:
                stamp = self._now().strftime("%Y%m%d-%H%M%SZ")
                safety_copy = restore.set_aside_unopenable(paths, paths.backups_dir, stamp)
            staged = restore.stage(plan.backup.db, plan.backup_key, paths, journal_key, cancel)
            if staged.counts != plan.expected.counts:
                raise FileRefused(RefusedKind.DAMAGED, "journal.db")
            restore.check_staged(paths, journal_key, staged)
            if cancel is not None and cancel():
                raise Cancelled()  # the last moment a stop is taken: the swap is next
            restore.settle_journal(paths, None if plan.journal is None else journal_key)
            restore.keep_second_name(paths)
            if plan.journal is None:
                restore.put_keyfile(paths, plan.backup_keyfile)
                put_key = True
            restore.swap_in(paths)
            swapped = True
            restore.check_restored(paths, journal_key, staged)
        except BaseException:
            if swapped:
                restore.roll_back(paths) if had_journal else restore.remove_restored(paths)
            if put_key:
                with contextlib.suppress(OSError):
                    if old_keyfile is None:
                        paths.keyfile.unlink()
                    else:
                        restore.put_keyfile(paths, old_keyfile)
            with contextlib.suppress(OSError):
                restore.clean_leftovers(paths)
            raise
        restore.finish(paths)
        if carried is not None:
            _carry_backup_settings(paths.db, journal_key, carried)
        if plan.journal is None:
            self._forget_stale_remembered_key(old_keyfile)
        return safety_copy

    # ----- helpers --------------------------------------------------------------------------

    def _journal_key(self, password: str) -> CheckedPassword | None:
        """The journal's data key, or None when there is no journal or its key file is
        damaged. A wrong password is a wrong password."""
        if not self._vaults.paths.db.exists():
            return None
        try:
            return self._vaults.check_password(password)
        except KeyFileDamaged:
            return None

    def _summary(self, data_key: bytes) -> JournalSummary | None:
        try:
            with opened(self._vaults.paths.db, data_key, mode="rw") as conn:
                found = snapshot_of(conn)
        except Exception:
            return None  # the journal doesn't open: the preview says so
        return JournalSummary(found.counts, found.first_day, found.last_day)

    def _open_journal(self, plan: RestorePlan) -> Vault | None:
        if plan.journal is None:
            return None
        try:
            return open_vault(self._vaults.paths, plan.journal.keyfile, plan.journal.data_key)
        except VaultError:
            return None  # damaged: its files are set aside untouched instead of backed up

    def _forget_stale_remembered_key(self, old_keyfile: bytes | None) -> None:
        if old_keyfile is None:
            return
        with contextlib.suppress(Exception):
            self._vaults.secrets.forget_key(KeyFile.from_bytes(old_keyfile).vault_id)


def _read_backup(path: Path) -> StoredBackup:
    """The backup at `path` (its folder, or a file in it), if this version may restore it."""
    folder = path.parent if path.is_file() else path
    manifest = read_manifest(folder)
    revision = manifest.schema_revision
    if revision is None or revision not in migrate.known_revisions():
        raise FileRefused(RefusedKind.NEWER_VERSION)
    if is_newer(manifest.app_version, __version__):
        raise FileRefused(RefusedKind.NEWER_VERSION)
    backup = StoredBackup(folder, manifest)
    try:
        if sha256_of(backup.db) != manifest.db_sha256:
            raise FileRefused(RefusedKind.DAMAGED, "journal.db")
    except OSError:
        raise FileRefused(RefusedKind.DAMAGED, "journal.db") from None
    if not backup.keyfile.exists():
        raise FileRefused(RefusedKind.DAMAGED, "journal.key")
    return backup


def _info(backup: StoredBackup, sealed: Snapshot | None) -> BackupInfo:
    m = backup.manifest
    return BackupInfo(
        path=backup.path,
        created_at=m.created_at,
        reason=m.reason,
        size=backup.size,
        app_version=m.app_version,
        schema_revision=m.schema_revision,
        counts=None if sealed is None else dict(sealed.counts),
        first_day=None if sealed is None else sealed.first_day,
        last_day=None if sealed is None else sealed.last_day,
    )


def _backup_settings(vault: Vault) -> dict[str, str]:
    """Where this computer keeps the backups: carried over, since a backup made before a
    folder was chosen must not send the next backups back to the old place."""
    from recovery_app.storage.models import VaultInfo

    with vault.session() as session:
        rows = [session.get(VaultInfo, key) for key in (FOLDER_KEY, FOLDERS_USED_KEY)]
    return {row.key: row.value for row in rows if row is not None}


def _carry_backup_settings(db: Path, key: bytes, settings: dict[str, str]) -> None:
    with contextlib.suppress(Exception), opened(db, key, mode="rw") as conn:
        conn.execute("DELETE FROM vault_info WHERE key LIKE 'backup.%'")
        conn.executemany(
            "INSERT INTO vault_info (key, value) VALUES (?, ?)", list(settings.items())
        )
