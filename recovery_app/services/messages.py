"""The words a person reads when the vault says no, and the command line's exit codes.

One place, shared by the window and the command line, so the tone is reviewed once.
Never include anything the person wrote; a folder path is fine.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app.domain.errors import InvalidInput
from recovery_app.services.secrets import SecretStoreError
from recovery_app.storage import errors
from recovery_app.storage.failures import storage_error

if TYPE_CHECKING:  # (loaded where a backup's failure is told: every start loads this module)
    from recovery_app.services.my_data_records import BackupFailure

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSWORD = 3
EXIT_NO_VAULT = 4
EXIT_NOT_A_VAULT = 5


def message_for(error: BaseException, data_dir: Path) -> str:
    folder = str(data_dir)
    backups = str(data_dir / "backups")
    match named := _named(error, data_dir):
        case InvalidInput():
            return named.message  # already kind, and never repeats what was typed
        case errors.OlderPasswordNeeded():
            return (
                "This backup still opens with the password you had when it was made (it was "
                "away when the password changed). Please give that older password as well."
            )
        case errors.WrongPassword():
            return "That password didn't open the journal. Please check it and try again."
        case errors.VaultMissing():
            return f"There is no journal in {folder} yet."
        case errors.VaultAlreadyExists():
            return f"There is already a journal in {folder}. Nothing was changed."
        case errors.KeyFileMissing():
            return (
                f"The journal's key file (journal.key) is missing from {folder}, so the journal "
                "can't be opened. Your password is probably fine. A copy of both files may be "
                f"in {backups}. Nothing was changed; please keep journal.db."
            )
        case errors.KeyFileDamaged():
            return (
                f"The journal's key file (journal.key in {folder}) is damaged: it changed since "
                "it was written, so the journal can't be opened. Your password is probably "
                f"fine. A copy of both files may be in {backups}. Nothing was changed; please "
                "keep both files."
            )
        case errors.NotAVault():
            return f"journal.db in {folder} isn't a journal this app can open. Nothing was changed."
        case errors.VaultDamaged():
            return (
                "Your password is right, but the journal file (journal.db) is damaged and can't "
                f"be read safely. Nothing was changed. Please keep the file; copies may be in "
                f"{backups}."
            )
        case errors.RememberedKeyStale():
            return (
                "The key remembered on this computer no longer fits this journal, so it was "
                "forgotten. Please use your password."
            )
        case errors.VaultTooNew():
            return (
                "This journal was saved by a newer version of the app. Please update the app to "
                "open it. Nothing was changed."
            )
        case errors.DiskFull():
            return (
                "The disk is full, so nothing could be saved. Please free some space and try "
                "again. Your journal is as it was."
            )
        case errors.DiskReadOnly():
            return (
                f"The disk that holds {folder} is read-only just now, so nothing could be "
                "saved. Your journal is as it was."
            )
        case errors.NotYours():
            return (
                f"This computer account isn't allowed to change {folder}: it or the journal's "
                "files may belong to another account. Your journal is as it was."
            )
        case errors.NotWritable():
            return (
                f"The app can't write to {folder}. Please check that the folder is yours and "
                "the disk isn't read-only, or choose another folder with --data-dir."
            )
        case errors.DiskTrouble():
            return (
                f"The disk that holds {folder} reported a problem reading or writing, so that "
                "didn't finish. What you saved before is as it was. If this keeps happening, "
                "the disk may need a check."
            )
        case errors.VaultBusy():
            return (
                "The journal is busy: another window or command is saving to it. Please try "
                "again in a moment. Nothing was changed."
            )
        case errors.BackupFolderMissing():
            return (
                f"The backup folder {named.folder} isn't there (a drive may be unplugged). "
                "Your journal is safe and the backups made before are kept. Please connect it "
                "or choose another folder."
            )
        case errors.BackupCheckFailed():
            return (
                "The new backup didn't pass its check, so it was removed; the backups made "
                "before are kept. Please try again. If this keeps happening, the disk may be "
                "wearing out."
            )
        case errors.Cancelled():
            return "Stopped. Nothing was changed, and no half-written file was left."
        case errors.FileRefused():
            return _refused(named)
        case SecretStoreError():
            return str(error)
        case _:
            return "Something went wrong and the action didn't finish. Your saved entries are safe."


def exit_code_for(error: BaseException) -> int:
    match _named(error, Path()):
        case errors.WrongPassword() | errors.RememberedKeyStale():
            return EXIT_WRONG_PASSWORD
        case errors.VaultMissing():
            return EXIT_NO_VAULT
        case (
            errors.NotAVault()
            | errors.VaultDamaged()
            | errors.KeyFileDamaged()
            | errors.FileRefused()
        ):
            return EXIT_NOT_A_VAULT
        case _:
            return EXIT_ERROR


def _named(error: BaseException, data_dir: Path) -> BaseException:
    """A system or SQLite error that reached this far (a folder that can't be looked into,
    say) gets its storage name, so a full disk is never "something went wrong"."""
    if isinstance(error, (InvalidInput, errors.VaultError, SecretStoreError)):
        return error
    return storage_error(error, data_dir) or error


def _refused(error: errors.FileRefused) -> str:
    match error.kind:
        case errors.RefusedKind.NOT_A_BACKUP:
            return "That isn't a backup this app made. Nothing was changed."
        case errors.RefusedKind.NOT_AN_EXPORT:
            return "That file isn't an export from this app. Nothing was changed."
        case errors.RefusedKind.NEWER_VERSION:
            return (
                "That was made by a newer version of the app. Please update the app to use it. "
                "Nothing was changed."
            )
        case _:
            where = f" (at {error.where})" if error.where else ""
            return f"That file is damaged{where}, so it can't be used. Nothing was changed."


# Said before any file leaves the journal as a plain file (an export, a document, a copy of
# an attachment), in the window and on the command line alike.
NOT_ENCRYPTED_WARNING = (
    "This file won't be encrypted: anyone who can open it can read everything in it. Keep it "
    "somewhere safe, and delete it once it isn't needed."
)

BACKUP_IS_OLD = "The last backup is more than a week old. A fresh one takes a moment."


def backup_failure_message(failure: BackupFailure) -> str:
    """The calm line for the last backup that didn't work (Settings, Today, `backups`)."""
    from recovery_app.services.my_data_records import FailureKind

    folder = str(failure.folder)
    match failure.kind:
        case FailureKind.FOLDER_MISSING:
            return (
                f"The last backup couldn't be made: {folder} isn't there (a drive may be "
                "unplugged). The backups made before are kept."
            )
        case FailureKind.FOLDER_FULL:
            return (
                f"The last backup couldn't be made: the disk with {folder} is full. The "
                "backups made before are kept."
            )
        case FailureKind.NOT_WRITABLE:
            return f"The last backup couldn't be made: the app can't write to {folder}."
        case FailureKind.CHECK_FAILED:
            return (
                "The last backup didn't pass its check, so it was removed. The backups made "
                "before are kept."
            )
        case FailureKind.JOURNAL_UNREADABLE:
            return (
                "The last backup couldn't be made because part of the journal can't be read. "
                "The backups made before are kept; one of them may be needed."
            )
        case _:
            return "The last backup couldn't be made. The backups made before are kept."
