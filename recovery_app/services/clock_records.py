"""What the clock service hands out and takes back: frozen records, never table rows.

Undo tokens (`RemovedClock`, `RemovedContact`) are records too, held in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.domain.stretches import StretchFigures
from recovery_app.services.attempt_records import KeptAttachment, KeptVersion
from recovery_app.storage.models import Clock, ContactEvent, Milestone


@dataclass(frozen=True)
class ContactDetails:
    """What a person tells about one contact. Only kind and moment are needed."""

    kind: ContactKind
    at: datetime
    channel: Channel | None = None
    note: str = ""
    what_happened: str = ""  # the reflection: "I reached out" only, every part optional
    what_helped: str = ""
    try_next: str = ""
    words: str = ""  # "they reached out" only: their exact words, as they came


@dataclass(frozen=True)
class ClockSummary:
    clock_id: int
    name: str
    since: date
    allowed_contact: str
    figures: StretchFigures
    next_milestone: int
    days_to_next_milestone: int
    new_milestones: tuple[int, ...] = ()  # reached and not yet acknowledged, smallest first


@dataclass(frozen=True)
class SavedClock:
    """A clock as the journal holds it."""

    id: int
    name: str
    since: date
    allowed_contact: str
    created_at: datetime
    archived_at: datetime | None = None

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


@dataclass(frozen=True)
class SavedContact:
    id: int
    clock_id: int
    details: ContactDetails
    created_at: datetime  # when it was logged; `details.at` is when it happened
    edited_at: datetime | None = None  # the last edit that changed its record (a version kept)
    attachment_count: int = 0

    @property
    def edited(self) -> bool:
        return self.edited_at is not None


@dataclass(frozen=True)
class RemovedContact:
    """A deleted contact with its files and versions, in memory only, so it can be undone."""

    contact: SavedContact
    attachments: tuple[KeptAttachment, ...] = ()
    versions: tuple[KeptVersion, ...] = ()


@dataclass(frozen=True)
class ReachedMilestone:
    """A milestone a stretch reached, kept for the review even after the stretch ends."""

    stretch_since: date
    days: int
    reached_on: date
    acknowledged: bool


@dataclass(frozen=True)
class RemovedClock:
    """Everything a removed clock had, in memory only, so the removal can be undone."""

    clock: SavedClock
    contacts: tuple[RemovedContact, ...] = field(default=())
    milestones: tuple[ReachedMilestone, ...] = field(default=())
    # Memories stay when their clock goes (they are the person's history, not the clock's);
    # undo links them back.
    memory_ids: tuple[int, ...] = field(default=())
    hard_date_ids: tuple[int, ...] = field(default=())  # the same for the dates marked on it


def clock_record(row: Clock) -> SavedClock:
    assert row.id is not None
    return SavedClock(
        row.id, row.name, row.since, row.allowed_contact, row.created_at, row.archived_at
    )


def contact_record(
    row: ContactEvent, edited_at: datetime | None = None, attachment_count: int = 0
) -> SavedContact:
    assert row.id is not None
    details = ContactDetails(
        kind=ContactKind(row.kind),
        at=row.at,
        channel=None if row.channel is None else Channel(row.channel),
        note=row.note,
        what_happened=row.what_happened,
        what_helped=row.what_helped,
        try_next=row.try_next,
        words=row.words,
    )
    return SavedContact(row.id, row.clock_id, details, row.created_at, edited_at, attachment_count)


def milestone_record(row: Milestone) -> ReachedMilestone:
    return ReachedMilestone(row.stretch_since, row.days, row.reached_on, row.acknowledged)
