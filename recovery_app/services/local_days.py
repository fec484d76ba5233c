"""Local calendar days, weekdays and hours in SQL, agreeing with `domain.stretches.local_day`.

Moments are stored as UTC text. SQLite's own 'localtime' modifier would give local days,
but it asks the C library for every row and costs about four times the whole GROUP BY on
fifty thousand urges. The offset from UTC is the same for months at a time, though, so
Python finds where it changes between two moments (the same `time.localtime` that
`datetime.astimezone()` uses, so the days agree with the rest of the app) and SQL adds the
offset that holds for each row: `unixepoch(at) + CASE WHEN at < :change THEN 3600 ... END`,
the CASE nested as a binary search, so ten years of summer time cost about five comparisons.
The sums are integers (unixepoch), because grouping by date() or strftime() text costs about
half as much again on fifty thousand urges.
"""

from __future__ import annotations

import time as time_module
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Label, case, func, literal, literal_column
from sqlalchemy.orm import Mapped

_DAY_SECONDS = 86_400


@dataclass(frozen=True)
class OffsetFrom:
    """From `start` (UTC) on, until the next one, local time is UTC plus `seconds`."""

    start: datetime
    seconds: int


def start_of_day(day: date) -> datetime:
    """The first moment of a local day, in UTC."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the first moment of `first` to the first moment after `last`, in UTC."""
    return start_of_day(first), start_of_day(last + timedelta(days=1))


def _offset(timestamp: int) -> int:
    return time_module.localtime(timestamp).tm_gmtoff


def offsets_between(start: datetime, end: datetime) -> tuple[OffsetFrom, ...]:
    """The local offsets in force from `start` to `end`, each with the moment it begins
    (the first one begins at `start`). Cached per local zone, and per day of the ends."""
    zone = (time_module.timezone, time_module.altzone, time_module.daylight, time_module.tzname)
    first = int(start.timestamp()) // _DAY_SECONDS * _DAY_SECONDS
    last = -(-int(end.timestamp()) // _DAY_SECONDS) * _DAY_SECONDS
    return _offsets(first, last, zone)


@lru_cache(maxsize=64)
def _offsets(first: int, last: int, zone: Any) -> tuple[OffsetFrom, ...]:
    found = [OffsetFrom(datetime.fromtimestamp(first, UTC), _offset(first))]
    step = _DAY_SECONDS // 4  # no place changes its offset twice within six hours
    moment = first
    while moment < last:
        after = min(moment + step, last)
        if _offset(after) != found[-1].seconds:
            low, high = moment, after  # the offset changes in (low, high]
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(middle) == found[-1].seconds:
                    low = middle
                else:
                    high = middle
            found.append(OffsetFrom(datetime.fromtimestamp(high, UTC), _offset(high)))
        moment = after
    return tuple(found)


# Seconds added before dividing, so that every moment since 1800 gives a positive number
# (SQLite's integer division truncates towards zero) and hour 0 of every 168 is a Monday
# 00:00 (1 January 1970 was a Thursday, three days after a Monday).
_SHIFT_DAYS = 7 * 10_000 + 3
_SHIFT_SECONDS = _SHIFT_DAYS * _DAY_SECONDS
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _local_seconds(column: Mapped[datetime], offsets: tuple[OffsetFrom, ...]) -> ColumnElement[int]:
    """Seconds since 1970 on the local clock (plus the shift), as an integer: unixepoch()
    and integer arithmetic group several times faster than date() and strftime() text."""

    def pick(low: int, high: int) -> ColumnElement[int]:
        if high - low == 1:
            return literal(offsets[low].seconds + _SHIFT_SECONDS)
        middle = (low + high) // 2
        return case((column < offsets[middle].start, pick(low, middle)), else_=pick(middle, high))

    return func.unixepoch(column) + pick(0, len(offsets))


def local_day_sql(column: Mapped[datetime], offsets: tuple[OffsetFrom, ...]) -> ColumnElement[int]:
    """The local day of a stored moment, as a number (`day_of_number` reads it)."""
    return _local_seconds(column, offsets) // _DAY_SECONDS


def day_of_number(number: int) -> date:
    return date.fromordinal(number - _SHIFT_DAYS + _EPOCH_ORDINAL)


def hour_of_week_sql(
    column: Mapped[datetime], offsets: tuple[OffsetFrom, ...]
) -> ColumnElement[int]:
    """The local hour of the week of a stored moment, 0 (Monday 00:00-00:59) to 167."""
    return _local_seconds(column, offsets) // 3600 % 168


def weekday_hour(hour_of_week: int) -> tuple[int, int]:
    """An hour of the week as (weekday, 0 for Monday as date.weekday(), and hour)."""
    return divmod(hour_of_week, 24)


def grouped(expression: ColumnElement[Any], name: str) -> tuple[Label[Any], ColumnElement[Any]]:
    """The expression to select, and its name to GROUP BY. Grouping by the expression itself
    would repeat it in SQL with parameters of its own, and SQLite would work out each row's
    local day twice."""
    return expression.label(name), literal_column(name)
