"""Local days, weekdays and hours counted in SQL agree with Python's, in any time zone."""

import itertools
import os
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy
from sqlmodel import SQLModel, col

from recovery_app.domain.stretches import local_day
from recovery_app.services.local_days import (
    day_bounds,
    day_of_number,
    grouped,
    hour_of_week_sql,
    local_day_sql,
    offsets_between,
    weekday_hour,
)
from recovery_app.storage.models import Urge

ZONES = (
    "UTC",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",  # summer time of half an hour
    "Asia/Kolkata",  # half an hour off UTC all year
    "Pacific/Chatham",  # 12:45 / 13:45
)


@pytest.fixture(params=ZONES)
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


def _moments() -> list[datetime]:
    """Every 15 minutes through two years of summer-time changes, and random moments
    over ten years."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    steady = [start + timedelta(minutes=15 * n) for n in range(0, 2 * 365 * 96, 7)]
    rng = random.Random(3)
    anywhere = [
        datetime(2016, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(10 * 365 * 86_400))
        for _ in range(2_000)
    ]
    return steady + anywhere


def test_sql_gives_every_moment_the_local_day_weekday_and_hour_python_gives(zone: str) -> None:
    engine = sqlalchemy.create_engine("sqlite://")
    SQLModel.metadata.create_all(engine, tables=[SQLModel.metadata.tables["urge"]])
    moments = _moments()
    with engine.begin() as connection:
        connection.execute(
            sqlalchemy.insert(Urge),
            [{"id": n + 1, "at": m, "created_at": m} for n, m in enumerate(moments)],
        )
        offsets = offsets_between(min(moments), max(moments))
        at = col(Urge.at)
        rows = connection.execute(
            sqlalchemy.select(
                col(Urge.id), local_day_sql(at, offsets), hour_of_week_sql(at, offsets)
            ).order_by(col(Urge.id))
        ).all()
    assert len(rows) == len(moments)
    for (_, day, cell), moment in zip(rows, moments, strict=True):
        local = moment.astimezone()
        assert day_of_number(day) == local_day(moment), (zone, moment)
        assert weekday_hour(cell) == (local.weekday(), local.hour), (zone, moment)


def test_summer_time_changes_are_found_to_the_second(zone: str) -> None:
    offsets = offsets_between(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    for before, change in itertools.pairwise(offsets):
        moment = change.start
        assert (moment - timedelta(seconds=1)).astimezone().utcoffset() == timedelta(
            seconds=before.seconds
        )
        assert moment.astimezone().utcoffset() == timedelta(seconds=change.seconds)
    if zone == "Europe/London":
        assert [o.start for o in offsets[1:]] == [
            datetime(2026, 3, 29, 1, tzinfo=UTC),
            datetime(2026, 10, 25, 1, tzinfo=UTC),
        ]
    if zone in ("UTC", "Asia/Kolkata"):
        assert len(offsets) == 1


def test_a_days_bounds_are_its_local_midnights(zone: str) -> None:
    day = datetime(2026, 3, 29).date()
    start, end = day_bounds(day, day)
    assert local_day(start) == day
    assert local_day(end) == day + timedelta(days=1)
    assert local_day(end - timedelta(microseconds=1)) == day


def test_grouping_by_name_computes_the_local_day_once() -> None:
    offsets = offsets_between(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))
    day, by_day = grouped(local_day_sql(col(Urge.at), offsets), "local_day")
    sql = str(sqlalchemy.select(day, sqlalchemy.func.count()).group_by(by_day).compile())
    assert sql.count("unixepoch(") == 1
    assert sql.rstrip().endswith("GROUP BY local_day")
