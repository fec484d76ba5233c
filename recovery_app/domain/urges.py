"""Urges ("withdrawal moments"): what a person notes when the pull to reach out comes.

Only the moment is required; every other answer may be skipped. A prediction made at the
start ("how long will this last?", "will I reach out?") is kept beside what really
happened, because seeing a prediction proven wrong is a self-trust exercise of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from recovery_app.domain.errors import InvalidInput

# The kinds live in domain/kinds.py (the command line offers them cheaply); named here too.
from recovery_app.domain.kinds import UrgeOutcome as UrgeOutcome

INTENSITIES = range(0, 11)
MAX_MINUTES = 7 * 24 * 60  # a week: anything longer is surely a typing slip
TRIGGER_MAX_CHARS = 60


def clean_trigger(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput("A trigger needs a word or two.")
    if len(clean) > TRIGGER_MAX_CHARS:
        raise InvalidInput(f"A trigger fits in {TRIGGER_MAX_CHARS} characters.")
    return clean


@dataclass(frozen=True)
class UrgeDetails:
    at: datetime
    intensity: int | None = None
    intensity_after: int | None = None  # the re-rating at the end of riding it out
    triggers: tuple[str, ...] = ()
    feelings: str = ""
    place: str = ""
    company: str = ""  # who I was with
    did_instead: str = ""
    outcome: UrgeOutcome | None = None
    minutes: int | None = None  # how long it lasted
    predicted_minutes: int | None = None
    predicted_reach_out: bool | None = None
    note: str = ""

    def validated(self) -> UrgeDetails:
        if self.at.tzinfo is None:
            raise ValueError("urge moments must be time-zone aware")
        for intensity in (self.intensity, self.intensity_after):
            if intensity is not None and intensity not in INTENSITIES:
                raise InvalidInput("Intensity goes from 0 to 10.")
        for minutes in (self.minutes, self.predicted_minutes):
            if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
                raise InvalidInput("Minutes go from 0 to a week (10,080).")
        triggers: list[str] = []
        for name in self.triggers:
            clean = clean_trigger(name)
            if clean.casefold() not in {t.casefold() for t in triggers}:
                triggers.append(clean)
        return UrgeDetails(
            at=self.at,
            intensity=self.intensity,
            intensity_after=self.intensity_after,
            triggers=tuple(triggers),
            feelings=self.feelings.strip(),
            place=self.place.strip(),
            company=self.company.strip(),
            did_instead=self.did_instead.strip(),
            outcome=None if self.outcome is None else UrgeOutcome(self.outcome),
            minutes=self.minutes,
            predicted_minutes=self.predicted_minutes,
            predicted_reach_out=self.predicted_reach_out,
            note=self.note.strip(),
        )


@dataclass(frozen=True)
class UrgeMark:
    """What the weekly comparison needs from one urge."""

    day: date
    intensity: int | None
    outcome: UrgeOutcome | None


@dataclass(frozen=True)
class WeekFigures:
    """One calendar week (Monday to Sunday, local days)."""

    monday: date
    count: int = 0
    mean_intensity: float | None = None  # None when no urge in the week had a rating
    share_passed: float | None = None  # of the urges whose outcome was noted


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def compare_weeks(urges: Iterable[UrgeMark], today: date) -> tuple[WeekFigures, WeekFigures]:
    """This calendar week (so far) beside last week."""
    this_monday = week_start(today)
    last_monday = this_monday - timedelta(days=7)
    buckets: dict[date, list[UrgeMark]] = {this_monday: [], last_monday: []}
    for urge in urges:
        monday = week_start(urge.day)
        if monday in buckets and urge.day <= today:
            buckets[monday].append(urge)
    this_week, last_week = (_figures(monday, buckets[monday]) for monday in buckets)
    return this_week, last_week


def _figures(monday: date, urges: list[UrgeMark]) -> WeekFigures:
    rated = [u.intensity for u in urges if u.intensity is not None]
    decided = [u.outcome for u in urges if u.outcome is not None]
    return WeekFigures(
        monday=monday,
        count=len(urges),
        mean_intensity=sum(rated) / len(rated) if rated else None,
        share_passed=(
            sum(o is UrgeOutcome.PASSED for o in decided) / len(decided) if decided else None
        ),
    )
