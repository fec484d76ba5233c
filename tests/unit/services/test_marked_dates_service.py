"""journal.hard_dates: dates a person marks (with undo), what the journal suggests, the
one line on Today (14, 7, 1 days ahead, the day, the day after), the tray, the review."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_app.domain.check_in import CheckInAnswers
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.kinds import HardDateNotice, MemoryKind, PlanStep
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.memories import MemoryDetails
from recovery_app.domain.notices import NoticeKind
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.hard_date_notices import CHECK_IN_ACTION, PLAN_ACTION
from recovery_app.services.journal import Journal
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.storage.vault import Vault


class FakeClock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> datetime:
        # noon local time, so the local day is `day` wherever the tests run
        return datetime.combine(self.day, datetime.min.time()).replace(hour=12).astimezone(UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(date(2026, 2, 1))


@pytest.fixture
def journal(vault: Vault, clock: FakeClock) -> Journal:
    return Journal(vault, KeyringSecretStore(), now=clock)


def _mark(journal: Journal, name: str = "The day it ended", **given: object) -> int:
    details = HardDateDetails(name, given.pop("month", 2), given.pop("day", 14), **given)  # type: ignore[arg-type]
    return journal.hard_dates.add(details).id


# ----- marking, changing, removing -------------------------------------------------------------


def test_a_marked_date_is_kept_as_given_and_listed_by_the_days_to_go(journal: Journal) -> None:
    clock_id = journal.clocks.add_clock("J", date(2025, 1, 1)).id
    first = _mark(
        journal,
        clock_id=clock_id,
        plan="Call Sam in the morning.",
        steps=(PlanStep.PEOPLE, PlanStep.RIDE_THE_WAVE),
        notice=HardDateNotice.ONE_WEEK,
    )
    _mark(journal, "Their birthday", month=1, day=20)
    _mark(journal, "Court", month=1, day=10, year=2026)
    _mark(journal, "New Year", month=2, day=1)
    listed = journal.hard_dates.upcoming()
    assert [(u.saved.details.name, u.days_to_go) for u in listed] == [
        ("New Year", 0),
        ("The day it ended", 13),
        ("Their birthday", 353),
        ("Court", None),  # marked once, and passed: last
    ]
    saved = journal.hard_dates.get(first)
    assert saved.details.steps == (PlanStep.RIDE_THE_WAVE, PlanStep.PEOPLE)
    assert saved.details.clock_id == clock_id
    assert journal.hard_dates.clock_names() == {clock_id: "J"}


def test_a_change_is_saved_and_a_removal_can_be_undone_as_it_was(journal: Journal) -> None:
    date_id = _mark(journal, plan="Walk")
    changed = journal.hard_dates.update(
        date_id, HardDateDetails("The day it ended", 2, 15, plan="Walk, then rest")
    )
    assert (changed.details.day, changed.details.plan) == (15, "Walk, then rest")
    before = journal.hard_dates.uids()[date_id]
    removed = journal.hard_dates.remove(date_id)
    assert journal.hard_dates.marked() == []
    back = journal.hard_dates.restore(removed)
    assert back.details == changed.details
    assert journal.hard_dates.uids()[back.id] == before  # what Today remembers still holds
    with pytest.raises(InvalidInput):
        journal.hard_dates.remove(date_id + 100)


def test_undo_after_the_same_date_came_back_by_an_import_keeps_both(
    journal: Journal, vault: Vault
) -> None:
    removed = journal.hard_dates.remove(_mark(journal))
    with vault.engine.begin() as conn:  # what an import of an older export would add back
        conn.exec_driver_sql(
            "INSERT INTO hard_date (uid, name, month, day, notice, plan, plan_steps, "
            "created_at, updated_at) VALUES (?, 'Back', 2, 14, '14', '', '[]', "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')",
            (removed.uid,),
        )
    back = journal.hard_dates.restore(removed)
    assert len(set(journal.hard_dates.uids().values())) == 2
    assert back.details.name == "The day it ended"


def test_a_clock_that_is_not_there_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="clock"):
        _mark(journal, clock_id=99)


def test_a_clock_removed_leaves_its_dates_and_undo_links_them_back(journal: Journal) -> None:
    clock_id = journal.clocks.add_clock("J", date(2025, 1, 1)).id
    date_id = _mark(journal, clock_id=clock_id)
    removed = journal.clocks.remove_clock(clock_id)
    assert journal.hard_dates.get(date_id).details.clock_id is None
    restored = journal.clocks.restore_clock(removed)
    assert journal.hard_dates.get(date_id).details.clock_id == restored.id


def test_undoing_a_removal_after_its_clock_went_keeps_the_date_without_it(
    journal: Journal,
) -> None:
    clock_id = journal.clocks.add_clock("J", date(2025, 1, 1)).id
    removed = journal.hard_dates.remove(_mark(journal, clock_id=clock_id))
    journal.clocks.remove_clock(clock_id)
    assert journal.hard_dates.restore(removed).details.clock_id is None


# ----- suggestions -------------------------------------------------------------------------------


def test_a_clocks_first_day_is_suggested_until_kept_or_dismissed(journal: Journal) -> None:
    clock = journal.clocks.add_clock("J", date(2025, 3, 9))
    (offer,) = journal.hard_dates.suggestions().clock_starts
    assert "J" in offer.sentence and "9 March" in offer.sentence
    assert (offer.details.month, offer.details.day, offer.details.clock_id) == (3, 9, clock.id)
    assert offer.details.year is None  # every year
    journal.hard_dates.add(offer.details)
    assert journal.hard_dates.suggestions().clock_starts == ()
    other = journal.clocks.add_clock("K", date(2025, 7, 1))
    (offer,) = journal.hard_dates.suggestions().clock_starts
    assert offer.clock_id == other.id
    journal.hard_dates.dismiss_suggestion(offer.key)
    journal.hard_dates.dismiss_suggestion(offer.key)  # twice is once
    assert journal.hard_dates.suggestions().clock_starts == ()
    assert journal.hard_dates.info_list("hard_dates.dismissed") == [offer.key]


def _gathered_urges(journal: Journal) -> None:
    """Urges now and then for three years, and many around 14 February in two of them."""
    background = [date(2023, 3, 5) + timedelta(days=n) for n in range(0, 1060, 29)]
    gathered = [date(y, 2, d) for y in (2024, 2025) for d in (12, 13, 14, 14, 15, 16)]
    for day in [d for d in background if d.month != 2] + gathered:
        at = datetime.combine(day, datetime.min.time()).replace(hour=20).astimezone()
        journal.urges.log_urge(UrgeDetails(at=at))


def test_a_cluster_is_suggested_with_its_counts_and_can_be_dismissed_for_good(
    journal: Journal, clock: FakeClock
) -> None:
    assert journal.hard_dates.suggestions().not_yet is not None  # nothing yet: what's needed
    _gathered_urges(journal)
    suggestions = journal.hard_dates.suggestions()
    assert suggestions.not_yet is None and suggestions.search.enough_history
    (offer,) = suggestions.clusters
    assert offer.sentence == "Around 14 February, urges have come more often in past years."
    assert offer.counts == (
        "2024: 6 urges in those seven days.",
        "2025: 6 urges in those seven days.",
    )
    assert (offer.details.name, offer.details.month, offer.details.day) == (
        "Around 14 February",
        2,
        14,
    )
    journal.hard_dates.dismiss_suggestion(offer.key)
    assert journal.hard_dates.suggestions().clusters == ()


def test_a_cluster_near_a_marked_day_is_not_suggested_again(journal: Journal) -> None:
    _gathered_urges(journal)
    _mark(journal, "Valentine's", month=2, day=12)
    assert journal.hard_dates.suggestions().clusters == ()


def test_memories_dated_to_the_day_are_offered_to_pick_from(journal: Journal) -> None:
    clock_id = journal.clocks.add_clock("J", date(2025, 1, 1)).id
    journal.memories.add_memory(
        MemoryDetails(
            MemoryKind.HARM, "The row at the station", parse("2023-06-02"), clock_id=clock_id
        )
    )
    journal.memories.add_memory(MemoryDetails(MemoryKind.GOOD, "A summer", parse("summer-2022")))
    journal.memories.add_memory(MemoryDetails(MemoryKind.GOOD, "Picnic", parse("2021-05-14")))
    picked = journal.hard_dates.day_memories()
    assert [(m.title, m.day) for m in picked] == [
        ("The row at the station", date(2023, 6, 2)),
        ("Picnic", date(2021, 5, 14)),
    ]
    details = picked[0].details()
    assert (details.name, details.month, details.day, details.year) == (
        "The row at the station",
        6,
        2,
        None,
    )
    assert details.clock_id == clock_id


# ----- Today's line, on a fake clock -------------------------------------------------------------


@pytest.mark.parametrize(
    ("notice", "days_before", "line"),
    [
        (HardDateNotice.TWO_WEEKS, 14, "The day it ended is in 14 days."),
        (HardDateNotice.TWO_WEEKS, 15, None),
        (HardDateNotice.ONE_WEEK, 7, "The day it ended is in 7 days."),
        (HardDateNotice.ONE_WEEK, 8, None),
        (HardDateNotice.ONE_DAY, 1, "The day it ended is tomorrow."),
        (HardDateNotice.ONE_DAY, 2, None),
        (HardDateNotice.ON_THE_DAY, 1, None),
        (HardDateNotice.NEVER, 0, None),
    ],
)
def test_the_line_starts_as_early_as_the_person_chose(
    journal: Journal, clock: FakeClock, notice: HardDateNotice, days_before: int, line: str | None
) -> None:
    date_id = _mark(journal, notice=notice)
    clock.day = date(2026, 2, 14) - timedelta(days=days_before)
    shown = journal.notices.choose()
    if line is None:
        assert shown is None
        return
    assert shown is not None and shown.kind is NoticeKind.HARD_DATE
    assert shown.text.startswith(line)
    assert shown.text.endswith("Your plan is here when you want it.")
    assert shown.action is not None
    assert (shown.action.kind, shown.action.target) == (PLAN_ACTION, str(date_id))
    assert shown.dismissible


def test_on_the_day_the_plan_and_the_wave_then_a_check_in_the_day_after(
    journal: Journal, clock: FakeClock
) -> None:
    _mark(journal, notice=HardDateNotice.ON_THE_DAY)
    clock.day = date(2026, 2, 14)
    today = journal.notices.choose()
    assert today is not None and today.action is not None
    assert today.text == "The day it ended is today. Your plan and Ride the wave are one key away."
    assert today.action.kind == PLAN_ACTION
    clock.day = date(2026, 2, 15)
    after = journal.notices.choose()
    assert after is not None and after.action is not None
    assert after.text == "The day it ended was yesterday. A short check-in, if you'd like."
    assert after.action.kind == CHECK_IN_ACTION
    journal.check_ins.save(CheckInAnswers(mood=3))
    assert journal.notices.choose() is None  # checked in already: nothing to ask
    clock.day = date(2026, 2, 16)
    assert journal.notices.choose() is None


def test_dont_show_again_quiets_the_line_until_the_dates_next_step(
    journal: Journal, clock: FakeClock
) -> None:
    _mark(journal)
    clock.day = date(2026, 2, 4)
    coming = journal.notices.choose()
    assert coming is not None
    journal.notices.dismiss(coming)
    for day in (5, 10, 13):
        clock.day = date(2026, 2, day)
        assert journal.notices.choose() is None
    clock.day = date(2026, 2, 14)
    on_the_day = journal.notices.choose()
    assert on_the_day is not None and on_the_day.text.startswith("The day it ended is today")
    journal.notices.dismiss(on_the_day)
    assert journal.notices.choose() is None
    clock.day = date(2026, 2, 15)
    assert journal.notices.choose() is not None  # the day after still asks, gently
    clock.day = date(2027, 2, 1)
    assert journal.notices.choose() is not None  # next year, from the start again
    quiet = journal.hard_dates.info_list("hard_dates.quiet")
    journal.notices.dismiss(journal.notices.choose())  # type: ignore[arg-type]
    assert len(journal.hard_dates.info_list("hard_dates.quiet")) == 1  # last year's forgotten
    assert len(quiet) == 2


def test_the_nearest_date_is_the_one_line_and_the_tray_never_names_it(
    journal: Journal, clock: FakeClock
) -> None:
    _mark(journal, "Their birthday", month=2, day=20)
    _mark(journal, "The day it ended", month=2, day=10)
    clock.day = date(2026, 2, 8)
    shown = journal.notices.choose()
    assert shown is not None and shown.text.startswith("The day it ended is in 2 days")
    tray = journal.hard_dates.tray_line()
    assert tray == "A day you marked is coming up."
    clock.day = date(2026, 2, 20)
    assert journal.hard_dates.tray_line() == "A day you marked is today."
    clock.day = date(2026, 3, 20)
    assert journal.hard_dates.tray_line() is None


# ----- the review --------------------------------------------------------------------------------


def test_the_review_gets_the_pull_and_urges_around_each_date(
    journal: Journal, clock: FakeClock, vault: Vault
) -> None:
    date_id = _mark(journal)
    for offset in range(-30, 20):
        clock.day = date(2026, 2, 14) + timedelta(days=offset)
        near = abs(offset) <= 7
        journal.check_ins.save(CheckInAnswers(pull=8 if near else 2))
        at = journal.hard_dates._now()
        for _ in range(3 if near else 1):
            journal.urges.log_urge(UrgeDetails(at=at, intensity=6))
    clock.day = date(2026, 3, 5)
    result = journal.hard_dates.around_marked_days(date(2026, 1, 15), date(2026, 3, 4))
    (around,) = result.days
    assert (around.key, around.day) == (date_id, date(2026, 2, 14))
    assert around.level.pull == 8 and around.level.pull_days == 15
    assert around.level.urges == 45 and around.level.urges_per_week == pytest.approx(21)
    assert result.usual.pull == 2 and result.usual.urges_per_week == pytest.approx(7)
    with pytest.raises(InvalidInput):
        journal.hard_dates.around_marked_days(date(2026, 3, 4), date(2026, 1, 15))
