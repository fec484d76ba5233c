"""Backup rules: when one is due, which survive a simulated year, when Today mentions them."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_app.domain.backups import (
    AUTOMATIC,
    NEVER,
    BackupAttention,
    BackupStamp,
    Retention,
    Trigger,
    backup_attention,
    backup_due,
    backups_to_keep,
)

NOW = datetime(2026, 6, 15, 12, tzinfo=UTC)


def test_quick_exit_and_auto_lock_never_back_up() -> None:
    for trigger in NEVER:
        assert not backup_due(trigger, None, NOW)
        assert not backup_due(trigger, NOW - timedelta(days=30), NOW)


def test_automatic_backups_wait_an_hour_and_the_others_never_wait() -> None:
    just_now = NOW - timedelta(minutes=59)
    for trigger in AUTOMATIC:
        assert backup_due(trigger, None, NOW)
        assert not backup_due(trigger, just_now, NOW)
        assert backup_due(trigger, NOW - timedelta(hours=1), NOW)
    for trigger in set(Trigger) - AUTOMATIC - NEVER:
        assert backup_due(trigger, just_now, NOW)


def test_a_clock_set_far_back_does_not_stop_backups_for_good() -> None:
    assert backup_due(Trigger.HOURLY, NOW + timedelta(days=3), NOW)
    assert not backup_due(Trigger.HOURLY, NOW + timedelta(minutes=10), NOW)


def test_the_newest_ten_then_one_a_day() -> None:
    # Three backups a day for twenty days: the ten newest, then the newest of each older day.
    stamps = [
        BackupStamp((d, h), NOW - timedelta(days=d, hours=h)) for d in range(20) for h in (1, 3, 5)
    ]
    keep = backups_to_keep(stamps, NOW, UTC, Retention(size_cap=None))
    newest_ten = {(0, 1), (0, 3), (0, 5), (1, 1), (1, 3), (1, 5), (2, 1), (2, 3), (2, 5), (3, 1)}
    assert newest_ten <= keep
    assert {(d, 1) for d in range(14)} <= keep  # newest of each of the last 14 days
    assert (3, 3) not in keep and (13, 5) not in keep


def test_one_a_week_then_one_a_month() -> None:
    stamps = [BackupStamp(i, NOW - timedelta(days=i)) for i in range(400)]
    keep = backups_to_keep(stamps, NOW, UTC, Retention(size_cap=None))
    assert len(keep) <= Retention().most_kept
    assert 399 not in keep  # older than twelve months and not among the newest
    months = {(NOW - timedelta(days=i)).date().replace(day=1) for i in keep}
    assert len(months) == 12


def test_days_are_the_persons_own_calendar_days() -> None:
    # 23:30 and 00:30 in Auckland are two days there but one day in UTC.
    zone = ZoneInfo("Pacific/Auckland")
    late = datetime(2026, 6, 10, 23, 30, tzinfo=zone)
    stamps = [BackupStamp(n, late + timedelta(hours=n)) for n in range(2)]
    stamps += [BackupStamp(f"filler{n}", late + timedelta(days=3, minutes=n)) for n in range(10)]
    now = late + timedelta(days=4)
    assert {0, 1} <= backups_to_keep(stamps, now, zone, Retention(size_cap=None))
    assert len({0, 1} & backups_to_keep(stamps, now, UTC, Retention(size_cap=None))) == 1


def test_the_size_cap_drops_the_oldest_but_never_the_newest() -> None:
    stamps = [BackupStamp(i, NOW - timedelta(days=i), size=100) for i in range(30)]
    keep = backups_to_keep(stamps, NOW, UTC, Retention(size_cap=550))
    assert keep == {0, 1, 2, 3, 4}
    huge = [BackupStamp("big", NOW, size=10_000), BackupStamp("old", NOW - timedelta(days=1))]
    assert backups_to_keep(huge, NOW, UTC, Retention(size_cap=500)) == {"big"}


def test_today_mentions_a_failure_an_old_backup_or_none_yet() -> None:
    week = timedelta(days=7)
    assert backup_attention(None, None, NOW) is BackupAttention.NEVER
    assert backup_attention(NOW - timedelta(hours=1), None, NOW) is BackupAttention.NONE
    assert backup_attention(NOW - week - timedelta(minutes=1), None, NOW) is BackupAttention.OLD
    failed = NOW - timedelta(minutes=5)
    assert backup_attention(NOW - timedelta(hours=1), failed, NOW) is BackupAttention.FAILED
    assert backup_attention(NOW, failed, NOW) is BackupAttention.NONE  # worked since
    assert backup_attention(None, failed, NOW) is BackupAttention.FAILED


# ----- a simulated year ---------------------------------------------------------------------


def _week(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month(d: date) -> date:
    return d.replace(day=1)


def _simulate_year(seed: int, mean_gap_hours: float, mean_session_hours: float, cap: int | None):
    """Open the journal at random, back up as the app would (unlock, hourly, quit, sometimes by
    hand), prune after each backup, and check the promises after every step."""
    rng = random.Random(seed)
    rules = Retention(size_cap=cap)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    end = start + timedelta(days=365)
    made: list[BackupStamp] = []
    made_periods: set[date] = set()  # every day, week and month a backup was made in
    existing: dict[int, BackupStamp] = {}
    last_backup: datetime | None = None
    automatic_times: list[datetime] = []
    now = start
    while now < end:
        now += timedelta(hours=rng.expovariate(1 / mean_gap_hours))
        closes = now + timedelta(hours=rng.expovariate(1 / mean_session_hours))
        moments = [(now, Trigger.UNLOCK)]
        tick = now + timedelta(hours=1)
        while tick < closes:
            moments.append((tick, Trigger.HOURLY))
            tick += timedelta(hours=1)
        if rng.random() < 0.1:
            moments.append((now + (closes - now) / 2, Trigger.MANUAL))
        if rng.random() < 0.05:
            moments.append((now + timedelta(seconds=1), Trigger.BEFORE_IMPORT))
        moments.append((closes, rng.choice([Trigger.QUIT, Trigger.QUICK_EXIT, Trigger.AUTO_LOCK])))
        for moment, trigger in sorted(moments, key=lambda m: m[0]):
            if not backup_due(trigger, last_backup, moment):
                continue
            last_backup = moment
            if trigger in AUTOMATIC:
                automatic_times.append(moment)
            stamp = BackupStamp(len(made), moment, size=rng.randint(1, 100))
            made.append(stamp)
            day = moment.date()
            made_periods |= {("day", day), ("week", _week(day)), ("month", _month(day))}
            existing[stamp.key] = stamp
            keep = backups_to_keep(existing.values(), moment, UTC, rules)
            existing = {k: s for k, s in existing.items() if k in keep}
            _check(made, made_periods, existing, moment, rules)
        now = closes
    assert all(b - a >= timedelta(hours=1) for a, b in itertools.pairwise(automatic_times))
    return made, existing


def _check(made, made_periods, existing, now, rules: Retention) -> None:
    assert made[-1].key in existing  # the one just made
    assert len(existing) <= rules.most_kept
    if rules.size_cap is not None:
        assert sum(s.size for s in existing.values()) <= rules.size_cap or len(existing) == 1
        return
    assert {s.key for s in made[-rules.newest :]} <= set(existing)
    today = now.date()
    kept_days = {s.at.date() for s in existing.values()}
    kept = {("day", d) for d in kept_days}
    kept |= {("week", _week(d)) for d in kept_days} | {("month", _month(d)) for d in kept_days}
    window = {("day", today - timedelta(days=i)) for i in range(rules.daily)}
    window |= {("week", _week(today) - timedelta(weeks=i)) for i in range(rules.weekly)}
    first = _month(today)
    for _ in range(rules.monthly):
        window.add(("month", first))
        first = _month(first - timedelta(days=1))
    # Every day, week and month in its window that had a backup still has one.
    assert made_periods & window <= kept


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    mean_gap_hours=st.sampled_from([3.0, 12.0, 30.0, 24 * 7.0]),
    mean_session_hours=st.sampled_from([0.2, 1.0, 4.0]),
)
def test_a_year_of_use_keeps_every_promise(
    seed: int, mean_gap_hours: float, mean_session_hours: float
) -> None:
    made, _ = _simulate_year(seed, mean_gap_hours, mean_session_hours, cap=None)
    assert made


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32), cap=st.integers(50, 2_000))
def test_a_year_under_a_size_cap_stays_under_it(seed: int, cap: int) -> None:
    _simulate_year(seed, 12.0, 2.0, cap=cap)
