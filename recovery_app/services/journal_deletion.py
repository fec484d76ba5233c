"""'Delete my journal': only with its password, so nobody else at the computer can do it.

`plan(password)` names what will go (the journal and its key file, its reachable backups,
the window settings, a remembered key) and the backup folders it cannot reach now, for the
confirmation; `delete(password)` checks the password again and removes all of it. Exports
the person saved and copies made elsewhere are not known to the app and are not touched, nor
is anything in a chosen backup folder that is not one of this journal's backups.
The journal must be closed first (the window locks).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from recovery_app.services.backups import BackupService
from recovery_app.services.my_data_records import DeletionPlan, DeletionReport
from recovery_app.services.secrets import SecretStoreError
from recovery_app.services.vault_service import CheckedPassword, VaultService
from recovery_app.storage import backup_store
from recovery_app.storage.errors import VaultError
from recovery_app.storage.files import fsync_dir
from recovery_app.storage.vault import maintenance_lock, open_vault

_SET_ASIDE_PREFIX = "unopened-journal-"  # storage.restore.set_aside_unopenable


class JournalDeletion:
    def __init__(self, vaults: VaultService) -> None:
        self._vaults = vaults

    def plan(self, password: str) -> DeletionPlan:
        return self._plan(self._vaults.check_password(password))

    def delete(self, password: str) -> DeletionReport:
        checked = self._vaults.check_password(password)
        plan = self._plan(checked)
        paths = self._vaults.paths
        removed: list[Path] = []
        left: list[Path] = []
        with maintenance_lock(paths):
            for backup in plan.backups:
                (left if backup_store.remove_backups([backup]) else removed).append(backup)
            backup_store.clean_leftovers(paths.backups_dir)
            for path in (*plan.journal_files, plan.window_settings):
                if path is None:
                    continue
                try:
                    path.unlink()
                    removed.append(path)
                except FileNotFoundError:
                    pass
                except OSError:
                    left.append(path)
        forgot = self._forget(checked.keyfile.vault_id) if plan.remembered_key else False
        for lock in (paths.maintenance_lock, paths.instance_lock):
            with contextlib.suppress(OSError):
                lock.unlink()
        for folder in (paths.backups_dir, paths.data_dir):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: anything else in it is not ours to remove
        with contextlib.suppress(OSError):
            fsync_dir(paths.data_dir.parent)
        return DeletionReport(tuple(removed), tuple(left), plan.unreachable_folders, forgot)

    def _plan(self, checked: CheckedPassword) -> DeletionPlan:
        paths = self._vaults.paths
        vault_id = checked.keyfile.vault_id
        folders, unknown = self._folders(checked)
        backups: list[Path] = []
        unreachable: list[Path] = []
        for folder in folders:
            if folder == paths.backups_dir:
                # The data folder's own: every backup and kept copy in it is this journal's.
                backups += [b.path for b in backup_store.list_backups(folder)]
                backups += backup_store.legacy_copies(folder)
                backups += _set_aside_copies(folder)
            elif folder.is_dir():
                backups += [b.path for b in backup_store.list_backups(folder, vault_id)]
            else:
                unreachable.append(folder)
        candidates = (
            paths.db,
            Path(f"{paths.db}-wal"),
            Path(f"{paths.db}-shm"),
            paths.keyfile,
            paths.keyfile_next,
            paths.db_restoring,
            paths.db_before_restore,
            paths.db_in_progress,
        )
        return DeletionPlan(
            journal_files=tuple(p for p in candidates if p.exists()),
            backups=tuple(backups),
            unreachable_folders=tuple(unreachable),
            window_settings=paths.ui_settings if paths.ui_settings.exists() else None,
            remembered_key=self._remembered(vault_id),
            folders_unknown=unknown,
        )

    def _folders(self, checked: CheckedPassword) -> tuple[tuple[Path, ...], bool]:
        """Every backup folder the journal knows, or only the default if it doesn't open."""
        try:
            vault = open_vault(self._vaults.paths, checked.keyfile, checked.data_key)
        except VaultError:
            return (self._vaults.paths.backups_dir,), True
        try:
            return BackupService(vault).folders(), False
        finally:
            vault.close()

    def _remembered(self, vault_id: str) -> bool:
        try:
            return self._vaults.secrets.load_key(vault_id) is not None
        except SecretStoreError:
            return False

    def _forget(self, vault_id: str) -> bool:
        try:
            self._vaults.secrets.forget_key(vault_id)
        except SecretStoreError:
            return False
        return True


def _set_aside_copies(folder: Path) -> list[Path]:
    with contextlib.suppress(OSError):
        return [p for p in folder.iterdir() if p.is_dir() and p.name.startswith(_SET_ASIDE_PREFIX)]
    return []
