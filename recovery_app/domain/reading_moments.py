"""When a reading may be suggested: a pure rule, with the clock passed in.

Three moments can bring one gentle line that names a single reading: a first run, right after
"I reached out" is logged, and after a hard urge. Never pushed:
- at most one suggestion in any QUIET_HOURS, whatever the moment;
- never a reading already read, or one the person said not to suggest again;
- a reading offered and let pass comes back at most once more (MAX_OFFERS in all), and then
  the next reading for that moment gets its turn;
- the first-run line comes only to a journal that has never had a suggestion or a reading;
- the person can turn suggestions off altogether.
A suggestion names a reading; it never says what the person has or is.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeOutcome

# 7 of 10 and above. On the 0-10 rating scales people already know (pain is the common
# one), 7 to 10 is where "severe" starts; an urge rated there is one that took real effort,
# and a lower line would bring the suggestion after most urges, which would be pushing.
HARD_URGE_AT = 7
QUIET_HOURS = 24
MAX_OFFERS = 2


class Moment(StrEnum):
    FIRST_RUN = "first_run"
    REACHED_OUT = "reached_out"
    HARD_URGE = "hard_urge"


# For each moment, the readings that fit it, best first.
MOMENT_READINGS: Mapping[Moment, tuple[str, ...]] = {
    # Recognition first: many people first see the pull for what it is when it is named.
    Moment.FIRST_RUN: ("trauma_bond", "signs"),
    # Straight after a new stretch begins: that it often takes several tries, and the blame.
    Moment.REACHED_OUT: ("several_tries", "self_blame"),
    # After the pull peaked: why it feels like withdrawal, and why the good moments pull.
    Moment.HARD_URGE: ("withdrawal", "good_moments"),
}


@dataclass(frozen=True)
class SuggestionState:
    """What the journal remembers about readings and suggestions."""

    read: frozenset[str] = frozenset()
    dismissed: frozenset[str] = frozenset()  # "don't suggest this again"
    offers: Mapping[str, int] = field(default_factory=dict)  # times each was suggested
    last_offer_at: datetime | None = None
    enabled: bool = True


def moment_after_urge(
    intensity: int | None, intensity_after: int | None = None, outcome: UrgeOutcome | None = None
) -> Moment | None:
    """The moment an urge just saved makes, if any. Its peak is the stronger of the two
    ratings, since the end-of-guide re-rating can be the higher one."""
    if outcome is UrgeOutcome.REACHED_OUT:
        return Moment.REACHED_OUT
    peak = max((i for i in (intensity, intensity_after) if i is not None), default=None)
    return Moment.HARD_URGE if peak is not None and peak >= HARD_URGE_AT else None


def moment_after_contact(kind: ContactKind) -> Moment | None:
    """Only "I reached out" is a moment for a reading; contact from them, or contact that is
    allowed, is not something to explain to the person."""
    return Moment.REACHED_OUT if kind is ContactKind.ME else None


def reading_to_suggest(
    moment: Moment, state: SuggestionState, available: Collection[str], now: datetime
) -> str | None:
    """The id of the one reading to suggest at `moment`, or None (most of the time).

    `available` is the ids in the library (a file can be missing or left out)."""
    if not state.enabled:
        return None
    if state.last_offer_at is not None:
        since = now - state.last_offer_at
        # A last offer "in the future" means the computer's clock was set back: it must not
        # silence suggestions until that date comes round again.
        if timedelta(0) <= since < timedelta(hours=QUIET_HOURS):
            return None
    if moment is Moment.FIRST_RUN and (state.offers or state.read):
        return None
    for reading_id in MOMENT_READINGS[moment]:
        if (
            reading_id in available
            and reading_id not in state.read
            and reading_id not in state.dismissed
            and state.offers.get(reading_id, 0) < MAX_OFFERS
        ):
            return reading_id
    return None
