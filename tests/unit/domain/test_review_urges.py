"""Urge figures of the review, on worked examples (the invariants are in test_review.py)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.review_range import DayRange, weeks_of
from recovery_app.domain.review_urges import (
    HourCell,
    InsteadTally,
    TriggerTally,
    UrgeDayTally,
    rank_did_instead,
    tally_urge_days,
    triggers_then_and_now,
    urge_periods,
    weekday_hour_grid,
)
from recovery_app.domain.urges import UrgeMark, UrgeOutcome

MONDAY = date(2026, 11, 2)
PASSED, REACHED = UrgeOutcome.PASSED, UrgeOutcome.REACHED_OUT


def test_a_week_counts_its_urges_with_the_mean_and_share_of_those_answered() -> None:
    tallies = tally_urge_days(
        [
            UrgeMark(MONDAY, 8, PASSED),
            UrgeMark(MONDAY, None, None),
            UrgeMark(MONDAY + timedelta(days=2), 4, REACHED),
            UrgeMark(MONDAY + timedelta(days=9), 5, PASSED),
        ]
    )
    first, second = urge_periods(tallies, weeks_of(DayRange(MONDAY, MONDAY + timedelta(days=13))))
    assert (first.count, first.mean_intensity, first.share_passed) == (3, 6.0, 0.5)
    assert (second.count, second.mean_intensity, second.share_passed) == (1, 5.0, 1.0)


def test_a_week_with_no_urges_has_a_count_of_zero_and_no_mean() -> None:
    (week,) = urge_periods([], [DayRange(MONDAY, MONDAY + timedelta(days=6))])
    assert (week.count, week.mean_intensity, week.share_passed) == (0, None, None)


def test_weekday_and_hour_make_a_seven_by_24_grid_or_nothing() -> None:
    grid = weekday_hour_grid([HourCell(0, 21, 4), HourCell(6, 0, 1), HourCell(0, 21, 2)])
    assert len(grid) == 7
    assert all(len(row) == 24 for row in grid)
    assert (grid[0][21], grid[6][0], sum(map(sum, grid))) == (6, 1, 7)
    assert weekday_hour_grid([]) == ()
    with pytest.raises(ValueError, match="weekday"):
        weekday_hour_grid([HourCell(7, 0, 1)])


def test_triggers_then_and_now_keep_the_top_of_either_third() -> None:
    span = DayRange(MONDAY, MONDAY + timedelta(days=29))
    then, now = DayRange(MONDAY, MONDAY + timedelta(days=9)), span
    tallies = [
        TriggerTally("Night-time", 9, 2),
        TriggerTally("A song", 1, 6),
        TriggerTally("They posted", 0, 3),
        TriggerTally("Loneliness", 4, 0),
        TriggerTally("Never", 0, 0),
    ]
    found = triggers_then_and_now(tallies, then, now, then_urges=12, now_urges=9, top=2)
    assert [(t.name, t.then, t.now, t.change) for t in found.triggers] == [
        ("A song", 1, 6, 5),
        ("They posted", 0, 3, 3),
        ("Night-time", 9, 2, -7),
        ("Loneliness", 4, 0, -4),
    ]
    assert (found.then_urges, found.now_urges) == (12, 9)


def test_what_helped_is_counted_together_whatever_the_case_and_ranked_by_passing() -> None:
    ranks = rank_did_instead(
        [
            InsteadTally("Went for a walk", 6, 5, 4),
            InsteadTally("went for a  walk", 2, 2, 2),
            InsteadTally("Called a friend", 3, 3, 3),
            InsteadTally("Made tea", 10, 8, 3),
            InsteadTally("   ", 4, 4, 4),
        ]
    )
    assert [(r.text, r.count, r.passed) for r in ranks] == [
        ("Went for a walk", 8, 6),
        ("Called a friend", 3, 3),  # as many passed as with tea, and a larger share
        ("Made tea", 10, 3),
    ]
    assert ranks[1].share_passed == 1.0


def test_nothing_was_decided_so_no_share() -> None:
    (rank,) = rank_did_instead([InsteadTally("Wrote here", 2, 0, 0)])
    assert rank.share_passed is None


marks = st.lists(
    st.builds(
        UrgeMark,
        st.integers(0, 90).map(lambda n: MONDAY + timedelta(days=n)),
        st.one_of(st.none(), st.integers(0, 10)),
        st.sampled_from([None, PASSED, REACHED]),
    ),
    max_size=100,
)


@given(marks)
def test_day_tallies_and_weeks_keep_every_urge(urges: list[UrgeMark]) -> None:
    tallies = tally_urge_days(urges)
    assert sum(t.count for t in tallies) == len(urges)
    assert [t.day for t in tallies] == sorted({u.day for u in urges})
    weeks = urge_periods(tallies, weeks_of(DayRange(MONDAY, MONDAY + timedelta(days=90))))
    assert sum(w.count for w in weeks) == len(urges)
    assert sum(w.passed for w in weeks) == sum(u.outcome is PASSED for u in urges)
    assert sum(w.rated for w in weeks) == sum(u.intensity is not None for u in urges)


def test_a_tally_outside_every_period_is_not_counted() -> None:
    tally = UrgeDayTally(MONDAY - timedelta(days=1), 3)
    (week,) = urge_periods([tally], [DayRange(MONDAY, MONDAY + timedelta(days=6))])
    assert week.count == 0
