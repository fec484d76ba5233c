"""Days a person marks as hard, and what the journal can suggest marking.

A marked date is the person's own: a name in their words, a day of the year (every year, or
once), the clock it belongs to if any, how early Today should start to show it, and a short
plan for the day (their words, and what of the app's own help to open: ride the wave, my
reasons, people I can reach).

Suggestions come from the journal (the day a clock began, the windows the urge history
gathers in) and are never added without a yes. Each one is kept as a marked date or
dismissed for good; a suggestion for a day that is already marked is not made again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.hard_dates import WINDOW_HALF, Cluster, MarkedDay
from recovery_app.domain.kinds import HardDateNotice, PlanStep

NAME_MAX_CHARS = 200
PLAN_MAX_CHARS = 2000
EARLIEST_YEAR = 1900
LATEST_YEAR = 9998  # a day after it still fits in a `date`


@dataclass(frozen=True)
class HardDateDetails:
    """What the person tells about a day. `year` None: every year."""

    name: str
    month: int
    day: int
    year: int | None = None
    notice: HardDateNotice = HardDateNotice.TWO_WEEKS
    clock_id: int | None = None
    plan: str = ""
    steps: tuple[PlanStep, ...] = ()

    @property
    def mark(self) -> MarkedDay:
        return MarkedDay(self.month, self.day, self.year, self.notice)

    @property
    def every_year(self) -> bool:
        return self.year is None

    def validated(self) -> HardDateDetails:
        name = " ".join(self.name.split())
        if not name:
            raise InvalidInput("Please give the day a name. A word or two is enough.")
        if len(name) > NAME_MAX_CHARS:
            raise InvalidInput(f"A name fits in {NAME_MAX_CHARS} characters.")
        plan = self.plan.strip()
        if len(plan) > PLAN_MAX_CHARS:
            raise InvalidInput(f"A plan fits in {PLAN_MAX_CHARS:,} characters.")
        if self.year is not None and not EARLIEST_YEAR <= self.year <= LATEST_YEAR:
            raise InvalidInput("Please give a year from 1900 on.")
        try:
            MarkedDay(self.month, self.day, self.year, self.notice)
        except (ValueError, TypeError):
            raise InvalidInput("That day isn't in the calendar. Please check the date.") from None
        steps = tuple(step for step in PlanStep if step in set(self.steps))
        return HardDateDetails(
            name, self.month, self.day, self.year, self.notice, self.clock_id, plan, steps
        )


def parse_month_day(text: str) -> tuple[int, int, int | None]:
    """ "02-14" (every year) or "2027-02-14" (once), as (month, day, year or None)."""
    parts = text.strip().split("-")
    try:
        if len(parts) == 2 and all(len(p) == 2 for p in parts):
            month, day = int(parts[0]), int(parts[1])
            date(2000, month, day)  # a leap year: 02-29 is a yearly day too
            return month, day, None
        if len(parts) == 3 and len(parts[0]) == 4:
            when = date.fromisoformat(text.strip())
            return when.month, when.day, when.year
    except ValueError:
        pass
    raise InvalidInput("Please give the date as MM-DD (every year) or YYYY-MM-DD (once).")


def month_day_text(month: int, day: int, year: int | None = None) -> str:
    """ "02-14" or "2027-02-14": how the command line and JSON write a marked day."""
    return f"{month:02d}-{day:02d}" if year is None else f"{year:04d}-{month:02d}-{day:02d}"


def next_day(mark: MarkedDay, today: date) -> date | None:
    """The marked day's next date, today included; None once a day marked once has passed."""
    for year in (today.year, today.year + 1):
        day = mark.on_year(year)
        if day is not None and day >= today:
            return day
    return None


def occurrences(mark: MarkedDay, first: date, last: date) -> list[date]:
    """Every date of the marked day from `first` to `last`, both included, oldest first."""
    found = []
    for year in range(first.year, last.year + 1):
        day = mark.on_year(year)
        if day is not None and first <= day <= last:
            found.append(day)
    return found


# ----- suggestions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClockStart:
    """A clock's first day, as the journal holds it (`key` names it for dismissing)."""

    key: str
    clock_id: int
    name: str  # the person's own label for the clock
    since: date


@dataclass(frozen=True)
class ClusterSuggestion:
    key: str
    cluster: Cluster


@dataclass(frozen=True)
class ClockStartSuggestion:
    key: str
    start: ClockStart


def cluster_key(month: int, day: int) -> str:
    return f"cluster:{month:02d}-{day:02d}"


def _around(month: int, day: int, half: int) -> set[tuple[int, int]]:
    """The days of the year within `half` days of a month and day (in a leap year, so
    29 February has neighbours too)."""
    centre = date(2000, month, day)
    found = set()
    for offset in range(-half, half + 1):
        near = centre + timedelta(days=offset)
        found.add((near.month, near.day))
    return found


def _cluster_days(cluster: Cluster) -> set[tuple[int, int]]:
    """Every day a cluster's windows touch, from its first centre to its last (the year
    wrapping), three days either side."""
    (first_month, first_day), (last_month, last_day) = cluster.spread
    start = date(2000, first_month, first_day)
    end = date(
        2000 if (last_month, last_day) >= (first_month, first_day) else 2001, last_month, last_day
    )
    days: set[tuple[int, int]] = set()
    day = start
    while day <= end:
        days |= _around(day.month, day.day, WINDOW_HALF)
        day += timedelta(days=1)
    return days


def _dismissed_day(key: str) -> tuple[int, int] | None:
    if not key.startswith("cluster:"):
        return None
    try:
        month, day = (int(part) for part in key.removeprefix("cluster:").split("-"))
        date(2000, month, day)
    except ValueError:
        return None
    return month, day


def cluster_suggestions(
    clusters: Iterable[Cluster],
    marked: Iterable[HardDateDetails],
    dismissed: Iterable[str],
) -> tuple[ClusterSuggestion, ...]:
    """The clusters worth suggesting: none touching a day already marked (yearly) or a
    cluster dismissed before (a cluster may shift a day or two as the history grows)."""
    marked_days = {(m.month, m.day) for m in marked if m.every_year}
    dismissed_days = {d for key in dismissed if (d := _dismissed_day(key)) is not None}
    found = []
    for cluster in clusters:
        days = _cluster_days(cluster)
        if days & marked_days or days & dismissed_days:
            continue
        found.append(ClusterSuggestion(cluster_key(cluster.month, cluster.day), cluster))
    return tuple(found)


def clock_start_suggestions(
    starts: Iterable[ClockStart],
    marked: Sequence[HardDateDetails],
    dismissed: Iterable[str],
) -> tuple[ClockStartSuggestion, ...]:
    """Each clock's first day, unless it was dismissed or that day of the year is marked."""
    gone = set(dismissed)
    marked_days = {(m.month, m.day) for m in marked if m.every_year}
    return tuple(
        ClockStartSuggestion(start.key, start)
        for start in starts
        if start.key not in gone and (start.since.month, start.since.day) not in marked_days
    )
