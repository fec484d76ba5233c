"""What the "my data is mine" services hand to the window and the command line: frozen
records, never table rows. Counts are keyed by table name (docs/FORMAT.md lists them); a
screen words them ("3 people, 2,000 contacts, 50,000 urges")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from recovery_app.domain.backups import AUTOMATIC, BackupAttention, Trigger

# The tables a person thinks of as entries, in the order a listing shows them.
ENTRY_TABLES = (
    "clock",
    "contact_event",
    "check_in",
    "urge",
    "memory",
    "letter",
    "reason",
    "support_person",
    "promise",
    "hunch",
    "exercise_run",
    "hard_date",
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path  # what `restore PATH` takes
    created_at: datetime  # aware, UTC
    reason: str  # a domain.backups.Trigger value
    size: int  # bytes on disk
    app_version: str
    schema_revision: str | None
    # Sealed under the journal's data key: None when this backup has another key (it was
    # made before "re-key everything", or is another journal's).
    counts: Mapping[str, int] | None = None
    first_day: date | None = None
    last_day: date | None = None

    @property
    def trigger(self) -> Trigger | None:
        try:
            return Trigger(self.reason)
        except ValueError:
            return None

    @property
    def automatic(self) -> bool:
        return self.trigger in AUTOMATIC

    @property
    def entries(self) -> int | None:
        if self.counts is None:
            return None
        return sum(self.counts.get(name, 0) for name in ENTRY_TABLES)


class FailureKind(Enum):
    FOLDER_MISSING = "folder-missing"  # a drive unplugged, a folder moved
    FOLDER_FULL = "folder-full"
    NOT_WRITABLE = "not-writable"
    CHECK_FAILED = "check-failed"  # the copy did not check out and was removed
    JOURNAL_UNREADABLE = "journal-unreadable"  # the journal itself could not be read whole
    OTHER = "other"


@dataclass(frozen=True)
class BackupFailure:
    at: datetime
    kind: FailureKind
    folder: Path
    trigger: Trigger


class FolderState(Enum):
    READY = "ready"
    MISSING = "missing"
    NOT_WRITABLE = "not-writable"


@dataclass(frozen=True)
class BackupOutcome:
    trigger: Trigger
    made: BackupInfo | None = None
    failure: BackupFailure | None = None
    removed: int = 0  # older backups let go by the keeping rules
    skipped: bool = False  # not due, stopped, or the journal was busy: nothing written


@dataclass(frozen=True)
class BackupStatus:
    folder: Path
    is_default_folder: bool
    folder_state: FolderState
    last_good: BackupInfo | None
    last_failure: BackupFailure | None  # only when no backup has worked since
    attention: BackupAttention  # for Today's calm line
    count: int
    total_size: int


@dataclass(frozen=True)
class PasswordChangeResult:
    rewrapped: int  # backups whose key file now opens with the new password only
    # Folders away at the change: their backups still open with the old password until the
    # next backup made with the folder connected brings them up to date (backup_key_files).
    unreachable_folders: tuple[Path, ...] = ()
    not_rewrapped: tuple[Path, ...] = ()  # found, but their key file could not be replaced
    safety_backup: BackupOutcome | None = None


@dataclass(frozen=True)
class RekeyResult:
    fresh_backup: BackupInfo | None
    removed: int  # backups under the old key removed
    unreachable_folders: tuple[Path, ...] = ()
    kept_old: tuple[Path, ...] = ()  # old-key backups still there (see `fresh_backup`)
    remembered_updated: bool = False  # the key kept in the system keyring was replaced


@dataclass(frozen=True)
class JournalSummary:
    counts: Mapping[str, int]
    first_day: date | None
    last_day: date | None

    @property
    def entries(self) -> int:
        return sum(self.counts.get(name, 0) for name in ENTRY_TABLES)


@dataclass(frozen=True)
class RestorePreview:
    backup: BackupInfo
    journal: JournalSummary | None  # None: no journal here, or it cannot be opened
    same_journal: bool  # the backup was made of this journal (not another one's)
    replaces_key_file: bool  # afterwards the password that opened the backup opens the journal


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the journal as it was: a backup, or a copy of files that didn't open
    replaced_key_file: bool


@dataclass(frozen=True)
class TableChanges:
    added: int = 0
    already_there: int = 0
    kept_yours: int = 0  # the document's version differed; the journal's own was kept


@dataclass(frozen=True)
class ImportReport:
    dry_run: bool
    tables: Mapping[str, TableChanges] = field(default_factory=dict)
    safety_backup: Path | None = None

    @property
    def added(self) -> int:
        return sum(c.added for c in self.tables.values())

    @property
    def already_there(self) -> int:
        return sum(c.already_there for c in self.tables.values())

    @property
    def kept_yours(self) -> int:
        return sum(c.kept_yours for c in self.tables.values())


class ExportFormat(Enum):
    JSON = "json"
    CSV = "csv"  # a zip of one CSV per kind of entry


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: ExportFormat
    rows: Mapping[str, int]
    bytes: int


@dataclass(frozen=True)
class DeletionPlan:
    """What "delete my journal" removes, and what it cannot reach, for the confirmation."""

    journal_files: tuple[Path, ...]
    backups: tuple[Path, ...]
    unreachable_folders: tuple[Path, ...]  # backup folders not connected now
    window_settings: Path | None
    remembered_key: bool
    folders_unknown: bool = False  # the journal didn't open, so only the default folder is known


@dataclass(frozen=True)
class DeletionReport:
    removed: tuple[Path, ...]
    could_not_remove: tuple[Path, ...]
    unreachable_folders: tuple[Path, ...]
    forgot_remembered_key: bool
