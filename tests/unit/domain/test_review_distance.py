"""A clock in the review: stretches, milestones with their dates, and days of distance."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.review_distance import (
    ClockHistory,
    MilestoneReached,
    StretchSpan,
    distance_periods,
    review_clock,
)
from recovery_app.domain.review_range import DayRange, weeks_of

D = date(2026, 1, 1)  # a Thursday


def day(n: int) -> date:
    return D + timedelta(days=n)


def clock(*reach_outs: int, since: date = D) -> ClockHistory:
    return ClockHistory(1, "A", since, False, frozenset(day(n) for n in reach_outs))


def test_reaching_out_costs_that_day_and_never_the_days_before() -> None:
    review = review_clock(clock(10), DayRange(D, day(14)), today=day(14))
    assert review.stretches == (
        StretchSpan(D, day(10), 10, running=False),
        StretchSpan(day(10), day(14), 4, running=True),
    )
    assert (review.figures.current_days, review.figures.longest_days) == (4, 10)
    # Days 0 to 13 count (today is not over yet); day 10 had "I reached out".
    assert (review.distance_days, review.counted_days) == (13, 14)


def test_milestones_are_listed_with_the_day_each_was_reached() -> None:
    review = review_clock(clock(10), DayRange(D, day(14)), today=day(14))
    assert review.milestones == (
        MilestoneReached(1, D, day(1)),
        MilestoneReached(3, D, day(3)),
        MilestoneReached(7, D, day(7)),
        MilestoneReached(1, day(10), day(11)),
        MilestoneReached(3, day(10), day(13)),
    )


def test_only_milestones_reached_inside_the_range_are_listed() -> None:
    review = review_clock(clock(), DayRange(day(5), day(40)), today=day(40))
    assert [m.days for m in review.milestones] == [7, 14, 21, 30]


def test_a_stretch_that_runs_across_the_range_is_shown_whole() -> None:
    review = review_clock(clock(3, 300), DayRange(day(100), day(120)), today=day(400))
    assert review.stretches == (StretchSpan(day(3), day(300), 297, running=False),)
    assert (review.distance_days, review.counted_days) == (21, 21)


def test_weekly_counts_read_as_days_not_a_score() -> None:
    span = DayRange(day(4), day(17))  # Monday 5 Jan to Sunday 18 Jan
    (first, second) = review_clock(clock(6, 7), span, today=day(30)).weeks
    assert (first.first, first.distance_days, first.counted_days) == (day(4), 5, 7)
    assert (second.distance_days, second.counted_days, second.share) == (7, 7, 1.0)


def test_days_before_the_clock_began_and_today_are_not_counted() -> None:
    history = clock(since=day(10))
    before, during = distance_periods(
        history, [DayRange(D, day(9)), DayRange(day(8), day(12))], today=day(12)
    )
    assert (before.distance_days, before.counted_days, before.share) == (0, 0, None)
    assert (during.distance_days, during.counted_days) == (2, 2)  # days 10 and 11


def test_a_range_with_nothing_in_it_keeps_the_whole_history_figures_only() -> None:
    review = review_clock(clock(10), None, today=day(14))
    assert review.figures.total_days == 14
    assert review.stretches == review.milestones == review.weeks == review.months == ()
    assert (review.distance_days, review.counted_days) == (0, 0)


def test_a_contact_logged_before_the_start_or_after_today_lands_on_the_ends() -> None:
    history = ClockHistory(1, "A", day(5), False, frozenset({day(1), day(20)}))
    review = review_clock(history, DayRange(day(5), day(12)), today=day(12))
    # Before the start: the start day (and it ends nothing, as in stretches.py).
    # After today: today, which is not counted yet, and a new stretch begins today.
    assert (review.distance_days, review.counted_days) == (6, 7)
    assert [(s.since, s.days) for s in review.stretches] == [(day(5), 7), (day(12), 0)]


histories = st.builds(
    lambda since, reach_outs: ClockHistory(
        1, "A", day(since), False, frozenset(day(n) for n in reach_outs)
    ),
    st.integers(0, 60),
    st.sets(st.integers(-10, 200), max_size=25),
)
ranges = st.builds(
    lambda first, length: DayRange(day(first), day(first + length)),
    st.integers(-30, 200),
    st.integers(0, 120),
)


@given(histories, ranges, st.integers(0, 220))
def test_weeks_and_months_add_up_to_the_range(
    history: ClockHistory, span: DayRange, today_offset: int
) -> None:
    today = day(today_offset)
    review = review_clock(history, span, today)
    for periods in (review.weeks, review.months):
        assert sum(p.counted_days for p in periods) == review.counted_days
        assert sum(p.distance_days for p in periods) == review.distance_days
        for period in periods:
            assert 0 <= period.distance_days <= period.counted_days
            assert period.share is None if period.counted_days == 0 else period.share is not None


@given(histories, ranges, st.integers(0, 220))
def test_each_reach_out_day_costs_exactly_one_day(
    history: ClockHistory, span: DayRange, today_offset: int
) -> None:
    today = day(today_offset)
    review = review_clock(history, span, today)
    counted = span.clipped(first=history.since, last=today - timedelta(days=1))
    if counted is None:
        assert review.counted_days == 0
        return
    landed = {min(max(d, history.since), max(today, history.since)) for d in history.reach_out_days}
    assert review.counted_days == counted.days
    assert review.distance_days == counted.days - sum(d in counted for d in landed)


@given(histories, st.integers(0, 220))
def test_milestones_over_all_time_are_every_stretchs_milestones(
    history: ClockHistory, today_offset: int
) -> None:
    today = max(day(today_offset), history.since)
    review = review_clock(history, DayRange(history.since, today), today)
    for milestone in review.milestones:
        assert milestone.reached_on == milestone.stretch_since + timedelta(days=milestone.days)
        assert milestone.reached_on <= today
    assert sum(s.days for s in review.stretches) == review.figures.total_days
    weeks = weeks_of(DayRange(history.since, today))
    assert len(review.weeks) == len(weeks)
