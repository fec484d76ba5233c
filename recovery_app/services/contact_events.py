"""A clock's contact events: log, edit, delete (with undo) and list them.

Part of `ClockService` (which adds the clocks and their figures). An edit that changes what
a "they reached out" entry's record says keeps the record as it was first (a version,
services/attempt_records.py); deleting an entry keeps its files and versions in the undo
token, so undoing brings the whole record back.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel
from recovery_app.domain.reach_out import clean_words, record_changed
from recovery_app.domain.stretches import ContactKind, check_not_too_long_ago, local_day
from recovery_app.services import attempt_records
from recovery_app.services.clock_records import (
    ContactDetails,
    RemovedContact,
    SavedContact,
    contact_record,
)
from recovery_app.services.journal_part import JournalPart
from recovery_app.storage.models import Clock, ContactEvent


class ContactEventsPart(JournalPart):
    def log_contact(self, clock_id: int, details: ContactDetails) -> SavedContact:
        with self._vault.session() as session:
            get_clock(session, clock_id)
            checked = self._checked(details)
            event = ContactEvent(
                clock_id=clock_id, kind=checked.kind.value, at=checked.at, created_at=self._now()
            )
            apply_details(event, checked)
            session.add(event)
            session.commit()
            session.refresh(event)
            return contact_record(event)

    def update_contact(self, contact_id: int, details: ContactDetails) -> SavedContact:
        """Change one contact. A "they reached out" entry whose record changes (kind, when,
        how, the exact words) keeps what it said before as a version, and is marked edited."""
        checked = self._checked(details)
        with self._vault.session() as session:
            event = get_event(session, contact_id)
            before = attempt_records.fields_of(event)
            apply_details(event, checked)
            after = attempt_records.fields_of(event)
            if before.kind is ContactKind.THEM and record_changed(before, after):
                attempt_records.keep_version(session, contact_id, before, self._now())
            session.add(event)
            session.commit()
            session.refresh(event)
            return self._with_summary(session, event)

    def delete_contact(self, contact_id: int) -> RemovedContact:
        """Delete one contact with its files and versions; the returned copy (memory only)
        lets `restore_contact` undo it."""
        with self._vault.session() as session:
            event = get_event(session, contact_id)
            removed = self._removed(session, event)
            session.delete(event)
            session.commit()
            return removed

    def restore_contact(self, removed: RemovedContact) -> SavedContact:
        """Put a deleted contact back (with a fresh id, as `restore_clock` explains)."""
        copy = removed.contact
        with self._vault.session() as session:
            get_clock(session, copy.clock_id)
            event = ContactEvent(
                clock_id=copy.clock_id,
                kind=copy.details.kind.value,
                at=copy.details.at,
                created_at=copy.created_at,
            )
            apply_details(event, copy.details)
            session.add(event)
            session.flush()
            assert event.id is not None
            attempt_records.put_back(session, event.id, removed.attachments, removed.versions)
            session.commit()
            session.refresh(event)
            return self._with_summary(session, event)

    def list_contacts(self, clock_id: int) -> list[SavedContact]:
        """Newest first, each with whether its record was edited and how many files it has."""
        with self._vault.session() as session:
            statement = (
                select(ContactEvent)
                .where(ContactEvent.clock_id == clock_id)
                .order_by(col(ContactEvent.at).desc(), col(ContactEvent.id).desc())
            )
            events = list(session.exec(statement))
            found = attempt_records.summaries(session, [e.id for e in events if e.id])
            return [contact_record(e, *found[e.id]) for e in events if e.id is not None]

    def get_contact(self, contact_id: int) -> SavedContact:
        with self._vault.session() as session:
            return self._with_summary(session, get_event(session, contact_id))

    # ----- helpers ----------------------------------------------------------------------------

    @staticmethod
    def _with_summary(session: Session, event: ContactEvent) -> SavedContact:
        assert event.id is not None
        return contact_record(event, *attempt_records.summaries(session, [event.id])[event.id])

    @classmethod
    def _removed(cls, session: Session, event: ContactEvent) -> RemovedContact:
        assert event.id is not None
        files, versions = attempt_records.copies_of(session, event.id)
        return RemovedContact(cls._with_summary(session, event), files, versions)

    def _checked(self, details: ContactDetails) -> ContactDetails:
        try:
            kind = ContactKind(details.kind)
            channel = None if details.channel is None else Channel(details.channel)
        except ValueError:
            raise InvalidInput("Please choose what kind of contact it was.") from None
        if details.at.tzinfo is None:
            raise ValueError("contact moments must be time-zone aware")
        check_not_too_long_ago(details.at.date())  # before local-time arithmetic, which fails
        if local_day(details.at) > self.today():
            raise InvalidInput("That day hasn't come yet. Please choose a moment that has passed.")
        me = kind is ContactKind.ME
        return ContactDetails(
            kind,
            details.at,
            channel,
            details.note.strip(),
            what_happened=details.what_happened.strip() if me else "",
            what_helped=details.what_helped.strip() if me else "",
            try_next=details.try_next.strip() if me else "",
            words=clean_words(details.words) if kind is ContactKind.THEM else "",
        )


def get_clock(session: Session, clock_id: int) -> Clock:
    clock = session.get(Clock, clock_id)
    if clock is None:
        raise InvalidInput("That clock isn't there any more.")
    return clock


def get_event(session: Session, event_id: int) -> ContactEvent:
    event = session.get(ContactEvent, event_id)
    if event is None:
        raise InvalidInput("That contact isn't there any more.")
    return event


def apply_details(event: ContactEvent, details: ContactDetails) -> None:
    event.kind = details.kind.value
    event.at = details.at
    event.channel = None if details.channel is None else details.channel.value
    event.note = details.note
    event.what_happened = details.what_happened
    event.what_helped = details.what_helped
    event.try_next = details.try_next
    event.words = details.words
