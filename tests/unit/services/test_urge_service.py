"""Urges through the service, on a real vault."""

from datetime import UTC, datetime, timedelta

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.texts import trigger_suggestions
from recovery_app.services.urges import UrgeService

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def urges(vault) -> UrgeService:
    return UrgeService(vault, now=lambda: NOW)


def test_the_trigger_list_starts_with_the_suggestions_and_grows(urges) -> None:
    suggestions = trigger_suggestions()
    assert urges.triggers() == suggestions
    assert urges.add_trigger("  their  birthday ") == "their birthday"
    assert urges.add_trigger("A SONG") == "A song"  # already there, whatever the case
    assert urges.triggers() == [*suggestions, "their birthday"]


def test_an_urge_with_only_its_moment(urges) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW))
    assert urges.get_urge(saved.id).details == UrgeDetails(at=NOW)


def test_every_answer_is_kept_and_new_triggers_join_the_list(urges) -> None:
    details = UrgeDetails(
        at=NOW - timedelta(hours=2),
        intensity=7,
        intensity_after=3,
        triggers=("A song", "the smell of rain"),
        feelings="lonely",
        place="home",
        company="alone",
        did_instead="called my sister",
        outcome=UrgeOutcome.PASSED,
        minutes=25,
        predicted_minutes=120,
        predicted_reach_out=True,
        note="it eased",
    )
    saved = urges.log_urge(details)
    assert urges.get_urge(saved.id).details == details
    assert "the smell of rain" in urges.triggers()


def test_edit_then_delete_with_undo(urges) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=3, triggers=("A song",)))
    urges.update_urge(saved.id, UrgeDetails(at=NOW, intensity=5, triggers=("Night-time",)))
    assert urges.get_urge(saved.id).details.triggers == ("Night-time",)
    copy = urges.delete_urge(saved.id)
    assert urges.list_urges() == []
    again = urges.log_urge(copy)
    assert urges.get_urge(again.id).details == copy


def test_list_filters_by_day_and_trigger(urges) -> None:
    today = urges.today()
    for days_ago, trigger in ((0, "A song"), (1, "Night-time"), (9, "A song")):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(days=days_ago), triggers=(trigger,)))
    assert len(urges.list_urges()) == 3
    assert len(urges.list_urges(since=today - timedelta(days=1))) == 2
    assert [u.details.triggers for u in urges.list_urges(trigger="a song")] == [
        ("A song",),
        ("A song",),
    ]
    recent = urges.list_urges(since=today - timedelta(days=2), trigger="A song")
    assert len(recent) == 1
    newest_first = [u.details.at for u in urges.list_urges()]
    assert newest_first == sorted(newest_first, reverse=True)


def test_a_future_urge_is_refused_and_nothing_saved(urges) -> None:
    with pytest.raises(InvalidInput, match="hasn't come yet"):
        urges.log_urge(UrgeDetails(at=NOW + timedelta(days=2)))
    assert urges.list_urges() == []


def test_week_comparison_counts_this_week(urges) -> None:
    urges.log_urge(UrgeDetails(at=NOW, intensity=6, outcome=UrgeOutcome.PASSED))
    this_week, _last_week = urges.week_comparison()
    assert this_week.count == 1
    assert this_week.mean_intensity == 6.0
    assert this_week.share_passed == 1.0


def test_a_first_urge_with_a_trigger_joins_the_suggestions_after_them(urges) -> None:
    urges.log_urge(UrgeDetails(at=NOW, triggers=("a SONG", "the rain")))
    assert urges.triggers() == [*trigger_suggestions(), "the rain"]
    (saved,) = urges.list_urges()
    assert saved.details.triggers == ("A song", "the rain")


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/Santiago", "Pacific/Chatham"])
def test_the_weeks_counted_by_sql_are_the_domains_weeks(vault, zone: str) -> None:
    """Random urges over a month, some rated or decided: the service's figures are exactly
    `compare_weeks` of every urge, read back, in zones whose clocks change."""
    import os
    import random
    import time

    from recovery_app.domain.stretches import local_day
    from recovery_app.domain.urges import UrgeMark, compare_weeks

    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        rng = random.Random(zone)
        for now in (datetime(2026, 3, 30, 10, tzinfo=UTC), datetime(2026, 10, 27, 23, tzinfo=UTC)):
            service = UrgeService(vault, now=lambda now=now: now)
            for _ in range(120):
                service.log_urge(
                    UrgeDetails(
                        at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 30)),
                        intensity=rng.choice([None, *range(11)]),
                        outcome=rng.choice([None, *UrgeOutcome]),
                    )
                )
            marks = [
                UrgeMark(local_day(u.details.at), u.details.intensity, u.details.outcome)
                for u in service.list_urges()
            ]
            expected = compare_weeks(marks, service.today())
            assert service.week_comparison() == expected
            assert expected[0].count + expected[1].count > 0
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_every_urge_is_counted_from_the_intensity_index(vault, urges) -> None:
    """The unfiltered count reads the smallest index of every urge (migration 0013), not
    the moments' index, four times its size, which a first count after unlock decrypts."""
    from recovery_app.services.urges import urges_counted

    for day in range(3):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(days=day), intensity=day or None))
    with vault.engine.connect() as conn:
        sql = str(urges_counted().compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING COVERING INDEX ix_urge_intensity" in plan
    assert urges.count_urges() == 3  # the urges without an intensity are in the index too


def test_a_trigger_filter_seeks_that_triggers_links(vault, urges) -> None:
    """The trigger's links are found by its id in their index, not by reading every link of
    every urge (62,000 in a heavy journal) to join each to its name."""
    from recovery_app.services.urges import urges_counted

    urges.log_urge(UrgeDetails(at=NOW, triggers=("A song",)))
    urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=1), triggers=("Payday",)))
    with vault.engine.connect() as conn:
        sql = str(
            urges_counted(trigger="a song").compile(conn, compile_kwargs={"literal_binds": True})
        )
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SEARCH urge_trigger USING INDEX ix_urge_trigger_trigger_id" in plan
    assert "SCAN urge_trigger " not in f"{plan} "
    assert urges.count_urges(trigger="a song") == 1
    assert urges.count_urges(trigger="PAYDAY ") == 1
