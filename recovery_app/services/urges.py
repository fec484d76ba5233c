"""Urges ("withdrawal moments") and the person's own list of triggers.

Saving must take a moment, even on a journal with years of urges: one short transaction,
and the trigger names are looked up in one query.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import sqlalchemy
from sqlalchemy import ColumnElement, tuple_
from sqlmodel import Session, col, delete, func, select
from sqlmodel.sql.expression import SelectOfScalar

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.stretches import local_day
from recovery_app.domain.urges import (
    UrgeDetails,
    UrgeOutcome,
    WeekFigures,
    clean_trigger,
    week_start,
)
from recovery_app.services.journal_part import JournalPart
from recovery_app.services.local_days import day_bounds, start_of_day
from recovery_app.services.texts import trigger_suggestions
from recovery_app.storage.models import Trigger, Urge, UrgeTriggerLink, VaultInfo

_SEEDED_KEY = "urge_triggers_seeded"


@dataclass(frozen=True)
class SavedUrge:
    id: int
    details: UrgeDetails


@dataclass(frozen=True)
class UrgeRow:
    """One line of the urge list: only what a table shows, so a page of it loads fast."""

    id: int
    at: datetime
    intensity: int | None
    outcome: UrgeOutcome | None
    minutes: int | None
    triggers: tuple[str, ...]


class UrgeService(JournalPart):
    # ----- triggers ---------------------------------------------------------------------------

    def triggers(self) -> list[str]:
        """The person's trigger list, in their order; the suggestions the first time."""
        with self._vault.session() as session:
            self._seed_suggestions(session)
            names = session.exec(select(Trigger.name).order_by(col(Trigger.position)))
            return list(names)

    def add_trigger(self, name: str) -> str:
        with self._vault.session() as session:
            self._seed_suggestions(session)
            (trigger,) = self._trigger_rows(session, [clean_trigger(name)])
            session.commit()
            return trigger.name

    # ----- urges ------------------------------------------------------------------------------

    def log_urge(self, details: UrgeDetails) -> SavedUrge:
        clean = self._checked(details)
        with self._vault.session() as session:
            if clean.triggers:  # new names join after the suggestions, never before them
                self._seed_suggestions(session)
            urge = Urge.model_validate({"created_at": self._now(), **_columns(clean)})
            session.add(urge)
            self._link(session, urge, clean.triggers)
            session.commit()
            assert urge.id is not None
            return SavedUrge(urge.id, clean)

    def update_urge(self, urge_id: int, details: UrgeDetails) -> SavedUrge:
        clean = self._checked(details)
        with self._vault.session() as session:
            if clean.triggers:
                self._seed_suggestions(session)
            urge = _get_urge(session, urge_id)
            for name, value in _columns(clean).items():
                setattr(urge, name, value)
            session.add(urge)
            session.exec(delete(UrgeTriggerLink).where(col(UrgeTriggerLink.urge_id) == urge_id))
            self._link(session, urge, clean.triggers)
            session.commit()
            return SavedUrge(urge_id, clean)

    def delete_urge(self, urge_id: int) -> UrgeDetails:
        """Delete one urge; the returned details (memory only) let `log_urge` undo it."""
        with self._vault.session() as session:
            details = _details(_get_urge(session, urge_id), self._names_of(session, [urge_id]))
            session.exec(delete(UrgeTriggerLink).where(col(UrgeTriggerLink.urge_id) == urge_id))
            session.exec(delete(Urge).where(col(Urge.id) == urge_id))
            session.commit()
            return details

    def get_urge(self, urge_id: int) -> SavedUrge:
        with self._vault.session() as session:
            urge = _get_urge(session, urge_id)
            return SavedUrge(urge_id, _details(urge, self._names_of(session, [urge_id])))

    def list_urges(
        self, *, since: date | None = None, until: date | None = None, trigger: str | None = None
    ) -> list[SavedUrge]:
        """Newest first; `since`/`until` are local days, both included."""
        statement = select(Urge).where(*_conditions(since, until, trigger)).order_by(*_NEWEST)
        with self._vault.session() as session:
            urges = list(session.exec(statement))
            names = self._names_of(session, [u.id for u in urges if u.id is not None])
            return [SavedUrge(u.id, _details(u, names)) for u in urges if u.id is not None]

    def each_urge(self, *, since: date | None = None, batch: int = 1000) -> Iterator[SavedUrge]:
        """`list_urges`, newest first, read `batch` at a time as plain columns (no ORM
        objects): memory stays the size of one batch however many years the journal holds,
        and the command line prints as it reads."""
        fields = [col(getattr(Urge, name)) for name in _DETAIL_FIELDS]
        after: tuple[datetime, int] | None = None
        while True:
            statement = sqlalchemy.select(col(Urge.id), *fields).where(
                *_conditions(since, None, None)
            )
            if after is not None:  # keyset paging: each batch starts where the last stopped
                # As a row value, which SQLite seeks to in the index on `at` (whose entries
                # end with the id). Written as "at < ? OR (at = ? AND id < ?)" it scans the
                # index from the newest urge down on every batch: a command that slows as the
                # square of the years.
                statement = statement.where(tuple_(col(Urge.at), col(Urge.id)) < tuple_(*after))
            with self._vault.session() as session:
                rows = session.connection().execute(statement.order_by(*_NEWEST).limit(batch))
                found = [(row[0], dict(zip(_DETAIL_FIELDS, row[1:], strict=True))) for row in rows]
                names = self._names_of(session, [urge_id for urge_id, _ in found])
            for urge_id, values in found:
                outcome = values.pop("outcome")
                yield SavedUrge(
                    urge_id,
                    UrgeDetails(
                        **values,
                        triggers=tuple(names.get(urge_id, [])),
                        outcome=None if outcome is None else UrgeOutcome(outcome),
                    ),
                )
            if len(found) < batch:
                return
            after = (found[-1][1]["at"], found[-1][0])

    def count_urges(
        self, *, since: date | None = None, until: date | None = None, trigger: str | None = None
    ) -> int:
        """How many urges `urge_rows` would give with the same filters, all pages together."""
        with self._vault.session() as session:
            return session.exec(urges_counted(since, until, trigger)).one()

    def urge_rows(
        self,
        offset: int,
        limit: int,
        *,
        since: date | None = None,
        until: date | None = None,
        trigger: str | None = None,
    ) -> list[UrgeRow]:
        """One page of the list, newest first, as light rows (no ORM objects, no long texts):
        the Urges screen reads a journal of tens of thousands of urges a page at a time."""
        # SQLAlchemy's own select: SQLModel's is typed for at most four columns.
        statement = (
            sqlalchemy.select(
                col(Urge.id),
                col(Urge.at),
                col(Urge.intensity),
                col(Urge.outcome),
                col(Urge.minutes),
            )
            .where(*_conditions(since, until, trigger))
            .order_by(*_NEWEST)
            .offset(max(0, offset))
            .limit(max(0, limit))
        )
        with self._vault.session() as session:
            rows = [
                UrgeRow(
                    id=urge_id,
                    at=at,
                    intensity=intensity,
                    outcome=None if outcome is None else UrgeOutcome(outcome),
                    minutes=minutes,
                    triggers=(),
                )
                for urge_id, at, intensity, outcome, minutes in session.connection().execute(
                    statement
                )
                if urge_id is not None  # never, once saved: the key says so to the type checker
            ]
            names = self._names_of(session, [row.id for row in rows])
        return [replace(row, triggers=tuple(names.get(row.id, ()))) for row in rows]

    def now(self) -> datetime:
        """This moment, as the service sees it: a form checks "not in the future" against it."""
        return self._now()

    def week_comparison(self) -> tuple[WeekFigures, WeekFigures]:
        """This calendar week so far beside last week: `domain.urges.compare_weeks`, counted
        by SQL between the local midnights that bound the two weeks (Today shows it first)."""
        today = self.today()
        this_monday = week_start(today)
        last_monday = this_monday - timedelta(days=7)
        at = col(Urge.at)
        start, end = day_bounds(last_monday, today)
        this_week = sqlalchemy.case((at >= start_of_day(this_monday), 1), else_=0)
        outcome = col(Urge.outcome)
        passed = sqlalchemy.case(
            (outcome.is_(None), None), (outcome == UrgeOutcome.PASSED.value, 1.0), else_=0.0
        )
        with self._vault.session() as session:
            rows = session.exec(
                select(this_week, func.count(), func.avg(col(Urge.intensity)), func.avg(passed))
                .where(at >= start, at < end)
                .group_by(this_week)
            ).all()
        found = {bool(week): (count, mean, share) for week, count, mean, share in rows}
        this_week_figures, last_week_figures = (
            WeekFigures(monday, *found.get(week, (0, None, None)))
            for week, monday in ((True, this_monday), (False, last_monday))
        )
        return this_week_figures, last_week_figures

    # ----- helpers ----------------------------------------------------------------------------

    def _checked(self, details: UrgeDetails) -> UrgeDetails:
        clean = details.validated()
        if local_day(clean.at) > self.today():
            raise InvalidInput("That moment hasn't come yet. Please choose one that has passed.")
        return clean

    def _seed_suggestions(self, session: Session) -> None:
        if session.get(VaultInfo, _SEEDED_KEY) is not None:
            return
        self._trigger_rows(session, trigger_suggestions())
        session.add(VaultInfo(key=_SEEDED_KEY, value="1"))
        session.commit()

    def _trigger_rows(self, session: Session, names: Sequence[str]) -> list[Trigger]:
        """The rows for `names` (case-insensitive), adding the new ones at the end."""
        if not names:
            return []
        existing = {
            t.name.casefold(): t
            for t in session.exec(
                select(Trigger).where(func.lower(Trigger.name).in_([n.casefold() for n in names]))
            )
        }
        last = session.exec(select(func.max(Trigger.position))).one() or 0
        rows = []
        for name in names:
            row = existing.get(name.casefold())
            if row is None:
                last += 1
                row = Trigger(name=name, position=last, created_at=self._now())
                session.add(row)
                existing[name.casefold()] = row
            rows.append(row)
        session.flush()
        return rows

    def _link(self, session: Session, urge: Urge, names: Sequence[str]) -> None:
        session.flush()
        assert urge.id is not None
        for trigger in self._trigger_rows(session, names):
            assert trigger.id is not None
            session.add(UrgeTriggerLink(urge_id=urge.id, trigger_id=trigger.id))

    @staticmethod
    def _names_of(session: Session, urge_ids: list[int]) -> dict[int, list[str]]:
        names: dict[int, list[str]] = {}
        if not urge_ids:
            return names
        rows = session.exec(
            select(UrgeTriggerLink.urge_id, Trigger.name)
            .join(Trigger, col(Trigger.id) == col(UrgeTriggerLink.trigger_id))
            .where(col(UrgeTriggerLink.urge_id).in_(urge_ids))
            .order_by(col(Trigger.position))
        )
        for urge_id, name in rows:
            names.setdefault(urge_id, []).append(name)
        return names


