"""Urges in a review: per week, by weekday and hour, triggers then and now, what helped.

The inputs are tallies, not urges: the service counts in SQL (one row per local day, per
weekday and hour, per trigger, per "what I did instead"), so a review of ten years reads a
few thousand rows, not fifty thousand. `tally_urge_days` is the same count made in Python,
for tests and for anyone holding the urges already.

A mean or a share with nothing to divide is None, never 0: a week with no rated urge has no
mean intensity, and one with no outcome noted has no share that passed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from recovery_app.domain.review_range import DayRange, DayTotals
from recovery_app.domain.urges import UrgeMark, UrgeOutcome

TOP_TRIGGERS = 5


@dataclass(frozen=True)
class UrgeDayTally:
    """The urges of one local day."""

    day: date
    count: int
    rated: int = 0  # with an intensity
    intensity_sum: int = 0
    decided: int = 0  # with an outcome noted
    passed: int = 0


def tally_urge_days(urges: Iterable[UrgeMark]) -> list[UrgeDayTally]:
    """One tally per day that has urges, oldest first."""
    days: dict[date, list[int]] = {}
    for urge in urges:
        tally = days.setdefault(urge.day, [0, 0, 0, 0, 0])
        tally[0] += 1
        if urge.intensity is not None:
            tally[1] += 1
            tally[2] += urge.intensity
        if urge.outcome is not None:
            tally[3] += 1
            tally[4] += urge.outcome is UrgeOutcome.PASSED
    return [UrgeDayTally(day, *counts) for day, counts in sorted(days.items())]


@dataclass(frozen=True)
class UrgePeriod:
    first: date
    last: date
    count: int
    rated: int
    intensity_sum: int
    decided: int
    passed: int

    @property
    def mean_intensity(self) -> float | None:
        return self.intensity_sum / self.rated if self.rated else None

    @property
    def share_passed(self) -> float | None:
        """Of the urges whose outcome was noted."""
        return self.passed / self.decided if self.decided else None


class UrgeTotals:
    """The day tallies made ready to add up over any periods, each in O(log n)."""

    def __init__(self, tallies: Iterable[UrgeDayTally]) -> None:
        self._totals = DayTotals(
            ((t.day, (t.count, t.rated, t.intensity_sum, t.decided, t.passed)) for t in tallies),
            5,
        )

    def periods(self, periods: Sequence[DayRange]) -> list[UrgePeriod]:
        """The urges of each period (in the order given); a day outside every period is not
        counted, and a day in two overlapping periods counts in both."""
        return [UrgePeriod(p.first, p.last, *self._totals.over(p)) for p in periods]


def urge_periods(tallies: Iterable[UrgeDayTally], periods: Sequence[DayRange]) -> list[UrgePeriod]:
    return UrgeTotals(tallies).periods(periods)


# ----- when they come ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HourCell:
    weekday: int  # 0 is Monday, as date.weekday()
    hour: int  # 0 to 23, local time
    count: int


WeekdayHourGrid = tuple[tuple[int, ...], ...]


def weekday_hour_grid(cells: Iterable[HourCell]) -> WeekdayHourGrid:
    """Seven rows (Monday first) of 24 counts; empty when there are no urges at all, so a
    grid of zeros is never drawn for a range with nothing in it."""
    grid = [[0] * 24 for _ in range(7)]
    total = 0
    for cell in cells:
        if not (0 <= cell.weekday < 7 and 0 <= cell.hour < 24):
            raise ValueError("a weekday goes from 0 to 6 and an hour from 0 to 23")
        grid[cell.weekday][cell.hour] += cell.count
        total += cell.count
    return tuple(tuple(row) for row in grid) if total else ()


# ----- triggers then and now --------------------------------------------------------------------


@dataclass(frozen=True)
class TriggerTally:
    """How many urges in the first (`then`) and the last (`now`) third carried a trigger."""

    name: str
    then: int
    now: int


@dataclass(frozen=True)
class TriggerChange:
    name: str
    then: int
    now: int

    @property
    def change(self) -> int:
        return self.now - self.then


@dataclass(frozen=True)
class TriggersThenAndNow:
    then: DayRange
    now: DayRange
    then_urges: int  # every urge of the first third, with a trigger or not
    now_urges: int
    triggers: tuple[TriggerChange, ...]  # the top ones of either third, most frequent now first


def triggers_then_and_now(
    tallies: Iterable[TriggerTally],
    then: DayRange,
    now: DayRange,
    *,
    then_urges: int,
    now_urges: int,
    top: int = TOP_TRIGGERS,
) -> TriggersThenAndNow:
    """The `top` triggers of the first third and of the last, together, with the change."""
    counted = [t for t in tallies if t.then or t.now]
    by_then = sorted(counted, key=lambda t: (-t.then, t.name.casefold()))[:top]
    by_now = sorted(counted, key=lambda t: (-t.now, t.name.casefold()))[:top]
    picked = {t.name: t for t in [*by_then, *by_now] if t.then or t.now}
    changes = sorted(
        (TriggerChange(t.name, t.then, t.now) for t in picked.values()),
        key=lambda c: (-c.now, -c.then, c.name.casefold()),
    )
    return TriggersThenAndNow(then, now, then_urges, now_urges, tuple(changes))


# ----- what I did instead -----------------------------------------------------------------------


@dataclass(frozen=True)
class InsteadTally:
    """Urges with the same "what I did instead" words."""

    text: str
    count: int
    decided: int  # with an outcome noted
    passed: int


@dataclass(frozen=True)
class InsteadRank:
    text: str
    count: int
    decided: int
    passed: int

    @property
    def share_passed(self) -> float | None:
        return self.passed / self.decided if self.decided else None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def rank_did_instead(tallies: Iterable[InsteadTally]) -> list[InsteadRank]:
    """What I did instead, the same words in any case or spacing counted together, ranked
    by how often the urge passed after it, then by the share that passed, then by how often
    it was tried. Each is shown in the spelling used most."""
    groups: dict[str, list[InsteadTally]] = {}
    for tally in tallies:
        if _key(tally.text):
            groups.setdefault(_key(tally.text), []).append(tally)
    ranks = []
    for group in groups.values():
        shown = max(group, key=lambda t: (t.count, t.text)).text.strip()
        ranks.append(
            InsteadRank(
                " ".join(shown.split()),
                count=sum(t.count for t in group),
                decided=sum(t.decided for t in group),
                passed=sum(t.passed for t in group),
            )
        )
    return sorted(
        ranks,
        key=lambda r: (-r.passed, -(r.share_passed or 0.0), -r.count, r.text.casefold()),
    )
