"""Create, unlock and change the password: the one door to the vault.

What comes through the door is a `Journal` (services/journal.py): one unlock, holding every
service. Nothing above the services layer ever sees the vault itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app.services.journal_part import utc_now
from recovery_app.services.secrets import NotedSecretStore, SecretStore, SecretStoreStatus
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
    from recovery_app.services.my_data_records import PasswordChangeResult
    from recovery_app.storage.keyfile import KeyFile
    from recovery_app.storage.vault import Vault

log = logging.getLogger(__name__)
# An upgrade of the key file waits this long for another window's password change at most;
# it is tried again at the next unlock.
_UPGRADE_LOCK_WAIT_SECONDS = 1.0

# storage.vault (SQLAlchemy, SQLModel, Alembic: about 0.6 s of imports), storage.keyfile
# (JSON, HMAC, AES: about 9 ms) and the services a Journal holds are imported inside the
# methods that use them, so the window can show before any of it loads.


# The two classes below are plain classes rather than dataclasses: both are made before the
# unlock window's first frame, where importing `dataclasses` (~2 ms) and generating each
# dataclass's methods (~0.5 ms) would cost (docs/ARCHITECTURE.md, Start-up).


class CheckedPassword:
    """Proof that a password opened the key file: the key file read and the data key it wraps."""

    __slots__ = ("data_key", "keyfile")

    def __init__(self, keyfile: KeyFile, data_key: bytes) -> None:
        self.keyfile = keyfile
        self.data_key = data_key

    def __repr__(self) -> str:
        return f"CheckedPassword(keyfile={self.keyfile!r})"  # never the key


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


class VaultService:
    def __init__(
        self,
        paths: VaultPaths,
        secrets: SecretStore,
        kdf: KdfParams = DEFAULT_KDF,
        now: Callable[[], datetime] = utc_now,  # the clock every service of a Journal reads
    ) -> None:
        self.paths = paths
        # Remembered keys are looked for only where a note says one was put (secrets.py).
        if not isinstance(secrets, NotedSecretStore):
            secrets = NotedSecretStore(secrets, paths.remembered_note)
        self.secrets: SecretStore = secrets
        self.kdf = kdf
        self.now = now

    def __repr__(self) -> str:
        return f"VaultService({self.paths!r})"

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
        """The data key for `password`, checked against the key file; the vault is not touched
        (except to finish a "re-key everything" that was interrupted, see storage.rekey)."""
        from recovery_app.storage.keyfile import read_keyfile

        if not self.paths.db.exists():
            raise VaultMissing()
        if self.paths.keyfile_next.exists():
            from recovery_app.storage.rekey import settle_interrupted_rekey
            from recovery_app.storage.vault import maintenance_lock, translate_io_errors

            with translate_io_errors(self.paths), maintenance_lock(self.paths):
                settle_interrupted_rekey(self.paths, password)
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
        return self.unlock_checked(self.check_password(password))

    def unlock_checked(self, checked: CheckedPassword) -> Journal:
        """Open with a password already checked (after a restore, say): no second KDF run.
        Only now is SQL loaded: a damaged key file or a wrong password was told without it."""
        from recovery_app.storage.vault import open_vault

        return self._journal(open_vault(self.paths, checked.keyfile, checked.data_key))

    def unlock_remembered(self) -> Journal | None:
        """Open with the key kept in the system keyring, or None if nothing is remembered."""
        from recovery_app.storage.keyfile import read_keyfile

        if not self.paths.db.exists() or self.paths.keyfile_next.exists():
            return None  # an interrupted re-key is settled on the password path
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

    def prepare_unlock(self) -> None:
        """Load, ahead of time, what opening the journal will need: the key file's
        cryptography, SQLAlchemy, SQLModel and SQLCipher, the tables' mappings and every
        service a Journal holds (most of a second on a 2-core machine). The window calls it
        off the GUI thread while the password is being typed, so that after the key
        derivation only the opening itself is left. Safe to call from any thread, and again.

        The key file's module comes first: `check_password` imports it first too, so two
        threads importing at once always wait for each other in the same order."""
        import argon2.low_level  # noqa: F401
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401

        import recovery_app.storage.keyfile
        import recovery_app.storage.vault  # noqa: F401
        from recovery_app.services import journal
        from recovery_app.storage.engine import load_driver

        load_driver()
        journal.prepare_services()

    def remember_status(self) -> SecretStoreStatus:
        """Whether the keyring can remember the journal: asks it, loading `keyring`."""
        return self.secrets.status()

    def remembered_here(self) -> bool:
        """A key of this journal was put in this computer's keyring (its note is there). Only
        then is the keyring asked before the person ticks "Remember on this computer": the
        `keyring` package and what it finds load 50 to 100 modules, 6 to 15 MiB (measured)
        that stay for as long as the app runs, for the many who never choose it."""
        return isinstance(self.secrets, NotedSecretStore) and self.secrets.noted()

    def change_password(self, current: str, new: str) -> PasswordChangeResult:
        return self.rewrap(self.check_password(current), new)

    def rewrap(self, checked: CheckedPassword, new: str) -> PasswordChangeResult:
        """Wrap the data key under `new`: the journal's key file and every reachable backup's.

        Each key file is one small file replaced atomically; the vault is untouched. The
        backups go first, so a crash leaves the journal on the old password (try again) and
        never a backup that the old password still opens once the change has finished. A
        backup folder that is away is named in the result: its backups keep the old password.
        The vault is opened first, so damage is reported now rather than discovered later.
        """
        from recovery_app.domain.backups import Trigger
        from recovery_app.services.backup_key_files import rewrap_backups
        from recovery_app.services.backups import BackupService
        from recovery_app.services.my_data_records import BackupOutcome, PasswordChangeResult
        from recovery_app.storage.keyfile import read_keyfile, write_keyfile
        from recovery_app.storage.vault import maintenance_lock, open_vault, translate_io_errors

        keyfile, data_key = checked.keyfile, checked.data_key
        vault = open_vault(self.paths, keyfile, data_key)
        try:
            backups = BackupService(vault, now=self.now)
            with translate_io_errors(self.paths), maintenance_lock(self.paths):
                if read_keyfile(self.paths.keyfile) != keyfile:
                    raise VaultBusy()  # changed by another window meanwhile: nothing is overwritten
                # A changed password loses nothing, so a copy that can't be made (a drive away)
                # does not stop the change; it is kept as the last failure and reported.
                try:
                    made = backups.safety_backup(Trigger.BEFORE_PASSWORD_CHANGE, lock_held=True)
                    safety = BackupOutcome(Trigger.BEFORE_PASSWORD_CHANGE, made=made)
                except Exception:
                    safety = BackupOutcome(
                        Trigger.BEFORE_PASSWORD_CHANGE, failure=backups.last_failure()
                    )
                new_keyfile = keyfile.rewrapped(data_key, new, self.kdf)
                result = rewrap_backups(backups, vault, new_keyfile.to_bytes())
                try:
                    write_keyfile(self.paths.keyfile, new_keyfile)
                except BaseException:
                    result.undo()
                    raise
        finally:
            vault.close()
        return PasswordChangeResult(
            rewrapped=len(result.replaced),
            unreachable_folders=tuple(result.unreachable),
            not_rewrapped=tuple(result.not_rewrapped),
            safety_backup=safety,
        )
