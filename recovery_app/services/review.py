"""The milestone review, read from the journal: a few counting queries, one frozen `Review`.

Nothing here reads every urge into Python. SQL counts (per local day, per weekday and hour,
per trigger, per "what I did instead", per outcome), all in one session, so ten years of
urges arrive as a few thousand rows and the cost grows with the years, not the entries.
Only the check-ins are read one row per day, because one point per day is what they show.
The numbers themselves are made in domain/review.py. Read-only: nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy
from sqlalchemy import ColumnElement, String, case, func, or_, type_coerce
from sqlalchemy.engine import Connection
from sqlmodel import col

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.domain.hard_date_review import MarkedDaysInRange
from recovery_app.domain.instincts import (
    CheckOutcome,
    HunchKind,
    HunchMark,
    HunchTally,
    UrgeCheck,
    UrgeCheckTally,
)
from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.marked_dates import occurrences
from recovery_app.domain.review import Review, ReviewInputs, build_review, urge_span
from recovery_app.domain.review_calendar import YearCalendar
from recovery_app.domain.review_days import CheckInMark, PromiseDayTally
from recovery_app.domain.review_distance import ClockHistory
from recovery_app.domain.review_range import DayRange, RangeChoice, resolve_range, thirds
from recovery_app.domain.review_urges import HourCell, InsteadTally, TriggerTally, UrgeDayTally
from recovery_app.domain.stretches import ContactKind, local_day
from recovery_app.domain.then_and_now import then_and_now_sentences
from recovery_app.domain.urges import UrgeOutcome
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.services.local_days import (
    day_bounds,
    day_of_number,
    grouped,
    hour_of_week_sql,
    local_day_sql,
    offsets_between,
    weekday_hour,
)
from recovery_app.services.report_writings import ReportWritings, read_writings
from recovery_app.services.review_calendar import read_year_calendar
from recovery_app.services.review_firsts import JournalFirsts, journal_firsts
from recovery_app.services.texts import review_words
from recovery_app.storage.models import (
    CheckIn,
    Clock,
    ContactEvent,
    Hunch,
    Promise,
    Trigger,
    Urge,
    UrgeTriggerLink,
)

if TYPE_CHECKING:
    from recovery_app.storage.vault import Vault


@dataclass(frozen=True)
class ReviewWithWords:
    review: Review
    then_and_now: tuple[str, ...]  # the sentences at the top, from resources/texts/review.toml


class ReviewService(JournalPart):
    def __init__(
        self,
        vault: Vault,
        now: Callable[[], datetime] = utc_now,
        hard_dates: HardDateService | None = None,
    ) -> None:
        super().__init__(vault, now)
        # The journal's own, when it has one: the days the person marked are read there.
        self._hard_dates = hard_dates or HardDateService(vault, now)

    def review(
        self, choice: RangeChoice, custom: tuple[date, date] | None = None
    ) -> ReviewWithWords:
        """The review of a range, with its then-and-now sentences."""
        review = build_review(self.inputs(choice, custom))
        ends_today = review.span is not None and review.span.last == review.today
        sentences = then_and_now_sentences(
            review.then_and_now, review_words(), ends_today=ends_today
        )
        return ReviewWithWords(review, sentences)

    def journal_first(self) -> date | None:
        """The first day anything the review counts was noted (None: nothing yet)."""
        with self._vault.session() as session:
            return journal_firsts(session.connection()).journal_first()

    def calendar(self, last: date) -> YearCalendar:
        """The year of days up to `last`: check-ins, and contacts by kind."""
        with self._vault.session() as session:
            connection = session.connection()
            return read_year_calendar(connection, last, journal_firsts(connection).journal_first())

    def marked_days(self, span: DayRange | None) -> MarkedDaysInRange[int] | None:
        """The days the person marked that fell in `span`, each with the pull and urges of
        the seven days either side, beside the usual level; None when none fell in it."""
        if span is None:
            return None
        last = min(span.last, self.today())
        marks = [saved.details.mark for saved in self._hard_dates.marked()]
        if not any(occurrences(mark, span.first, last) for mark in marks):
            return None  # nothing to count: the counting queries are skipped
        found = self._hard_dates.around_marked_days(span.first, span.last)
        return found if found.days else None

    def writings(
        self, span: DayRange | None, sections: Collection[ReportSection]
    ) -> ReportWritings:
        """The person's own words written in `span`, of the kinds named in `sections` only
        (check-in notes, memories, unsent letters), for a report that asked for them."""
        with self._vault.session() as session:
            return read_writings(session.connection(), span, sections)

    def inputs(self, choice: RangeChoice, custom: tuple[date, date] | None = None) -> ReviewInputs:
        """What `build_review` needs for the range, counted in SQL in one session."""
        today = self.today()
        with self._vault.session() as session:
            connection = session.connection()
            firsts = journal_firsts(connection)
            span = resolve_range(choice, today, journal_first=firsts.journal_first(), custom=custom)
            clocks = _clock_histories(connection, firsts.contact_first, self._now())
            urges_first = None if firsts.urge_first is None else local_day(firsts.urge_first)
            inputs = ReviewInputs(today=today, span=span, clocks=clocks, urges_first=urges_first)
            if span is None:
                return inputs
            urges = _UrgeCounts(connection, urge_span(span, urges_first), firsts)
            start, end = day_bounds(span.first, span.last)
            return ReviewInputs(
                today=today,
                span=span,
                clocks=clocks,
                urges_first=urges_first,
                urge_days=urges.days(),
                hour_cells=urges.hours(),
                trigger_tallies=urges.triggers(),
                did_instead=urges.did_instead(),
                check_ins_first=firsts.check_in,
                check_ins=_check_ins(connection, span),
                promises_first=firsts.promise,
                promise_days=_promise_days(connection, span),
                hunches=_hunches(connection, start, end),
                urge_checks=urges.checks(),
            )


def _rows(connection: Connection, statement: Any) -> Sequence[Any]:
    return connection.execute(statement).all()


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group meet the condition (0, never NULL, when none does)."""
    return func.count(case((condition, 1)))


