"""The review's inputs made from whole entries, in Python: the definition of what the
service's SQL counts must equal.

services/review.py counts in SQL so that ten years of urges never pass through Python; this
module counts the same things from entries one by one. Tests hold the two side by side, and
a caller that already has the entries in hand (a small import, say) can use it directly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.domain.instincts import HunchMark, HunchTally, UrgeCheck, UrgeCheckTally
from recovery_app.domain.review import ReviewInputs, urge_span
from recovery_app.domain.review_days import CheckInMark, PromiseDayTally
from recovery_app.domain.review_distance import ClockHistory
from recovery_app.domain.review_range import RangeChoice, resolve_range, thirds
from recovery_app.domain.review_urges import (
    HourCell,
    InsteadTally,
    TriggerTally,
    tally_urge_days,
)
from recovery_app.domain.urges import UrgeMark, UrgeOutcome


@dataclass(frozen=True)
class UrgeEntry:
    day: date  # local
    hour: int  # local, 0 to 23
    intensity: int | None = None
    outcome: UrgeOutcome | None = None
    triggers: tuple[str, ...] = ()
    did_instead: str = ""
    check: UrgeCheck | None = None  # None: no prediction was made


@dataclass(frozen=True)
class PromiseEntry:
    day: date
    outcome: PromiseOutcome | None  # kept, not kept, let go; None: not marked


@dataclass(frozen=True)
class HunchEntry:
    mark: HunchMark
    checked_on: date | None  # the local day it was checked


def _firsts(*days: Iterable[date]) -> date | None:
    known = [d for group in days for d in group]
    return min(known) if known else None


def inputs_from_entries(
    *,
    choice: RangeChoice,
    today: date,
    clocks: Sequence[ClockHistory] = (),
    urges: Sequence[UrgeEntry] = (),
    check_ins: Sequence[CheckInMark] = (),
    promises: Sequence[PromiseEntry] = (),
    hunches: Sequence[HunchEntry] = (),
    custom: tuple[date, date] | None = None,
) -> ReviewInputs:
    checked = [h for h in hunches if h.checked_on is not None and h.mark.outcome is not None]
    journal_first = _firsts(
        (c.since for c in clocks),
        (u.day for u in urges),
        (c.day for c in check_ins),
        (p.day for p in promises),
        (h.checked_on for h in checked if h.checked_on is not None),
    )
    span = resolve_range(choice, today, journal_first=journal_first, custom=custom)
    urges_first = _firsts(u.day for u in urges)
    inputs = ReviewInputs(today=today, span=span, clocks=tuple(clocks), urges_first=urges_first)
    if span is None:
        return inputs
    part = urge_span(span, urges_first)
    in_part = [u for u in urges if part is not None and u.day in part]
    cut = thirds(part)
    triggers: list[TriggerTally] = []
    if cut is not None:
        then = Counter(t for u in in_part if u.day in cut[0] for t in u.triggers)
        now = Counter(t for u in in_part if u.day in cut[1] for t in u.triggers)
        triggers = [TriggerTally(name, then[name], now[name]) for name in {*then, *now}]
    instead: dict[str, list[int]] = {}
    for urge in in_part:
        if urge.did_instead:
            counts = instead.setdefault(urge.did_instead, [0, 0, 0])
            counts[0] += 1
            counts[1] += urge.outcome is not None
            counts[2] += urge.outcome is UrgeOutcome.PASSED
    promise_days: dict[date, Counter[PromiseOutcome | None]] = {}
    for promise in promises:
        if promise.day in span:
            promise_days.setdefault(promise.day, Counter())[promise.outcome] += 1
    return ReviewInputs(
        today=today,
        span=span,
        clocks=tuple(clocks),
        urges_first=urges_first,
        urge_days=tuple(tally_urge_days(UrgeMark(u.day, u.intensity, u.outcome) for u in in_part)),
        hour_cells=tuple(
            HourCell(weekday, hour, count)
            for (weekday, hour), count in Counter(
                (u.day.weekday(), u.hour) for u in in_part
            ).items()
        ),
        trigger_tallies=tuple(triggers),
        did_instead=tuple(InsteadTally(text, *counts) for text, counts in instead.items()),
        check_ins_first=_firsts(c.day for c in check_ins),
        check_ins=tuple(sorted((c for c in check_ins if c.day in span), key=lambda c: c.day)),
        promises_first=_firsts(p.day for p in promises),
        promise_days=tuple(
            PromiseDayTally(
                day,
                kept=counts[PromiseOutcome.KEPT],
                not_kept=counts[PromiseOutcome.NOT_KEPT],
                let_go=counts[PromiseOutcome.LET_GO],
                open=counts[None],
            )
            for day, counts in sorted(promise_days.items())
        ),
        hunches=tuple(
            HunchTally(mark, count)
            for mark, count in Counter(
                h.mark for h in checked if h.checked_on is not None and h.checked_on in span
            ).items()
        ),
        urge_checks=tuple(
            UrgeCheckTally(check, count)
            for check, count in Counter(u.check for u in in_part if u.check is not None).items()
        ),
    )
