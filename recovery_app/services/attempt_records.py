"""The record of a "they reached out" entry, beside the entry itself: its files and the
versions its edits left behind. Frozen records for the screens, and the few steps every
service that changes an entry shares (inside that service's own session).

A version is what the record said before an edit changed it: the kind, when it happened,
how, the exact words and the files it had then. The entry's own row always holds the newest;
the versions, oldest first, hold every earlier one, so the first is never lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

import sqlalchemy
from sqlalchemy import func
from sqlmodel import Session, col, select

from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.domain.reach_out import RecordFields, is_image
from recovery_app.storage.models import ContactAttachment, ContactEvent, ContactVersion


@dataclass(frozen=True)
class SavedAttachment:
    """A file kept with an entry, without its bytes (`RecordService.attachment_data`)."""

    id: int
    contact_id: int
    name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime

    @property
    def is_image(self) -> bool:
        return is_image(self.media_type)


@dataclass(frozen=True)
class ListedAttachment:
    """A file as a version lists it: enough to tell which file it was."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class AttemptVersion:
    kind: ContactKind
    at: datetime
    channel: Channel | None
    words: str
    attachments: tuple[ListedAttachment, ...]
    replaced_at: datetime  # when an edit replaced it


@dataclass(frozen=True)
class KeptAttachment:
    """A file with its bytes, in memory only: what an undo puts back."""

    uid: str
    name: str
    media_type: str
    size: int
    sha256: str
    data: bytes
    added_at: datetime


@dataclass(frozen=True)
class KeptVersion:
    uid: str
    version: AttemptVersion


@dataclass(frozen=True)
class RemovedAttachment:
    """A removed file, in memory only; undoing its removal also drops the version it kept."""

    contact_id: int
    attachment: KeptAttachment
    version_uid: str


def fields_of(event: ContactEvent) -> RecordFields:
    return RecordFields(
        ContactKind(event.kind),
        event.at,
        None if event.channel is None else Channel(event.channel),
        event.words,
    )


def listed_attachments(session: Session, event_id: int) -> tuple[ListedAttachment, ...]:
    rows = session.exec(
        select(ContactAttachment.name, ContactAttachment.sha256, ContactAttachment.size)
        .where(ContactAttachment.contact_event_id == event_id)
        .order_by(col(ContactAttachment.id))
    )
    return tuple(ListedAttachment(name, sha, size) for name, sha, size in rows)


def keep_version(
    session: Session, event_id: int, record: RecordFields, replaced_at: datetime
) -> ContactVersion:
    """Keep `record` (what the entry said until now) as a version, with the files the entry
    has now; the caller then changes the entry."""
    listed = listed_attachments(session, event_id)
    row = ContactVersion(
        contact_event_id=event_id,
        kind=record.kind.value,
        at=record.at,
        channel=None if record.channel is None else record.channel.value,
        words=record.words,
        attachments=_listing_json(listed),
        replaced_at=replaced_at,
    )
    session.add(row)
    return row


def _listing_json(listed: tuple[ListedAttachment, ...]) -> str:
    return json.dumps(
        [{"name": a.name, "sha256": a.sha256, "size": a.size} for a in listed],
        ensure_ascii=False,
    )


def version_record(row: ContactVersion) -> AttemptVersion:
    listed = tuple(
        ListedAttachment(str(a.get("name", "")), str(a.get("sha256", "")), int(a.get("size", 0)))
        for a in json.loads(row.attachments)
    )
    return AttemptVersion(
        ContactKind(row.kind),
        row.at,
        None if row.channel is None else Channel(row.channel),
        row.words,
        listed,
        row.replaced_at,
    )


def versions_of(session: Session, event_id: int) -> tuple[AttemptVersion, ...]:
    """Oldest first: the first is the entry as it was first saved."""
    rows = session.exec(
        select(ContactVersion)
        .where(ContactVersion.contact_event_id == event_id)
        .order_by(col(ContactVersion.replaced_at), col(ContactVersion.id))
    )
    return tuple(version_record(row) for row in rows)


