"""No-contact stretches: pure rules, no storage, no clock reading.

The rules (PRODUCT.md, issue "Today"):
- A clock starts on a date the person chose. From then on, time is cut into *stretches*.
- A stretch's length is the number of calendar days from its start date to today: a stretch
  started today is 0 days long, one started yesterday is 1 day.
- Only *I reached out* ends a stretch. One logged on day X ends the running stretch, which
  lasted (X - start) days, and the next stretch starts on day X. Several on the same day end
  it once, and one on a stretch's own start day ends nothing (that stretch is 0 days old and
  simply goes on). *They reached out* and *unavoidable* contact never end a stretch.
- The current stretch is the one running today; the longest is the longest of all of them,
  the current one included; the total is the sum of all of them, so a new stretch never
  erases a day already counted; `stretches` is how many there have been, the current one
  included.
- Days are local calendar dates (`local_day`), never 24-hour blocks, so a DST change neither
  adds nor loses a day. A contact dated after today (the computer's clock was set back) counts
  as today, and one dated before the clock's start as the start day, so no figure is ever
  negative.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

# The kinds live in domain/kinds.py (the command line offers them cheaply); named here too.
from recovery_app.domain.kinds import ContactKind as ContactKind


@dataclass(frozen=True)
class Contact:
    """The part of a contact event the rules need: its local day and its kind."""

    day: date
    kind: ContactKind


@dataclass(frozen=True)
class StretchFigures:
    current_since: date  # the start day of the running stretch
    current_days: int
    longest_days: int
    total_days: int
    stretches: int


def local_day(moment: datetime) -> date:
    """The calendar date of an aware moment on this computer's local calendar (DST-aware)."""
    if moment.tzinfo is None:
        raise ValueError("a moment needs a time zone to have a local day")
    return moment.astimezone().date()


@dataclass(frozen=True)
class Stretch:
    since: date
    days: int


def stretches(since: date, contacts: Iterable[Contact], today: date) -> list[Stretch]:
    """Every stretch from the clock's start to today, oldest first; the last one is running."""
    today = max(today, since)  # a start date after today (clock set back): a 0-day stretch
    ends = sorted(
        {min(max(c.day, since), today) for c in contacts if c.kind is ContactKind.ME} - {since}
    )
    starts = [since, *ends]
    return [
        Stretch(start, (end - start).days)
        for start, end in zip(starts, [*ends, today], strict=True)
    ]


def stretch_figures(since: date, contacts: Iterable[Contact], today: date) -> StretchFigures:
    """Current, longest and total no-contact days and the number of stretches, as of `today`."""
    cut = stretches(since, contacts, today)
    return StretchFigures(
        current_since=cut[-1].since,
        current_days=cut[-1].days,
        longest_days=max(s.days for s in cut),
        total_days=sum(s.days for s in cut),
        stretches=len(cut),
    )
