"""The year at a glance: a calendar of days, each marked with its check-in and its contacts.

Daylio's "year in pixels", here as weeks in columns (Monday at the top), so the same weekday
reads along a row. A day without a check-in is left blank, never drawn as a low mood; a day
before the journal began is not drawn at all. Contacts are marked by kind, so "they reached
out" is never mistaken for the person reaching out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.domain.kinds import ContactKind
from recovery_app.domain.review_days import CheckInMark
from recovery_app.domain.review_range import DayRange, months_of
from recovery_app.domain.urges import week_start

WEEKS = 53  # a year's worth of columns, whichever weekday the year ends on


@dataclass(frozen=True)
class ContactDayTally:
    """Contacts of one kind on one local day (from SQL's GROUP BY day, kind)."""

    day: date
    kind: ContactKind
    count: int


@dataclass(frozen=True)
class CalendarDay:
    day: date
    checked_in: bool
    mood: int | None  # 1 to 5; None: no check-in, or the question skipped
    reached_out: int = 0  # "I reached out", any clock
    they_reached_out: int = 0
    unavoidable: int = 0

    @property
    def has_contact(self) -> bool:
        return bool(self.reached_out or self.they_reached_out or self.unavoidable)


@dataclass(frozen=True)
class YearCalendar:
    """`span` runs from a Monday to the last day shown; `days` holds one entry per day of
    it, None for a day before the journal began (it is not drawn)."""

    span: DayRange
    days: tuple[CalendarDay | None, ...]

    @property
    def is_empty(self) -> bool:
        return not any(d is not None and (d.checked_in or d.has_contact) for d in self.days)

    def at(self, week: int, weekday: int) -> CalendarDay | None:
        """The day in column `week` (0: the oldest) and row `weekday` (0: Monday)."""
        index = week * 7 + weekday
        return self.days[index] if 0 <= index < len(self.days) else None


def calendar_span(last: date) -> DayRange:
    """`WEEKS` calendar weeks ending with the week of `last`, cut at `last`."""
    first = week_start(last) - timedelta(weeks=WEEKS - 1)
    return DayRange(first, last)


def year_calendar(
    last: date,
    journal_first: date | None,
    check_ins: Iterable[CheckInMark],
    contacts: Iterable[ContactDayTally],
) -> YearCalendar:
    span = calendar_span(last)
    moods = {m.day: m for m in check_ins if m.day in span}
    counts: dict[date, dict[ContactKind, int]] = {}
    for tally in contacts:
        if tally.day in span:
            by_kind = counts.setdefault(tally.day, {})
            by_kind[tally.kind] = by_kind.get(tally.kind, 0) + tally.count
    days: list[CalendarDay | None] = []
    for day in span.each_day():
        if journal_first is None or day < journal_first:
            days.append(None)
            continue
        mark = moods.get(day)
        kinds = counts.get(day, {})
        days.append(
            CalendarDay(
                day,
                checked_in=mark is not None,
                mood=None if mark is None else mark.mood,
                reached_out=kinds.get(ContactKind.ME, 0),
                they_reached_out=kinds.get(ContactKind.THEM, 0),
                unavoidable=kinds.get(ContactKind.UNAVOIDABLE, 0),
            )
        )
    return YearCalendar(span, tuple(days))


@dataclass(frozen=True)
class CalendarMonth:
    """A month of the calendar, as a table row: days counted, never a share of the person."""

    first: date
    last: date
    days_shown: int  # days of the month in the journal's time
    days_checked_in: int
    reached_out_days: int
    they_reached_out_days: int
    unavoidable_days: int


def calendar_months(calendar: YearCalendar) -> list[CalendarMonth]:
    """The calendar month by month, oldest first, leaving out months before the journal."""
    found = []
    for month in months_of(calendar.span):
        start = (month.first - calendar.span.first).days
        days = [d for d in calendar.days[start : start + month.days] if d is not None]
        if not days:
            continue
        found.append(
            CalendarMonth(
                month.first,
                month.last,
                days_shown=len(days),
                days_checked_in=sum(d.checked_in for d in days),
                reached_out_days=sum(bool(d.reached_out) for d in days),
                they_reached_out_days=sum(bool(d.they_reached_out) for d in days),
                unavoidable_days=sum(bool(d.unavoidable) for d in days),
            )
        )
    return found
