"""Check-ins and promises in a review: mood and pull day by day, promises kept week by week.

A day without a check-in is a gap (None), never a zero: a missing day says nothing about
how the day went. An answer skipped in a check-in is a gap too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.domain.review_range import DayRange, DayTotals


@dataclass(frozen=True)
class CheckInMark:
    day: date
    mood: int | None
    pull: int | None


@dataclass(frozen=True)
class CheckInSeries:
    """Mood and pull day by day from `first`, one entry per day: ten years are three short
    tuples, not 3,650 records. A day without a check-in, or a question skipped, is None."""

    first: date
    checked_in: tuple[bool, ...]
    moods: tuple[int | None, ...]
    pulls: tuple[int | None, ...]

    def __len__(self) -> int:
        return len(self.checked_in)

    @property
    def last(self) -> date:
        return self.first + timedelta(days=len(self) - 1)

    def day(self, index: int) -> date:
        return self.first + timedelta(days=index)


def check_in_series(marks: Iterable[CheckInMark], span: DayRange | None) -> CheckInSeries | None:
    """Every day of the range, oldest first; None when no check-in falls in it."""
    if span is None:
        return None
    by_offset = {(m.day - span.first).days: m for m in marks if m.day in span}
    if not by_offset:
        return None
    days = range(span.days)
    found = [by_offset.get(offset) for offset in days]
    return CheckInSeries(
        span.first,
        checked_in=tuple(mark is not None for mark in found),
        moods=tuple(None if mark is None else mark.mood for mark in found),
        pulls=tuple(None if mark is None else mark.pull for mark in found),
    )


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


class CheckInTotals:
    """The check-ins made ready to add up over any periods."""

    def __init__(self, marks: Iterable[CheckInMark]) -> None:
        self._totals = DayTotals(
            (
                (m.day, (1, m.mood is not None, m.mood or 0, m.pull is not None, m.pull or 0))
                for m in marks
            ),
            5,
        )

    def periods(self, periods: Sequence[DayRange]) -> list[CheckInPeriod]:
        """Per period, the check-ins and the mean mood and pull of those that answered."""
        return [CheckInPeriod(p.first, p.last, *self._totals.over(p)) for p in periods]


def check_in_periods(
    marks: Iterable[CheckInMark], periods: Sequence[DayRange]
) -> list[CheckInPeriod]:
    return CheckInTotals(marks).periods(periods)


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
    totals = DayTotals(((t.day, (t.kept, t.not_kept, t.let_go, t.open)) for t in tallies), 4)
    return [PromisePeriod(p.first, p.last, *totals.over(p)) for p in periods]
