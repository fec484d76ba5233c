"""Instincts and predictions: noted now, checked later against what really happened.

Two figures rebuild self-trust: how often my instincts proved right, and how often my fears
proved wrong. Urge predictions ("I will give in", "this will last an hour") count too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from recovery_app.domain.errors import InvalidInput

# The kinds live in domain/kinds.py (the command line offers them cheaply); named here too.
from recovery_app.domain.kinds import CheckOutcome as CheckOutcome
from recovery_app.domain.kinds import HunchKind as HunchKind
from recovery_app.domain.urges import UrgeOutcome

TEXT_MAX_CHARS = 1_000


def clean_hunch_text(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise InvalidInput("A few words are enough to note it.")
    if len(clean) > TEXT_MAX_CHARS:
        raise InvalidInput(f"It fits in {TEXT_MAX_CHARS:,} characters.")
    return clean


@dataclass(frozen=True)
class HunchMark:
    """What the figures need from one instinct or prediction."""

    kind: HunchKind
    fearful: bool
    outcome: CheckOutcome | None


@dataclass(frozen=True)
class UrgeCheck:
    """An urge's predictions beside what happened: all the figures need from one urge."""

    predicted_reach_out: bool | None
    outcome: UrgeOutcome | None
    # None when no length was predicted or noted
    lasted_less_than_predicted: bool | None


@dataclass(frozen=True)
class UrgePrediction:
    """What the figures need from one urge."""

    predicted_reach_out: bool | None
    outcome: UrgeOutcome | None
    predicted_minutes: int | None
    minutes: int | None

    def check(self) -> UrgeCheck:
        shorter = None
        if self.predicted_minutes is not None and self.minutes is not None:
            shorter = self.predicted_minutes > self.minutes
        return UrgeCheck(self.predicted_reach_out, self.outcome, shorter)


@dataclass(frozen=True)
class HunchTally:
    """How many instincts or predictions were checked with the same outcome (from SQL)."""

    mark: HunchMark
    count: int


@dataclass(frozen=True)
class UrgeCheckTally:
    check: UrgeCheck
    count: int


@dataclass(frozen=True)
class Share:
    count: int  # of how many checked ones (right, wrong or partly; "can't tell" is left out)
    share: float | None  # None when there is none to count yet


@dataclass(frozen=True)
class HunchFigures:
    instincts_right: Share
    fears_wrong: Share


def is_waiting(check_after: date, checked: bool, today: date) -> bool:
    return not checked and check_after <= today


def _fear_outcomes(urge: UrgeCheck) -> list[CheckOutcome]:
    """An urge's predictions as fears checked: "I will reach out" and "it will last long"."""
    outcomes: list[CheckOutcome] = []
    if urge.predicted_reach_out and urge.outcome is not None:
        outcomes.append(
            CheckOutcome.WRONG if urge.outcome is UrgeOutcome.PASSED else CheckOutcome.RIGHT
        )
    if urge.lasted_less_than_predicted is not None:
        outcomes.append(
            CheckOutcome.WRONG if urge.lasted_less_than_predicted else CheckOutcome.RIGHT
        )
    return outcomes


def _share(outcomes: dict[CheckOutcome, int], wanted: CheckOutcome) -> Share:
    counted = sum(n for o, n in outcomes.items() if o is not CheckOutcome.CANT_TELL)
    if not counted:
        return Share(0, None)
    return Share(counted, outcomes.get(wanted, 0) / counted)


def hunch_figures(
    hunches: Iterable[HunchMark], urges: Iterable[UrgePrediction] = ()
) -> HunchFigures:
    return counted_hunch_figures(
        (HunchTally(h, 1) for h in hunches), (UrgeCheckTally(u.check(), 1) for u in urges)
    )


def counted_hunch_figures(
    hunches: Iterable[HunchTally], urges: Iterable[UrgeCheckTally] = ()
) -> HunchFigures:
    """The same figures from counts, so a service can count in SQL instead of reading every
    urge with a prediction."""
    instincts: dict[CheckOutcome, int] = {}
    fears: dict[CheckOutcome, int] = {}
    for tally in hunches:
        hunch = tally.mark
        if hunch.outcome is None:
            continue
        if hunch.kind is HunchKind.INSTINCT:
            instincts[hunch.outcome] = instincts.get(hunch.outcome, 0) + tally.count
        elif hunch.fearful:
            fears[hunch.outcome] = fears.get(hunch.outcome, 0) + tally.count
    for urge_tally in urges:
        for outcome in _fear_outcomes(urge_tally.check):
            fears[outcome] = fears.get(outcome, 0) + urge_tally.count
    return HunchFigures(
        instincts_right=_share(instincts, CheckOutcome.RIGHT),
        fears_wrong=_share(fears, CheckOutcome.WRONG),
    )
