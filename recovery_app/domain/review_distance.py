"""Each clock in a review: its stretches, the milestones reached, and the days of distance.

Days of distance are counted the way Loop Habit Tracker's users asked for counts: a day
with "I reached out" costs that one day, never the days before it, and "they reached out"
or "unavoidable" contact costs nothing. So a week reads "6 of 7 days", not a score.

Which days count (the same rule as domain/stretches.py, where a stretch started today is 0
days long): the days of the clock from its start up to yesterday. Today is still going on,
so it is not counted yet. A day is a day of distance unless "I reached out" was logged on
it (a contact dated before the start counts on the start day, one after today on today,
as in stretches.py). So the distance days of a clock's whole history are its `total_days`
less the days "I reached out" was logged: stretches.py counts the day of reaching out as
the first day of the new stretch, while here it is the one day that the contact cost.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.domain.milestones import milestones_reached, reached_on
from recovery_app.domain.review_range import DayRange, months_of, weeks_of
from recovery_app.domain.stretches import (
    Contact,
    ContactKind,
    StretchFigures,
    stretch_figures,
    stretches,
)


@dataclass(frozen=True)
class ClockHistory:
    """What a clock's review needs: its start and the local days "I reached out" was logged
    (every day, not only those in the range: the stretches run across the range's ends)."""

    clock_id: int
    name: str
    since: date
    archived: bool
    reach_out_days: frozenset[date]


@dataclass(frozen=True)
class StretchSpan:
    since: date
    until: date  # the day it ended (the next one began), or today for the running one
    days: int
    running: bool


@dataclass(frozen=True)
class MilestoneReached:
    days: int
    stretch_since: date
    reached_on: date


@dataclass(frozen=True)
class DistancePeriod:
    """One week or month: of the `counted_days` the clock was running, `distance_days` had
    no "I reached out"."""

    first: date
    last: date
    distance_days: int
    counted_days: int

    @property
    def share(self) -> float | None:
        """None when no day of the period counts (before the start, or only today)."""
        return self.distance_days / self.counted_days if self.counted_days else None


@dataclass(frozen=True)
class ClockReview:
    clock_id: int
    name: str
    archived: bool
    since: date
    figures: StretchFigures  # current, longest and total as of today, the whole history
    stretches: tuple[StretchSpan, ...]  # those that overlap the range, oldest first
    milestones: tuple[MilestoneReached, ...]  # reached on a day in the range, oldest first
    # Every milestone the clock's stretches have reached up to today, whatever the range: a
    # milestone acknowledged on Today can always be found again in the review.
    all_milestones: tuple[MilestoneReached, ...]
    distance_days: int  # in the range
    counted_days: int  # in the range
    weeks: tuple[DistancePeriod, ...]
    months: tuple[DistancePeriod, ...]


def _contacts(history: ClockHistory) -> list[Contact]:
    return [Contact(day, ContactKind.ME) for day in history.reach_out_days]


def clock_stretches(history: ClockHistory, today: date) -> list[StretchSpan]:
    """Every stretch of the clock, oldest first, with the day each ended."""
    cut = stretches(history.since, _contacts(history), today)
    return [
        StretchSpan(s.since, s.since + timedelta(days=s.days), s.days, index == len(cut) - 1)
        for index, s in enumerate(cut)
    ]


def _reach_out_days_counted(history: ClockHistory, today: date) -> set[date]:
    """The reach-out days as stretches.py places them (clipped to the start and today)."""
    start, end = history.since, max(today, history.since)
    return {min(max(day, start), end) for day in history.reach_out_days}


def distance_periods(
    history: ClockHistory, periods: Sequence[DayRange], today: date
) -> list[DistancePeriod]:
    """Days of distance in each period; a period wholly outside the clock's days counts 0
    of 0 (its share is None, never 0)."""
    reached_out = sorted(_reach_out_days_counted(history, today))
    since, yesterday = history.since, today - timedelta(days=1)
    found = []
    for period in periods:
        first, last = max(period.first, since), min(period.last, yesterday)
        if first > last:
            found.append(DistancePeriod(period.first, period.last, 0, 0))
            continue
        costs = bisect.bisect_right(reached_out, last) - bisect.bisect_left(reached_out, first)
        counted = (last - first).days + 1
        found.append(DistancePeriod(period.first, period.last, counted - costs, counted))
    return found


def review_clock(history: ClockHistory, span: DayRange | None, today: date) -> ClockReview:
    """One clock over the range; with no range (nothing in it), only the whole-history
    figures, and every list empty."""
    figures = stretch_figures(history.since, _contacts(history), today)
    all_stretches = clock_stretches(history, today)
    every_milestone = sorted(
        (
            MilestoneReached(days, s.since, reached_on(s.since, days))
            for s in all_stretches
            for days in milestones_reached(s.days)
        ),
        key=lambda m: (m.reached_on, m.days),
    )
    if span is None:
        in_range: list[StretchSpan] = []
        reached: list[MilestoneReached] = []
        weeks: list[DistancePeriod] = []
        months: list[DistancePeriod] = []
        total = DistancePeriod(today, today, 0, 0)
    else:
        in_range = [s for s in all_stretches if s.since <= span.last and s.until >= span.first]
        reached = [m for m in every_milestone if m.reached_on in span]
        weeks = distance_periods(history, weeks_of(span), today)
        months = distance_periods(history, months_of(span), today)
        (total,) = distance_periods(history, [span], today)
    return ClockReview(
        clock_id=history.clock_id,
        name=history.name,
        archived=history.archived,
        since=history.since,
        figures=figures,
        stretches=tuple(in_range),
        milestones=tuple(reached),
        all_milestones=tuple(every_milestone),
        distance_days=total.distance_days,
        counted_days=total.counted_days,
        weeks=tuple(weeks),
        months=tuple(months),
    )


def review_clocks(
    histories: Iterable[ClockHistory], span: DayRange | None, today: date
) -> tuple[ClockReview, ...]:
    return tuple(review_clock(h, span, today) for h in histories)
