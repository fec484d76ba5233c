from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.urges import (
    UrgeDetails,
    UrgeMark,
    UrgeOutcome,
    compare_weeks,
    week_start,
)

AT = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 23)


def test_only_the_moment_is_required() -> None:
    clean = UrgeDetails(at=AT).validated()
    assert clean == UrgeDetails(at=AT)


def test_triggers_are_tidied_and_not_repeated() -> None:
    clean = UrgeDetails(at=AT, triggers=(" A  song ", "a song", "Night-time")).validated()
    assert clean.triggers == ("A song", "Night-time")


@pytest.mark.parametrize(
    ("details", "words"),
    [
        (UrgeDetails(at=AT, intensity=11), "0 to 10"),
        (UrgeDetails(at=AT, intensity=-1), "0 to 10"),
        (UrgeDetails(at=AT, minutes=-5), "Minutes"),
        (UrgeDetails(at=AT, predicted_minutes=20_000), "Minutes"),
        (UrgeDetails(at=AT, triggers=("   ",)), "a word or two"),
    ],
)
def test_impossible_answers_get_a_kind_message(details: UrgeDetails, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        details.validated()


def test_a_naive_moment_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        UrgeDetails(at=datetime(2026, 11, 23)).validated()


def test_this_week_beside_last_week() -> None:
    today = MONDAY + timedelta(days=2)  # a Wednesday
    marks = [
        UrgeMark(MONDAY, 8, UrgeOutcome.PASSED),
        UrgeMark(MONDAY + timedelta(days=1), 4, UrgeOutcome.REACHED_OUT),
        UrgeMark(MONDAY + timedelta(days=1), None, None),
        UrgeMark(MONDAY - timedelta(days=1), 9, UrgeOutcome.PASSED),  # last Sunday
        UrgeMark(MONDAY - timedelta(days=8), 3, None),  # two weeks ago: neither
    ]
    this_week, last_week = compare_weeks(marks, today)
    assert (this_week.monday, this_week.count, this_week.mean_intensity) == (MONDAY, 3, 6.0)
    assert this_week.share_passed == 0.5
    assert (last_week.count, last_week.mean_intensity, last_week.share_passed) == (1, 9.0, 1.0)


def test_an_empty_week_has_no_averages() -> None:
    this_week, last_week = compare_weeks([], MONDAY)
    assert (this_week.count, this_week.mean_intensity, this_week.share_passed) == (0, None, None)
    assert last_week.monday == MONDAY - timedelta(days=7)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_a_week_starts_on_its_monday(day: date) -> None:
    monday = week_start(day)
    assert monday.weekday() == 0
    assert 0 <= (day - monday).days < 7
