"""The milestone review: every number the Review screen and the report show, for one range.

`build_review` is pure: it takes what the service counted (`ReviewInputs`, tallies made by
SQL, a few thousand rows for ten years) and returns one frozen `Review`. The numbers are
counts and shares of days, urges and promises, never a score or grade of the person.

Each section starts no earlier than its own first entry and is empty when nothing of it
falls in the range (the screen then says "Not enough yet"). Inside a section, a week with
no urges counts 0 urges (true: none were noted), but a mean or share with nothing behind it
is None, and a day without a check-in is a gap, never a 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from recovery_app.domain.instincts import (
    HunchFigures,
    HunchTally,
    UrgeCheckTally,
    counted_hunch_figures,
)
from recovery_app.domain.review_days import (
    CheckInMark,
    CheckInPeriod,
    CheckInSeries,
    CheckInTotals,
    PromiseDayTally,
    PromisePeriod,
    check_in_series,
    promise_periods,
)
from recovery_app.domain.review_distance import ClockHistory, ClockReview, review_clocks
from recovery_app.domain.review_range import DayRange, months_of, series_span, thirds, weeks_of
from recovery_app.domain.review_urges import (
    HourCell,
    InsteadRank,
    InsteadTally,
    TriggersThenAndNow,
    TriggerTally,
    UrgeDayTally,
    UrgePeriod,
    UrgeTotals,
    WeekdayHourGrid,
    rank_did_instead,
    triggers_then_and_now,
    weekday_hour_grid,
)


class PeriodUnit(StrEnum):
    """The length "then" and "now" are compared over: rolling, so both are equally long."""

    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def days(self) -> int:
        return {"week": 7, "month": 30, "year": 365}[self.value]


def comparison_unit(span_days: int) -> PeriodUnit | None:
    """Weeks for a few weeks, months up to two years, years beyond; None under two weeks."""
    if span_days < 14:
        return None
    if span_days < 60:
        return PeriodUnit.WEEK
    if span_days < 730:
        return PeriodUnit.MONTH
    return PeriodUnit.YEAR


@dataclass(frozen=True)
class ThenAndNowFigures:
    """The first and the last `unit` of the urges' part of the range (and the one before the
    last, when there are three or more), for the sentences at the top of the review."""

    unit: PeriodUnit
    units: int  # whole units in the range
    from_start: bool  # the range begins with the first urge ever noted
    first: UrgePeriod
    before_last: UrgePeriod | None
    last: UrgePeriod
    first_pull: CheckInPeriod
    last_pull: CheckInPeriod


@dataclass(frozen=True)
class ReviewInputs:
    """What the service counted for one range. The urge tallies cover `urge_span(span,
    urges_first)`, the trigger tallies its `thirds`, the rest the range itself."""

    today: date
    span: DayRange | None
    clocks: tuple[ClockHistory, ...] = ()
    urges_first: date | None = None  # the first urge ever noted
    urge_days: tuple[UrgeDayTally, ...] = ()
    hour_cells: tuple[HourCell, ...] = ()
    trigger_tallies: tuple[TriggerTally, ...] = ()
    did_instead: tuple[InsteadTally, ...] = ()
    check_ins_first: date | None = None
    check_ins: tuple[CheckInMark, ...] = ()
    promises_first: date | None = None
    promise_days: tuple[PromiseDayTally, ...] = ()
    hunches: tuple[HunchTally, ...] = ()  # checked on a day in the range
    urge_checks: tuple[UrgeCheckTally, ...] = ()  # urges of the range with a prediction


@dataclass(frozen=True)
class Review:
    span: DayRange | None  # None: nothing in the journal falls in the range
    today: date
    clocks: tuple[ClockReview, ...]
    urges: UrgePeriod | None  # all urges of the range together
    urge_weeks: tuple[UrgePeriod, ...]
    urge_months: tuple[UrgePeriod, ...]  # the same urges by calendar month, for long ranges
    weekday_hour: WeekdayHourGrid  # 7 x 24 counts, or empty
    triggers: TriggersThenAndNow | None
    did_instead: tuple[InsteadRank, ...]
    check_ins: CheckInSeries | None  # mood and pull per day, gaps as None
    check_in_weeks: tuple[CheckInPeriod, ...]
    check_in_months: tuple[CheckInPeriod, ...]
    promise_weeks: tuple[PromisePeriod, ...]
    promise_months: tuple[PromisePeriod, ...]
    self_trust: HunchFigures
    then_and_now: ThenAndNowFigures | None


def urge_span(span: DayRange | None, urges_first: date | None) -> DayRange | None:
    return series_span(span, urges_first)


def _rolling(span: DayRange, unit: PeriodUnit, back: int) -> DayRange:
    """The `unit` that ends `back` units before the range's last day (0: the last one)."""
    last = span.last - timedelta(days=back * unit.days)
    return DayRange(last - timedelta(days=unit.days - 1), last)


