"""Marked dates in a review: the pull and the urges in the days around each, beside the
person's usual level.

For each date a marked day fell on within the review's range (up to today), the window is
the seven days either side of it and the day itself. Beside it, the usual level: the same
measures over the range's days outside every window, so a hard week never raises its own
baseline. A day before the first urge was noted counts for no urges (nothing was being
noted then), and a day without a check-in is a gap, never a pull of zero. Nothing is
claimed beyond the counts: a window with no check-in has no pull, not a low one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from recovery_app.domain.hard_dates import MarkedDay
from recovery_app.domain.marked_dates import occurrences
from recovery_app.domain.review_days import CheckInMark
from recovery_app.domain.review_range import DayRange
from recovery_app.domain.review_urges import UrgeDayTally

AROUND_DAYS = 7  # either side of the marked day
Key = TypeVar("Key")


@dataclass(frozen=True)
class Level:
    """Pull and urges over some days."""

    pull_days: int  # check-ins that rated the pull
    pull: float | None  # their mean pull, 0 to 10; None: no check-in rated it
    urge_days: int  # days on which urges were being noted
    urges: int
    rated_urges: int
    intensity_sum: int

    @property
    def urges_per_week(self) -> float | None:
        return None if self.urge_days == 0 else 7 * self.urges / self.urge_days

    @property
    def intensity(self) -> float | None:
        return None if self.rated_urges == 0 else self.intensity_sum / self.rated_urges


@dataclass(frozen=True)
class AroundMarkedDay(Generic[Key]):
    key: Key  # the marked date it belongs to
    name: str  # the person's own name for the day
    day: date  # the date it fell on this time
    first: date  # the window: from `day` minus 7 days ...
    last: date  # ... to `day` plus 7 days, never past today
    level: Level


@dataclass(frozen=True)
class MarkedDaysInRange(Generic[Key]):
    span: DayRange
    days: tuple[AroundMarkedDay[Key], ...]  # oldest first
    usual: Level  # the range outside every window


@dataclass(frozen=True)
class MarkedForReview(Generic[Key]):
    key: Key
    name: str
    mark: MarkedDay


class _Counts:
    """Pull and urges by day, summed over any set of days."""

    def __init__(
        self,
        check_ins: Iterable[CheckInMark],
        urge_days: Iterable[UrgeDayTally],
        urges_first: date | None,
    ) -> None:
        self.pulls = {m.day: m.pull for m in check_ins if m.pull is not None}
        self.urges = {t.day: t for t in urge_days}
        self.urges_first = urges_first

    def level(self, days: Iterable[date]) -> Level:
        pulls: list[int] = []
        urge_days = urges = rated = intensity = 0
        for day in days:
            pull = self.pulls.get(day)
            if pull is not None:
                pulls.append(pull)
            if self.urges_first is None or day < self.urges_first:
                continue
            urge_days += 1
            tally = self.urges.get(day)
            if tally is not None:
                urges += tally.count
                rated += tally.rated
                intensity += tally.intensity_sum
        pull_mean = sum(pulls) / len(pulls) if pulls else None
        return Level(len(pulls), pull_mean, urge_days, urges, rated, intensity)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def around_marked_days(
    marked: Sequence[MarkedForReview[Key]],
    span: DayRange,
    today: date,
    *,
    check_ins: Iterable[CheckInMark],
    urge_days: Iterable[UrgeDayTally],
    urges_first: date | None,
) -> MarkedDaysInRange[Key]:
    """Each date a marked day fell on in `span` (up to today), with the pull and urges in
    the seven days either side, and the usual level over the rest of `span`.

    `check_ins` and `urge_days` must cover `span` widened by seven days each way: a window
    around a date at the edge of the range reaches outside it."""
    counts = _Counts(check_ins, urge_days, urges_first)
    last_seen = min(span.last, today)
    found: list[AroundMarkedDay[Key]] = []
    in_windows: set[date] = set()
    if span.first <= last_seen:
        for item in marked:
            for day in occurrences(item.mark, span.first, last_seen):
                first = day - timedelta(days=AROUND_DAYS)
                last = min(day + timedelta(days=AROUND_DAYS), today)
                window = _days(first, last)
                in_windows.update(window)
                found.append(
                    AroundMarkedDay(item.key, item.name, day, first, last, counts.level(window))
                )
    found.sort(key=lambda around: around.day)
    outside = (
        [d for d in _days(span.first, last_seen) if d not in in_windows]
        if span.first <= last_seen
        else []
    )
    return MarkedDaysInRange(span, tuple(found), counts.level(outside))
