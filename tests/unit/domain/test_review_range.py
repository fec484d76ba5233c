"""Review ranges: the choices, the journal's own start, and the periods they are cut into."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.review_range import (
    DayRange,
    RangeChoice,
    months_before,
    months_of,
    resolve_range,
    series_span,
    thirds,
    weeks_of,
)

TODAY = date(2026, 11, 23)  # a Monday
LONG_AGO = date(2016, 1, 1)


def test_the_last_four_weeks_are_28_days_up_to_today() -> None:
    span = resolve_range(RangeChoice.LAST_4_WEEKS, TODAY, journal_first=LONG_AGO)
    assert span == DayRange(date(2026, 10, 27), TODAY)
    assert span.days == 28


def test_months_count_back_by_the_calendar() -> None:
    three = resolve_range(RangeChoice.LAST_3_MONTHS, TODAY, journal_first=LONG_AGO)
    twelve = resolve_range(RangeChoice.LAST_12_MONTHS, TODAY, journal_first=LONG_AGO)
    assert three == DayRange(date(2026, 8, 24), TODAY)
    assert twelve == DayRange(date(2025, 11, 24), TODAY)


def test_a_month_shorter_than_the_day_ends_on_its_last_day() -> None:
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)
    span = resolve_range(RangeChoice.LAST_3_MONTHS, date(2026, 5, 31), journal_first=LONG_AGO)
    assert span is not None
    assert span.first == date(2026, 3, 1)


def test_all_starts_on_the_journals_first_day() -> None:
    first = date(2021, 3, 4)
    assert resolve_range(RangeChoice.ALL, TODAY, journal_first=first) == DayRange(first, TODAY)


def test_a_range_never_starts_before_the_journal_does() -> None:
    first = TODAY - timedelta(days=9)
    span = resolve_range(RangeChoice.LAST_12_MONTHS, TODAY, journal_first=first)
    assert span == DayRange(first, TODAY)


def test_an_empty_journal_has_no_range() -> None:
    for choice in (RangeChoice.ALL, RangeChoice.LAST_4_WEEKS):
        assert resolve_range(choice, TODAY, journal_first=None) is None


def test_custom_dates_in_either_order_and_never_past_today() -> None:
    a, b = date(2026, 1, 10), date(2027, 3, 1)
    assert resolve_range(RangeChoice.CUSTOM, TODAY, journal_first=LONG_AGO, custom=(b, a)) == (
        DayRange(a, TODAY)
    )


def test_custom_dates_outside_the_journal_give_no_range_not_an_error() -> None:
    first = date(2024, 1, 1)
    before = (date(2020, 1, 1), date(2020, 2, 1))
    after = (date(2027, 1, 1), date(2027, 2, 1))
    for custom in (before, after):
        assert resolve_range(RangeChoice.CUSTOM, TODAY, journal_first=first, custom=custom) is None


def test_a_custom_range_needs_its_dates() -> None:
    with pytest.raises(ValueError, match="two dates"):
        resolve_range(RangeChoice.CUSTOM, TODAY, journal_first=LONG_AGO)


def test_a_section_starts_on_its_own_first_entry() -> None:
    span = DayRange(date(2026, 1, 1), TODAY)
    assert series_span(span, date(2026, 6, 1)) == DayRange(date(2026, 6, 1), TODAY)
    assert series_span(span, None) is None
    assert series_span(span, TODAY + timedelta(days=1)) is None
    assert series_span(None, date(2026, 6, 1)) is None


def test_weeks_run_monday_to_sunday_cut_at_the_ends() -> None:
    span = DayRange(date(2026, 11, 4), date(2026, 11, 23))  # a Wednesday to a Monday
    weeks = weeks_of(span)
    assert weeks[0] == DayRange(date(2026, 11, 4), date(2026, 11, 8))
    assert weeks[1] == DayRange(date(2026, 11, 9), date(2026, 11, 15))
    assert weeks[-1] == DayRange(date(2026, 11, 23), date(2026, 11, 23))
    assert weeks_of(None) == ()


def test_months_are_calendar_months_cut_at_the_ends() -> None:
    months = months_of(DayRange(date(2024, 1, 31), date(2024, 3, 2)))
    assert months == (
        DayRange(date(2024, 1, 31), date(2024, 1, 31)),
        DayRange(date(2024, 2, 1), date(2024, 2, 29)),
        DayRange(date(2024, 3, 1), date(2024, 3, 2)),
    )


def test_a_range_ends_on_or_after_its_start() -> None:
    with pytest.raises(ValueError, match="ends on or after"):
        DayRange(TODAY, TODAY - timedelta(days=1))


def test_thirds_are_equally_long_and_at_the_ends() -> None:
    then, now = thirds(DayRange(date(2026, 1, 1), date(2026, 1, 10)))  # type: ignore[misc]
    assert then == DayRange(date(2026, 1, 1), date(2026, 1, 3))
    assert now == DayRange(date(2026, 1, 8), date(2026, 1, 10))
    assert thirds(DayRange(TODAY, TODAY + timedelta(days=1))) is None
    assert thirds(None) is None


spans = st.builds(
    lambda first, length: DayRange(first, first + timedelta(days=length)),
    st.dates(date(1990, 1, 1), date(2040, 1, 1)),
    st.integers(0, 1200),
)


@given(spans)
def test_weeks_and_months_cover_every_day_once(span: DayRange) -> None:
    for periods in (weeks_of(span), months_of(span)):
        days = [day for period in periods for day in period.each_day()]
        assert days == list(span.each_day())
    for week in weeks_of(span):
        assert week.days <= 7
        assert all(d.isocalendar()[:2] == week.first.isocalendar()[:2] for d in week.each_day())


@given(spans)
def test_thirds_never_overlap_and_stay_inside(span: DayRange) -> None:
    cut = thirds(span)
    if span.days < 3:
        assert cut is None
        return
    assert cut is not None
    then, now = cut
    assert then.days == now.days == span.days // 3
    assert span.first == then.first
    assert then.last < now.first
    assert now.last == span.last


@given(
    st.sampled_from(list(RangeChoice)),
    st.dates(date(2000, 1, 1), date(2030, 1, 1)),
    st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2035, 1, 1))),
    st.tuples(
        st.dates(date(1990, 1, 1), date(2035, 1, 1)), st.dates(date(1990, 1, 1), date(2035, 1, 1))
    ),
)
def test_a_range_is_inside_the_journal_and_never_after_today(
    choice: RangeChoice, today: date, first: date | None, custom: tuple[date, date]
) -> None:
    span = resolve_range(choice, today, journal_first=first, custom=custom)
    if span is not None:
        assert first is not None
        assert first <= span.first <= span.last <= today
