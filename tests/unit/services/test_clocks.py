"""Clocks, contact events, figures and milestones through the service, on a real vault."""

from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel
from recovery_app.domain.stretches import ContactKind
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.clocks import ClockService

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
TODAY = NOW.astimezone().date()


class Moving:
    """A clock the test moves forward by days."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def now() -> Moving:
    return Moving()


@pytest.fixture
def clocks(vault, now) -> ClockService:
    return ClockService(vault, now=now)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def at_days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


def only(clocks: ClockService):
    (summary,) = clocks.summaries()
    return summary


def test_a_new_clock_starts_at_zero_with_the_first_milestone_ahead(clocks) -> None:
    clocks.add_clock("  A  ", TODAY, "co-parenting logistics")
    summary = only(clocks)
    assert (summary.name, summary.allowed_contact) == ("A", "co-parenting logistics")
    assert summary.figures.current_days == 0
    assert (summary.next_milestone, summary.days_to_next_milestone) == (1, 1)
    assert summary.new_milestones == ()


def test_labels_and_start_dates_are_checked_kindly(clocks) -> None:
    with pytest.raises(InvalidInput, match="nickname or an initial"):
        clocks.add_clock("   ", TODAY)
    with pytest.raises(InvalidInput, match="future"):
        clocks.add_clock("A", TODAY + timedelta(days=1))
    for long_ago in (date(1, 1, 1), date(1899, 12, 31)):
        with pytest.raises(InvalidInput, match="from 1900 on"):
            clocks.add_clock("A", long_ago)
    assert clocks.list_clocks() == []
    clock = clocks.add_clock("A", date(1900, 1, 1))
    assert clock.id is not None
    with pytest.raises(InvalidInput, match="from 1900 on"):
        clocks.update_clock(clock.id, "A", date(1, 1, 1), "")


def test_a_contact_before_1900_is_refused_kindly(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(20))
    assert clock.id is not None
    at = datetime(1, 1, 1, 0, 30, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="from 1900 on"):
        clocks.log_contact(clock.id, ContactDetails(ContactKind.THEM, at))


def test_each_kind_of_contact_and_its_effect_on_the_figures(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(20))
    assert clock.id is not None
    clocks.log_contact(clock.id, ContactDetails(ContactKind.THEM, at_days_ago(15), Channel.CALL))
    clocks.log_contact(clock.id, ContactDetails(ContactKind.UNAVOIDABLE, at_days_ago(12)))
    figures = only(clocks).figures
    assert (figures.current_days, figures.stretches) == (20, 1)

    clocks.log_contact(
        clock.id,
        ContactDetails(
            ContactKind.ME,
            at_days_ago(5),
            Channel.MESSAGE,
            "note",
            "felt alone",
            "a walk",
            "call a friend",
        ),
    )
    figures = only(clocks).figures
    assert (figures.current_days, figures.longest_days, figures.total_days) == (5, 15, 20)
    assert figures.stretches == 2
    mine = next(e.details for e in clocks.list_contacts(clock.id) if e.details.kind == "me")
    assert (mine.what_happened, mine.what_helped, mine.try_next) == (
        "felt alone",
        "a walk",
        "call a friend",
    )


def test_a_reflection_is_kept_only_for_i_reached_out(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(3))
    assert clock.id is not None
    event = clocks.log_contact(
        clock.id, ContactDetails(ContactKind.THEM, at_days_ago(1), what_happened="x")
    )
    assert event.details.what_happened == ""


def test_a_contact_in_the_future_is_refused(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(3))
    assert clock.id is not None
    with pytest.raises(InvalidInput, match="hasn't come yet"):
        clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, NOW + timedelta(days=2)))
    assert clocks.list_contacts(clock.id) == []


def test_editing_and_deleting_a_contact_with_undo(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(10))
    assert clock.id is not None
    event = clocks.log_contact(clock.id, ContactDetails(ContactKind.THEM, at_days_ago(4)))
    assert event.id is not None
    clocks.update_contact(event.id, ContactDetails(ContactKind.ME, at_days_ago(4), note="n"))
    assert only(clocks).figures.current_days == 4
    copy = clocks.delete_contact(event.id)
    assert only(clocks).figures.current_days == 10
    clocks.restore_contact(copy)
    (back,) = clocks.list_contacts(clock.id)
    assert (back.details.kind, back.details.note, back.details.at) == ("me", "n", event.details.at)
    assert only(clocks).figures.current_days == 4


def test_rename_archive_and_unarchive(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(2))
    assert clock.id is not None
    clocks.update_clock(clock.id, "B", days_ago(3), "work only")
    assert only(clocks).name == "B"
    assert only(clocks).figures.current_days == 3
    clocks.archive_clock(clock.id)
    assert clocks.summaries() == []
    assert [c.name for c in clocks.list_clocks(archived=True)] == ["B"]
    clocks.archive_clock(clock.id, archived=False)
    assert only(clocks).name == "B"


def test_removing_a_clock_can_be_undone_with_everything_it_had(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(8))
    assert clock.id is not None
    clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, at_days_ago(2), note="kept"))
    clocks.summaries()  # records 1 and 3 for the first stretch (6 days), 1 for the new one
    removed = clocks.remove_clock(clock.id)
    assert clocks.list_clocks() == []
    back = clocks.restore_clock(removed)
    assert back.id is not None
    assert (back.name, back.since) == ("A", days_ago(8))
    assert [e.details.note for e in clocks.list_contacts(back.id)] == ["kept"]
    assert [m.days for m in clocks.milestone_history(back.id)] == [1, 3, 1]
    assert only(clocks).figures.current_days == 2


def test_find_clock_matches_the_label_whatever_its_case(clocks) -> None:
    clocks.add_clock("Sam", TODAY)
    assert clocks.find_clock(" sam ").name == "Sam"
    with pytest.raises(InvalidInput):
        clocks.find_clock("nobody")


def test_milestones_are_recorded_once_and_acknowledged_once(clocks, now) -> None:
    clock = clocks.add_clock("A", days_ago(6))
    assert clock.id is not None
    assert only(clocks).new_milestones == (1, 3)
    clocks.acknowledge_milestones(clock.id)
    assert only(clocks).new_milestones == ()
    now.now = NOW + timedelta(days=1)
    assert only(clocks).new_milestones == (7,)
    history = clocks.milestone_history(clock.id)
    assert [(m.days, m.reached_on) for m in history] == [
        (1, days_ago(5)),
        (3, days_ago(3)),
        (7, TODAY + timedelta(days=1)),
    ]


def test_a_new_stretch_keeps_old_milestones_and_reaches_its_own(clocks, now) -> None:
    clock = clocks.add_clock("A", days_ago(10))
    assert clock.id is not None
    clocks.summaries()
    clocks.acknowledge_milestones(clock.id)
    clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, at_days_ago(1)))
    assert only(clocks).new_milestones == (1,)
    assert [m.days for m in clocks.milestone_history(clock.id)] == [1, 3, 7, 1]


def test_a_contact_logged_late_corrects_the_milestones_it_made_untrue(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(8))
    assert clock.id is not None
    clocks.summaries()
    assert [m.days for m in clocks.milestone_history(clock.id)] == [1, 3, 7]
    event = clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, at_days_ago(2)))
    clocks.summaries()
    history = [(m.stretch_since, m.days) for m in clocks.milestone_history(clock.id)]
    assert history == [(days_ago(8), 1), (days_ago(8), 3), (days_ago(2), 1)]
    assert event.id is not None
    clocks.delete_contact(event.id)
    clocks.summaries()
    assert [m.days for m in clocks.milestone_history(clock.id)] == [1, 3, 7]


def test_an_old_stretch_s_milestones_are_history_not_news(clocks) -> None:
    clock = clocks.add_clock("A", days_ago(30))
    assert clock.id is not None
    clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, at_days_ago(3)))
    assert only(clocks).new_milestones == (1, 3)


def test_undoing_a_removal_after_adding_another_clock_loses_nothing(clocks) -> None:
    """SQLite hands a freed id to the next row; the restored clock must not collide."""
    first = clocks.add_clock("A", days_ago(5))
    assert first.id is not None
    clocks.log_contact(first.id, ContactDetails(ContactKind.THEM, at_days_ago(1), note="x"))
    removed = clocks.remove_clock(first.id)
    second = clocks.add_clock("B", days_ago(2))
    assert second.id is not None
    clocks.log_contact(second.id, ContactDetails(ContactKind.THEM, at_days_ago(1), note="y"))
    back = clocks.restore_clock(removed)
    assert sorted(c.name for c in clocks.list_clocks()) == ["A", "B"]
    assert back.id is not None
    assert [e.details.note for e in clocks.list_contacts(back.id)] == ["x"]
    assert [e.details.note for e in clocks.list_contacts(second.id)] == ["y"]


def test_the_figures_read_reached_out_from_its_index_alone(vault) -> None:
    """Thousands of events of the other kinds, each with its words, are not read for the
    few dozen "I reached out" that move a clock's figures (migration 0012)."""
    from recovery_app.services.clocks import reached_out

    with vault.engine.connect() as conn:
        sql = str(reached_out([1, 2]).compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING COVERING INDEX ix_contact_event_clock_kind_at" in plan
