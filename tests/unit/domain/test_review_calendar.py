"""The year's calendar: one cell per day from a Monday, blank before the journal began, and
contacts kept apart by kind."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_app.domain.kinds import ContactKind
from recovery_app.domain.review_calendar import (
    WEEKS,
    ContactDayTally,
    calendar_months,
    calendar_span,
    year_calendar,
)
from recovery_app.domain.review_days import CheckInMark

LAST = date(2026, 11, 25)  # a Wednesday
days = st.integers(0, 420).map(lambda n: LAST - timedelta(days=n))


def test_the_span_is_whole_weeks_from_a_monday_up_to_the_last_day() -> None:
    span = calendar_span(LAST)
    assert span.first.weekday() == 0
    assert span.last == LAST
    assert span.days == (WEEKS - 1) * 7 + LAST.weekday() + 1


def test_a_day_before_the_journal_is_not_drawn_and_a_day_without_a_check_in_is_blank() -> None:
    first = LAST - timedelta(days=10)
    calendar = year_calendar(LAST, first, [CheckInMark(LAST, 4, 2)], [])
    assert calendar.days[(first - calendar.span.first).days - 1] is None
    blank = calendar.days[(first - calendar.span.first).days]
    assert blank is not None and not blank.checked_in and blank.mood is None
    today = calendar.at(WEEKS - 1, LAST.weekday())
    assert today is not None and today.checked_in and today.mood == 4
    assert not calendar.is_empty


def test_an_empty_journal_gives_an_empty_calendar() -> None:
    calendar = year_calendar(LAST, None, [], [])
    assert calendar.is_empty
    assert set(calendar.days) == {None}
    assert calendar_months(calendar) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.builds(CheckInMark, days, st.one_of(st.none(), st.integers(1, 5)), st.none()),
        unique_by=lambda m: m.day,
        max_size=60,
    ),
    st.lists(
        st.builds(ContactDayTally, days, st.sampled_from(list(ContactKind)), st.integers(1, 3)),
        max_size=40,
    ),
    days,
)
def test_the_months_count_the_days_of_each_kind(marks, contacts, first) -> None:
    calendar = year_calendar(LAST, first, marks, contacts)
    span = calendar.span
    months = calendar_months(calendar)
    shown = [d for d in calendar.days if d is not None]
    assert sum(m.days_shown for m in months) == len(shown)
    in_view = {m.day for m in marks if m.day in span and m.day >= first}
    assert sum(m.days_checked_in for m in months) == len(in_view)
    for kind, field in (
        (ContactKind.ME, "reached_out_days"),
        (ContactKind.THEM, "they_reached_out_days"),
        (ContactKind.UNAVOIDABLE, "unavoidable_days"),
    ):
        wanted = {c.day for c in contacts if c.kind is kind and c.day in span and c.day >= first}
        assert sum(getattr(m, field) for m in months) == len(wanted)
