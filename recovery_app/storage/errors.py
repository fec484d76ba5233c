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
    """journal.key is unreadable, changed or not ours, while journal.db is there.

    Never raised for a sound file that a password doesn't open: that is WrongPassword."""


class KeyFileMissing(KeyFileDamaged):
    """journal.key is not there at all."""


class NotAVault(VaultError):
    """journal.db is some other kind of file (plain SQLite, text, …)."""


class VaultDamaged(VaultError):
    """The key is right but the database cannot be read."""


class RememberedKeyStale(VaultError):
    """The key kept in the system keyring no longer fits this journal."""


class VaultTooNew(VaultError):
    """Made by a newer version of the app than this one."""


class KeyFileTooNew(VaultTooNew):
    """A sound journal.key (its checksum matches) of a version this app doesn't know yet."""


class DiskFull(VaultError):
    pass


class NotWritable(VaultError):
    """The data folder cannot be written, for a reason the system didn't name."""


class DiskReadOnly(NotWritable):
    """The disk (or the folder's file system) is mounted read-only."""


class NotYours(NotWritable):
    """The system refused for want of permission: the folder or its files belong to someone
    else, or their permissions keep this user out."""


class DiskTrouble(VaultError):
    """The disk reported a read or write problem while it had room and was writable."""


class VaultBusy(VaultError):
    """Another process holds the vault's write lock (saving, creating, migrating, re-keying)
    for longer than the bounded wait."""


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
