"""When a reading may be suggested: the rule, on a fake clock."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from recovery_app.domain.reading_moments import (
    HARD_URGE_AT,
    MAX_OFFERS,
    MOMENT_READINGS,
    QUIET_HOURS,
    Moment,
    SuggestionState,
    moment_after_contact,
    moment_after_urge,
    reading_to_suggest,
)
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeOutcome

NOW = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
EVERY_READING = frozenset(r for ids in MOMENT_READINGS.values() for r in ids)
FRESH = SuggestionState()


def suggest(moment: Moment, state: SuggestionState = FRESH, now: datetime = NOW) -> str | None:
    return reading_to_suggest(moment, state, EVERY_READING, now)


def test_each_moment_suggests_its_first_reading_to_a_fresh_journal() -> None:
    assert suggest(Moment.FIRST_RUN) == "trauma_bond"
    assert suggest(Moment.REACHED_OUT) == "several_tries"
    assert suggest(Moment.HARD_URGE) == "withdrawal"


def test_only_i_reached_out_and_a_hard_urge_are_moments() -> None:
    assert moment_after_contact(ContactKind.ME) is Moment.REACHED_OUT
    assert moment_after_contact(ContactKind.THEM) is None
    assert moment_after_contact(ContactKind.UNAVOIDABLE) is None
    assert moment_after_urge(HARD_URGE_AT) is Moment.HARD_URGE
    assert moment_after_urge(10) is Moment.HARD_URGE
    assert moment_after_urge(HARD_URGE_AT - 1) is None
    assert moment_after_urge(None) is None
    assert moment_after_urge(4, intensity_after=8) is Moment.HARD_URGE  # it grew: still hard
    assert moment_after_urge(None, intensity_after=7) is Moment.HARD_URGE
    assert moment_after_urge(2, outcome=UrgeOutcome.REACHED_OUT) is Moment.REACHED_OUT
    assert moment_after_urge(9, outcome=UrgeOutcome.PASSED) is Moment.HARD_URGE


def test_one_suggestion_at_most_in_any_quiet_period_whatever_the_moment() -> None:
    offered = SuggestionState(offers={"withdrawal": 1}, last_offer_at=NOW)
    later = NOW + timedelta(hours=QUIET_HOURS) - timedelta(seconds=1)
    assert suggest(Moment.REACHED_OUT, offered, later) is None
    assert suggest(Moment.HARD_URGE, offered, NOW + timedelta(minutes=5)) is None
    next_day = NOW + timedelta(hours=QUIET_HOURS)
    assert suggest(Moment.REACHED_OUT, offered, next_day) == "several_tries"


def test_a_clock_set_back_does_not_silence_suggestions_until_that_date_returns() -> None:
    offered_in_2031 = SuggestionState(offers={"withdrawal": 1}, last_offer_at=NOW.replace(2031))
    assert suggest(Moment.REACHED_OUT, offered_in_2031) == "several_tries"


def test_a_reading_read_or_dismissed_is_never_suggested_and_the_next_gets_its_turn() -> None:
    assert suggest(Moment.REACHED_OUT, SuggestionState(read=frozenset({"several_tries"}))) == (
        "self_blame"
    )
    dismissed = SuggestionState(dismissed=frozenset({"several_tries"}))
    assert suggest(Moment.REACHED_OUT, dismissed) == "self_blame"
    both = SuggestionState(read=frozenset({"self_blame"}), dismissed=frozenset({"several_tries"}))
    assert suggest(Moment.REACHED_OUT, both) is None


def test_a_reading_let_pass_comes_back_once_more_then_rests() -> None:
    once = SuggestionState(offers={"withdrawal": 1}, last_offer_at=NOW - timedelta(days=2))
    assert suggest(Moment.HARD_URGE, once) == "withdrawal"
    twice = replace(once, offers={"withdrawal": MAX_OFFERS})
    assert suggest(Moment.HARD_URGE, twice) == "good_moments"
    rested = replace(twice, offers={"withdrawal": 2, "good_moments": 2})
    assert suggest(Moment.HARD_URGE, rested) is None


def test_the_first_run_line_comes_only_to_a_journal_with_no_suggestion_or_reading_yet() -> None:
    assert suggest(Moment.FIRST_RUN) == "trauma_bond"
    long_ago = NOW - timedelta(days=30)
    offered_before = SuggestionState(offers={"trauma_bond": 1}, last_offer_at=long_ago)
    assert suggest(Moment.FIRST_RUN, offered_before) is None
    assert suggest(Moment.FIRST_RUN, SuggestionState(read=frozenset({"grief"}))) is None


def test_suggestions_turned_off_stay_off() -> None:
    off = SuggestionState(enabled=False)
    assert all(suggest(moment, off) is None for moment in Moment)


@pytest.mark.parametrize("moment", list(Moment))
def test_a_reading_missing_from_the_library_is_skipped(moment: Moment) -> None:
    first, second = MOMENT_READINGS[moment]
    assert reading_to_suggest(moment, FRESH, {second}, NOW) == second
    assert reading_to_suggest(moment, FRESH, set(), NOW) is None
    assert first != second
