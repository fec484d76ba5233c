"""What can go wrong with the vault, as types the services turn into kind words."""

from __future__ import annotations

from enum import Enum


class VaultError(Exception):
    """Base class. Messages never contain anything a person wrote."""


class VaultMissing(VaultError):
    """No journal in the data folder."""


class VaultAlreadyExists(VaultError):
    pass


class WrongPassword(VaultError):
    pass


class KeyFileDamaged(VaultError):
    """journal.key is missing, unreadable or not ours, while journal.db is there."""


class NotAVault(VaultError):
    """journal.db is some other kind of file (plain SQLite, text, …)."""


class VaultDamaged(VaultError):
    """The key is right but the database cannot be read."""


class RememberedKeyStale(VaultError):
    """The key kept in the system keyring no longer fits this journal."""


class VaultTooNew(VaultError):
    """Made by a newer version of the app than this one."""


class DiskFull(VaultError):
    pass


class NotWritable(VaultError):
    """The data folder cannot be written (permissions, read-only disk)."""


class VaultBusy(VaultError):
    """Another process is changing the vault right now (creating, migrating, re-keying)."""


class BackupFolderMissing(VaultError):
    """The chosen backup folder is not there (a drive unplugged, a folder moved)."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.folder = folder


class BackupCheckFailed(VaultError):
    """A copy just written did not pass its check; it was removed, the older ones kept."""


class Cancelled(VaultError):
    """Stopped on request (quick exit, lock, Cancel); the unfinished file was removed."""


class OlderPasswordNeeded(WrongPassword):
    """The backup's key file was not re-wrapped (its folder was away at a password change),
    so it still opens with the password it was made under."""


class RefusedKind(Enum):
    NOT_A_BACKUP = "not-a-backup"
    NOT_AN_EXPORT = "not-an-export"
    NEWER_VERSION = "newer-version"
    DAMAGED = "damaged"


class FileRefused(VaultError):
    """A backup to restore or a document to import that this app must not use: not one of
    ours, made by a newer version, or damaged. `where` names a table and field, never a value."""

    def __init__(self, kind: RefusedKind, where: str = "") -> None:
        super().__init__(f"{kind.value}{': ' + where if where else ''}")
        self.kind = kind
        self.where = where
