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
class UrgePrediction:
    """What the figures need from one urge."""

    predicted_reach_out: bool | None
    outcome: UrgeOutcome | None
    predicted_minutes: int | None
    minutes: int | None


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


def _fear_outcomes(urge: UrgePrediction) -> list[CheckOutcome]:
    """An urge's predictions as fears checked: "I will reach out" and "it will last long"."""
    outcomes: list[CheckOutcome] = []
    if urge.predicted_reach_out and urge.outcome is not None:
        outcomes.append(
            CheckOutcome.WRONG if urge.outcome is UrgeOutcome.PASSED else CheckOutcome.RIGHT
        )
    if urge.predicted_minutes is not None and urge.minutes is not None:
        outcomes.append(
            CheckOutcome.WRONG if urge.predicted_minutes > urge.minutes else CheckOutcome.RIGHT
        )
    return outcomes


def _share(outcomes: list[CheckOutcome], wanted: CheckOutcome) -> Share:
    counted = [o for o in outcomes if o is not CheckOutcome.CANT_TELL]
    if not counted:
        return Share(0, None)
    return Share(len(counted), sum(o is wanted for o in counted) / len(counted))


def hunch_figures(
    hunches: Iterable[HunchMark], urges: Iterable[UrgePrediction] = ()
) -> HunchFigures:
    instincts: list[CheckOutcome] = []
    fears: list[CheckOutcome] = []
    for hunch in hunches:
        if hunch.outcome is None:
            continue
        if hunch.kind is HunchKind.INSTINCT:
            instincts.append(hunch.outcome)
        elif hunch.fearful:
            fears.append(hunch.outcome)
    for urge in urges:
        fears.extend(_fear_outcomes(urge))
    return HunchFigures(
        instincts_right=_share(instincts, CheckOutcome.RIGHT),
        fears_wrong=_share(fears, CheckOutcome.WRONG),
    )
