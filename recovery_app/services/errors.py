"""Every error a screen or a command may handle, from one module the UI and CLI may import.

They are raised deeper down (domain/, storage/, services/); re-exported here so nothing above
the services reaches into storage. `services/messages.py` turns each into kind words.
"""

from recovery_app.domain.errors import InvalidInput
from recovery_app.services.secrets import SecretStoreError
from recovery_app.storage.errors import (
    BackupCheckFailed,
    BackupFolderMissing,
    Cancelled,
    DiskFull,
    FileRefused,
    KeyFileDamaged,
    NotAVault,
    NotWritable,
    OlderPasswordNeeded,
    RefusedKind,
    RememberedKeyStale,
    VaultAlreadyExists,
    VaultBusy,
    VaultDamaged,
    VaultError,
    VaultMissing,
    VaultTooNew,
    WrongPassword,
)

__all__ = [
    "BackupCheckFailed",
    "BackupFolderMissing",
    "Cancelled",
    "DiskFull",
    "FileRefused",
    "InvalidInput",
    "KeyFileDamaged",
    "NotAVault",
    "NotWritable",
    "OlderPasswordNeeded",
    "RefusedKind",
    "RememberedKeyStale",
    "SecretStoreError",
    "VaultAlreadyExists",
    "VaultBusy",
    "VaultDamaged",
    "VaultError",
    "VaultMissing",
    "VaultTooNew",
    "WrongPassword",
]
