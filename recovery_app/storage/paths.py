"""Where the journal's files live. Cheap to import: the window shows before SQL loads."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from recovery_app import APP_SLUG

DATA_DIR_ENV = "RECOVERY_APP_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_SLUG, appauthor=False, roaming=True)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then RECOVERY_APP_DATA_DIR, then the platform's user data dir."""
    chosen = explicit or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().absolute()
    return default_data_dir()


# A NamedTuple: on the unlock window's path, where dataclasses cost (ARCHITECTURE.md, Start-up).
class VaultPaths(NamedTuple):
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / "journal.db"

    @property
    def keyfile(self) -> Path:
        return self.data_dir / "journal.key"

    @property
    def db_in_progress(self) -> Path:
        """A vault being created; it becomes `db` only once it is complete."""
        return self.data_dir / "journal.db.creating"

    @property
    def backups_dir(self) -> Path:
        """The default backup folder; the person may choose another (services.backups)."""
        return self.data_dir / "backups"

    @property
    def keyfile_next(self) -> Path:
        """The key file for a new data key while "re-key everything" runs (storage.rekey)."""
        return self.data_dir / "journal.key.next"

    @property
    def db_restoring(self) -> Path:
        """A restored copy being staged; it becomes `db` in one rename (storage.restore)."""
        return self.data_dir / "journal.db.restoring"

    @property
    def db_before_restore(self) -> Path:
        """A second name for the journal as it was, kept until a restore is checked."""
        return self.data_dir / "journal.db.before-restore"

    @property
    def maintenance_lock(self) -> Path:
        return self.data_dir / ".maintenance.lock"

    @property
    def instance_lock(self) -> Path:
        return self.data_dir / ".window.lock"

    @property
    def unlock_delay(self) -> Path:
        """How many wrong passwords in a row, and until when the next try waits."""
        return self.data_dir / ".unlock-delay"

    @property
    def remembered_note(self) -> Path:
        """Present while the journal's key is remembered in the system keyring (no secret in
        it): without it, opening never asks the keyring."""
        return self.data_dir / ".remembered"

    @property
    def ui_settings(self) -> Path:
        """Window size and preferences only; never anything a person wrote."""
        return self.data_dir / "window.ini"

    def vault_exists(self) -> bool:
        return self.db.exists()
