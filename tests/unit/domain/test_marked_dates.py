"""Marked dates: what a person marks, when it next comes, and which suggestions stay."""

from datetime import date

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.hard_dates import Cluster, ClusterYear, MarkedDay
from recovery_app.domain.kinds import HardDateNotice, PlanStep
from recovery_app.domain.marked_dates import (
    ClockStart,
    HardDateDetails,
    clock_start_suggestions,
    cluster_key,
    cluster_suggestions,
    month_day_text,
    next_day,
    occurrences,
    parse_month_day,
)


def test_a_marked_date_is_cleaned_and_its_steps_kept_in_the_apps_order() -> None:
    details = HardDateDetails(
        "  The   day it ended ",
        3,
        9,
        plan="  Walk by the sea.\n",
        steps=(PlanStep.PEOPLE, PlanStep.RIDE_THE_WAVE, PlanStep.PEOPLE),
    ).validated()
    assert details.name == "The day it ended"
    assert details.plan == "Walk by the sea."
    assert details.steps == (PlanStep.RIDE_THE_WAVE, PlanStep.PEOPLE)
    assert details.every_year and details.notice is HardDateNotice.TWO_WEEKS


@pytest.mark.parametrize(
    ("details", "words"),
    [
        (HardDateDetails("  ", 1, 1), "name"),
        (HardDateDetails("x" * 201, 1, 1), "200"),
        (HardDateDetails("Zq9", 1, 1, plan="p" * 2001), "2,000"),
        (HardDateDetails("Zq9", 2, 30), "calendar"),
        (HardDateDetails("Zq9", 13, 1), "calendar"),
        (HardDateDetails("Zq9", 2, 29, year=2027), "calendar"),
        (HardDateDetails("Zq9", 5, 1, year=1850), "1900"),
    ],
)
def test_what_cannot_be_a_marked_date_is_refused_kindly(
    details: HardDateDetails, words: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        details.validated()
    assert words in refused.value.message
    assert "Zq9" not in refused.value.message  # never what was typed


def test_a_yearly_29_february_is_a_day_one_can_mark() -> None:
    assert HardDateDetails("Leap", 2, 29).validated().mark == MarkedDay(2, 29)
    assert HardDateDetails("Leap", 2, 29, year=2028).validated().year == 2028


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02-14", (2, 14, None)),
        ("02-29", (2, 29, None)),
        ("2027-02-14", (2, 14, 2027)),
        (" 12-31 ", (12, 31, None)),
    ],
)
def test_the_command_lines_dates_are_read(text: str, expected: tuple[int, int, int | None]) -> None:
    assert parse_month_day(text) == expected
    month, day, year = expected
    assert month_day_text(month, day, year) == text.strip()


@pytest.mark.parametrize("text", ["2-14", "14-02", "02-30", "2027-02-29", "Feb 14", "", "2027-2-4"])
def test_a_date_in_another_form_is_refused_with_both_forms_named(text: str) -> None:
    with pytest.raises(InvalidInput, match="MM-DD") as refused:
        parse_month_day(text)
    assert not text or text not in refused.value.message


def test_the_next_date_of_a_yearly_and_of_a_once_day() -> None:
    today = date(2026, 6, 1)
    assert next_day(MarkedDay(6, 1), today) == today
    assert next_day(MarkedDay(5, 31), today) == date(2027, 5, 31)
    assert next_day(MarkedDay(2, 29), today) == date(2027, 2, 28)
    assert next_day(MarkedDay(2, 29), date(2027, 12, 1)) == date(2028, 2, 29)
    assert next_day(MarkedDay(7, 1, 2026), today) == date(2026, 7, 1)
    assert next_day(MarkedDay(5, 1, 2026), today) is None
    assert next_day(MarkedDay(1, 3, 2027), date(2026, 12, 30)) == date(2027, 1, 3)


def test_occurrences_in_a_range_across_years() -> None:
    assert occurrences(MarkedDay(2, 14), date(2024, 2, 15), date(2026, 2, 14)) == [
        date(2025, 2, 14),
        date(2026, 2, 14),
    ]
    assert occurrences(MarkedDay(2, 14, 2025), date(2024, 1, 1), date(2026, 12, 31)) == [
        date(2025, 2, 14)
    ]
    assert occurrences(MarkedDay(2, 29), date(2027, 1, 1), date(2028, 12, 31)) == [
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]


def _cluster(month: int, day: int, first: tuple[int, int], last: tuple[int, int]) -> Cluster:
    return Cluster(month, day, (ClusterYear(2024, 5), ClusterYear(2025, 6)), 1.0, (first, last))


def test_a_cluster_is_suggested_until_a_day_near_it_is_marked_or_it_is_dismissed() -> None:
    february = _cluster(2, 14, (2, 13), (2, 15))
    (offer,) = cluster_suggestions([february], [], [])
    assert offer.key == cluster_key(2, 14) == "cluster:02-14"
    # A yearly day within three days of its windows: already marked.
    assert cluster_suggestions([february], [HardDateDetails("V", 2, 18)], []) == ()
    # Once-only days don't stand for a yearly cluster.
    assert cluster_suggestions([february], [HardDateDetails("V", 2, 14, 2027)], []) != ()
    assert cluster_suggestions([february], [HardDateDetails("V", 3, 1)], []) != ()
    # Dismissed once, it stays dismissed even if the history moves its centre a day or two.
    moved = _cluster(2, 16, (2, 15), (2, 17))
    assert cluster_suggestions([moved], [], ["cluster:02-14"]) == ()
    assert cluster_suggestions([moved], [], ["cluster:05-01", "not a key", "cluster:13-40"]) != ()


def test_a_cluster_across_the_new_year_counts_the_days_on_both_sides() -> None:
    new_year = _cluster(1, 1, (12, 30), (1, 2))
    assert cluster_suggestions([new_year], [HardDateDetails("NY", 12, 28)], []) == ()
    assert cluster_suggestions([new_year], [HardDateDetails("NY", 1, 5)], []) == ()
    assert cluster_suggestions([new_year], [HardDateDetails("NY", 1, 9)], []) != ()


def test_a_clocks_first_day_is_suggested_unless_dismissed_or_marked() -> None:
    start = ClockStart("clock:abc", 1, "J", date(2024, 3, 9))
    (offer,) = clock_start_suggestions([start], [], [])
    assert offer.start is start
    assert clock_start_suggestions([start], [], ["clock:abc"]) == ()
    assert clock_start_suggestions([start], [HardDateDetails("It ended", 3, 9)], []) == ()
