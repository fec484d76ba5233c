"""Dates as people remember them: a day, a month, a season, a year, or a range.

Each is an interval of calendar days, both ends included, so fuzzy and exact dates can be
compared, overlapped and ordered with one rule. The canonical text (`2023-05-14`, `2023-05`,
`summer-2021`, `2021`, `2021-03..2021-06`) is what is stored and what the command line takes;
`parse` also understands what people type ("May 2023", "summer 2021", "2021-03 to 2021-06").

Seasons are meteorological and depend on the hemisphere: a southern summer is December to
February. A season is named for the year it starts in: a northern "winter 2021" (and a
southern "summer 2021") runs from December 2021 to February 2022.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

from recovery_app.domain.errors import InvalidInput

EARLIEST_YEAR = 1900


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    RANGE = "range"


class Hemisphere(StrEnum):
    NORTH = "north"
    SOUTH = "south"


SEASONS = ("spring", "summer", "autumn", "winter")
_SEASON_ALIASES = {"fall": "autumn"}
# First month of each season, by hemisphere.
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SOUTHERN_SEASON_START = {"spring": 9, "summer": 12, "autumn": 3, "winter": 6}
_MONTHS = {
    name.lower(): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}
# English month names, read once (calendar's are looked up through strftime on every use).
_MONTH_NAMES = tuple(calendar.month_name)
_EXAMPLES = "for example 2023-05-14, 2023-05, summer 2021, 2021 or 2021-03..2021-06"


@dataclass(frozen=True, order=False)
class FuzzyDate:
    """An interval of days, `start` to `end` inclusive, and how precisely it was known."""

    precision: Precision
    start: date
    end: date
    text: str  # canonical, see the module docstring

    @property
    def is_exact(self) -> bool:
        return self.precision is Precision.DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def midpoint(self) -> date:
        return self.start + timedelta(days=(self.end - self.start).days // 2)

    @cached_property
    def _sort_key(self) -> tuple[int, int]:
        return (self.start.toordinal() + self.end.toordinal(), self.days)

    def sort_key(self) -> tuple[int, int]:
        """Timeline order: by the middle of the interval (twice it, as a day number, so no
        rounding), then the narrower first. Kept once made: timelines sort thousands."""
        return self._sort_key

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap_days(self, other: FuzzyDate) -> int:
        """Days between the two intervals; 0 when they overlap or touch."""
        if self.overlaps(other):
            return 0
        if self.end < other.start:
            return (other.start - self.end).days
        return (self.start - other.end).days

    def within(self, other: FuzzyDate, days: int) -> bool:
        """True when some day of one lies within `days` days of some day of the other."""
        return self.gap_days(other) <= days


def day(value: date) -> FuzzyDate:
    return FuzzyDate(Precision.DAY, value, value, value.isoformat())


def month(year: int, month_number: int) -> FuzzyDate:
    _check_year(year)
    last = calendar.monthrange(year, month_number)[1]
    return FuzzyDate(
        Precision.MONTH,
        date(year, month_number, 1),
        date(year, month_number, last),
        f"{year:04d}-{month_number:02d}",
    )


def year(value: int) -> FuzzyDate:
    _check_year(value)
    return FuzzyDate(Precision.YEAR, date(value, 1, 1), date(value, 12, 31), f"{value:04d}")


def season(name: str, year_number: int, hemisphere: Hemisphere = Hemisphere.NORTH) -> FuzzyDate:
    name = _SEASON_ALIASES.get(name, name)
    if name not in _SEASON_START:
        raise InvalidInput("A season is spring, summer, autumn or winter.")
    _check_year(year_number)
    starts = _SOUTHERN_SEASON_START if hemisphere is Hemisphere.SOUTH else _SEASON_START
    first_year, first = year_number, starts[name]
    start = date(first_year, first, 1)
    end_month = (first + 1) % 12 + 1
    end_year = first_year + (1 if end_month < first else 0)
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return FuzzyDate(Precision.SEASON, start, end, f"{name}-{year_number:04d}")


def between(first: FuzzyDate, last: FuzzyDate) -> FuzzyDate:
    """From the start of `first` to the end of `last`."""
    if first.precision is Precision.RANGE or last.precision is Precision.RANGE:
        raise InvalidInput("A range runs between two dates, not between two ranges.")
    if last.end < first.start:
        raise InvalidInput("A range goes from the earlier date to the later one.")
    return FuzzyDate(Precision.RANGE, first.start, last.end, f"{first.text}..{last.text}")


def precision_of(text: str) -> Precision:
    """The precision of a canonical text (as `FuzzyDate.text` makes it), without parsing."""
    if ".." in text:
        return Precision.RANGE
    if not text[:1].isdigit():
        return Precision.SEASON
    return {4: Precision.YEAR, 7: Precision.MONTH}.get(len(text), Precision.DAY)


def parse(text: str, hemisphere: Hemisphere = Hemisphere.NORTH) -> FuzzyDate:
    """A date as typed or stored; a kind `InvalidInput` when it can't be read."""
    clean = " ".join(text.strip().lower().replace(",", " ").split())
    if not clean:
        raise InvalidInput(f"Please give a rough date, {_EXAMPLES}.")
    for separator in ("..", " to ", " – ", " - ", "–"):
        if separator in clean:
            first, _, last = clean.partition(separator)
            return between(_single(first, hemisphere), _single(last, hemisphere))
    return _single(clean, hemisphere)


