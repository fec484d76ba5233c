"""What can go wrong with the vault, as types the services turn into kind words."""

from __future__ import annotations


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
