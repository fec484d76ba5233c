"""Create, unlock and change the password: the one door to the vault.

What comes through the door is a `Journal` (services/journal.py): one unlock, holding every
service. Nothing above the services layer ever sees the vault itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app.services.journal_part import utc_now
from recovery_app.services.secrets import SecretStore, SecretStoreStatus
from recovery_app.storage.errors import (
    KeyFileDamaged,
    RememberedKeyStale,
    VaultBusy,
    VaultError,
    VaultMissing,
)
from recovery_app.storage.kdf import DEFAULT_KDF, KdfParams
from recovery_app.storage.paths import VaultPaths, resolve_data_dir

# Named here for the window and the command line, which reach storage only through services.
__all__ = [
    "CheckedPassword",
    "KdfParams",
    "VaultService",
    "VaultState",
    "resolve_data_dir",
    "vault_state",
]

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.storage.keyfile import KeyFile
    from recovery_app.storage.vault import Vault

log = logging.getLogger(__name__)
# An upgrade of the key file waits this long for another window's password change at most;
# it is tried again at the next unlock.
_UPGRADE_LOCK_WAIT_SECONDS = 1.0

# storage.vault (SQLAlchemy, SQLModel, Alembic: about 0.6 s of imports), storage.keyfile
# (JSON, HMAC, AES: about 9 ms) and the services a Journal holds are imported inside the
# methods that use them, so the window can show before any of it loads.


@dataclass(frozen=True)
class CheckedPassword:
    """Proof that a password opened the key file: the key file read and the data key it wraps."""

    keyfile: KeyFile
    data_key: bytes = field(repr=False)


class VaultState(Enum):
    NONE = "none"  # first run
    PRESENT = "present"
    KEY_ONLY = "key-only"  # journal.key without journal.db: the journal file went missing


def vault_state(paths: VaultPaths) -> VaultState:
    """Cheap (no SQL, no crypto), so the right first screen shows at once. A folder that
    can't be looked into (another account's) counts as holding a journal: trying to open it
    then names the cause, instead of offering to make a new one over it."""
    try:
        if paths.db.exists():
            return VaultState.PRESENT
        if paths.keyfile.exists():
            return VaultState.KEY_ONLY
    except PermissionError:
        return VaultState.PRESENT
    return VaultState.NONE


@dataclass
class VaultService:
    paths: VaultPaths
    secrets: SecretStore
    kdf: KdfParams = DEFAULT_KDF
    now: Callable[[], datetime] = utc_now  # the clock every service of a Journal reads

    @classmethod
    def for_folder(
        cls, data_dir: Path, secrets: SecretStore, kdf: KdfParams | None = None
    ) -> VaultService:
        return cls(VaultPaths(data_dir), secrets, kdf or DEFAULT_KDF)

    @property
    def data_dir(self) -> Path:
        return self.paths.data_dir

    def exists(self) -> bool:
        return self.paths.vault_exists()

    def state(self) -> VaultState:
        return vault_state(self.paths)

    def create(self, password: str) -> Journal:
        from recovery_app.storage.vault import create_vault

        return self._journal(create_vault(self.paths, password, self.kdf))

    def check_password(self, password: str) -> CheckedPassword:
        """The data key for `password`, checked against the key file; the vault is not touched."""
        from recovery_app.storage.keyfile import read_keyfile

        if not self.paths.db.exists():
            raise VaultMissing()
        keyfile = read_keyfile(self.paths.keyfile)
        opened = keyfile.open(password)
        if opened.upgraded and self._upgrade_keyfile(keyfile, opened.current):
            keyfile = opened.current
        return CheckedPassword(keyfile, opened.data_key)

    def _upgrade_keyfile(self, old: KeyFile, upgraded: KeyFile) -> bool:
        """Replace a version-1 key file by its version-2 copy (checksum, wider associated
        data), atomically and under the maintenance lock, as a password change writes it.
        Best effort: if the disk can't take it now, the old file still opens the journal."""
        from recovery_app.storage.keyfile import read_keyfile, write_keyfile
        from recovery_app.storage.vault import maintenance_lock, translate_io_errors

        try:
            with (
                translate_io_errors(self.paths),
                maintenance_lock(self.paths, timeout=_UPGRADE_LOCK_WAIT_SECONDS),
            ):
                if read_keyfile(self.paths.keyfile) != old:
                    return False  # changed by another window meanwhile: leave theirs
                write_keyfile(self.paths.keyfile, upgraded)
        except VaultError as error:
            log.info("the key file stays at version 1 for now: %s", type(error).__name__)
            return False
        return True

    def unlock(self, password: str) -> Journal:
        checked = self.check_password(password)
        # Only now: a damaged key file or a wrong password is told without loading SQL.
        from recovery_app.storage.vault import open_vault

        return self._journal(open_vault(self.paths, checked.keyfile, checked.data_key))

    def unlock_remembered(self) -> Journal | None:
        """Open with the key kept in the system keyring, or None if nothing is remembered."""
        from recovery_app.storage.keyfile import read_keyfile

        if not self.paths.db.exists():
            return None
        try:
            keyfile = read_keyfile(self.paths.keyfile)
        except KeyFileDamaged:
            return None  # the password path will say what is wrong
        data_key = self.secrets.load_key(keyfile.vault_id)
        if data_key is None:
            return None
        if not keyfile.fits(data_key):
            self.secrets.forget_key(keyfile.vault_id)
            raise RememberedKeyStale()
        from recovery_app.storage.vault import open_vault

        return self._journal(open_vault(self.paths, keyfile, data_key))

    def _journal(self, vault: Vault) -> Journal:
        from recovery_app.services.journal import Journal

        try:
            return Journal(vault, self.secrets, now=self.now)
        except BaseException:
            vault.close()
            raise

    def remember_status(self) -> SecretStoreStatus:
        return self.secrets.status()

    def change_password(self, current: str, new: str) -> None:
        self.rewrap(self.check_password(current), new)

    def rewrap(self, checked: CheckedPassword, new: str) -> None:
        """Wrap the data key under `new`: one small file replaced atomically, the vault untouched.

        A crash at any point leaves journal.key with the old password or the new one.
        The vault is opened first, so damage is reported now rather than discovered later.
        """
        from recovery_app.storage.keyfile import read_keyfile, write_keyfile
        from recovery_app.storage.vault import maintenance_lock, open_vault, translate_io_errors

        keyfile, data_key = checked.keyfile, checked.data_key
        open_vault(self.paths, keyfile, data_key).close()
        with translate_io_errors(self.paths), maintenance_lock(self.paths):
            if read_keyfile(self.paths.keyfile) != keyfile:
                raise VaultBusy()  # changed by another window meanwhile: nothing is overwritten
            write_keyfile(self.paths.keyfile, keyfile.rewrapped(data_key, new, self.kdf))