def _single(text: str, hemisphere: Hemisphere) -> FuzzyDate:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            value = date.fromisoformat(text)
            _check_year(value.year)
            return day(value)
        if matched := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
            return month(int(matched[1]), _month_number(int(matched[2])))
        if re.fullmatch(r"\d{4}", text):
            return year(int(text))
        words = text.replace("-", " ").split()
        if len(words) == 2 and words[1].isdigit():
            name, number = words[0], int(words[1])
            if _SEASON_ALIASES.get(name, name) in _SEASON_START:
                return season(name, number, hemisphere)
            if name in _MONTHS:
                return month(number, _MONTHS[name])
        if len(words) == 3 and words[0].isdigit() and words[2].isdigit() and words[1] in _MONTHS:
            value = date(int(words[2]), _MONTHS[words[1]], int(words[0]))
            _check_year(value.year)
            return day(value)
    except ValueError as error:
        if isinstance(error, InvalidInput):
            raise
        raise InvalidInput(f"That date doesn't exist on the calendar; {_EXAMPLES}.") from None
    raise InvalidInput(f"That date wasn't understood; {_EXAMPLES}.")


def _month_number(number: int) -> int:
    if not 1 <= number <= 12:
        raise InvalidInput("Months go from 01 to 12.")
    return number


def _check_year(value: int) -> None:
    if not EARLIEST_YEAR <= value <= 9998:
        raise InvalidInput(f"Please give a year from {EARLIEST_YEAR} on.")


def label(value: FuzzyDate) -> str:
    """How a date reads to a person: "14 May 2023", "May 2023", "Summer 2021", "2021"."""
    if value.precision is Precision.DAY:
        return f"{value.start.day} {_MONTH_NAMES[value.start.month]} {value.start.year}"
    if value.precision is Precision.MONTH:
        return f"{_MONTH_NAMES[value.start.month]} {value.start.year}"
    if value.precision is Precision.SEASON:
        name, _, number = value.text.partition("-")
        return f"{name.capitalize()} {number}"
    if value.precision is Precision.YEAR:
        return value.text
    first, _, last = value.text.partition("..")
    return f"{label(parse(first))} to {label(parse(last))}"


def span_label(value: FuzzyDate) -> str:
    """The days an approximate date covers, for "understood as" feedback."""
    if value.is_exact:
        return label(value)
    return f"{label(day(value.start))} to {label(day(value.end))}"
