"""The whole review from a random journal: the counts add up, nothing divides by zero, a gap
is never a zero, and a range with nothing in it is empty, not an error."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.domain.instincts import CheckOutcome, HunchKind, HunchMark, UrgeCheck
from recovery_app.domain.review import Review, build_review
from recovery_app.domain.review_days import CheckInMark
from recovery_app.domain.review_distance import ClockHistory
from recovery_app.domain.review_entries import (
    HunchEntry,
    PromiseEntry,
    UrgeEntry,
    inputs_from_entries,
)
from recovery_app.domain.review_range import RangeChoice, series_span, thirds
from recovery_app.domain.urges import UrgeOutcome

TODAY = date(2026, 11, 23)
START = TODAY - timedelta(days=500)
TRIGGERS = ("A song", "Night-time", "They posted", "loneliness")
INSTEAD = ("Went for a walk", "went for a walk", "Called a friend", "", "")

days = st.integers(0, 500).map(lambda n: START + timedelta(days=n))
maybe = st.one_of(st.none(), st.integers(0, 10))

urge_entries = st.builds(
    UrgeEntry,
    day=days,
    hour=st.integers(0, 23),
    intensity=maybe,
    outcome=st.sampled_from([None, UrgeOutcome.PASSED, UrgeOutcome.REACHED_OUT]),
    triggers=st.lists(st.sampled_from(TRIGGERS), max_size=3, unique=True).map(tuple),
    did_instead=st.sampled_from(INSTEAD),
    check=st.one_of(
        st.none(),
        st.builds(
            UrgeCheck,
            st.one_of(st.none(), st.booleans()),
            st.sampled_from([None, *UrgeOutcome]),
            st.one_of(st.none(), st.booleans()),
        ),
    ),
)
check_ins = st.lists(
    st.builds(CheckInMark, day=days, mood=st.one_of(st.none(), st.integers(1, 5)), pull=maybe),
    max_size=60,
    unique_by=lambda c: c.day,
)
promises = st.lists(
    st.builds(
        PromiseEntry,
        day=days,
        outcome=st.sampled_from(
            [None, PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.LET_GO]
        ),
    ),
    max_size=40,
)
hunches = st.lists(
    st.builds(
        HunchEntry,
        st.builds(
            HunchMark,
            st.sampled_from(list(HunchKind)),
            st.booleans(),
            st.sampled_from(list(CheckOutcome)),
        ),
        st.one_of(st.none(), days),
    ),
    max_size=20,
)
clocks = st.lists(
    st.builds(
        lambda since, reach: ClockHistory(1, "A", since, False, frozenset(reach)),
        days,
        st.sets(days, max_size=8),
    ),
    max_size=2,
)
choices = st.sampled_from(list(RangeChoice))
customs = st.tuples(
    st.dates(START - timedelta(days=100), TODAY + timedelta(days=30)),
    st.dates(START - timedelta(days=100), TODAY + timedelta(days=30)),
)


def journal():
    return st.fixed_dictionaries(
        {
            "clocks": clocks,
            "urges": st.lists(urge_entries, max_size=80),
            "check_ins": check_ins,
            "promises": promises,
            "hunches": hunches,
            "choice": choices,
            "custom": customs,
        }
    )


def _review(entries: dict) -> Review:
    return build_review(inputs_from_entries(today=TODAY, **entries))


@settings(max_examples=150, deadline=None)
@given(journal())
def test_urge_counts_add_up_to_the_urges_in_range(entries: dict) -> None:
    review = _review(entries)
    urges = entries["urges"]
    first = min((u.day for u in urges), default=None)
    part = series_span(review.span, first)
    inside = [u for u in urges if part is not None and u.day in part]
    assert sum(w.count for w in review.urge_weeks) == len(inside)
    assert (review.urges.count if review.urges else 0) == len(inside)
    assert sum(map(sum, review.weekday_hour)) == len(inside)
    assert sum(w.decided for w in review.urge_weeks) == sum(u.outcome is not None for u in inside)
    with_words = [u for u in inside if u.did_instead]
    assert sum(r.count for r in review.did_instead) == len(with_words)
    if review.triggers is not None:
        then, now = thirds(part)  # type: ignore[misc]
        assert review.triggers.then_urges == sum(u.day in then for u in inside)
        assert review.triggers.now_urges == sum(u.day in now for u in inside)
        for change in review.triggers.triggers:
            assert change.then == sum(change.name in u.triggers for u in inside if u.day in then)


@settings(max_examples=150, deadline=None)
@given(journal())
def test_no_share_or_mean_without_something_behind_it(entries: dict) -> None:
    review = _review(entries)
    for week in review.urge_weeks:
        assert (week.mean_intensity is None) == (week.rated == 0)
        assert (week.share_passed is None) == (week.decided == 0)
        if week.share_passed is not None:
            assert 0 <= week.share_passed <= 1
    for rank in review.did_instead:
        assert (rank.share_passed is None) == (rank.decided == 0)
    for promise_week in review.promise_weeks:
        assert (promise_week.share_kept is None) == (promise_week.decided == 0)
    for figure in (review.self_trust.instincts_right, review.self_trust.fears_wrong):
        assert (figure.share is None) == (figure.count == 0)


@settings(max_examples=150, deadline=None)
@given(journal())
def test_a_day_without_a_check_in_is_a_gap_not_a_zero(entries: dict) -> None:
    review = _review(entries)
    answered = {c.day: c for c in entries["check_ins"]}
    series = review.check_ins
    if series is None:
        assert review.check_in_weeks == ()
        return
    assert len(series) == len(series.moods) == len(series.pulls)
    for index in range(len(series)):
        day = series.day(index)
        if day not in answered:
            assert not series.checked_in[index]
            assert series.moods[index] is None
            assert series.pulls[index] is None
        else:
            assert series.checked_in[index]
            assert (series.moods[index], series.pulls[index]) == (
                answered[day].mood,
                answered[day].pull,
            )
    assert series.last == review.span.last  # type: ignore[union-attr]
    assert sum(series.checked_in) == sum(w.days_checked_in for w in review.check_in_weeks)
    for week in review.check_in_weeks:
        assert (week.mean_mood is None) == (week.moods == 0)


@settings(max_examples=150, deadline=None)
@given(journal())
def test_promise_weeks_count_every_promise_of_the_range(entries: dict) -> None:
    review = _review(entries)
    span = review.span
    inside = [p for p in entries["promises"] if span is not None and p.day in span]
    total = sum(w.kept + w.not_kept + w.let_go + w.open for w in review.promise_weeks)
    assert total == len(inside)
    assert sum(w.kept for w in review.promise_weeks) == sum(
        p.outcome is PromiseOutcome.KEPT for p in inside
    )


@settings(max_examples=100, deadline=None)
@given(journal())
def test_a_range_after_everything_is_empty_not_an_error(entries: dict) -> None:
    entries = {**entries, "choice": RangeChoice.CUSTOM, "custom": (TODAY + timedelta(days=1),) * 2}
    review = _review(entries)
    assert review.span is None
    assert review.urges is None
    assert review.urge_weeks == review.promise_weeks == ()
    assert review.check_ins is None
    assert review.weekday_hour == ()
    assert review.triggers is None
    assert review.then_and_now is None
    for clock in review.clocks:
        assert clock.weeks == clock.stretches == ()


def test_an_empty_journal_gives_an_empty_review() -> None:
    review = _review(
        {"choice": RangeChoice.ALL, "clocks": [], "urges": [], "check_ins": [], "promises": []}
    )
    assert review.span is None
    assert review.clocks == ()
    assert review.self_trust.fears_wrong.share is None


def test_weeks_before_the_first_urge_are_not_drawn_as_zero_urges() -> None:
    check_in = CheckInMark(TODAY - timedelta(days=60), 3, 4)
    urge = UrgeEntry(TODAY - timedelta(days=3), 21, intensity=6)
    review = _review({"choice": RangeChoice.ALL, "urges": [urge], "check_ins": [check_in]})
    assert review.span.first == check_in.day  # type: ignore[union-attr]
    assert review.urge_weeks[0].first == urge.day
    assert review.check_ins is not None
    assert len(review.check_ins) == 61


def test_then_and_now_compares_the_first_and_last_unit() -> None:
    first = TODAY - timedelta(days=89)
    early = [
        UrgeEntry(first + timedelta(days=n % 30), 20, 7, UrgeOutcome.PASSED) for n in range(40)
    ]
    late = [UrgeEntry(TODAY - timedelta(days=n % 30), 20, 4, UrgeOutcome.PASSED) for n in range(12)]
    review = _review({"choice": RangeChoice.ALL, "urges": early + late})
    figures = review.then_and_now
    assert figures is not None
    assert figures.unit.value == "month"
    assert (figures.first.count, figures.last.count) == (40, 12)
    assert figures.from_start
    assert figures.before_last is not None
    assert figures.before_last.count == 0


@settings(max_examples=100, deadline=None)
@given(journal())
def test_months_count_the_same_as_weeks(entries: dict) -> None:
    review = _review(entries)
    pairs = [
        (review.urge_weeks, review.urge_months, lambda p: p.count),
        (review.promise_weeks, review.promise_months, lambda p: p.kept + p.not_kept + p.open),
        (review.check_in_weeks, review.check_in_months, lambda p: p.days_checked_in),
    ]
    for weeks, months, count in pairs:
        assert bool(weeks) == bool(months)
        if weeks:
            assert (weeks[0].first, weeks[-1].last) == (months[0].first, months[-1].last)
        assert sum(map(count, weeks)) == sum(map(count, months))
    for month in review.check_in_months:
        assert (month.mean_pull is None) == (month.pulls == 0)


@settings(max_examples=100, deadline=None)
@given(journal())
def test_every_milestone_is_kept_whatever_the_range(entries: dict) -> None:
    """The milestones of the range are among the clock's milestones ever reached."""
    review = _review(entries)
    everything = _review({**entries, "choice": RangeChoice.ALL})
    for clock, whole in zip(review.clocks, everything.clocks, strict=True):
        assert set(clock.milestones) <= set(clock.all_milestones)
        assert clock.all_milestones == whole.all_milestones
        assert list(clock.all_milestones) == sorted(
            clock.all_milestones, key=lambda m: (m.reached_on, m.days)
        )
        assert all(m.reached_on < TODAY or m.reached_on == TODAY for m in clock.all_milestones)
