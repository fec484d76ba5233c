"""Memories and the whole-relationship view: good moments seen beside the harm around them.

A trauma bond keeps the good moments apart from the hurt ("they're not always like this").
These rules put them back together in time. They count and show instances; they never judge
the person or the one who hurt them.

"Around" a memory means within a window of days of it (default 30), measured between the
fuzzy intervals, so a "summer 2021" moment and a harm on 15 July 2021 are around each other.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import FuzzyDate

# The kinds live in domain/kinds.py (the command line offers them cheaply); named here too.
from recovery_app.domain.kinds import MemoryKind as MemoryKind

DEFAULT_WINDOW_DAYS = 30
MAX_WINDOW_DAYS = 366
FEELINGS = range(0, 11)
TITLE_MAX_CHARS = 200
TAG_MAX_CHARS = 40


# Closeness: what a hard moment is often followed by in the cycle.
CLOSENESS = frozenset({MemoryKind.GOOD, MemoryKind.APOLOGY})
# Where each kind sits on the timeline: good above the line, harm below, the rest between.
ABOVE, BETWEEN, BELOW = 1, 0, -1
SIDE = {
    MemoryKind.GOOD: ABOVE,
    MemoryKind.HARM: BELOW,
    MemoryKind.APOLOGY: BETWEEN,
    MemoryKind.TENSION: BETWEEN,
    MemoryKind.OTHER: BETWEEN,
}


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, blank ones dropped, repeats (any case) kept once, in the order given."""
    seen: set[str] = set()
    clean: list[str] = []
    for tag in tags:
        name = " ".join(tag.split())
        if not name or name.casefold() in seen:
            continue
        if len(name) > TAG_MAX_CHARS:
            raise InvalidInput(f"A tag fits in {TAG_MAX_CHARS} characters.")
        seen.add(name.casefold())
        clean.append(name)
    return tuple(clean)


@dataclass(frozen=True)
class MemoryDetails:
    kind: MemoryKind
    title: str
    when: FuzzyDate
    what_happened: str = ""
    feeling: int | None = None  # how it felt, 0 to 10
    tags: tuple[str, ...] = ()
    clock_id: int | None = None  # the person it belongs to, if any

    def validated(self) -> MemoryDetails:
        title = " ".join(self.title.split())
        if not title:
            raise InvalidInput("A memory needs a few words as its title.")
        if len(title) > TITLE_MAX_CHARS:
            raise InvalidInput(f"A title fits in {TITLE_MAX_CHARS} characters.")
        if self.feeling is not None and self.feeling not in FEELINGS:
            raise InvalidInput("How it felt goes from 0 to 10.")
        return MemoryDetails(
            MemoryKind(self.kind),
            title,
            self.when,
            self.what_happened.strip(),
            self.feeling,
            clean_tags(self.tags),
            self.clock_id,
        )


@dataclass(frozen=True)
class Memory:
    id: int
    details: MemoryDetails

    @property
    def kind(self) -> MemoryKind:
        return self.details.kind

    @property
    def when(self) -> FuzzyDate:
        return self.details.when


def check_window(days: int) -> int:
    if not 0 <= days <= MAX_WINDOW_DAYS:
        raise InvalidInput(f"The window goes from 0 to {MAX_WINDOW_DAYS} days.")
    return days


def in_time_order(memories: Iterable[Memory]) -> list[Memory]:
    """Timeline order: fuzzy dates by their middle, the narrower first, then as entered."""
    return sorted(memories, key=lambda m: (*m.when.sort_key(), m.id))


class TimeIndex:
    """Memories found by the days they cover, without a scan of all of them: a journal may
    hold thousands, and the view asks on every selection."""

    def __init__(self, memories: Iterable[Memory]) -> None:
        self._memories = sorted(memories, key=lambda m: (m.when.start, m.id))
        self._starts = [m.when.start for m in self._memories]
        self._longest = max((m.when.days for m in self._memories), default=1)

    def touching(self, first_day: date, last_day: date) -> list[Memory]:
        """Memories whose interval shares a day with `first_day`..`last_day`, by start."""
        lowest_start = first_day - timedelta(days=self._longest - 1)
        low = bisect_left(self._starts, lowest_start)
        high = bisect_right(self._starts, last_day)
        return [m for m in self._memories[low:high] if m.when.end >= first_day]

    def starting(self, first_day: date, last_day: date) -> list[Memory]:
        """Memories that start between the two days, both included, by start."""
        low = bisect_left(self._starts, first_day)
        high = bisect_right(self._starts, last_day)
        return self._memories[low:high]


