"""Check-ins and promises in a review: mood and pull day by day, promises kept week by week.

A day without a check-in is a gap (None), never a zero: a missing day says nothing about
how the day went. An answer skipped in a check-in is a gap too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from recovery_app.domain.review_range import DayRange, within


@dataclass(frozen=True)
class CheckInMark:
    day: date
    mood: int | None
    pull: int | None


@dataclass(frozen=True)
class CheckInDay:
    day: date
    checked_in: bool
    mood: int | None  # None: no check-in that day, or the question skipped
    pull: int | None


def check_in_days(marks: Iterable[CheckInMark], span: DayRange | None) -> list[CheckInDay]:
    """Every day of the range, oldest first; empty when no check-in falls in it."""
    if span is None:
        return []
    by_day = {m.day: m for m in marks if m.day in span}
    if not by_day:
        return []
    found = []
    for day in span.each_day():
        mark = by_day.get(day)
        if mark is None:
            found.append(CheckInDay(day, False, None, None))
        else:
            found.append(CheckInDay(day, True, mark.mood, mark.pull))
    return found


@dataclass(frozen=True)
class CheckInPeriod:
    first: date
    last: date
    days_checked_in: int
    moods: int  # check-ins that answered the mood question
    mood_sum: int
    pulls: int
    pull_sum: int

    @property
    def mean_mood(self) -> float | None:
        return self.mood_sum / self.moods if self.moods else None

    @property
    def mean_pull(self) -> float | None:
        return self.pull_sum / self.pulls if self.pulls else None


def check_in_periods(
    marks: Iterable[CheckInMark], periods: Sequence[DayRange]
) -> list[CheckInPeriod]:
    """Per period, the check-ins and the mean mood and pull of those that answered."""
    ordered = sorted(marks, key=lambda m: m.day)
    days = [m.day for m in ordered]
    found = []
    for period in periods:
        part = ordered[within(days, period)]
        moods = [m.mood for m in part if m.mood is not None]
        pulls = [m.pull for m in part if m.pull is not None]
        found.append(
            CheckInPeriod(
                period.first,
                period.last,
                days_checked_in=len(part),
                moods=len(moods),
                mood_sum=sum(moods),
                pulls=len(pulls),
                pull_sum=sum(pulls),
            )
        )
    return found


# ----- promises ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromiseDayTally:
    """The promises for one day, by how they went (from SQL's GROUP BY day)."""

    day: date
    kept: int = 0
    not_kept: int = 0
    let_go: int = 0  # a choice, counted neither way
    open: int = 0  # not marked yet


@dataclass(frozen=True)
class PromisePeriod:
    first: date
    last: date
    kept: int
    not_kept: int
    let_go: int
    open: int

    @property
    def decided(self) -> int:
        return self.kept + self.not_kept

    @property
    def share_kept(self) -> float | None:
        """Of the promises marked kept or not kept; None when none was."""
        return self.kept / self.decided if self.decided else None


def promise_periods(
    tallies: Iterable[PromiseDayTally], periods: Sequence[DayRange]
) -> list[PromisePeriod]:
    ordered = sorted(tallies, key=lambda t: t.day)
    days = [t.day for t in ordered]
    found = []
    for period in periods:
        part = ordered[within(days, period)]
        found.append(
            PromisePeriod(
                period.first,
                period.last,
                kept=sum(t.kept for t in part),
                not_kept=sum(t.not_kept for t in part),
                let_go=sum(t.let_go for t in part),
                open=sum(t.open for t in part),
            )
        )
    return found
