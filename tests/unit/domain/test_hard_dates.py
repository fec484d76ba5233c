"""Hard dates: the windows of the year urges gather in, and the days to go to a marked day."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from recovery_app.domain.hard_dates import (
    MIN_HISTORY_DAYS,
    Ahead,
    AheadKind,
    ClusterYear,
    DayCount,
    MarkedDay,
    Notice,
    ahead_line,
    ahead_of,
    cluster_counts,
    cluster_sentence,
    find_clusters,
    most_pressing,
    not_yet_sentence,
    poisson_tail,
    tray_line,
)
from recovery_app.services.texts import hard_date_words

CLUSTER_WORDS, AHEAD_WORDS = hard_date_words()


def counts(days: list[date]) -> list[DayCount]:
    return [DayCount(day, n) for day, n in Counter(days).items()]


def spread(first: date, last: date, every: int) -> list[date]:
    """One urge every `every` days: a steady background."""
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, every)]


def test_a_sparse_history_that_gathers_around_a_date_twice_is_found() -> None:
    today = date(2026, 6, 1)
    history = [d for d in spread(date(2023, 6, 1), today, 20) if d.month != 2]
    for year in (2024, 2026):
        history += [date(year, 2, 13), date(year, 2, 14), date(year, 2, 14), date(year, 2, 15)]
    search = find_clusters(counts(history), today)
    assert search.enough_history
    (cluster,) = search.clusters
    assert (cluster.month, cluster.day) == (2, 14)
    assert cluster.years == (ClusterYear(2024, 4), ClusterYear(2026, 4))
    assert cluster_sentence(cluster, CLUSTER_WORDS) == (
        "Around 14 February, urges have come more often in past years."
    )
    assert cluster_counts(cluster, CLUSTER_WORDS) == (
        "2024: 4 urges in those seven days.",
        "2026: 4 urges in those seven days.",
    )


def test_one_year_alone_is_not_a_cluster() -> None:
    today = date(2026, 6, 1)
    history = spread(date(2023, 6, 1), today, 20) + [date(2025, 2, 14)] * 6
    assert find_clusters(counts(history), today).clusters == ()


def test_a_cluster_across_the_new_year_is_one_cluster() -> None:
    today = date(2026, 6, 1)
    history = spread(date(2022, 6, 1), today, 25)
    for year in (2023, 2024, 2025):
        history += [
            date(year - 1, 12, 30),
            date(year - 1, 12, 31),
            date(year, 1, 1),
            date(year, 1, 2),
        ]
    (cluster,) = find_clusters(counts(history), today).clusters
    assert (cluster.month, cluster.day) in {(12, 31), (1, 1)}
    assert {y.year for y in cluster.years} >= {2023, 2024}
    start, end = cluster.spread
    assert start[0] == 12
    assert end[0] == 1  # the neighbouring windows run across 31 December


def test_leap_days_fall_inside_the_windows_around_them() -> None:
    today = date(2026, 6, 1)
    history = spread(date(2022, 6, 1), today, 30)
    history += [date(2024, 2, 28), date(2024, 2, 29), date(2024, 2, 29), date(2024, 3, 1)]
    history += [date(2025, 2, 27), date(2025, 2, 28), date(2025, 3, 1), date(2025, 3, 2)]
    (cluster,) = find_clusters(counts(history), today).clusters
    assert (cluster.month, cluster.day) in {(2, 27), (2, 28), (3, 1)}
    assert [y.year for y in cluster.years] == [2024, 2025]


def test_a_dense_history_needs_twice_its_own_usual_week() -> None:
    rng = random.Random(7)
    today = date(2026, 6, 1)
    first = date(2022, 6, 2)
    history = [first + timedelta(days=rng.randrange((today - first).days)) for _ in range(6000)]
    calm = find_clusters(counts(history), today)
    assert calm.clusters == ()
    for year in (2023, 2025):
        history += [date(year, 9, 20) + timedelta(days=rng.randint(-3, 3)) for _ in range(50)]
    (cluster,) = find_clusters(counts(history), today).clusters
    assert (cluster.month, abs(cluster.day - 20) <= 3) == (9, True)
    assert all(y.count >= 2 * cluster.usual for y in cluster.years)
    assert 25 < cluster.usual < 35  # 6,000 urges over four years: about 29 a week


def test_too_little_history_shows_nothing_and_says_how_much_is_needed() -> None:
    today = date(2026, 6, 1)
    history = [today - timedelta(days=n) for n in range(0, 200, 2)]
    search = find_clusters(counts(history), today)
    assert not search.enough_history
    assert search.clusters == ()
    assert search.days_needed == MIN_HISTORY_DAYS - 199
    assert not_yet_sentence(search, CLUSTER_WORDS) == (
        "Dates your urges gather around show up after about a year of noting them: "
        f"{MIN_HISTORY_DAYS - 199} more days to go."
    )
    few = find_clusters([DayCount(date(2024, 1, 1), 2)], today)
    assert few.days_needed == 0
    assert few.urges_needed == 4
    assert not_yet_sentence(few, CLUSTER_WORDS) is not None
    assert find_clusters([], today).history_days == 0


def test_urges_dated_after_today_are_not_counted() -> None:
    today = date(2026, 6, 1)
    search = find_clusters([DayCount(today + timedelta(days=1), 50)], today)
    assert search.history_days == 0


def test_uniform_histories_of_three_years_show_a_false_cluster_at_most_once_in_a_hundred() -> None:
    """From a few urges a year to several a day: where the bare rule would find a cluster in
    most histories (see the module), the chance check keeps them out."""
    rng = random.Random(20260601)
    today = date(2026, 6, 1)
    first = today - timedelta(days=3 * 365 - 1)
    falsely_found = 0
    for _ in range(100):
        total = int(10 ** rng.uniform(1.3, 3.6))  # 20 to 4,000 urges
        history = [first + timedelta(days=rng.randrange(3 * 365)) for _ in range(total)]
        falsely_found += bool(find_clusters(counts(history), today).clusters)
    assert falsely_found <= 1


def test_the_poisson_tail_is_exact_for_small_counts_and_never_overflows() -> None:
    assert poisson_tail(2.0, 0) == 1.0
    assert poisson_tail(0.0, 1) == 0.0
    assert poisson_tail(2.0, 1) == pytest.approx(1 - 0.1353352832, rel=1e-9)
    assert poisson_tail(2.0, 3) == pytest.approx(0.3233235838, rel=1e-9)
    assert 0 < poisson_tail(900.0, 1200) < 1e-15
    assert poisson_tail(900.0, 800) == pytest.approx(1.0, abs=1e-3)


# ----- days to go ---------------------------------------------------------------------------------

BIRTHDAY = MarkedDay(3, 14)  # yearly, 14 days ahead by default


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 2, 27), None),
        (date(2026, 2, 28), Ahead(AheadKind.COMING, date(2026, 3, 14), 14)),
        (date(2026, 3, 7), Ahead(AheadKind.COMING, date(2026, 3, 14), 7)),
        (date(2026, 3, 13), Ahead(AheadKind.COMING, date(2026, 3, 14), 1)),
        (date(2026, 3, 14), Ahead(AheadKind.TODAY, date(2026, 3, 14), 0)),
        (date(2026, 3, 15), Ahead(AheadKind.DAY_AFTER, date(2026, 3, 14), -1)),
        (date(2026, 3, 16), None),
    ],
)
def test_a_yearly_day_on_a_fake_clock(today: date, expected: Ahead | None) -> None:
    assert ahead_of(BIRTHDAY, today) == expected


def test_the_notice_chosen_decides_how_early_the_line_starts() -> None:
    day = date(2026, 3, 14)
    week = MarkedDay(3, 14, notice=Notice.ONE_WEEK)
    assert ahead_of(week, day - timedelta(days=8)) is None
    assert ahead_of(week, day - timedelta(days=7)) is not None
    one = MarkedDay(3, 14, notice=Notice.ONE_DAY)
    assert ahead_of(one, day - timedelta(days=2)) is None
    assert ahead_of(one, day - timedelta(days=1)) is not None
    on_the_day = MarkedDay(3, 14, notice=Notice.ON_THE_DAY)
    assert ahead_of(on_the_day, day - timedelta(days=1)) is None
    assert ahead_of(on_the_day, day).kind is AheadKind.TODAY  # type: ignore[union-attr]
    never = MarkedDay(3, 14, notice=Notice.NEVER)
    assert all(ahead_of(never, day + timedelta(days=n)) is None for n in range(-20, 3))


def test_a_yearly_day_early_in_january_is_seen_from_december() -> None:
    assert ahead_of(MarkedDay(1, 3), date(2026, 12, 25)) == Ahead(
        AheadKind.COMING, date(2027, 1, 3), 9
    )
    assert ahead_of(MarkedDay(12, 31), date(2027, 1, 1)).kind is AheadKind.DAY_AFTER  # type: ignore[union-attr]


def test_a_day_marked_once_comes_once() -> None:
    once = MarkedDay(5, 2, year=2026)
    assert ahead_of(once, date(2026, 4, 30)).days_to_go == 2  # type: ignore[union-attr]
    assert ahead_of(once, date(2026, 5, 3)).kind is AheadKind.DAY_AFTER  # type: ignore[union-attr]
    assert ahead_of(once, date(2027, 4, 30)) is None
    assert ahead_of(MarkedDay(1, 5, year=2027), date(2026, 12, 25)).days_to_go == 11  # type: ignore[union-attr]


def test_a_yearly_29_february_falls_on_the_28th_in_common_years() -> None:
    leap = MarkedDay(2, 29)
    assert ahead_of(leap, date(2026, 2, 28)).kind is AheadKind.TODAY  # type: ignore[union-attr]
    assert ahead_of(leap, date(2026, 3, 1)).kind is AheadKind.DAY_AFTER  # type: ignore[union-attr]
    assert ahead_of(leap, date(2028, 2, 29)).kind is AheadKind.TODAY  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="day is out of range"):
        MarkedDay(2, 29, year=2026)


def test_the_one_line_is_for_today_first_then_the_nearest() -> None:
    today = date(2026, 3, 14)
    marks = [
        ("after", MarkedDay(3, 13)),
        ("soon", MarkedDay(3, 20)),
        ("sooner", MarkedDay(3, 16)),
        ("today", MarkedDay(3, 14)),
    ]
    assert most_pressing(marks, today)[0] == "today"  # type: ignore[index]
    assert most_pressing(marks[:3], today)[0] == "sooner"  # type: ignore[index]
    assert most_pressing(marks[:1], today)[0] == "after"  # type: ignore[index]
    assert most_pressing([], today) is None


def test_the_line_is_calm_and_the_tray_never_names_the_day() -> None:
    name = "Their birthday"
    coming = Ahead(AheadKind.COMING, date(2026, 3, 14), 7)
    assert ahead_line(coming, name, AHEAD_WORDS) == (
        "Their birthday is in 7 days. Your plan is here when you want it."
    )
    tomorrow = Ahead(AheadKind.COMING, date(2026, 3, 14), 1)
    assert ahead_line(tomorrow, name, AHEAD_WORDS).startswith("Their birthday is tomorrow.")
    on_the_day = Ahead(AheadKind.TODAY, date(2026, 3, 14), 0)
    assert "Ride the wave" in ahead_line(on_the_day, name, AHEAD_WORDS)
    after = Ahead(AheadKind.DAY_AFTER, date(2026, 3, 14), -1)
    assert ahead_line(after, name, AHEAD_WORDS).startswith("Their birthday was yesterday.")
    for ahead in (coming, tomorrow, on_the_day):
        line = tray_line(ahead, AHEAD_WORDS)
        assert line is not None
        assert name.lower() not in line.lower()
    assert tray_line(after, AHEAD_WORDS) is None
