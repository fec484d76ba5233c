"""Fuzzy dates: what people type becomes an interval of days, both ends included."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import (
    FuzzyDate,
    Hemisphere,
    Precision,
    between,
    day,
    label,
    month,
    parse,
    precision_of,
    season,
    span_label,
    year,
)


@pytest.mark.parametrize(
    ("typed", "precision", "start", "end", "text"),
    [
        ("2023-05-14", Precision.DAY, date(2023, 5, 14), date(2023, 5, 14), "2023-05-14"),
        ("14 May 2023", Precision.DAY, date(2023, 5, 14), date(2023, 5, 14), "2023-05-14"),
        ("2023-05", Precision.MONTH, date(2023, 5, 1), date(2023, 5, 31), "2023-05"),
        ("May 2023", Precision.MONTH, date(2023, 5, 1), date(2023, 5, 31), "2023-05"),
        ("feb 2024", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("summer-2021", Precision.SEASON, date(2021, 6, 1), date(2021, 8, 31), "summer-2021"),
        ("Summer 2021", Precision.SEASON, date(2021, 6, 1), date(2021, 8, 31), "summer-2021"),
        ("fall 2020", Precision.SEASON, date(2020, 9, 1), date(2020, 11, 30), "autumn-2020"),
        ("winter 2021", Precision.SEASON, date(2021, 12, 1), date(2022, 2, 28), "winter-2021"),
        ("2021", Precision.YEAR, date(2021, 1, 1), date(2021, 12, 31), "2021"),
        (
            "2021-03..2021-06",
            Precision.RANGE,
            date(2021, 3, 1),
            date(2021, 6, 30),
            "2021-03..2021-06",
        ),
        ("2021-03 to 2021-06", Precision.RANGE, date(2021, 3, 1), date(2021, 6, 30), None),
        ("2019..summer 2020", Precision.RANGE, date(2019, 1, 1), date(2020, 8, 31), None),
    ],
)
def test_what_people_type_becomes_an_interval(typed, precision, start, end, text) -> None:
    value = parse(typed)
    assert (value.precision, value.start, value.end) == (precision, start, end)
    if text is not None:
        assert value.text == text
    assert parse(value.text) == value  # the stored text reads back the same


def test_seasons_follow_the_hemisphere() -> None:
    south = parse("summer 2021", Hemisphere.SOUTH)
    assert (south.start, south.end) == (date(2021, 12, 1), date(2022, 2, 28))
    assert season("winter", 2021, Hemisphere.SOUTH).start == date(2021, 6, 1)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "rough date"),
        ("   ", "rough date"),
        ("2023-02-30", "doesn't exist"),
        ("2023-13", "01 to 12"),
        ("31 June 2022", "doesn't exist"),
        ("next tuesday", "wasn't understood"),
        ("2022..2021", "earlier date to the later"),
        ("1850", "from 1900"),
        ("2021..2022..2023", "wasn't understood"),
    ],
)
def test_an_impossible_date_gets_a_kind_message(typed: str, says: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse(typed)
    assert says in raised.value.message
    assert "Traceback" not in raised.value.message


def test_a_range_of_ranges_is_refused() -> None:
    with pytest.raises(InvalidInput):
        between(parse("2020..2021"), year(2022))


def test_labels_read_as_a_person_would_say_them() -> None:
    assert label(parse("2023-05-14")) == "14 May 2023"
    assert label(parse("2023-05")) == "May 2023"
    assert label(parse("summer-2021")) == "Summer 2021"
    assert label(parse("2021")) == "2021"
    assert label(parse("2021-03..2021-06")) == "March 2021 to June 2021"
    assert span_label(parse("summer 2021")) == "1 June 2021 to 31 August 2021"
    assert span_label(parse("2021-01-02")) == "2 January 2021"


def test_a_summer_moment_overlaps_a_harm_in_july() -> None:
    summer = parse("summer-2021")
    harm = day(date(2021, 7, 15))
    assert summer.overlaps(harm) and harm.overlaps(summer)
    assert summer.gap_days(harm) == 0
    assert summer.within(harm, 0)


def test_gaps_are_measured_between_the_nearest_days() -> None:
    may = month(2023, 5)
    assert may.gap_days(day(date(2023, 6, 30))) == 30
    assert day(date(2023, 6, 30)).gap_days(may) == 30
    assert may.within(day(date(2023, 6, 30)), 30)
    assert not may.within(day(date(2023, 7, 1)), 30)


def test_timeline_order_puts_the_middle_first_then_the_narrower() -> None:
    values = [year(2021), parse("summer-2021"), day(date(2021, 7, 16)), month(2021, 1)]
    ordered = sorted(values, key=FuzzyDate.sort_key)
    assert [v.text for v in ordered] == ["2021-01", "2021", "2021-07-16", "summer-2021"]


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@st.composite
def fuzzy(draw: st.DrawFn) -> FuzzyDate:
    kind = draw(st.sampled_from(list(Precision)))
    when = draw(days)
    if kind is Precision.DAY:
        return day(when)
    if kind is Precision.MONTH:
        return month(when.year, when.month)
    if kind is Precision.SEASON:
        return season(draw(st.sampled_from(["spring", "summer", "autumn", "winter"])), when.year)
    if kind is Precision.YEAR:
        return year(when.year)
    other = draw(days)
    first, last = sorted([day(when), day(other)], key=lambda v: v.start)
    return between(first, last)


@given(fuzzy(), fuzzy())
def test_gaps_and_overlaps_agree_and_are_symmetric(a: FuzzyDate, b: FuzzyDate) -> None:
    assert a.gap_days(b) == b.gap_days(a) >= 0
    assert a.overlaps(b) == (a.gap_days(b) == 0 and not (a.end < b.start or b.end < a.start))
    assert a.start <= a.midpoint <= a.end
    assert parse(a.text) == a


@given(fuzzy())
def test_the_precision_is_known_from_the_stored_text(value: FuzzyDate) -> None:
    assert precision_of(value.text) is value.precision
