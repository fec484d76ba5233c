"""Export the journal (JSON or CSV) and import an export into it.

Both sides of an export are plain files: the window and the command line say so before
writing (the unencrypted-file warning), and these services never write one anywhere but the
path asked for. Import makes a safety backup first (domain.backups.Trigger.BEFORE_IMPORT),
then merges in one transaction: it never overwrites or doubles an entry (storage.import_merge).
A dry run does the same inside a transaction it rolls back, so its report is exact.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from recovery_app import __version__
from recovery_app.domain.backups import Trigger
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import Hemisphere
from recovery_app.domain.reach_out import ATTACHMENTS_TOTAL_MAX_BYTES, MIB, megabytes
from recovery_app.domain.versions import is_newer
from recovery_app.services.attempt_records import total_attachment_bytes
from recovery_app.services.backups import BackupService
from recovery_app.services.import_checks import check_row, filler
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.services.my_data_records import (
    ExportFormat,
    ExportResult,
    ImportReport,
    TableChanges,
)
from recovery_app.storage import migrate
from recovery_app.storage.errors import FileRefused, RefusedKind
from recovery_app.storage.export_writer import begin_snapshot, write_csv_zip, write_json
from recovery_app.storage.import_merge import check_head, merge, read_document
from recovery_app.storage.snapshot import Cancel
from recovery_app.storage.vault import Vault, translate_io_errors

_HEMISPHERE_KEY = "memories.hemisphere"


class ExportService(JournalPart):
    def export(
        self,
        target: Path,
        format: ExportFormat = ExportFormat.JSON,
        *,
        cancel: Cancel | None = None,
        overwrite: bool = False,
    ) -> ExportResult:
        """Write the whole journal to `target` (a new file unless `overwrite`). Written under a
        temporary name beside it and renamed when complete; `cancel()` stops it and removes
        the unfinished file (storage.errors.Cancelled)."""
        folder = target.parent
        if not folder.is_dir():
            raise InvalidInput("That folder isn't there. Please choose another place to save.")
        try:
            with translate_io_errors(self._vault.paths), self._vault.engine.connect() as conn:
                begin_snapshot(conn)
                if format is ExportFormat.JSON:
                    written = write_json(
                        conn,
                        target,
                        app_version=__version__,
                        schema_revision=migrate.head_revision(),
                        cancel=cancel,
                        overwrite=overwrite,
                    )
                else:
                    written = write_csv_zip(conn, target, cancel=cancel, overwrite=overwrite)
        except FileExistsError:
            raise InvalidInput(
                "There is already a file with that name. Please choose another name, or say "
                "it may be replaced."
            ) from None
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
                raise InvalidInput(
                    "The app can't write in that folder. Please choose another place to save."
                ) from error
            raise
        return ExportResult(written.path, format, dict(written.rows), written.bytes)


class ImportService(JournalPart):
    def __init__(
        self,
        vault: Vault,
        now: Callable[[], datetime] = utc_now,
        backups: BackupService | None = None,
    ) -> None:
        super().__init__(vault, now)
        self._backups = backups or BackupService(vault, now=now)

    def preview(self, source: Path) -> ImportReport:
        """What importing `source` would change, changing nothing."""
        return self.import_document(source, dry_run=True)

    def import_document(self, source: Path, *, dry_run: bool = False) -> ImportReport:
        """Merge the export at `source` into the journal. Raises FileRefused (not an export,
        from a newer version, damaged: nothing changed) or the safety backup's error."""
        doc = _read(source)
        safety = None
        if not dry_run:
            safety = self._backups.safety_backup(Trigger.BEFORE_IMPORT).path
        fill = filler(self._now(), self._hemisphere())
        with self._vault.session() as session:
            conn = session.connection()
            changes = merge(conn, doc, check_row, fill)
            _check_attachment_room(session)  # a raise here rolls the whole merge back
            if dry_run:
                session.rollback()
            else:
                session.commit()
        tables = {
            name: TableChanges(c.added, c.already_there, c.kept_yours)
            for name, c in changes.items()
        }
        return ImportReport(dry_run=dry_run, tables=tables, safety_backup=safety)

    def _hemisphere(self) -> Hemisphere:
        from recovery_app.storage.models import VaultInfo

        with self._vault.session() as session:
            row = session.get(VaultInfo, _HEMISPHERE_KEY)
        try:
            return Hemisphere(row.value) if row is not None else Hemisphere.NORTH
        except ValueError:
            return Hemisphere.NORTH


def _check_attachment_room(session: Session) -> None:
    """Two journals' attachments together may be more than one journal keeps."""
    used = total_attachment_bytes(session)
    if used > ATTACHMENTS_TOTAL_MAX_BYTES:
        raise InvalidInput(
            f"With that file's attachments this journal would hold {megabytes(used)} of them, "
            f"more than the {ATTACHMENTS_TOTAL_MAX_BYTES // MIB} MB it keeps. Nothing was "
            "brought in."
        )


def _read(source: Path) -> dict[str, object]:
    try:
        doc = read_document(source)
    except FileNotFoundError:
        raise InvalidInput("That file isn't there. Please choose the export to bring in.") from None
    except IsADirectoryError:
        raise FileRefused(RefusedKind.NOT_AN_EXPORT) from None
    check_head(
        doc,
        newer_than_us=lambda version: is_newer(version, __version__),
        known=migrate.known_revisions(),
    )
    return doc
