"""ReviewService: what SQL counts equals what the domain counts from whole entries."""

import os
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import vault_bytes
from sqlmodel import select

import recovery_app.services.review as review_module
from recovery_app.domain.check_in import CheckInAnswers, PromiseOutcome
from recovery_app.domain.instincts import CheckOutcome, HunchKind, HunchMark, UrgePrediction
from recovery_app.domain.review import build_review
from recovery_app.domain.review_days import CheckInMark
from recovery_app.domain.review_distance import ClockHistory
from recovery_app.domain.review_entries import (
    HunchEntry,
    PromiseEntry,
    UrgeEntry,
    inputs_from_entries,
)
from recovery_app.domain.review_range import RangeChoice
from recovery_app.domain.stretches import ContactKind, local_day
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.check_ins import CheckInService
from recovery_app.services.clocks import ClockService, ContactDetails
from recovery_app.services.hunches import HunchService
from recovery_app.services.promises import PromiseService
from recovery_app.services.review import ReviewService
from recovery_app.services.urges import UrgeService
from recovery_app.storage.models import CheckIn, Hunch
from recovery_app.storage.vault import Vault

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
DID_INSTEAD = ("Went for a walk", "went for a walk", "Called a friend", "Wrote here")


@pytest.fixture(params=["UTC", "America/New_York"])
def zone(request: pytest.FixtureRequest) -> Iterator[str]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def at_day(days_ago: int, hour: int = 12, minute: int = 0) -> datetime:
    """An aware moment at a local clock time, `days_ago` local days before NOW's day."""
    day = local_day(NOW) - timedelta(days=days_ago)
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute).astimezone()


def fill_clocks(vault: Vault) -> None:
    """Two clocks: "A" with two "I reached out" and one "they reached out"; "B" archived,
    with an unavoidable contact."""
    clocks = ClockService(vault, now=lambda: NOW)
    a = clocks.add_clock("A", local_day(NOW) - timedelta(days=420))
    b = clocks.add_clock("B", local_day(NOW) - timedelta(days=90))
    assert a.id is not None and b.id is not None
    for days_ago, kind in ((300, ContactKind.ME), (120, ContactKind.ME), (100, ContactKind.THEM)):
        clocks.log_contact(a.id, ContactDetails(kind, at_day(days_ago, 23, 50)))
    clocks.log_contact(b.id, ContactDetails(ContactKind.UNAVOIDABLE, at_day(30)))
    clocks.archive_clock(b.id)


def fill(vault: Vault, seed: int = 5) -> None:
    """A small journal of about 400 days, through the app's own services."""
    rng = random.Random(seed)
    fill_clocks(vault)
    urges = UrgeService(vault, now=lambda: NOW)
    triggers = [*urges.triggers()[:4], "Sunday evenings"]
    for _ in range(90):
        predicted = rng.random() < 0.4
        urges.log_urge(
            UrgeDetails(
                at=at_day(rng.randrange(400), rng.choice((0, 7, 21, 23)), rng.randrange(60)),
                intensity=rng.choice((None, *range(11))),
                outcome=rng.choice((None, UrgeOutcome.PASSED, UrgeOutcome.REACHED_OUT)),
                triggers=tuple(rng.sample(triggers, rng.randint(0, 2))),
                did_instead=rng.choice(("", *DID_INSTEAD)),
                minutes=rng.choice((None, 5, 30, 90)),
                predicted_minutes=rng.choice((None, 10, 60)) if predicted else None,
                predicted_reach_out=rng.choice((None, True, False)) if predicted else None,
            )
        )
    for days_ago in sorted(rng.sample(range(200), 40), reverse=True):
        check_ins = CheckInService(vault, now=lambda d=days_ago: NOW - timedelta(days=d))
        check_ins.save(
            CheckInAnswers(
                mood=rng.choice((None, 1, 3, 5)),
                pull=rng.choice((None, 0, 4, 9)),
                yesterday_promise=rng.choice((None, *PromiseOutcome)),
                promise=rng.choice(("", "Walk before work")),
            )
        )
    promises = PromiseService(vault, now=lambda: NOW)
    for days_ago in range(0, 60, 4):
        promise = promises.add("Drink water", day=local_day(NOW) - timedelta(days=days_ago))
        promises.mark(promise.id, rng.choice((None, *PromiseOutcome)))
    for days_ago in range(10, 200, 15):
        hunches = HunchService(vault, now=lambda d=days_ago: NOW - timedelta(days=d + 5))
        kind = rng.choice(list(HunchKind))
        noted = hunches.note(kind, "A feeling", fearful=rng.random() < 0.6)
        if rng.random() < 0.8:
            checker = HunchService(vault, now=lambda d=days_ago: NOW - timedelta(days=d))
            checker.check(noted.id, rng.choice(list(CheckOutcome)))


