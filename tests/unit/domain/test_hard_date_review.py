"""Marked dates in the review: pull and urges around each date, beside the usual level."""

from datetime import date, timedelta

import pytest

from recovery_app.domain.hard_date_review import MarkedForReview, around_marked_days
from recovery_app.domain.hard_dates import MarkedDay
from recovery_app.domain.review_days import CheckInMark
from recovery_app.domain.review_range import DayRange
from recovery_app.domain.review_urges import UrgeDayTally

TODAY = date(2026, 6, 1)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_the_week_either_side_of_a_marked_day_beside_the_rest_of_the_range() -> None:
    span = DayRange(date(2026, 1, 1), date(2026, 5, 31))
    check_ins = [CheckInMark(d, 3, 2) for d in _days(date(2025, 12, 25), TODAY)]
    urges = [UrgeDayTally(d, 1, 1, 4) for d in _days(date(2025, 12, 25), TODAY) if d.day % 7 == 0]
    hard_week = _days(date(2026, 2, 7), date(2026, 2, 21))
    check_ins = [CheckInMark(m.day, 3, 8) if m.day in hard_week else m for m in check_ins]
    urges = [u for u in urges if u.day not in hard_week]
    urges += [UrgeDayTally(d, 2, 2, 16) for d in hard_week]
    result = around_marked_days(
        [MarkedForReview(7, "The day it ended", MarkedDay(2, 14))],
        span,
        TODAY,
        check_ins=check_ins,
        urge_days=urges,
        urges_first=date(2025, 12, 25),
    )
    (around,) = result.days
    assert (around.key, around.name, around.day) == (7, "The day it ended", date(2026, 2, 14))
    assert (around.first, around.last) == (date(2026, 2, 7), date(2026, 2, 21))
    assert around.level.pull_days == 15 and around.level.pull == 8
    assert around.level.urges == 30 and around.level.urge_days == 15
    assert around.level.urges_per_week == pytest.approx(14)
    assert around.level.intensity == 8
    usual = result.usual
    assert usual.pull == 2
    assert usual.pull_days == span.days - 15  # the window is left out of the usual level
    assert usual.urge_days == span.days - 15
    assert usual.urges_per_week == pytest.approx(7 * usual.urges / usual.urge_days)
    assert usual.urges_per_week < 1.5
    assert usual.intensity == 4


def test_a_window_reaches_outside_the_range_and_stops_at_today() -> None:
    span = DayRange(date(2026, 5, 1), TODAY)
    check_ins = [CheckInMark(d, None, 5) for d in _days(date(2026, 4, 20), TODAY)]
    result = around_marked_days(
        [
            MarkedForReview(1, "Early", MarkedDay(5, 2)),
            MarkedForReview(2, "Today", MarkedDay(6, 1)),
            MarkedForReview(3, "Coming", MarkedDay(6, 5)),
        ],
        span,
        TODAY,
        check_ins=check_ins,
        urge_days=[],
        urges_first=None,
    )
    assert [a.key for a in result.days] == [1, 2]
    early, today = result.days
    assert (early.first, early.last) == (date(2026, 4, 25), date(2026, 5, 9))
    assert early.level.pull_days == 15  # six of them before the range began
    assert (today.first, today.last) == (date(2026, 5, 25), TODAY)
    assert today.level.pull_days == 8
    # Nothing was being noted about urges: no rate at all, never a rate of zero.
    assert today.level.urge_days == 0 and today.level.urges_per_week is None
    assert result.usual.urges_per_week is None and result.usual.intensity is None


def test_days_before_the_first_urge_and_days_without_a_check_in_count_for_nothing() -> None:
    span = DayRange(date(2026, 1, 1), date(2026, 3, 31))
    urges = [UrgeDayTally(date(2026, 3, 10), 3)]
    result = around_marked_days(
        [MarkedForReview("a", "A", MarkedDay(3, 10))],
        span,
        TODAY,
        check_ins=[],
        urge_days=urges,
        urges_first=date(2026, 3, 8),
    )
    (around,) = result.days
    assert around.level.urge_days == 10  # from 8 March to 17 March
    assert around.level.urges == 3
    assert around.level.pull is None and around.level.pull_days == 0
    assert around.level.intensity is None
    assert result.usual.urge_days == (date(2026, 3, 31) - date(2026, 3, 18)).days + 1
    assert result.usual.urges == 0 and result.usual.urges_per_week == 0


def test_every_year_in_the_range_and_a_day_marked_once_only_in_its_year() -> None:
    span = DayRange(date(2023, 1, 1), date(2025, 12, 31))
    result = around_marked_days(
        [
            MarkedForReview(1, "Yearly", MarkedDay(12, 25)),
            MarkedForReview(2, "Once", MarkedDay(7, 4, 2024)),
            MarkedForReview(3, "Long ago", MarkedDay(7, 4, 2019)),
        ],
        span,
        TODAY,
        check_ins=[],
        urge_days=[],
        urges_first=None,
    )
    assert [(a.key, a.day) for a in result.days] == [
        (1, date(2023, 12, 25)),
        (2, date(2024, 7, 4)),
        (1, date(2024, 12, 25)),
        (1, date(2025, 12, 25)),
    ]


def test_a_range_with_no_marked_dates_still_has_its_usual_level() -> None:
    span = DayRange(date(2026, 5, 25), TODAY)
    result = around_marked_days(
        [],
        span,
        TODAY,
        check_ins=[CheckInMark(TODAY, 4, 6)],
        urge_days=[UrgeDayTally(TODAY, 7, 0, 0)],
        urges_first=date(2026, 1, 1),
    )
    assert result.days == ()
    assert result.usual.pull == 6 and result.usual.urges == 7 and result.usual.urge_days == 8
