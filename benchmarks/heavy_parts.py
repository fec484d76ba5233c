"""The pieces every section of the heavy journal shares: how much it holds, what a section
sees, and how moments and notes are made. (benchmarks/heavy_vault.py builds the journal.)"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from datetime import time as clock_time
from typing import TYPE_CHECKING

from heavy_words import NOTE_SENTENCES

if TYPE_CHECKING:
    from sqlmodel import Session

    from recovery_app.storage.models import Clock
    from recovery_app.storage.vault import Vault


@dataclass(frozen=True)
class Sizes:
    """How much the journal holds. Later issues add their own counts here."""

    days: int = 3_650  # ten years: clocks start about this long ago
    clock_labels: tuple[str, ...] = ("A", "B", "C")
    clock_weights: tuple[float, ...] = (0.5, 0.3, 0.2)  # share of the contact events
    contact_events: int = 2_000
    reached_out_share: float = 0.04  # of contact events; more in early years, fewer later
    contact_note_share: float = 0.35
    check_ins: int = 3_650  # one a day, the last one today
    check_in_note_share: float = 0.3
    urges: int = 50_000  # over `days`, thinning out as the years pass
    urge_note_share: float = 0.2
    memories: int = 5_000  # over `memory_years`: the relationship began before the clocks
    memory_years: int = 15
    # Promises made on the Exercises screen (the check-ins make about one every other day).
    promises: int = 1_000
    hunches: int = 1_200  # instincts and predictions over `days`, most checked later
    exercise_runs: int = 2_000
    letters: int = 200
    # When they reach out: the exact words on a share of their contacts, a few small files,
    # and the earlier versions some edits left.
    attempt_words_share: float = 0.5
    attachments: int = 12
    attempt_edits: int = 40
    # Lists a person keeps, not entries made over the years: `scaled` leaves them as they are.
    reasons: int = 24
    support_people: int = 8

    def scaled(self, factor: int) -> Sizes:
        """`factor` times the years and every count made over them (for 1x, 2x and 4x)."""
        if factor < 1:
            raise ValueError("the scale is a whole number from 1")
        grows = {f.name for f in fields(self) if f.type == "int"} - {"reasons", "support_people"}
        return replace(self, **{name: getattr(self, name) * factor for name in grows})


HEAVY = Sizes()


@dataclass
class Build:
    """What a section sees: the vault (for the app's services), the open session (a fresh
    transaction), its random stream, the day the journal is built for, the sizes, and the rows
    earlier sections added."""

    vault: Vault
    session: Session
    rng: random.Random
    today: date
    sizes: Sizes
    clocks: list[Clock] = field(default_factory=list)


Section = Callable[[Build], None]


def sentences(rng: random.Random, bank: Sequence[str], low: int, high: int) -> str:
    return " ".join(rng.sample(bank, rng.randint(low, high)))


def note(rng: random.Random) -> str:
    """Mostly a line or three; now and then a long paragraph."""
    if rng.random() < 0.1:
        return sentences(rng, NOTE_SENTENCES, 6, 12)
    return sentences(rng, NOTE_SENTENCES, 1, 3)


def local_moment(day: date, hour: int, minute: int) -> datetime:
    """An aware UTC moment at a local clock time of `day` (DST-aware, like the app's input)."""
    return datetime.combine(day, clock_time(hour, minute)).astimezone().astimezone(UTC)


def noon_of(day: date) -> Callable[[], datetime]:
    """A `now` for the services that puts them on `day` (noon: no DST change can move it)."""
    moment = local_moment(day, 12, 0)
    return lambda: moment
