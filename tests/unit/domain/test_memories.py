"""The whole-relationship rules: what lies around a good moment, and the repeating pattern."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import FuzzyDate, between, day, month, parse, year
from recovery_app.domain.memories import (
    Memory,
    MemoryDetails,
    MemoryKind,
    TimeIndex,
    around,
    check_window,
    clean_tags,
    find_patterns,
    follows,
    in_time_order,
    whole_views,
)

GOOD, HARM, APOLOGY, TENSION, OTHER = (
    MemoryKind.GOOD,
    MemoryKind.HARM,
    MemoryKind.APOLOGY,
    MemoryKind.TENSION,
    MemoryKind.OTHER,
)


def memory(id_: int, kind: MemoryKind, when: str | FuzzyDate, title: str = "") -> Memory:
    value = parse(when) if isinstance(when, str) else when
    return Memory(id_, MemoryDetails(kind, title or f"{kind} {id_}", value))


# ----- details ----------------------------------------------------------------------------


def test_details_are_trimmed_and_tags_kept_once() -> None:
    details = MemoryDetails(
        GOOD, "  The lake   trip ", parse("summer 2021"), " calm ", 7, ("Trips", " trips", "", "x")
    ).validated()
    assert details.title == "The lake trip"
    assert details.what_happened == "calm"
    assert details.tags == ("Trips", "x")


@pytest.mark.parametrize(
    ("title", "feeling", "says"),
    [("  ", None, "few words"), ("x" * 201, None, "200"), ("ok", 11, "0 to 10")],
)
def test_details_that_cant_be_saved_get_a_kind_message(title, feeling, says) -> None:
    with pytest.raises(InvalidInput) as raised:
        MemoryDetails(GOOD, title, parse("2021"), feeling=feeling).validated()
    assert says in raised.value.message


def test_tags_have_a_length_limit() -> None:
    with pytest.raises(InvalidInput):
        clean_tags(["y" * 41])


def test_the_window_has_limits() -> None:
    assert check_window(0) == 0
    with pytest.raises(InvalidInput):
        check_window(-1)
    with pytest.raises(InvalidInput):
        check_window(367)


# ----- around -----------------------------------------------------------------------------


def test_harm_around_a_fuzzy_good_moment_is_found_in_the_window() -> None:
    good = memory(1, GOOD, "summer-2021")
    inside = memory(2, HARM, "2021-07-15")
    just_after = memory(3, HARM, "2021-09-30")  # 30 days after 31 August
    too_late = memory(4, HARM, "2021-10-01")
    before = memory(5, HARM, "2021-05-02")
    not_harm = memory(6, TENSION, "2021-07-01")
    found = around(good.when, [good, inside, just_after, too_late, before, not_harm])
    assert [m.id for m in found] == [5, 2, 3]


def test_the_window_is_adjustable() -> None:
    good = memory(1, GOOD, "2022-03-10")
    harm = memory(2, HARM, "2022-05-01")
    assert around(good.when, [harm], window_days=30) == []
    assert around(good.when, [harm], window_days=60) == [harm]
    assert around(good.when, [harm], window_days=0) == []


def test_around_with_nothing_or_only_good_moments() -> None:
    good = memory(1, GOOD, "2022")
    assert around(good.when, []) == []
    assert around(good.when, [good, memory(2, GOOD, "2022-04")]) == []
    assert whole_views([]) == []


def test_only_harm_gives_no_whole_views() -> None:
    assert whole_views([memory(1, HARM, "2020"), memory(2, HARM, "2021-02")]) == []


def test_each_good_moment_gets_its_own_whole_view() -> None:
    memories = [
        memory(1, GOOD, "2020-06-01"),
        memory(2, HARM, "2020-06-20"),
        memory(3, GOOD, "2023"),
        memory(4, HARM, "2019"),
    ]
    views = whole_views(memories)
    assert [(v.remembered.id, [h.id for h in v.harm_around]) for v in views] == [
        (1, [2]),
        (3, []),
    ]


def test_all_approximate_dates_still_meet() -> None:
    good = memory(1, GOOD, "summer 2019")
    harm = [memory(2, HARM, "2019"), memory(3, HARM, "2019-08..2020-01"), memory(4, HARM, "2017")]
    assert [m.id for m in around(good.when, harm)] == [2, 3]


def test_in_time_order_breaks_ties_by_entry() -> None:
    a, b = memory(2, GOOD, "2021-01-01"), memory(1, HARM, "2021-01-01")
    assert in_time_order([a, b]) == [b, a]


# ----- patterns ---------------------------------------------------------------------------


def test_harm_followed_by_making_up_is_counted_with_its_instances() -> None:
    memories = [
        memory(1, TENSION, "2021-01-02"),
        memory(2, HARM, "2021-01-10"),
        memory(3, APOLOGY, "2021-01-12"),
        memory(4, GOOD, "2021-01-20"),
        memory(5, TENSION, "2021-02-10"),
        memory(6, HARM, "2021-05-31"),  # nothing follows it within 30 days
        memory(7, GOOD, "2021-05-01"),  # before the harm, so it does not follow it
    ]
    patterns = find_patterns(memories)
    assert (patterns.harm_then_closeness.followed, patterns.harm_then_closeness.out_of) == (1, 2)
    (instance,) = patterns.harm_then_closeness.instances
    assert instance.first.id == 2
    assert [m.id for m in instance.then] == [3, 4]
    assert not instance.approximate
    closeness = patterns.closeness_then_tension
    assert (closeness.followed, closeness.out_of) == (3, 3)  # 3→5, 4→5, 7→6
    assert [(i.first.id, [m.id for m in i.then]) for i in closeness.instances] == [
        (3, [5]),
        (4, [5]),
        (7, [6]),
    ]


def test_patterns_on_empty_and_one_sided_journals() -> None:
    empty = find_patterns([])
    assert (empty.harm_then_closeness.followed, empty.harm_then_closeness.out_of) == (0, 0)
    only_good = find_patterns([memory(1, GOOD, "2020"), memory(2, GOOD, "2021")])
    assert only_good.harm_then_closeness.out_of == 0
    assert (only_good.closeness_then_tension.followed, only_good.closeness_then_tension.out_of) == (
        0,
        2,
    )
    only_harm = find_patterns([memory(1, HARM, "2020-01-01"), memory(2, HARM, "2020-01-05")])
    assert (only_harm.harm_then_closeness.followed, only_harm.harm_then_closeness.out_of) == (0, 2)
    assert only_harm.closeness_then_tension.out_of == 0


def test_approximate_instances_say_so() -> None:
    patterns = find_patterns([memory(1, HARM, "2021"), memory(2, APOLOGY, "2021")])
    (instance,) = patterns.harm_then_closeness.instances
    assert instance.approximate


def test_follows_needs_the_later_date_not_to_start_or_end_before() -> None:
    assert follows(parse("2021-02"), parse("2021-01-15"), 30)
    assert not follows(parse("2021-01-15"), parse("2021-02"), 30)
    assert not follows(parse("2021-01"), parse("2021"), 30)  # could be before; not counted
    assert follows(parse("2021"), parse("2021"), 0)  # same rough date: a best reading


def test_other_memories_count_in_no_pattern() -> None:
    patterns = find_patterns([memory(1, HARM, "2021-01-01"), memory(2, OTHER, "2021-01-02")])
    assert patterns.harm_then_closeness.followed == 0


# ----- the index agrees with a plain scan --------------------------------------------------

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def fuzzy(draw: st.DrawFn) -> FuzzyDate:
    when = draw(days)
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return day(when)
    if choice == 1:
        return month(when.year, when.month)
    if choice == 2:
        return year(when.year)
    first, last = sorted([day(when), day(draw(days))], key=lambda v: v.start)
    return between(first, last)


@given(
    st.lists(st.tuples(st.sampled_from(list(MemoryKind)), fuzzy()), max_size=40),
    fuzzy(),
    st.integers(0, 120),
)
def test_around_agrees_with_a_plain_scan(kinds_and_dates, moment, window) -> None:
    memories = [Memory(i, MemoryDetails(k, "t", d)) for i, (k, d) in enumerate(kinds_and_dates)]
    expected = in_time_order(
        m for m in memories if m.kind is HARM and m.when.gap_days(moment) <= window
    )
    assert around(moment, TimeIndex(memories), window) == expected


@given(st.lists(st.tuples(st.sampled_from(list(MemoryKind)), fuzzy()), max_size=30))
def test_pattern_counts_agree_with_a_plain_scan(kinds_and_dates) -> None:
    memories = [Memory(i, MemoryDetails(k, "t", d)) for i, (k, d) in enumerate(kinds_and_dates)]
    harm = [m for m in memories if m.kind is HARM]
    closeness = [m for m in memories if m.kind in (GOOD, APOLOGY)]
    followed = sum(
        any(c.id != h.id and follows(c.when, h.when, 30) for c in closeness) for h in harm
    )
    patterns = find_patterns(memories)
    assert patterns.harm_then_closeness.followed == followed
    assert patterns.harm_then_closeness.out_of == len(harm)
