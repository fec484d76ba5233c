"""The urge list a page at a time: light rows, a count, the same filters as list_urges."""

from datetime import UTC, datetime, timedelta

import pytest

from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.urges import UrgeRow, UrgeService

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def urges(vault) -> UrgeService:
    return UrgeService(vault, now=lambda: NOW)


def test_a_row_holds_what_the_table_shows(urges) -> None:
    urges.triggers()  # the list starts with the suggestions, as when a screen first shows
    saved = urges.log_urge(
        UrgeDetails(
            at=NOW - timedelta(minutes=5),
            intensity=7,
            triggers=("Night-time", "A song"),
            outcome=UrgeOutcome.PASSED,
            minutes=20,
            note="not in a row",
        )
    )
    (row,) = urges.urge_rows(0, 10)
    # Triggers come in the person's list order (A song comes before Night-time there).
    assert row == UrgeRow(
        id=saved.id,
        at=NOW - timedelta(minutes=5),
        intensity=7,
        outcome=UrgeOutcome.PASSED,
        minutes=20,
        triggers=("A song", "Night-time"),
    )


def test_an_urge_with_only_its_moment_gives_an_empty_row(urges) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW))
    assert urges.urge_rows(0, 10) == [UrgeRow(saved.id, NOW, None, None, None, ())]


def test_pages_are_newest_first_and_meet_without_gaps_or_repeats(urges) -> None:
    ids = [urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=h))).id for h in range(25)]
    same_moment = urges.log_urge(UrgeDetails(at=NOW)).id  # a tie: the later-saved comes first
    expected = [same_moment, *ids]
    pages = [urges.urge_rows(offset, 10) for offset in (0, 10, 20, 30)]
    assert [len(p) for p in pages] == [10, 10, 6, 0]
    assert [row.id for page in pages for row in page] == expected
    assert urges.count_urges() == 26


def test_count_and_rows_share_the_day_and_trigger_filters(urges) -> None:
    today = urges.today()
    for days_ago, trigger in ((0, "A song"), (1, "Night-time"), (3, "A song"), (9, "A song")):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(days=days_ago), triggers=(trigger,)))

    def both(**filters: object) -> tuple[int, int]:
        return urges.count_urges(**filters), len(urges.urge_rows(0, 100, **filters))

    assert both() == (4, 4)
    assert both(trigger="a SONG") == (3, 3)
    assert both(since=today - timedelta(days=3)) == (3, 3)
    assert both(until=today - timedelta(days=1)) == (3, 3)
    assert both(since=today - timedelta(days=3), until=today - timedelta(days=1)) == (2, 2)
    assert both(since=today - timedelta(days=5), trigger="A song") == (2, 2)
    assert both(trigger="a trigger nobody has") == (0, 0)
    assert both(since=today, until=today - timedelta(days=1)) == (0, 0)


def test_the_filters_match_list_urges(urges) -> None:
    today = urges.today()
    for days_ago in range(0, 12, 2):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(days=days_ago), triggers=("A song",)))
    filters = {"since": today - timedelta(days=7), "until": today - timedelta(days=2)}
    assert [r.id for r in urges.urge_rows(0, 100, **filters)] == [
        s.id for s in urges.list_urges(**filters)
    ]


def test_an_edit_and_a_delete_show_in_the_rows(urges) -> None:
    first = urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=1), intensity=3))
    second = urges.log_urge(UrgeDetails(at=NOW, intensity=4))
    urges.update_urge(first.id, UrgeDetails(at=NOW - timedelta(hours=1), intensity=9))
    assert [(r.id, r.intensity) for r in urges.urge_rows(0, 10)] == [(second.id, 4), (first.id, 9)]
    urges.delete_urge(second.id)
    assert [r.id for r in urges.urge_rows(0, 10)] == [first.id]
    assert urges.count_urges() == 1


def test_a_page_past_the_end_or_a_silly_limit_is_just_empty(urges) -> None:
    urges.log_urge(UrgeDetails(at=NOW))
    assert urges.urge_rows(5, 10) == []
    assert urges.urge_rows(0, 0) == []
    assert len(urges.urge_rows(-3, 10)) == 1


def test_now_is_the_services_own_moment(urges) -> None:
    assert urges.now() == NOW


def test_each_urge_reads_in_batches_what_list_urges_gives(urges) -> None:
    """Keyset batches: ties on the same moment, batch edges and `since` lose nothing."""
    urges.triggers()
    for hours in (0, 0, 0, 1, 2, 2, 30, 50, 50, 80, 200):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=hours), triggers=("A song",)))
    everything = urges.list_urges()
    assert len(everything) == 11
    for batch in (1, 2, 3, 11, 500):
        assert list(urges.each_urge(batch=batch)) == everything
    since = (NOW - timedelta(hours=60)).astimezone().date()
    assert list(urges.each_urge(since=since, batch=2)) == urges.list_urges(since=since)


def test_each_urge_on_an_empty_journal_gives_nothing(urges) -> None:
    assert list(urges.each_urge(batch=2)) == []
