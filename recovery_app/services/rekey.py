"""'Re-key everything': for when someone may know an old password, or hold an old copy.

A password change re-wraps the same data key, so a copy of the journal taken earlier opens
with whichever password its own key file had. Re-keying gives the journal a new data key
(storage.rekey: crash-safe), then makes a fresh backup under it and removes every backup made
under the old one. Old backups go only once the fresh one is made and checked; otherwise
they stay and are named, so the person is never left with no backup at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from recovery_app.domain.backups import Trigger
from recovery_app.services.backups import BackupService
from recovery_app.services.journal_part import utc_now
from recovery_app.services.my_data_records import BackupInfo, RekeyResult
from recovery_app.services.secrets import SecretStoreError
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import backup_store, rekey
from recovery_app.storage.errors import VaultBusy, VaultError
from recovery_app.storage.keyfile import KeyFile, new_data_key, read_keyfile, wrap
from recovery_app.storage.vault import maintenance_lock, open_vault, translate_io_errors


class RekeyService:
    def __init__(self, vaults: VaultService, now: Callable[[], datetime] = utc_now) -> None:
        self._vaults = vaults
        self._now = now

    def rekey_everything(self, password: str) -> RekeyResult:
        """Needs the journal closed (the window locks first) and its password."""
        paths = self._vaults.paths
        checked = self._vaults.check_password(password)
        old_key, keyfile = checked.data_key, checked.keyfile
        vault = open_vault(paths, keyfile, old_key)  # also upgrades an older journal first
        try:
            folders = BackupService(vault).folders()
        finally:
            vault.close()
        remembered = self._remembered(keyfile.vault_id)
        new_key = new_data_key()
        new_keyfile = wrap(new_key, password, self._vaults.kdf, vault_id=keyfile.vault_id)
        with translate_io_errors(paths), maintenance_lock(paths):
            if read_keyfile(paths.keyfile) != keyfile:
                raise VaultBusy()
            rekey.write_next_keyfile(paths, new_keyfile)
            try:
                rekey.rekey_database(paths, old_key, new_key)
            except BaseException:
                if rekey.opens_with(paths, old_key):  # nothing changed: forget the new key
                    with contextlib.suppress(FileNotFoundError):
                        paths.keyfile_next.unlink()
                raise
            rekey.commit_next_keyfile(paths)
        updated = False
        if remembered:
            try:
                self._vaults.secrets.save_key(keyfile.vault_id, new_key)
                updated = True
            except SecretStoreError:
                with contextlib.suppress(SecretStoreError):
                    self._vaults.secrets.forget_key(keyfile.vault_id)
        return self._fresh_backups(new_keyfile, new_key, folders, updated)

    def _fresh_backups(
        self, keyfile: KeyFile, new_key: bytes, folders: tuple[Path, ...], updated: bool
    ) -> RekeyResult:
        vault = open_vault(self._vaults.paths, keyfile, new_key)
        try:
            backups = BackupService(vault, now=self._now)
            fresh: BackupInfo | None
            try:
                fresh = backups.safety_backup(Trigger.AFTER_REKEY)
            except (VaultError, OSError):
                fresh = None  # kept as the last failure; the old backups stay
            old: list[Path] = []
            unreachable: list[Path] = []
            for folder in folders:
                if not folder.is_dir():
                    if folder != backups.default_folder:
                        unreachable.append(folder)
                    continue
                old += [
                    b.path
                    for b in backup_store.list_backups(folder, vault.vault_id)
                    if b.manifest.unseal(new_key) is None
                ]
                old += backup_store.legacy_copies(folder)
            kept = old if fresh is None else backup_store.remove_backups(old)
        finally:
            vault.close()
        return RekeyResult(
            fresh_backup=fresh,
            removed=len(old) - len(kept),
            unreachable_folders=tuple(unreachable),
            kept_old=tuple(kept),
            remembered_updated=updated,
        )

    def _remembered(self, vault_id: str) -> bool:
        try:
            return self._vaults.secrets.load_key(vault_id) is not None
        except SecretStoreError:
            return False
