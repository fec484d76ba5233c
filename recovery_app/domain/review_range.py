"""The stretch of days a review looks at, and the periods it is cut into.

A range is a run of local calendar days, both ends included. The person picks one of a few
ranges (or two dates of their own); it never reaches past today, and it never starts before
the journal holds anything, so the days before a person began are not drawn as empty days.
Each section of the review then starts no earlier than its own first entry (the first urge,
the first check-in...), for the same reason: a gap is never shown as a zero.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from itertools import accumulate

from recovery_app.domain.urges import week_start


class RangeChoice(StrEnum):
    LAST_4_WEEKS = "4w"
    LAST_3_MONTHS = "3m"
    LAST_12_MONTHS = "12m"
    ALL = "all"
    CUSTOM = "custom"  # two dates the person chose


@dataclass(frozen=True)
class DayRange:
    """Local days from `first` to `last`, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError("a range ends on or after the day it starts")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def each_day(self) -> Iterator[date]:
        for offset in range(self.days):
            yield self.first + timedelta(days=offset)

    def clipped(self, first: date | None = None, last: date | None = None) -> DayRange | None:
        """The part of this range from `first` to `last`; None when nothing is left."""
        start = self.first if first is None else max(self.first, first)
        end = self.last if last is None else min(self.last, last)
        return DayRange(start, end) if start <= end else None


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier; the month's last day when it is shorter
    (31 May less three months is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def resolve_range(
    choice: RangeChoice,
    today: date,
    *,
    journal_first: date | None,
    custom: tuple[date, date] | None = None,
) -> DayRange | None:
    """The days a review covers; None when the range holds no day of the journal.

    `journal_first` is the first day anything was noted (None: an empty journal). A custom
    range may be given in either order; the part after today is left out.
    """
    if journal_first is None:
        return None
    last = today
    if choice is RangeChoice.CUSTOM:
        if custom is None:
            raise ValueError("a custom range needs its two dates")
        first, chosen_last = sorted(custom)
        last = min(chosen_last, today)
    elif choice is RangeChoice.LAST_4_WEEKS:
        first = today - timedelta(days=27)
    elif choice is RangeChoice.LAST_3_MONTHS:
        first = months_before(today, 3) + timedelta(days=1)
    elif choice is RangeChoice.LAST_12_MONTHS:
        first = months_before(today, 12) + timedelta(days=1)
    else:
        first = journal_first
    first = max(first, journal_first)
    return DayRange(first, last) if first <= last else None


def series_span(span: DayRange | None, series_first: date | None) -> DayRange | None:
    """Where one section of the review starts: not before its own first entry."""
    if span is None or series_first is None:
        return None
    return span.clipped(first=series_first)


@cache
def weeks_of(span: DayRange | None) -> tuple[DayRange, ...]:
    """Calendar weeks (Monday to Sunday), cut at the range's ends, oldest first. (Cached: a
    review cuts the same range into weeks for every clock and every section.)"""
    if span is None:
        return ()
    weeks = []
    first = span.first
    while first <= span.last:
        sunday = week_start(first) + timedelta(days=6)
        weeks.append(DayRange(first, min(sunday, span.last)))
        first = sunday + timedelta(days=1)
    return tuple(weeks)


@cache
def months_of(span: DayRange | None) -> tuple[DayRange, ...]:
    """Calendar months, cut at the range's ends, oldest first (cached, as weeks are)."""
    if span is None:
        return ()
    months = []
    first = span.first
    while first <= span.last:
        month_end = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        months.append(DayRange(first, min(month_end, span.last)))
        first = month_end + timedelta(days=1)
    return tuple(months)


def thirds(span: DayRange | None) -> tuple[DayRange, DayRange] | None:
    """The first and the last third of a range, of equal length so their counts compare;
    None for a range too short to have thirds (under three days)."""
    if span is None or span.days < 3:
        return None
    length = span.days // 3
    return (
        DayRange(span.first, span.first + timedelta(days=length - 1)),
        DayRange(span.last - timedelta(days=length - 1), span.last),
    )


class DayTotals:
    """Sums of a few counts over any run of days, each found in O(log n) from prefix sums:
    a review adds up the same daily counts for every week, month and third of ten years."""

    def __init__(self, rows: Iterable[tuple[date, Sequence[int]]], width: int) -> None:
        ordered = sorted(rows, key=lambda row: row[0])
        self._days = [day for day, _ in ordered]
        columns = list(zip(*(values for _, values in ordered), strict=True)) or [()] * width
        self._sums = [[0, *accumulate(column)] for column in columns]

    def over(self, period: DayRange) -> tuple[int, ...]:
        start = bisect.bisect_left(self._days, period.first)
        stop = bisect.bisect_right(self._days, period.last, lo=start)
        return tuple([sums[stop] - sums[start] for sums in self._sums])