_NEWEST = (col(Urge.at).desc(), col(Urge.id).desc())
# UrgeDetails' fields kept as columns (the triggers are links, read apart).
_DETAIL_FIELDS = (
    "at",
    "intensity",
    "intensity_after",
    "feelings",
    "place",
    "company",
    "did_instead",
    "outcome",
    "minutes",
    "predicted_minutes",
    "predicted_reach_out",
    "note",
)


def urges_counted(
    since: date | None = None, until: date | None = None, trigger: str | None = None
) -> SelectOfScalar[int]:
    """The count `count_urges` reads. Unfiltered, SQLite counts the rows of the smallest
    index of every urge, the intensity's (migration 0013): a quarter of the pages of the
    moments' index, which it used before, each decrypted on the first count after unlock."""
    return select(func.count()).select_from(Urge).where(*_conditions(since, until, trigger))


def _conditions(
    since: date | None, until: date | None, trigger: str | None
) -> list[ColumnElement[bool]]:
    """`since`/`until` are local days, both included; `trigger` is matched whatever its case."""
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(col(Urge.at) >= start_of_day(since))
    if until is not None:
        conditions.append(col(Urge.at) < start_of_day(until + timedelta(days=1)))
    if trigger is not None:
        # The trigger's id first, then its links by that id (their index): joined to the
        # names instead, SQLite read every link of every urge to find one trigger's.
        named = select(Trigger.id).where(func.lower(Trigger.name) == trigger.strip().casefold())
        linked = select(UrgeTriggerLink.urge_id).where(col(UrgeTriggerLink.trigger_id).in_(named))
        conditions.append(col(Urge.id).in_(linked))
    return conditions


