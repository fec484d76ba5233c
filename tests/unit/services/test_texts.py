"""The Today wording shipped in resources/texts/today.toml."""

import re
import tomllib
from datetime import date, timedelta

from recovery_app.domain.milestones import FIRST_MILESTONES, milestones_reached
from recovery_app.resource_files import resources_dir
from recovery_app.services.texts import exercise_texts, today_texts

BANNED = ("relapse", "fail", "weak", "should have", "confetti", "!")


def test_every_milestone_has_calm_words_with_the_label_filled_in() -> None:
    texts = today_texts()
    for days in [*FIRST_MILESTONES, *milestones_reached(5 * 365)]:
        line = texts.milestone(days, "Sam")
        assert "Sam" in line
        assert "{" not in line
        assert not any(word in line.lower() for word in BANNED)


def test_a_label_ending_in_a_full_stop_gets_no_second_one() -> None:
    assert "J.." not in today_texts().milestone(30, "J.")


def test_a_new_stretch_is_named_gently_and_keeps_the_days_before() -> None:
    texts = today_texts()
    today = date(2026, 11, 23)
    line = texts.stretch_ended(19, today, today=today)
    assert "new stretch today" in line
    assert "19 days" in line
    same_day = texts.stretch_ended(0, today, today=today)
    assert "new stretch" in same_day
    earlier = texts.stretch_ended(15, date(2026, 11, 18), today=today)
    assert "began on 18 November" in earlier
    assert "15 days" in earlier
    assert not any(word in (line + same_day + earlier).lower() for word in BANNED)


def test_the_gentle_line_is_the_same_all_day_and_changes_across_days() -> None:
    texts = today_texts()
    day = date(2026, 11, 23)
    assert texts.gentle_line(day) == texts.gentle_line(day)
    week = {texts.gentle_line(day + timedelta(days=n)) for n in range(7)}
    assert len(week) == 7


# ----- the exercises, read once more for tone --------------------------------------------------

EXERCISE_BANNED = (
    *BANNED,
    "relapse",
    "addict",
    "toxic",
    "narcissist",
    "abuser",
    "abusive",
    "victim",
    "crazy",
    "you must",
    "failure",
)
GENDERED = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)


def _all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _all_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _all_strings(v)]
    return []


def _exercise_words() -> list[tuple[str, str]]:
    folder = resources_dir() / "exercises"
    files = [*sorted(folder.glob("*.toml")), resources_dir() / "texts" / "exercises.toml"]
    found = []
    for path in files:
        with path.open("rb") as file:
            found += [(path.name, text) for text in _all_strings(tomllib.load(file))]
    return found


def test_every_exercise_word_is_warm_plain_and_gender_neutral() -> None:
    words = _exercise_words()
    assert len(words) > 100  # nine exercises and the screen's words
    for name, text in words:
        lowered = text.lower()
        assert not any(word in lowered for word in EXERCISE_BANNED), (name, text)
        assert not GENDERED.search(text), (name, text)


def test_the_screen_words_fill_in_their_numbers() -> None:
    texts = exercise_texts()
    line = texts.promises["line_summary"].format(kept=3, decided=4, percent=75)
    assert line == "Promises kept: 3 of 4 (75%)."
    assert "{" not in texts.hunches["fears_share"].format(percent=60, count=5)
    assert "{" not in texts.hunches["instincts_share"].format(percent=60, count=5)
    assert "not therapy" in texts.screen["intro"]
