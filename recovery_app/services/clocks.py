"""Clocks (the people a person keeps distance from), their contact events and their figures.

The GUI and the command line both come here; the rules themselves live in domain/. The
contact events are `ContactEventsPart` (services/contact_events.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import tuple_
from sqlmodel import Session, col, delete, select, update
from sqlmodel.sql.expression import Select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.milestones import milestones_reached, next_milestone, reached_on
from recovery_app.domain.stretches import (
    Contact,
    ContactKind,
    StretchFigures,
    check_not_too_long_ago,
    local_day,
    stretch_figures,
    stretches,
)
from recovery_app.services import attempt_records
from recovery_app.services.clock_records import (
    ClockSummary,
    ContactDetails,
    ReachedMilestone,
    RemovedClock,
    SavedClock,
    clock_record,
    milestone_record,
)
from recovery_app.services.contact_events import (
    ContactEventsPart,
    apply_details,
    get_clock,
)
from recovery_app.storage.models import Clock, ContactEvent, HardDate, Memory, Milestone

__all__ = ["ClockService", "ContactDetails", "clean_name"]

NAME_MAX_CHARS = 200


def clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput("Please give it a label. A nickname or an initial is enough.")
    if len(clean) > NAME_MAX_CHARS:
        raise InvalidInput(f"A label fits in {NAME_MAX_CHARS} characters.")
    return clean


class ClockService(ContactEventsPart):
    # ----- clocks -----------------------------------------------------------------------------

    def add_clock(self, name: str, since: date, allowed_contact: str = "") -> SavedClock:
        clock = Clock(
            name=clean_name(name),
            since=self._checked_since(since),
            allowed_contact=allowed_contact.strip(),
            created_at=self._now(),
        )
        with self._vault.session() as session:
            session.add(clock)
            session.commit()
            session.refresh(clock)
            return clock_record(clock)

    def update_clock(
        self, clock_id: int, name: str, since: date, allowed_contact: str
    ) -> SavedClock:
        with self._vault.session() as session:
            clock = get_clock(session, clock_id)
            clock.name = clean_name(name)
            if since != clock.since:
                clock.since = self._checked_since(since)
            clock.allowed_contact = allowed_contact.strip()
            session.add(clock)
            session.commit()
            session.refresh(clock)
            return clock_record(clock)

    def archive_clock(self, clock_id: int, archived: bool = True) -> SavedClock:
        """Archived clocks leave Today and keep everything; unarchiving brings them back."""
        with self._vault.session() as session:
            clock = get_clock(session, clock_id)
            clock.archived_at = self._now() if archived else None
            session.add(clock)
            session.commit()
            session.refresh(clock)
            return clock_record(clock)

    def list_clocks(self, *, archived: bool = False) -> list[SavedClock]:
        with self._vault.session() as session:
            return _listed(session, archived=archived)

    def get_clock(self, clock_id: int) -> SavedClock:
        with self._vault.session() as session:
            return clock_record(get_clock(session, clock_id))

    def find_clock(self, name: str) -> SavedClock:
        """The one clock (archived or not, current ones first) whose label matches `name`."""
        wanted = " ".join(name.split()).casefold()
        for clock in [*self.list_clocks(), *self.list_clocks(archived=True)]:
            if clock.name.casefold() == wanted:
                return clock
        raise InvalidInput("There's no clock with that label. `clock list` shows them.")

    def remove_clock(self, clock_id: int) -> RemovedClock:
        """Delete a clock with its events (their files and versions too) and milestones;
        keep a copy in memory for undo."""
        with self._vault.session() as session:
            clock = get_clock(session, clock_id)
            events = list(
                session.exec(select(ContactEvent).where(ContactEvent.clock_id == clock_id))
            )
            milestones = session.exec(select(Milestone).where(Milestone.clock_id == clock_id))
            memory_ids = session.exec(
                select(Memory.id).where(col(Memory.clock_id) == clock_id)
            ).all()
            hard_date_ids = session.exec(
                select(HardDate.id).where(col(HardDate.clock_id) == clock_id)
            ).all()
            removed = RemovedClock(
                clock_record(clock),
                tuple(self._removed(session, e) for e in events),
                tuple(milestone_record(m) for m in milestones),
                tuple(i for i in memory_ids if i is not None),
                tuple(i for i in hard_date_ids if i is not None),
            )
            session.exec(delete(ContactEvent).where(col(ContactEvent.clock_id) == clock_id))
            session.exec(delete(Milestone).where(col(Milestone.clock_id) == clock_id))
            session.delete(clock)
            session.commit()
        return removed

    def restore_clock(self, removed: RemovedClock) -> SavedClock:
        """Put a removed clock back with all it had. Rows get fresh ids: SQLite hands a freed
        id to the next new row, so the old ones may belong to something added since."""
        kept = removed.clock
        with self._vault.session() as session:
            clock = Clock(
                name=kept.name,
                since=kept.since,
                allowed_contact=kept.allowed_contact,
                created_at=kept.created_at,
                archived_at=kept.archived_at,
            )
            session.add(clock)
            session.flush()
            assert clock.id is not None
            for removed_contact in removed.contacts:
                contact = removed_contact.contact
                event = ContactEvent(
                    clock_id=clock.id,
                    kind=contact.details.kind.value,
                    at=contact.details.at,
                    created_at=contact.created_at,
                )
                apply_details(event, contact.details)
                session.add(event)
                session.flush()
                assert event.id is not None
                attempt_records.put_back(
                    session, event.id, removed_contact.attachments, removed_contact.versions
                )
            for milestone in removed.milestones:
                session.add(
                    Milestone(
                        clock_id=clock.id,
                        stretch_since=milestone.stretch_since,
                        days=milestone.days,
                        reached_on=milestone.reached_on,
                        acknowledged=milestone.acknowledged,
                    )
                )
            if removed.memory_ids:
                session.exec(
                    update(Memory)
                    .where(col(Memory.id).in_(removed.memory_ids))
                    .where(col(Memory.clock_id).is_(None))
                    .values(clock_id=clock.id)
                )
            if removed.hard_date_ids:
                session.exec(
                    update(HardDate)
                    .where(col(HardDate.id).in_(removed.hard_date_ids))
                    .where(col(HardDate.clock_id).is_(None))
                    .values(clock_id=clock.id)
                )
            session.commit()
            session.refresh(clock)
            return clock_record(clock)

    # ----- figures and milestones -------------------------------------------------------------

    def figures(self, clock_id: int) -> StretchFigures:
        """One clock's figures, reading nothing else (and, unlike `summaries`, writing nothing)."""
        with self._vault.session() as session:
            since = get_clock(session, clock_id).since
            contacts = _contacts_by_clock(session, [clock_id]).get(clock_id, [])
        return stretch_figures(since, contacts, self.today())

    def summaries(self) -> list[ClockSummary]:
        """Every current clock's figures, recording the milestones its stretch has reached."""
        today = self.today()
        with self._vault.session() as session:  # one read of it all, before Today's figures
            clocks = _listed(session)
            ids = [clock.id for clock in clocks if clock.id is not None]
            contacts = _contacts_by_clock(session, ids)
            pending = self._record_milestones(session, clocks, contacts, today)
            session.commit()
        summaries = []
        for clock in clocks:
            assert clock.id is not None
            figures = stretch_figures(clock.since, contacts.get(clock.id, []), today)
            ahead = next_milestone(figures.current_days)
            summaries.append(
                ClockSummary(
                    clock_id=clock.id,
                    name=clock.name,
                    since=clock.since,
                    allowed_contact=clock.allowed_contact,
                    figures=figures,
                    next_milestone=ahead,
                    days_to_next_milestone=ahead - figures.current_days,
                    new_milestones=tuple(sorted(pending.get(clock.id, []))),
                )
            )
        return summaries

    def acknowledge_milestones(self, clock_id: int) -> None:
        with self._vault.session() as session:
            for milestone in session.exec(
                select(Milestone).where(
                    Milestone.clock_id == clock_id, col(Milestone.acknowledged).is_(False)
                )
            ):
                milestone.acknowledged = True
                session.add(milestone)
            session.commit()

    def milestone_history(self, clock_id: int) -> list[ReachedMilestone]:
        with self._vault.session() as session:
            statement = (
                select(Milestone)
                .where(Milestone.clock_id == clock_id)
                .order_by(col(Milestone.reached_on), col(Milestone.days))
            )
            return [milestone_record(row) for row in session.exec(statement)]

    # ----- helpers ----------------------------------------------------------------------------

    def _checked_since(self, since: date) -> date:
        if since > self.today():
            raise InvalidInput("The start date can't be in the future. Today or an earlier day.")
        check_not_too_long_ago(since)
        return since

    @staticmethod
    def _record_milestones(
        session: Session,
        clocks: list[SavedClock],
        contacts: dict[int, list[Contact]],
        today: date,
    ) -> dict[int, list[int]]:
        """Bring each clock's milestone records in line with its stretches; return the
        current stretch's unacknowledged ones.

        Records are derived from the contact history, so a contact logged late (or edited, or
        deleted) corrects them: a milestone its stretch never reached is dropped, and one it
        did reach is added. Only "acknowledged" is the person's own, and it is kept.
        """
        pending: dict[int, list[int]] = {}
        # Plain columns of every clock's records in one read, not rows as objects: a journal
        # of years holds hundreds of milestones, and this runs before Today shows its figures.
        # A record is known by its clock, stretch and days (unique together).
        kept: dict[int, list[tuple[date, int, bool]]] = {}
        for clock_id, stretch_since, days, seen in session.exec(
            select(
                col(Milestone.clock_id),
                col(Milestone.stretch_since),
                col(Milestone.days),
                col(Milestone.acknowledged),
            ).where(col(Milestone.clock_id).in_([clock.id for clock in clocks]))
        ):
            kept.setdefault(clock_id, []).append((stretch_since, days, seen))
        for clock in clocks:
            assert clock.id is not None
            cut = stretches(clock.since, contacts.get(clock.id, []), today)
            truth = {
                (stretch.since, days)
                for stretch in cut
                for days in milestones_reached(stretch.days)
            }
            acknowledged: dict[tuple[date, int], bool] = {}
            stale: list[tuple[date, int]] = []
            for stretch_since, days, seen in kept.get(clock.id, []):
                if (stretch_since, days) in truth:
                    acknowledged[(stretch_since, days)] = seen
                else:
                    stale.append((stretch_since, days))
            if stale:
                session.exec(
                    delete(Milestone).where(
                        col(Milestone.clock_id) == clock.id,
                        tuple_(col(Milestone.stretch_since), col(Milestone.days)).in_(stale),
                    )
                )
            for stretch_since, days in sorted(truth - acknowledged.keys()):
                # a past stretch's milestones are history, not news
                history = stretch_since != cut[-1].since
                acknowledged[(stretch_since, days)] = history
                session.add(
                    Milestone(
                        clock_id=clock.id,
                        stretch_since=stretch_since,
                        days=days,
                        reached_on=reached_on(stretch_since, days),
                        acknowledged=history,
                    )
                )
            pending[clock.id] = [
                days
                for (since, days), seen in acknowledged.items()
                if since == cut[-1].since and not seen
            ]
        return pending


def _listed(session: Session, *, archived: bool = False) -> list[SavedClock]:
    archived_at = col(Clock.archived_at)
    where = archived_at.is_not(None) if archived else archived_at.is_(None)
    rows = session.exec(select(Clock).where(where).order_by(col(Clock.id)))
    return [clock_record(row) for row in rows]


def _contacts_by_clock(session: Session, clock_ids: list[int]) -> dict[int, list[Contact]]:
    """Only "I reached out" changes figures, so only those are read, from their own index
    (migration 0012): not the thousands of other events and their words."""
    found: dict[int, list[Contact]] = {}
    if not clock_ids:
        return found
    for clock_id, at in session.exec(reached_out(clock_ids)):
        found.setdefault(clock_id, []).append(Contact(local_day(at), ContactKind.ME))
    return found


def reached_out(clock_ids: list[int]) -> Select[int, datetime]:
    """The moments of "I reached out" on these clocks."""
    return select(ContactEvent.clock_id, ContactEvent.at).where(
        col(ContactEvent.clock_id).in_(clock_ids), ContactEvent.kind == ContactKind.ME.value
    )