def _clock_histories(
    connection: Connection, contact_first: datetime | None, now: datetime
) -> tuple[ClockHistory, ...]:
    """Every clock, archived ones too: their history is part of the person's."""
    clocks = _rows(
        connection,
        sqlalchemy.select(
            col(Clock.id), col(Clock.name), col(Clock.since), col(Clock.archived_at)
        ).order_by(col(Clock.id)),
    )
    reach_outs: dict[int, set[date]] = {}
    if contact_first is not None:
        at = col(ContactEvent.at)
        offsets = offsets_between(min(contact_first, now), max(contact_first, now))
        day, by_day = grouped(local_day_sql(at, offsets), "local_day")
        for clock_id, number in _rows(
            connection,
            sqlalchemy.select(col(ContactEvent.clock_id), day)
            .where(col(ContactEvent.kind) == ContactKind.ME.value)
            .group_by(col(ContactEvent.clock_id), by_day),
        ):
            reach_outs.setdefault(clock_id, set()).add(day_of_number(number))
    return tuple(
        ClockHistory(
            clock_id, name, since, archived_at is not None, frozenset(reach_outs.get(clock_id, ()))
        )
        for clock_id, name, since, archived_at in clocks
    )


class _UrgeCounts:
    """The urge queries of one range. When the range holds every urge there is, the WHERE
    is left out: a plain scan is faster than walking the index to the same rows."""

    def __init__(
        self, connection: Connection, span: DayRange | None, firsts: JournalFirsts
    ) -> None:
        self.connection = connection
        self.span = span
        self.at = col(Urge.at)
        self.where: list[ColumnElement[bool]] = []
        if span is None or firsts.urge_first is None or firsts.urge_last is None:
            return
        self.start, self.end = day_bounds(span.first, span.last)
        if not (self.start <= firsts.urge_first and firsts.urge_last < self.end):
            self.where = [self.at >= self.start, self.at < self.end]
        # The offsets of the urges' own moments: a range reaching past them needs no more.
        self.offsets = offsets_between(
            max(self.start, firsts.urge_first), min(self.end, firsts.urge_last)
        )

    def days(self) -> tuple[UrgeDayTally, ...]:
        if self.span is None:
            return ()
        day, by_day = grouped(local_day_sql(self.at, self.offsets), "local_day")
        intensity, outcome = col(Urge.intensity), col(Urge.outcome)
        statement = (
            sqlalchemy.select(
                day,
                func.count(),
                func.count(intensity),
                func.coalesce(func.sum(intensity), 0),
                func.count(outcome),
                _count_where(outcome == UrgeOutcome.PASSED.value),
            )
            .where(*self.where)
            .group_by(by_day)
        )
        return tuple(
            UrgeDayTally(day_of_number(number), *counts)
            for number, *counts in _rows(self.connection, statement)
        )

    def hours(self) -> tuple[HourCell, ...]:
        if self.span is None:
            return ()
        cell, by_cell = grouped(hour_of_week_sql(self.at, self.offsets), "hour_of_week")
        statement = sqlalchemy.select(cell, func.count()).where(*self.where).group_by(by_cell)
        return tuple(
            HourCell(*weekday_hour(hour), count)
            for hour, count in _rows(self.connection, statement)
        )

    def triggers(self) -> tuple[TriggerTally, ...]:
        """Per trigger, the urges of the first and of the last third that carried it. Two
        plain counts by trigger id beat one query with an OR and CASEs by half."""
        cut = thirds(self.span)
        if cut is None:
            return ()
        link = col(UrgeTriggerLink.trigger_id)
        counts: list[dict[int, int]] = []
        for period in cut:
            start, end = day_bounds(period.first, period.last)
            statement = (
                sqlalchemy.select(link, func.count())
                .select_from(Urge)
                .join(UrgeTriggerLink, col(UrgeTriggerLink.urge_id) == col(Urge.id))
                .where(self.at >= start, self.at < end)
                .group_by(link)
            )
            counts.append(dict(_rows(self.connection, statement)))
        then, now = counts
        names = _rows(self.connection, sqlalchemy.select(col(Trigger.id), col(Trigger.name)))
        return tuple(
            TriggerTally(name, then.get(trigger_id, 0), now.get(trigger_id, 0))
            for trigger_id, name in names
            if trigger_id in then or trigger_id in now
        )

    def did_instead(self) -> tuple[InsteadTally, ...]:
        if self.span is None:
            return ()
        text, outcome = col(Urge.did_instead), col(Urge.outcome)
        statement = (
            sqlalchemy.select(
                text,
                func.count(),
                func.count(outcome),
                _count_where(outcome == UrgeOutcome.PASSED.value),
            )
            .where(*self.where, text != "")
            .group_by(text)
        )
        return tuple(InsteadTally(*row) for row in _rows(self.connection, statement))

    def checks(self) -> tuple[UrgeCheckTally, ...]:
        """The urges' own predictions, counted by how they turned out."""
        if self.span is None:
            return ()
        reach_out, outcome = col(Urge.predicted_reach_out), col(Urge.outcome)
        predicted, lasted = col(Urge.predicted_minutes), col(Urge.minutes)
        shorter, by_shorter = grouped(
            case(
                (or_(predicted.is_(None), lasted.is_(None)), None),
                (predicted > lasted, 1),
                else_=0,
            ),
            "shorter",
        )
        statement = (
            sqlalchemy.select(reach_out, outcome, shorter, func.count())
            .where(*self.where, or_(reach_out.is_not(None), predicted.is_not(None)))
            .group_by(reach_out, outcome, by_shorter)
        )
        return tuple(
            UrgeCheckTally(
                UrgeCheck(
                    None if reach is None else bool(reach),
                    None if result is None else UrgeOutcome(result),
                    None if less is None else bool(less),
                ),
                count,
            )
            for reach, result, less, count in _rows(self.connection, statement)
        )