def attachments_of(session: Session, event_id: int) -> tuple[SavedAttachment, ...]:
    # Every column but the bytes, which stay in the journal until a file is shown or saved.
    query = (
        sqlalchemy.select(
            col(ContactAttachment.id),
            col(ContactAttachment.name),
            col(ContactAttachment.media_type),
            col(ContactAttachment.size),
            col(ContactAttachment.sha256),
            col(ContactAttachment.added_at),
        )
        .where(col(ContactAttachment.contact_event_id) == event_id)
        .order_by(col(ContactAttachment.id))
    )
    return tuple(
        SavedAttachment(cast(int, row_id), event_id, name, kind, size, sha, added)
        for row_id, name, kind, size, sha, added in session.connection().execute(query)
    )


def summaries(session: Session, event_ids: list[int]) -> dict[int, tuple[datetime | None, int]]:
    """For each entry: when its record was last edited (or None), and how many files it has."""
    if not event_ids:
        return {}
    edited = dict(
        session.exec(
            select(ContactVersion.contact_event_id, func.max(ContactVersion.replaced_at))
            .where(col(ContactVersion.contact_event_id).in_(event_ids))
            .group_by(col(ContactVersion.contact_event_id))
        ).all()
    )
    counts = dict(
        session.exec(
            select(ContactAttachment.contact_event_id, func.count())
            .where(col(ContactAttachment.contact_event_id).in_(event_ids))
            .group_by(col(ContactAttachment.contact_event_id))
        ).all()
    )
    # func.max comes back as naive text from SQLite's aggregate: read it as the UTC it is.
    return {i: (_aware(edited.get(i)), int(counts.get(i, 0))) for i in event_ids}


def _aware(value: object) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def total_attachment_bytes(session: Session) -> int:
    used = session.exec(select(func.coalesce(func.sum(ContactAttachment.size), 0))).one()
    return int(used)


def copies_of(
    session: Session, event_id: int
) -> tuple[tuple[KeptAttachment, ...], tuple[KeptVersion, ...]]:
    """Everything an entry's record holds, bytes too, for an undo."""
    files = session.exec(
        select(ContactAttachment)
        .where(ContactAttachment.contact_event_id == event_id)
        .order_by(col(ContactAttachment.id))
    )
    kept = tuple(kept_attachment(row) for row in files)
    versions = session.exec(
        select(ContactVersion)
        .where(ContactVersion.contact_event_id == event_id)
        .order_by(col(ContactVersion.id))
    )
    return kept, tuple(KeptVersion(row.uid, version_record(row)) for row in versions)


def kept_attachment(row: ContactAttachment) -> KeptAttachment:
    return KeptAttachment(
        row.uid, row.name, row.media_type, row.size, row.sha256, row.data, row.added_at
    )


def put_back(
    session: Session,
    event_id: int,
    attachments: tuple[KeptAttachment, ...],
    versions: tuple[KeptVersion, ...],
) -> None:
    """An entry's files and versions, back as they were (their own uids: they are the same
    files and versions, which an export elsewhere may already hold)."""
    for kept in attachments:
        session.add(attachment_row(event_id, kept))
    for copy in versions:
        v = copy.version
        session.add(
            ContactVersion(
                uid=copy.uid,
                contact_event_id=event_id,
                kind=v.kind.value,
                at=v.at,
                channel=None if v.channel is None else v.channel.value,
                words=v.words,
                attachments=_listing_json(v.attachments),
                replaced_at=v.replaced_at,
            )
        )


def attachment_row(event_id: int, kept: KeptAttachment) -> ContactAttachment:
    return ContactAttachment(
        uid=kept.uid,
        contact_event_id=event_id,
        name=kept.name,
        media_type=kept.media_type,
        size=kept.size,
        sha256=kept.sha256,
        data=kept.data,
        added_at=kept.added_at,
    )
