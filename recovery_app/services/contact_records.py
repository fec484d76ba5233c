"""The dated record of each time they reached out: the entry, its files, its versions.

The exact words, the channel and the moment it happened live on the entry itself (logged and
edited through `ClockService`); here are the files kept with it (screenshots or anything
else, their bytes inside the encrypted journal with their SHA-256), and the whole record as
one frozen `AttemptRecord`. Files are bounded (domain/reach_out.py), never opened through a
temporary file, and leave the journal only as a copy saved where the person chose.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import ContactKind
from recovery_app.domain.reach_out import (
    ATTACHMENT_MAX_BYTES,
    check_new_attachment,
    clean_file_name,
    media_type,
    sha256_hex,
)
from recovery_app.domain.stretches import local_day
from recovery_app.services import attempt_records
from recovery_app.services.attempt_records import (
    AttemptVersion,
    RemovedAttachment,
    SavedAttachment,
)
from recovery_app.services.clock_records import SavedContact, contact_record
from recovery_app.services.contact_events import get_clock, get_event
from recovery_app.services.journal_part import JournalPart
from recovery_app.storage.errors import NotWritable, VaultDamaged
from recovery_app.storage.export_writer import written_atomically
from recovery_app.storage.models import ContactAttachment, ContactEvent, ContactVersion


@dataclass(frozen=True)
class AttemptRecord:
    """One "they reached out" entry, whole: what it says now, its files, and every earlier
    version (oldest first; the first is the entry as it was first saved)."""

    contact: SavedContact
    clock_name: str
    attachments: tuple[SavedAttachment, ...] = ()
    versions: tuple[AttemptVersion, ...] = ()


class RecordService(JournalPart):
    # ----- reading ----------------------------------------------------------------------------

    def record(self, contact_id: int) -> AttemptRecord:
        with self._vault.session() as session:
            return _record(session, get_event(session, contact_id))

    def attempts(
        self, clock_id: int, start: date | None = None, end: date | None = None
    ) -> list[AttemptRecord]:
        """Every "they reached out" entry of a clock whose moment falls on a local day from
        `start` to `end` (both included; None: no limit), in the order they happened."""
        if start is not None and end is not None and start > end:
            raise InvalidInput("The first day comes after the last one. Please swap them.")
        with self._vault.session() as session:
            get_clock(session, clock_id)
            events = session.exec(
                select(ContactEvent)
                .where(ContactEvent.clock_id == clock_id)
                .where(ContactEvent.kind == ContactKind.THEM.value)
                .order_by(col(ContactEvent.at), col(ContactEvent.id))
            )
            return [
                _record(session, event)
                for event in list(events)
                if (start is None or local_day(event.at) >= start)
                and (end is None or local_day(event.at) <= end)
            ]

    def space_used(self) -> int:
        """Bytes every attachment of the journal takes together."""
        with self._vault.session() as session:
            return attempt_records.total_attachment_bytes(session)

    def attachment_data(self, attachment_id: int) -> bytes:
        """A file's bytes, checked against the fingerprint it was kept with."""
        with self._vault.session() as session:
            row = _get_attachment(session, attachment_id)
            if sha256_hex(row.data) != row.sha256:
                raise VaultDamaged("an attachment no longer matches its fingerprint")
            return row.data

    # ----- adding and removing files ----------------------------------------------------------

    def add_attachment(self, contact_id: int, name: str, data: bytes) -> SavedAttachment:
        with self._vault.session() as session:
            event = get_event(session, contact_id)
            if event.kind != ContactKind.THEM.value:
                raise InvalidInput("Files can be kept with contact that came from them.")
            check_new_attachment(len(data), attempt_records.total_attachment_bytes(session))
            row = ContactAttachment(
                contact_event_id=contact_id,
                name=clean_file_name(name),
                media_type=media_type(data),
                size=len(data),
                sha256=sha256_hex(data),
                data=data,
                added_at=self._now(),
            )
            session.add(row)
            session.commit()
            found = attempt_records.attachments_of(session, contact_id)
            return next(a for a in found if a.id == row.id)

    def add_file(self, contact_id: int, path: Path) -> SavedAttachment:
        """Keep a copy of the file at `path` (read once, in memory; the file itself is left
        where it is)."""
        try:
            size = path.stat().st_size
            if size > ATTACHMENT_MAX_BYTES:
                check_new_attachment(size, 0)  # says so before reading a large file
            data = path.read_bytes()
        except FileNotFoundError:
            raise InvalidInput("That file isn't there any more. Please choose it again.") from None
        except IsADirectoryError:
            raise InvalidInput("That is a folder. Please choose a file.") from None
        except PermissionError:
            raise InvalidInput("The app isn't allowed to read that file.") from None
        return self.add_attachment(contact_id, path.name, data)

    def remove_attachment(self, attachment_id: int) -> RemovedAttachment:
        """Remove one file. The record keeps what it was (a version naming the file and its
        fingerprint), so the entry shows it was edited; the undo token holds the bytes."""
        with self._vault.session() as session:
            row = _get_attachment(session, attachment_id)
            event = get_event(session, row.contact_event_id)
            version = attempt_records.keep_version(
                session, row.contact_event_id, attempt_records.fields_of(event), self._now()
            )
            removed = RemovedAttachment(
                row.contact_event_id, attempt_records.kept_attachment(row), version.uid
            )
            session.delete(row)
            session.commit()
            return removed

    def restore_attachment(self, removed: RemovedAttachment) -> SavedAttachment:
        """Undo a removal: the file comes back and the version its removal kept goes."""
        with self._vault.session() as session:
            get_event(session, removed.contact_id)
            for version in session.exec(
                select(ContactVersion).where(ContactVersion.uid == removed.version_uid)
            ):
                session.delete(version)
            row = attempt_records.attachment_row(removed.contact_id, removed.attachment)
            session.add(row)
            session.commit()
            found = attempt_records.attachments_of(session, removed.contact_id)
            return next(a for a in found if a.id == row.id)

    def save_copy(self, attachment_id: int, folder: Path) -> Path:
        """Write a copy of one file into `folder` under its own name (a number added if that
        name is taken); only there, under a temporary name until it is whole. The copy is
        not encrypted: the window and the command line say so first."""
        if not folder.is_dir():
            raise InvalidInput("That folder isn't there. Please choose another place to save.")
        with self._vault.session() as session:
            name = _get_attachment(session, attachment_id).name
        data = self.attachment_data(attachment_id)
        return write_new_file(folder, name, data)


