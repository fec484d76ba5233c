"""Every backup's key file follows the journal's, so an old password opens no copy.

A password change wraps the same data key under the new password, so one key file serves
the journal and all its backups. `rewrap_backups` gives it to every backup it can reach at
the change. A folder that was away then (a drive in a drawer) keeps the old key file until
it is connected again while the journal is open: each backup the app makes afterwards runs
`catch_up_key_files` first, over every folder the journal's backups ever went to.

A backup made under another data key (before a re-key) is never given this key file: it
would no longer open at all. It keeps the password it was made with.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app.storage import backup_store
from recovery_app.storage.errors import VaultError
from recovery_app.storage.files import atomic_write_bytes
from recovery_app.storage.keyfile import KeyFile

if TYPE_CHECKING:
    from recovery_app.services.backups import BackupService
    from recovery_app.storage.vault import Vault


@dataclass
class Rewrapped:
    replaced: list[tuple[Path, bytes]] = field(default_factory=list)  # key file, old bytes
    unreachable: list[Path] = field(default_factory=list)
    not_rewrapped: list[Path] = field(default_factory=list)

    def undo(self) -> None:
        """Put the old key files back (the journal's own change did not happen)."""
        for keyfile, old in self.replaced:
            with contextlib.suppress(OSError):
                atomic_write_bytes(keyfile, old)


def rewrap_backups(backups: BackupService, vault: Vault, new_bytes: bytes) -> Rewrapped:
    """Give every reachable backup of this journal that its data key opens `new_bytes`
    (the same data key, so the same file serves them all: no KDF run per backup)."""
    done = Rewrapped()
    for path in _backup_key_files(backups, vault, done.unreachable):
        try:
            old = path.read_bytes()
            if old == new_bytes:
                continue
            if not KeyFile.from_bytes(old).fits(vault.data_key):
                done.not_rewrapped.append(path.parent)
                continue
            atomic_write_bytes(path, new_bytes)
            done.replaced.append((path, old))
        except (OSError, VaultError):
            done.not_rewrapped.append(path.parent)
    return done


def catch_up_key_files(backups: BackupService, vault: Vault, live_bytes: bytes) -> int:
    """Backups that missed a password change (their folder was away) take the journal's
    key file `live_bytes` now; how many did. One that can't be written is tried next time."""
    caught_up = 0
    for path in _backup_key_files(backups, vault, []):
        try:
            old = path.read_bytes()
            if old == live_bytes or not KeyFile.from_bytes(old).fits(vault.data_key):
                continue
            atomic_write_bytes(path, live_bytes)
            caught_up += 1
        except (OSError, VaultError):
            continue
    return caught_up


def _backup_key_files(backups: BackupService, vault: Vault, away: list[Path]) -> list[Path]:
    """The key files of this journal's backups in every folder that is there; the chosen
    folders that aren't are added to `away`."""
    keyfiles: list[Path] = []
    for folder in backups.folders():
        if not folder.is_dir():
            if folder != backups.default_folder:
                away.append(folder)
            continue
        keyfiles += [b.keyfile for b in backup_store.list_backups(folder, vault.vault_id)]
        keyfiles += [legacy / "journal.key" for legacy in backup_store.legacy_copies(folder)]
    return keyfiles