def _widened(moment: FuzzyDate, days: int) -> tuple[date, date]:
    try:
        return moment.start - timedelta(days=days), moment.end + timedelta(days=days)
    except OverflowError:  # near the ends of the calendar: clamp
        return date.min, date.max


def around(
    moment: FuzzyDate,
    memories: Iterable[Memory] | TimeIndex,
    window_days: int = DEFAULT_WINDOW_DAYS,
    kinds: frozenset[MemoryKind] = frozenset({MemoryKind.HARM}),
) -> list[Memory]:
    """The memories of `kinds` within `window_days` of `moment`, in time order."""
    check_window(window_days)
    index = memories if isinstance(memories, TimeIndex) else TimeIndex(memories)
    return in_time_order(
        m for m in index.touching(*_widened(moment, window_days)) if m.kind in kinds
    )


@dataclass(frozen=True)
class WholeView:
    """One good moment and the harm around it: "You remember this. Around it, this happened"."""

    remembered: Memory
    harm_around: tuple[Memory, ...]


def whole_views(
    memories: Sequence[Memory], window_days: int = DEFAULT_WINDOW_DAYS
) -> list[WholeView]:
    """Every good moment, in time order, with the harm around it."""
    harm = TimeIndex(m for m in memories if m.kind is MemoryKind.HARM)
    return [
        WholeView(good, tuple(around(good.when, harm, window_days)))
        for good in in_time_order(m for m in memories if m.kind is MemoryKind.GOOD)
    ]


def follows(later: FuzzyDate, earlier: FuzzyDate, within_days: int) -> bool:
    """`later` came after `earlier` (as far as the dates tell) and within `within_days`.

    Fuzzy dates can't always be ordered: `later` counts when it starts no earlier than
    `earlier` starts, ends no earlier than `earlier` ends, and the gap is small enough.
    """
    return (
        later.start >= earlier.start
        and later.end >= earlier.end
        and earlier.within(later, within_days)
    )


@dataclass(frozen=True)
class PatternInstance:
    first: Memory
    then: tuple[Memory, ...]  # what followed, in time order

    @property
    def approximate(self) -> bool:
        """True when a date involved is not an exact day, so the order is a best reading."""
        return not all(m.when.is_exact for m in (self.first, *self.then))


def _no_instances() -> tuple[PatternInstance, ...]:
    return ()


@dataclass(frozen=True)
class PatternCount:
    """How often a `first` kind was followed by a `then` kind within the window."""

    followed: int
    out_of: int
    _find: Callable[[], tuple[PatternInstance, ...]] = field(
        default=_no_instances, repr=False, compare=False
    )

    @cached_property
    def instances(self) -> tuple[PatternInstance, ...]:
        """Each time, with what followed it, in time order. Found only when asked for: the
        counts need none of it, and years of memories make thousands of them."""
        return self._find()


@dataclass(frozen=True)
class Patterns:
    window_days: int
    harm_then_closeness: PatternCount  # harm followed by an apology or a good moment
    closeness_then_tension: PatternCount  # closeness followed by tension or harm again


def _followers(first: Memory, index: TimeIndex, within_days: int) -> Iterator[Memory]:
    """What follows `first` within the window, by start (see `follows`)."""
    # Anything that follows starts between this one's start and its end plus the window.
    _, last_day = _widened(first.when, within_days)
    # Those start no earlier than it and within the window of its end, so of `follows` only
    # "ends no earlier" is left to check.
    end = first.when.end
    return (
        m
        for m in index.starting(first.when.start, last_day)
        if m.when.end >= end and m.id != first.id
    )


def _followed_by(
    firsts: Sequence[Memory], candidates: Sequence[Memory], within_days: int
) -> PatternCount:
    index = TimeIndex(candidates)
    followed = [
        first
        for first in in_time_order(firsts)
        if next(_followers(first, index, within_days), None) is not None
    ]

    def instances() -> tuple[PatternInstance, ...]:
        return tuple(
            PatternInstance(first, tuple(in_time_order(_followers(first, index, within_days))))
            for first in followed
        )

    return PatternCount(len(followed), len(firsts), instances)


def find_patterns(memories: Sequence[Memory], window_days: int = DEFAULT_WINDOW_DAYS) -> Patterns:
    """The repeating cycle, counted: hurt followed by making up or closeness, and closeness
    followed by new tension or hurt. Counts and instances only, never a verdict."""
    check_window(window_days)
    harm = [m for m in memories if m.kind is MemoryKind.HARM]
    closeness = [m for m in memories if m.kind in CLOSENESS]
    tension = [m for m in memories if m.kind in (MemoryKind.TENSION, MemoryKind.HARM)]
    return Patterns(
        window_days,
        _followed_by(harm, closeness, window_days),
        _followed_by(closeness, tension, window_days),
    )
