"""Automatic, checked, encrypted backups of the open journal: when, where, which to keep.

The window calls `run(Trigger.UNLOCK)` on a worker thread once the journal is open,
`run(Trigger.HOURLY)` from an hourly timer, and `run(Trigger.QUIT)` at a normal quit; quick
exit and auto-lock call nothing (domain.backups.NEVER says so too). "Back up now" is
`back_up_now()`. Import, restore and password change make their own safety copy through
`safety_backup()`, so no caller can forget it.

Where: `backups/` in the data folder, or a folder the person chose (kept in the journal, with
every folder ever used, so a password change re-wraps them all, each backup catches up those
that were away, and "delete my journal" finds them). A chosen folder is never created: a
missing one is a drive that is away. The last failure is kept in the journal (vault_info),
and in memory when even that can't be written, shown until a backup works again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from recovery_app import __version__
from recovery_app.domain.backups import (
    AUTOMATIC,
    DEFAULT_SIZE_CAP,
    NEVER,
    BackupAttention,
    BackupStamp,
    Retention,
    Trigger,
    backup_attention,
    backup_due,
    backups_to_keep,
)
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.notices import Notice, NoticeAction, NoticeKind
from recovery_app.services.backup_key_files import catch_up_key_files
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.services.my_data_records import (
    BackupFailure,
    BackupInfo,
    BackupOutcome,
    BackupStatus,
    FailureKind,
    FolderState,
)
from recovery_app.storage import backup_store, restore
from recovery_app.storage.backup_manifest import moment_text, parse_moment
from recovery_app.storage.backup_store import StoredBackup
from recovery_app.storage.errors import (
    BackupCheckFailed,
    BackupFolderMissing,
    Cancelled,
    DiskFull,
    NotWritable,
    VaultBusy,
    VaultDamaged,
    VaultError,
)
from recovery_app.storage.files import ensure_private_dir
from recovery_app.storage.keyfile import KeyFile
from recovery_app.storage.models import VaultInfo
from recovery_app.storage.snapshot import Cancel
from recovery_app.storage.vault import Vault, maintenance_lock

FOLDER_KEY = "backup.folder"
FOLDERS_USED_KEY = "backup.folders_used"
FAILURE_KEY = "backup.last_failure"
SIZE_CAP_KEY = "backup.size_cap_bytes"
BACKUPS_ACTION = "backups"  # Today's button kinds: Settings → Backups,
BACK_UP_NOW_ACTION = "back-up-now"  # and there one backup begun
_LOCK_WAIT_SECONDS = 5.0  # a background backup gives way to a migration or password change
_log = logging.getLogger(__name__)


class BackupService(JournalPart):
    def __init__(
        self,
        vault: Vault,
        now: Callable[[], datetime] = utc_now,
        zone: tzinfo | None = None,
    ) -> None:
        super().__init__(vault, now)
        self._zone = zone
        self._failure_in_memory: BackupFailure | None = None

    # ----- where ----------------------------------------------------------------------------

    @property
    def default_folder(self) -> Path:
        return self._vault.paths.backups_dir

    def folder(self) -> Path:
        chosen = self._info(FOLDER_KEY)
        return Path(chosen) if chosen else self.default_folder

    def folders(self) -> tuple[Path, ...]:
        """Every folder this journal's backups went to: the default first, then the chosen."""
        used = [Path(p) for p in json.loads(self._info(FOLDERS_USED_KEY) or "[]")]
        found = [self.default_folder]
        for folder in [*used, self.folder()]:
            if folder not in found:
                found.append(folder)
        return tuple(found)

    def choose_folder(self, folder: Path | None) -> BackupStatus:
        """Back up to `folder` from now on (None: the default). It must exist and be writable;
        the backups already made stay where they are."""
        if folder is None or folder == self.default_folder:
            self._set_info(FOLDER_KEY, None)
            return self.status()
        if not folder.is_absolute():
            raise InvalidInput("Please choose the folder itself, with its whole path.")
        if not folder.is_dir():
            raise BackupFolderMissing(str(folder))
        _probe_writable(folder)
        self._set_info(FOLDER_KEY, str(folder))
        self._remember_folder(folder)
        return self.status()

    def size_cap(self) -> int:
        """The most bytes of backups kept per folder (the newest is kept whatever its size)."""
        chosen = self._info(SIZE_CAP_KEY)
        return int(chosen) if chosen and chosen.isdigit() else DEFAULT_SIZE_CAP

    def set_size_cap(self, size_cap: int | None) -> None:
        """At most this many bytes of backups per folder (None: the default cap)."""
        if size_cap is not None and size_cap < 1:
            raise InvalidInput("Please give a size above zero.")
        self._set_info(SIZE_CAP_KEY, None if size_cap is None else str(size_cap))

    # ----- what -----------------------------------------------------------------------------

    def backups(self, folder: Path | None = None) -> tuple[BackupInfo, ...]:
        """This journal's backups in `folder` (the current one by default), newest first."""
        stored = backup_store.list_backups(folder or self.folder(), self._vault.vault_id)
        return tuple(self.describe(b) for b in stored)

    def describe(self, backup: StoredBackup) -> BackupInfo:
        sealed = backup.manifest.unseal(self._vault.data_key)
        m = backup.manifest
        return BackupInfo(
            path=backup.path,
            created_at=m.created_at,
            reason=m.reason,
            size=backup.size,
            app_version=m.app_version,
            schema_revision=m.schema_revision,
            counts=None if sealed is None else dict(sealed.counts),
            first_day=None if sealed is None else sealed.first_day,
            last_day=None if sealed is None else sealed.last_day,
        )

    def status(self) -> BackupStatus:
        folder = self.folder()
        listed = self.backups(folder) if folder.is_dir() else ()
        last_good = listed[0] if listed else None
        failure = self.last_failure()
        if failure is not None and last_good is not None and last_good.created_at > failure.at:
            failure = None
        return BackupStatus(
            folder=folder,
            is_default_folder=folder == self.default_folder,
            folder_state=_folder_state(folder, folder == self.default_folder),
            last_good=last_good,
            last_failure=failure,
            attention=backup_attention(
                None if last_good is None else last_good.created_at,
                None if failure is None else failure.at,
                self._now(),
            ),
            count=len(listed),
            total_size=sum(b.size for b in listed),
        )

    def notice(self) -> Notice | None:
        """Today's calm line about backups: the last one didn't work, or it is over a week
        old. None otherwise (a journal with no backup yet gets one just after unlocking)."""
        from recovery_app.services.messages import BACKUP_IS_OLD, backup_failure_message

        status = self.status()
        if status.attention is BackupAttention.FAILED and status.last_failure is not None:
            text = backup_failure_message(status.last_failure)
            return Notice(NoticeKind.BACKUP, text, NoticeAction(BACKUPS_ACTION, "Backups…"))
        if status.attention is BackupAttention.OLD:
            action = NoticeAction(BACK_UP_NOW_ACTION, "Back up now")
            return Notice(NoticeKind.BACKUP, BACKUP_IS_OLD, action)
        return None

    def last_failure(self) -> BackupFailure | None:
        if self._failure_in_memory is not None:
            return self._failure_in_memory
        text = self._info(FAILURE_KEY)
        if not text:
            return None
        try:
            doc = json.loads(text)
            return BackupFailure(
                at=parse_moment(doc["at"]),
                kind=FailureKind(doc["kind"]),
                folder=Path(doc["folder"]),
                trigger=Trigger(doc["trigger"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    # ----- when -----------------------------------------------------------------------------

    def run(self, trigger: Trigger, cancel: Cancel | None = None) -> BackupOutcome:
        """Back up if `trigger` calls for one now. Never raises for a folder or disk problem:
        the failure is kept and returned, and the older backups stay as they were."""
        now = self._now()
        if trigger in NEVER or (cancel is not None and cancel()):
            return BackupOutcome(trigger, skipped=True)
        if trigger in AUTOMATIC and not backup_due(trigger, self._last_attempt(), now):
            return BackupOutcome(trigger, skipped=True)
        try:
            with maintenance_lock(self._vault.paths, timeout=_LOCK_WAIT_SECONDS):
                made, removed = self._make(trigger, now, cancel)
        except (VaultBusy, Cancelled):
            return BackupOutcome(trigger, skipped=True)
        except Exception as error:
            if not self._vault.is_open:  # locked meanwhile (auto-lock, quick exit): not a failure
                return BackupOutcome(trigger, skipped=True)
            # The kind of error only: its text could hold a path or worse, never content, but
            # a log is no place to find out.
            _log.warning("a backup did not complete (%s)", type(error).__name__)
            return BackupOutcome(trigger, failure=self._record_failure(trigger, now, error))
        self._clear_failure()
        return BackupOutcome(trigger, made=made, removed=removed)

    def back_up_now(self, cancel: Cancel | None = None) -> BackupOutcome:
        return self.run(Trigger.MANUAL, cancel)

    def safety_backup(self, trigger: Trigger, *, lock_held: bool = False) -> BackupInfo:
        """The copy a destructive step needs first. Raises what went wrong (and keeps it as
        the last failure), so the step can stop with nothing changed."""
        now = self._now()
        try:
            if lock_held:
                made, _ = self._make(trigger, now, None)
            else:
                with maintenance_lock(self._vault.paths):
                    made, _ = self._make(trigger, now, None)
        except (VaultBusy, Cancelled):
            raise
        except Exception as error:
            self._record_failure(trigger, now, error)
            raise
        self._clear_failure()
        return made

    # ----- helpers --------------------------------------------------------------------------

    def _make(
        self, trigger: Trigger, now: datetime, cancel: Cancel | None
    ) -> tuple[BackupInfo, int]:
        paths = self._vault.paths
        folder = self.folder()
        if folder == self.default_folder:
            ensure_private_dir(folder)
            self._adopt_legacy_copies()
        backup_store.clean_leftovers(folder)
        restore.clean_leftovers(paths)
        keyfile_bytes = paths.keyfile.read_bytes()
        if not KeyFile.from_bytes(keyfile_bytes).fits(self._vault.data_key):
            raise VaultBusy()  # the key file changed under us (another window re-keyed)
        stored = backup_store.write_backup(
            source_db=paths.db,
            keyfile_bytes=keyfile_bytes,
            data_key=self._vault.data_key,
            vault_id=self._vault.vault_id,
            folder=folder,
            reason=trigger.value,
            created_at=now,
            app_version=__version__,
            cancel=cancel,
        )
        if folder != self.default_folder:
            self._remember_folder(folder)
        catch_up_key_files(self, self._vault, keyfile_bytes)  # a drive away at a change
        return self.describe(stored), self._prune(folder, stored, now)

    def _prune(self, folder: Path, newest: StoredBackup, now: datetime) -> int:
        listed = backup_store.list_backups(folder, self._vault.vault_id)
        rules = Retention(size_cap=self.size_cap())
        stamps = [BackupStamp(b.path, b.manifest.created_at, b.size) for b in listed]
        zone = self._zone or datetime.now().astimezone().tzinfo
        assert zone is not None
        keep = backups_to_keep(stamps, now, zone, rules) | {newest.path}
        doomed = [b.path for b in listed if b.path not in keep]
        left = backup_store.remove_backups(doomed)
        return len(doomed) - len(left)

    def _adopt_legacy_copies(self) -> None:
        for legacy in backup_store.legacy_copies(self.default_folder):
            try:
                backup_store.adopt_legacy_copy(
                    legacy,
                    data_key=self._vault.data_key,
                    vault_id=self._vault.vault_id,
                    app_version=__version__,
                )
            except (OSError, VaultError):
                continue  # left as it was; tried again next time

    def _last_attempt(self) -> datetime | None:
        """The newest backup in the folder, of any kind (one made by hand or before an import
        ten minutes ago needs no automatic one now), or the last automatic try that failed."""
        moments = [
            b.manifest.created_at
            for b in backup_store.list_backups(self.folder(), self._vault.vault_id)
        ]
        failure = self.last_failure()
        if failure is not None and failure.trigger in AUTOMATIC:
            moments.append(failure.at)
        return max(moments, default=None)

    def _record_failure(
        self, trigger: Trigger, now: datetime, error: BaseException
    ) -> BackupFailure:
        failure = BackupFailure(now, _kind_of(error), self.folder(), trigger)
        self._failure_in_memory = failure
        doc = {
            "at": moment_text(now),
            "kind": failure.kind.value,
            "folder": str(failure.folder),
            "trigger": trigger.value,
        }
        # If the journal can't be written either, the failure stays in memory.
        with contextlib.suppress(VaultError, SQLAlchemyError, OSError):
            self._set_info(FAILURE_KEY, json.dumps(doc))
        return failure

    def _clear_failure(self) -> None:
        self._failure_in_memory = None
        self._set_info(FAILURE_KEY, None)

    def _remember_folder(self, folder: Path) -> None:
        used = json.loads(self._info(FOLDERS_USED_KEY) or "[]")
        if str(folder) not in used:
            self._set_info(FOLDERS_USED_KEY, json.dumps([*used, str(folder)]))

    def _info(self, key: str) -> str | None:
        with self._vault.session() as session:
            row = session.get(VaultInfo, key)
            return None if row is None else row.value

    def _set_info(self, key: str, value: str | None) -> None:
        with self._vault.session() as session:
            row = session.get(VaultInfo, key)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(VaultInfo(key=key, value=value))
            else:
                row.value = value
            session.commit()


def _kind_of(error: BaseException) -> FailureKind:
    match error:
        case BackupFolderMissing():
            return FailureKind.FOLDER_MISSING
        case DiskFull():
            return FailureKind.FOLDER_FULL
        case NotWritable():
            return FailureKind.NOT_WRITABLE
        case BackupCheckFailed():
            return FailureKind.CHECK_FAILED
        case VaultDamaged():
            return FailureKind.JOURNAL_UNREADABLE
        case _:
            return FailureKind.OTHER


def _folder_state(folder: Path, is_default: bool) -> FolderState:
    if not folder.is_dir():
        return FolderState.READY if is_default else FolderState.MISSING
    if not os.access(folder, os.W_OK):
        return FolderState.NOT_WRITABLE
    return FolderState.READY


def _probe_writable(folder: Path) -> None:
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".journal-probe-")
        os.close(fd)
        os.unlink(name)
    except OSError as error:
        raise NotWritable(str(folder)) from error
