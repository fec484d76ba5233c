"""Promises to myself: small commitments with a day, marked kept, not kept, or let go.

The share kept, week by week, is the self-trust line. A promise let go was a choice, not a
broken promise, so it counts neither way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from recovery_app.domain.check_in import PROMISE_MAX_CHARS, PromiseOutcome
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.urges import week_start

MARKS = (PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.LET_GO)


def clean_promise_text(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise InvalidInput("A promise needs a few words.")
    if len(clean) > PROMISE_MAX_CHARS:
        raise InvalidInput(f"A promise fits in {PROMISE_MAX_CHARS} characters.")
    return clean


def stored_outcome(outcome: PromiseOutcome | None) -> PromiseOutcome | None:
    """What the store keeps for an answer: "skip" means no answer yet."""
    if outcome is None or outcome is PromiseOutcome.SKIPPED:
        return None
    return PromiseOutcome(outcome)


@dataclass(frozen=True)
class PromiseMark:
    """What the self-trust line needs from one promise."""

    day: date
    outcome: PromiseOutcome | None


@dataclass(frozen=True)
class WeekShare:
    monday: date
    kept: int
    decided: int  # kept or not kept

    @property
    def share(self) -> float:
        return self.kept / self.decided


@dataclass(frozen=True)
class PromiseTally:
    """How many promises of one week were marked with one outcome (counted in SQL)."""

    monday: date
    outcome: PromiseOutcome | None
    count: int


def self_trust_line(promises: Iterable[PromiseMark]) -> list[WeekShare]:
    """Per calendar week, oldest first, the share of promises kept among those kept or not.
    Weeks with nothing decided are left out rather than drawn as zero."""
    return weeks_from_tallies(PromiseTally(week_start(p.day), p.outcome, 1) for p in promises)


def weeks_from_tallies(tallies: Iterable[PromiseTally]) -> list[WeekShare]:
    """The same line from counts per week, so a service can count in SQL instead of reading
    every promise ever made."""
    weeks: dict[date, list[int]] = {}
    for tally in tallies:
        if tally.outcome not in (PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT):
            continue
        counts = weeks.setdefault(tally.monday, [0, 0])
        counts[1] += tally.count
        if tally.outcome is PromiseOutcome.KEPT:
            counts[0] += tally.count
    return [WeekShare(monday, kept, decided) for monday, (kept, decided) in sorted(weeks.items())]


def share_kept(promises: Iterable[PromiseMark]) -> float | None:
    """Over all time; None when no promise is marked kept or not yet."""
    return share_of_weeks(self_trust_line(promises))


def share_of_weeks(weeks: Iterable[WeekShare]) -> float | None:
    weeks = list(weeks)
    decided = sum(w.decided for w in weeks)
    return sum(w.kept for w in weeks) / decided if decided else None