def write_new_file(folder: Path, name: str, data: bytes) -> Path:
    """`data` as a new private file in `folder`, named `name` or "name (2).ext" and so on;
    written under a temporary name and renamed once whole."""
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    for number in range(1, 1000):
        target = folder / (name if number == 1 else f"{stem} ({number}){suffix}")
        try:
            with written_atomically(target, False) as handle:
                handle.write(data)
        except FileExistsError:
            continue
        except NotWritable:
            raise InvalidInput(CANT_WRITE_THERE) from None
        except OSError as error:
            if error.errno in (errno.ENOENT, errno.ENOTDIR):
                raise InvalidInput(CANT_WRITE_THERE) from error
            raise
        return target
    raise InvalidInput("That folder has many files of that name already. Please choose another.")


CANT_WRITE_THERE = "The app can't write in that folder. Please choose another place to save."


def _record(session: Session, event: ContactEvent) -> AttemptRecord:
    assert event.id is not None
    clock = get_clock(session, event.clock_id)
    edited, count = attempt_records.summaries(session, [event.id])[event.id]
    return AttemptRecord(
        contact_record(event, edited, count),
        clock.name,
        attempt_records.attachments_of(session, event.id),
        attempt_records.versions_of(session, event.id),
    )


def _get_attachment(session: Session, attachment_id: int) -> ContactAttachment:
    row = session.get(ContactAttachment, attachment_id)
    if row is None:
        raise InvalidInput("That file isn't there any more.")
    return row