def then_and_now_figures(
    part: DayRange | None,
    urges_first: date | None,
    urges: UrgeTotals,
    check_ins: CheckInTotals,
) -> ThenAndNowFigures | None:
    """`part`: the urges' part of the range, with at least one urge in it."""
    if part is None:
        return None
    unit = comparison_unit(part.days)
    if unit is None:
        return None
    units = part.days // unit.days
    first = DayRange(part.first, part.first + timedelta(days=unit.days - 1))
    last = _rolling(part, unit, 0)
    periods = [first, last] + ([_rolling(part, unit, 1)] if units >= 3 else [])
    counted = urges.periods(periods)
    pulls = check_ins.periods([first, last])
    return ThenAndNowFigures(
        unit=unit,
        units=units,
        from_start=part.first == urges_first,
        first=counted[0],
        before_last=counted[2] if units >= 3 else None,
        last=counted[1],
        first_pull=pulls[0],
        last_pull=pulls[1],
    )


_Dated = TypeVar("_Dated", UrgeDayTally, CheckInMark, PromiseDayTally)


def _inside(items: tuple[_Dated, ...], span: DayRange | None) -> tuple[_Dated, ...]:
    """What falls in the span: a service may hand over a little more than it needs."""
    if span is None:
        return ()
    first, last = span.first, span.last
    return tuple(item for item in items if first <= item.day <= last)


def build_review(inputs: ReviewInputs) -> Review:
    span, today = inputs.span, inputs.today
    urges_part = urge_span(span, inputs.urges_first)
    urge_days = _inside(inputs.urge_days, urges_part)
    has_urges = any(t.count for t in urge_days)
    urges = UrgeTotals(urge_days)
    urges_total = urges.periods([urges_part])[0] if urges_part and has_urges else None
    cut = thirds(urges_part)
    triggers = None
    if cut is not None and has_urges:
        then, now = urges.periods(cut)
        triggers = triggers_then_and_now(
            inputs.trigger_tallies, *cut, then_urges=then.count, now_urges=now.count
        )
    check_part = series_span(span, inputs.check_ins_first)
    check_ins = _inside(inputs.check_ins, check_part)
    check_in_totals = CheckInTotals(check_ins)
    promise_part = series_span(span, inputs.promises_first)
    promise_days = _inside(inputs.promise_days, promise_part)
    return Review(
        span=span,
        today=today,
        clocks=review_clocks(inputs.clocks, span, today),
        urges=urges_total,
        urge_weeks=tuple(urges.periods(weeks_of(urges_part))) if has_urges else (),
        urge_months=tuple(urges.periods(months_of(urges_part))) if has_urges else (),
        weekday_hour=weekday_hour_grid(inputs.hour_cells) if has_urges else (),
        triggers=triggers,
        did_instead=tuple(rank_did_instead(inputs.did_instead)) if has_urges else (),
        check_ins=check_in_series(check_ins, check_part),
        check_in_weeks=(tuple(check_in_totals.periods(weeks_of(check_part))) if check_ins else ()),
        check_in_months=(
            tuple(check_in_totals.periods(months_of(check_part))) if check_ins else ()
        ),
        promise_weeks=(
            tuple(promise_periods(promise_days, weeks_of(promise_part))) if promise_days else ()
        ),
        promise_months=(
            tuple(promise_periods(promise_days, months_of(promise_part))) if promise_days else ()
        ),
        self_trust=counted_hunch_figures(inputs.hunches, inputs.urge_checks),
        then_and_now=(
            then_and_now_figures(urges_part, inputs.urges_first, urges, check_in_totals)
            if has_urges
            else None
        ),
    )
