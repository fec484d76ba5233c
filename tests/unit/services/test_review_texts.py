"""The review's and hard dates' wording (resources/texts/review.toml, hard_dates.toml): the
sentences the numbers choose, and their tone."""

import re
import tomllib
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.review import PeriodUnit, ThenAndNowFigures
from recovery_app.domain.review_days import CheckInPeriod
from recovery_app.domain.review_urges import UrgePeriod
from recovery_app.domain.then_and_now import WORD_KEYS, then_and_now_sentences
from recovery_app.resource_files import resources_dir
from recovery_app.services.texts import hard_date_words, review_words

D = date(2026, 1, 1)
BANNED = (
    "relapse",
    "fail",
    "weak",
    "should",
    "must",
    "score",
    "grade",
    "%",
    "percent",
    "!",
    "better",
    "worse",
    "bad",
    "good job",
    "well done",
    "proud",
    "addict",
    "toxic",
    "abuser",
    "victim",
)
GENDERED = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)


def _period(count: int, *, rated: int = 0, mean: float = 0, decided: int = 0, passed: int = 0):
    return UrgePeriod(D, D, count, rated, round(rated * mean), decided, passed)


def _pulls(pulls: int = 0, mean: float = 0) -> CheckInPeriod:
    return CheckInPeriod(D, D, pulls, 0, 0, pulls, round(pulls * mean))


def _figures(first: UrgePeriod, last: UrgePeriod, before: UrgePeriod | None = None, **kw):
    return ThenAndNowFigures(
        unit=kw.get("unit", PeriodUnit.MONTH),
        units=kw.get("units", 6),
        from_start=kw.get("from_start", True),
        first=first,
        before_last=before,
        last=last,
        first_pull=kw.get("first_pull", _pulls()),
        last_pull=kw.get("last_pull", _pulls()),
    )


def test_fewer_urges_and_more_passing_are_said_plainly() -> None:
    figures = _figures(
        _period(41, decided=40, passed=28, rated=40, mean=7.2),
        _period(12, decided=12, passed=11, rated=12, mean=4.1),
        before=_period(15),
    )
    assert then_and_now_sentences(figures, review_words(), ends_today=True) == (
        "In your first month you noted 41 urges; in the last month, 12 urges.",
        "More of them passed.",
        "They came less strongly: about 4 out of 10 on average, from 7.",
        "This month brought fewer urges than the last.",
    )


def test_a_harder_month_is_met_kindly() -> None:
    figures = _figures(_period(9), _period(20), before=_period(11), from_start=False)
    lines = then_and_now_sentences(figures, review_words(), ends_today=True)
    assert lines == (
        "In the first month shown you noted 9 urges; in the last month, 20 urges. "
        "Noticing them is part of the work.",
        "This month brought more urges than the last.",  # the kind words said once
    )
    fewer_than_first = _figures(_period(30), _period(20), before=_period(11))
    assert then_and_now_sentences(fewer_than_first, review_words(), ends_today=True) == (
        "In your first month you noted 30 urges; in the last month, 20 urges.",
        "This month brought more urges than the last. Noticing them is part of the work.",
    )


def test_a_range_that_ends_before_today_speaks_of_the_last_period_shown() -> None:
    figures = _figures(_period(1), _period(0), before=_period(3), unit=PeriodUnit.WEEK)
    lines = then_and_now_sentences(figures, review_words(), ends_today=False)
    assert lines == (
        "In your first week you noted 1 urge; in the last week, no urges.",
        "The last week shown brought fewer urges than the one before.",
    )


def test_the_pull_in_check_ins_is_compared_when_both_ends_have_some() -> None:
    eased = _figures(_period(5), _period(5), first_pull=_pulls(20, 6.0), last_pull=_pulls(25, 2.2))
    lines = then_and_now_sentences(eased, review_words(), ends_today=True)
    assert "The pull in your check-ins eased, from about 6 to 2 out of 10." in lines
    thin = _figures(_period(5), _period(5), first_pull=_pulls(2, 6.0), last_pull=_pulls(25, 2.0))
    assert not any(
        "pull" in line for line in then_and_now_sentences(thin, review_words(), ends_today=True)
    )


def test_too_little_to_compare_says_so_once() -> None:
    assert then_and_now_sentences(None, review_words(), ends_today=True) == (
        "Not enough yet: this fills in as you go.",
    )


def test_thin_shares_and_means_are_not_compared() -> None:
    figures = _figures(
        _period(2, decided=2, passed=0, rated=2, mean=9),
        _period(2, decided=2, passed=2, rated=2, mean=1),
    )
    lines = then_and_now_sentences(figures, review_words(), ends_today=True)
    assert len(lines) == 1


periods = st.builds(
    lambda count, rated, mean, decided, passed: _period(
        count,
        rated=min(rated, count),
        mean=mean,
        decided=min(decided, count),
        passed=min(passed, decided, count),
    ),
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.floats(0, 10),
    st.integers(0, 5000),
    st.integers(0, 5000),
)


@given(
    periods,
    periods,
    st.one_of(st.none(), periods),
    st.sampled_from(list(PeriodUnit)),
    st.booleans(),
    st.builds(_pulls, st.integers(0, 30), st.floats(0, 10)),
    st.builds(_pulls, st.integers(0, 30), st.floats(0, 10)),
    st.booleans(),
)
def test_every_sentence_is_filled_in_and_kind(
    first, last, before, unit, from_start, first_pull, last_pull, ends_today
) -> None:
    figures = ThenAndNowFigures(unit, 3, from_start, first, before, last, first_pull, last_pull)
    lines = then_and_now_sentences(figures, review_words(), ends_today=ends_today)
    assert 1 <= len(lines) <= 5
    for line in lines:
        assert "{" not in line
        assert not any(word in line.lower() for word in BANNED), line
        assert not GENDERED.search(line)


def _strings(path: str) -> list[str]:
    with (resources_dir() / "texts" / path).open("rb") as file:
        data = tomllib.load(file)
    return [str(v) for section in data.values() for v in section.values()]


def test_every_review_and_hard_date_word_is_warm_plain_and_gender_neutral() -> None:
    words = _strings("review.toml") + _strings("hard_dates.toml")
    assert len(words) >= len(WORD_KEYS) + 10
    for text in words:
        lowered = text.lower()
        assert not any(word in lowered for word in BANNED), text
        assert not GENDERED.search(text), text


def test_the_hard_date_words_fill_in() -> None:
    clusters, ahead = hard_date_words()
    assert clusters.say("around", date="14 February") == (
        "Around 14 February, urges have come more often in past years."
    )
    for key in ("coming", "tomorrow", "today", "day_after"):
        line = ahead.say(key, name="The day it ended", days=7)
        assert "The day it ended" in line
        assert "{" not in line
    for key in ("tray_coming", "tray_today"):
        assert "{" not in ahead.lines[key]  # the tray never names the day


def test_the_days_still_needed_read_as_a_number() -> None:
    clusters, _ = hard_date_words()
    line = clusters.say("too_little_history", days=f"{300:,}")
    assert "300 more days" in line
