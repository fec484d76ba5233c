"""Stretch rules: worked examples from the issue, then the invariants with hypothesis."""

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.stretches import Contact, ContactKind, local_day, stretch_figures

ME, THEM, UNAVOIDABLE = ContactKind.ME, ContactKind.THEM, ContactKind.UNAVOIDABLE
D = date(2026, 1, 1)


def day(n: int) -> date:
    return D + timedelta(days=n)


def test_a_clock_started_today_is_zero_days_old() -> None:
    figures = stretch_figures(D, [], today=D)
    assert (figures.current_days, figures.longest_days, figures.total_days) == (0, 0, 0)
    assert figures.stretches == 1
    assert figures.current_since == D


def test_a_clock_started_yesterday_is_one_day_old() -> None:
    assert stretch_figures(D, [], today=day(1)).current_days == 1


def test_reaching_out_on_day_x_ends_the_stretch_and_starts_the_next_on_x() -> None:
    figures = stretch_figures(D, [Contact(day(10), ME)], today=day(14))
    assert figures.current_since == day(10)
    assert figures.current_days == 4
    assert figures.longest_days == 10
    assert figures.total_days == 14  # 10 + 4: the first stretch still counts
    assert figures.stretches == 2


def test_they_reached_out_and_unavoidable_never_end_a_stretch() -> None:
    contacts = [Contact(day(3), THEM), Contact(day(5), UNAVOIDABLE)]
    figures = stretch_figures(D, contacts, today=day(9))
    assert (figures.current_days, figures.stretches) == (9, 1)


def test_several_reach_outs_on_one_day_end_the_stretch_once() -> None:
    contacts = [Contact(day(4), ME), Contact(day(4), ME)]
    figures = stretch_figures(D, contacts, today=day(6))
    assert (figures.stretches, figures.current_days, figures.longest_days) == (2, 2, 4)


def test_reaching_out_on_the_start_day_leaves_the_zero_day_stretch_running() -> None:
    figures = stretch_figures(D, [Contact(D, ME)], today=day(2))
    assert (figures.stretches, figures.current_days) == (1, 2)


def test_a_contact_dated_after_today_counts_as_today() -> None:
    """The computer's clock was set back: nothing goes negative."""
    figures = stretch_figures(D, [Contact(day(20), ME)], today=day(5))
    assert figures.current_days == 0
    assert figures.longest_days == 5
    assert figures.total_days == 5


def test_a_start_date_after_today_is_a_zero_day_stretch() -> None:
    figures = stretch_figures(day(3), [], today=D)
    assert (figures.current_days, figures.total_days) == (0, 0)


def test_a_contact_before_the_start_ends_nothing() -> None:
    figures = stretch_figures(day(5), [Contact(D, ME)], today=day(8))
    assert (figures.stretches, figures.current_days) == (1, 3)


@pytest.fixture
def london() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.usefixtures("london")
def test_local_days_follow_the_calendar_across_dst_changes() -> None:
    # Clocks went forward at 01:00 UTC on 29 March 2026 and back on 25 October 2026.
    assert local_day(datetime(2026, 3, 28, 23, 30, tzinfo=UTC)) == date(2026, 3, 28)  # GMT
    assert local_day(datetime(2026, 3, 29, 23, 30, tzinfo=UTC)) == date(2026, 3, 30)  # BST
    assert local_day(datetime(2026, 10, 25, 23, 30, tzinfo=UTC)) == date(2026, 10, 25)  # GMT
    # The short and the long day each still count as one day.
    since = local_day(datetime(2026, 3, 28, 12, tzinfo=UTC))
    assert stretch_figures(since, [], today=date(2026, 3, 30)).current_days == 2
    since = local_day(datetime(2026, 10, 24, 12, tzinfo=UTC))
    assert stretch_figures(since, [], today=date(2026, 10, 26)).current_days == 2


def test_local_day_refuses_a_naive_moment() -> None:
    with pytest.raises(ValueError, match="time zone"):
        local_day(datetime(2026, 1, 1, 12))


# ----- invariants ------------------------------------------------------------------------------

kinds = st.sampled_from(list(ContactKind))
offsets = st.integers(min_value=-30, max_value=4000)
contacts_st = st.lists(st.builds(lambda n, k: Contact(day(n), k), offsets, kinds), max_size=40)
starts = st.integers(min_value=-10, max_value=3000).map(day)
todays = st.integers(min_value=-10, max_value=4000).map(day)


@given(starts, contacts_st, todays)
def test_total_at_least_longest_at_least_current_never_negative(since, contacts, today) -> None:
    f = stretch_figures(since, contacts, today)
    assert f.total_days >= f.longest_days >= f.current_days >= 0
    assert f.stretches >= 1
    assert f.current_since >= since


@given(
    starts, contacts_st, todays, st.lists(st.tuples(offsets, st.sampled_from([THEM, UNAVOIDABLE])))
)
def test_they_or_unavoidable_contact_changes_no_figure(since, contacts, today, extra) -> None:
    more = contacts + [Contact(day(n), kind) for n, kind in extra]
    assert stretch_figures(since, more, today) == stretch_figures(since, contacts, today)


@given(starts, contacts_st, offsets, st.integers(min_value=0, max_value=400))
def test_reaching_out_never_lowers_the_total_of_days_before_it(since, contacts, x, later) -> None:
    before = stretch_figures(since, contacts, today=day(x))
    after = stretch_figures(
        since, [*contacts, Contact(day(x), ME)], today=day(x) + timedelta(later)
    )
    assert after.total_days >= before.total_days
    assert after.longest_days >= before.longest_days
    assert after.stretches >= before.stretches


@given(starts, contacts_st, todays)
def test_the_total_is_every_day_since_the_clock_started(since, contacts, today) -> None:
    f = stretch_figures(since, contacts, today)
    assert f.total_days == max(0, (today - since).days)