def _check_ins(connection: Connection, span: DayRange) -> tuple[CheckInMark, ...]:
    day = col(CheckIn.day)
    statement = (
        # The day as stored text: date.fromisoformat reads it several times faster than
        # SQLAlchemy's Date type, and this is the one query that returns a row per day.
        sqlalchemy.select(type_coerce(day, String), col(CheckIn.mood), col(CheckIn.pull))
        .where(day >= span.first, day <= span.last)
        .order_by(day)
    )
    return tuple(
        CheckInMark(date.fromisoformat(text), mood, pull)
        for text, mood, pull in _rows(connection, statement)
    )


def _promise_days(connection: Connection, span: DayRange) -> tuple[PromiseDayTally, ...]:
    day, outcome = col(Promise.day), col(Promise.outcome)

    statement = (
        sqlalchemy.select(
            type_coerce(day, String),  # as text, read by date.fromisoformat (see _check_ins)
            _count_where(outcome == PromiseOutcome.KEPT.value),
            _count_where(outcome == PromiseOutcome.NOT_KEPT.value),
            _count_where(outcome == PromiseOutcome.LET_GO.value),
            _count_where(outcome.is_(None)),
        )
        .where(day >= span.first, day <= span.last)
        .group_by(day)
    )
    return tuple(
        PromiseDayTally(date.fromisoformat(text), *counts)
        for text, *counts in _rows(connection, statement)
    )


def _hunches(connection: Connection, start: datetime, end: datetime) -> tuple[HunchTally, ...]:
    """Instincts and predictions checked on a day of the range."""
    kind, fearful, outcome = col(Hunch.kind), col(Hunch.fearful), col(Hunch.outcome)
    checked = col(Hunch.checked_at)
    statement = (
        sqlalchemy.select(kind, fearful, outcome, func.count())
        .where(outcome.is_not(None), checked >= start, checked < end)
        .group_by(kind, fearful, outcome)
    )
    return tuple(
        HunchTally(HunchMark(HunchKind(k), bool(f), CheckOutcome(o)), count)
        for k, f, o, count in _rows(connection, statement)
    )