def entries(vault: Vault) -> dict:
    """Everything the review counts, read whole through the services and tables."""
    clock_service = ClockService(vault, now=lambda: NOW)
    clocks = [
        ClockHistory(
            c.id or 0,
            c.name,
            c.since,
            c.archived_at is not None,
            frozenset(
                local_day(e.details.at)
                for e in clock_service.list_contacts(c.id or 0)
                if e.details.kind is ContactKind.ME
            ),
        )
        for c in sorted(
            clock_service.list_clocks() + clock_service.list_clocks(archived=True),
            key=lambda c: c.id or 0,
        )
    ]
    urges = []
    for saved in UrgeService(vault, now=lambda: NOW).list_urges():
        d = saved.details
        predicted = d.predicted_reach_out is not None or d.predicted_minutes is not None
        prediction = UrgePrediction(
            d.predicted_reach_out, d.outcome, d.predicted_minutes, d.minutes
        )
        urges.append(
            UrgeEntry(
                local_day(d.at),
                d.at.astimezone().hour,
                d.intensity,
                d.outcome,
                d.triggers,
                d.did_instead,
                prediction.check() if predicted else None,
            )
        )
    with vault.session() as session:
        check_ins = [CheckInMark(c.day, c.mood, c.pull) for c in session.exec(select(CheckIn))]
        hunches = [
            HunchEntry(
                HunchMark(
                    HunchKind(h.kind),
                    h.fearful,
                    None if h.outcome is None else CheckOutcome(h.outcome),
                ),
                None if h.checked_at is None else local_day(h.checked_at),
            )
            for h in session.exec(select(Hunch))
        ]
    promises = [
        PromiseEntry(p.day, p.outcome) for p in PromiseService(vault, now=lambda: NOW).promises()
    ]
    return {
        "clocks": clocks,
        "urges": urges,
        "check_ins": check_ins,
        "promises": promises,
        "hunches": hunches,
    }


def _sorted(items: tuple) -> list:
    return sorted(items, key=repr)


CHOICES = [
    (RangeChoice.ALL, None),
    (RangeChoice.LAST_4_WEEKS, None),
    (RangeChoice.LAST_3_MONTHS, None),
    (RangeChoice.LAST_12_MONTHS, None),
    (RangeChoice.CUSTOM, (date(2025, 12, 24), date(2026, 3, 2))),
    (RangeChoice.CUSTOM, (date(2010, 1, 1), date(2011, 1, 1))),
]


def test_the_sql_counts_equal_the_counts_of_every_entry(vault: Vault, zone: str) -> None:
    fill(vault)
    whole = entries(vault)
    service = ReviewService(vault, now=lambda: NOW)
    for choice, custom in CHOICES:
        counted = service.inputs(choice, custom)
        expected = inputs_from_entries(choice=choice, today=local_day(NOW), custom=custom, **whole)
        for name in expected.__dataclass_fields__:
            mine, theirs = getattr(counted, name), getattr(expected, name)
            if isinstance(mine, tuple):
                mine, theirs = _sorted(mine), _sorted(theirs)
            assert mine == theirs, (choice, custom, name)
        assert build_review(counted) == build_review(expected)


def test_a_review_of_an_empty_journal_is_empty_and_says_not_enough_yet(vault: Vault) -> None:
    result = ReviewService(vault, now=lambda: NOW).review(RangeChoice.ALL)
    assert result.review.span is None
    assert result.review.clocks == ()
    assert result.then_and_now == ("Not enough yet: this fills in as you go.",)