def _columns(details: UrgeDetails) -> dict[str, object]:
    return {
        "at": details.at,
        "intensity": details.intensity,
        "intensity_after": details.intensity_after,
        "feelings": details.feelings,
        "place": details.place,
        "company": details.company,
        "did_instead": details.did_instead,
        "outcome": None if details.outcome is None else details.outcome.value,
        "minutes": details.minutes,
        "predicted_minutes": details.predicted_minutes,
        "predicted_reach_out": details.predicted_reach_out,
        "note": details.note,
    }


def _details(urge: Urge, names: dict[int, list[str]]) -> UrgeDetails:
    return UrgeDetails(
        at=urge.at,
        intensity=urge.intensity,
        intensity_after=urge.intensity_after,
        triggers=tuple(names.get(urge.id or 0, [])),
        feelings=urge.feelings,
        place=urge.place,
        company=urge.company,
        did_instead=urge.did_instead,
        outcome=None if urge.outcome is None else UrgeOutcome(urge.outcome),
        minutes=urge.minutes,
        predicted_minutes=urge.predicted_minutes,
        predicted_reach_out=urge.predicted_reach_out,
        note=urge.note,
    )


def _get_urge(session: Session, urge_id: int) -> Urge:
    urge = session.get(Urge, urge_id)
    if urge is None:
        raise InvalidInput("That urge isn't there any more.")
    return urge