def test_a_range_before_the_journal_began_is_empty_not_an_error(vault: Vault) -> None:
    fill_clocks(vault)
    old = (date(2001, 1, 1), date(2001, 12, 31))
    result = ReviewService(vault, now=lambda: NOW).review(RangeChoice.CUSTOM, old)
    assert result.review.span is None
    assert result.review.urge_weeks == ()
    assert [c.name for c in result.review.clocks] == ["A", "B"]  # whole-history figures stay


def test_they_reached_out_and_unavoidable_cost_no_day(vault: Vault) -> None:
    fill_clocks(vault)
    review = ReviewService(vault, now=lambda: NOW).review(RangeChoice.ALL).review
    a, b = review.clocks
    assert (a.counted_days - a.distance_days, a.figures.stretches) == (2, 3)
    assert b.archived
    assert b.distance_days == b.counted_days == 90


def test_every_milestone_today_recorded_is_in_the_review(vault: Vault) -> None:
    fill_clocks(vault)
    clocks = ClockService(vault, now=lambda: NOW)
    for summary in clocks.summaries():
        clocks.acknowledge_milestones(summary.clock_id)
    review = ReviewService(vault, now=lambda: NOW).review(RangeChoice.ALL).review
    for clock in review.clocks:
        shown = {(m.stretch_since, m.days, m.reached_on) for m in clock.milestones}
        recorded = {
            (m.stretch_since, m.days, m.reached_on)
            for m in clocks.milestone_history(clock.clock_id)
        }
        assert recorded <= shown
        assert recorded or clock.archived  # archived clocks are not summarised on Today


def test_the_review_reads_counts_not_urges(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    for n in range(120):  # 120 urges on three days, at three hours
        urges.log_urge(UrgeDetails(at=at_day(n % 3, 20 + n % 3), intensity=5, did_instead="Tea"))
    fetched: list[int] = []
    real_rows = review_module._rows

    def counting_rows(connection, statement):  # type: ignore[no-untyped-def]
        rows = real_rows(connection, statement)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(review_module, "_rows", counting_rows)
    review = ReviewService(vault, now=lambda: NOW).review(RangeChoice.ALL).review
    assert review.urges is not None
    assert review.urges.count == 120
    assert sum(fetched) < 20


def test_reading_the_review_writes_nothing(vault: Vault) -> None:
    fill(vault)
    service = ReviewService(vault, now=lambda: NOW)
    service.review(RangeChoice.ALL)
    before = vault_bytes(vault.paths)
    for choice, custom in CHOICES:
        service.review(choice, custom)
    assert vault_bytes(vault.paths) == before


def test_the_sentences_come_with_the_numbers(vault: Vault) -> None:
    fill(vault)
    result = ReviewService(vault, now=lambda: NOW).review(RangeChoice.LAST_12_MONTHS)
    assert result.then_and_now
    assert result.then_and_now[0].startswith("In the first month shown you noted")


def test_marked_days_are_counted_only_when_one_fell_in_the_range(vault: Vault) -> None:
    from recovery_app.domain.marked_dates import HardDateDetails
    from recovery_app.domain.review_range import DayRange
    from recovery_app.services.hard_dates import HardDateService

    hard_dates = HardDateService(vault, lambda: NOW)
    service = ReviewService(vault, lambda: NOW, hard_dates)
    today = local_day(NOW)
    span = DayRange(today - timedelta(days=30), today)
    assert service.marked_days(span) is None  # nothing marked
    assert service.marked_days(None) is None
    UrgeService(vault, lambda: NOW).log_urge(UrgeDetails(at=at_day(10), intensity=5))
    hard_dates.add(HardDateDetails("Long ago", 1, 2, year=2020))
    assert service.marked_days(span) is None  # marked, but not in these dates
    day = today - timedelta(days=10)
    hard_dates.add(HardDateDetails("Near", day.month, day.day))
    found = service.marked_days(span)
    assert found is not None
    (around,) = found.days
    assert (around.name, around.day, around.level.urges) == ("Near", day, 1)
    assert found.usual.urges == 0
