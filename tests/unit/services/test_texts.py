"""The Today wording shipped in resources/texts/today.toml."""

from datetime import date, timedelta

from recovery_app.domain.milestones import FIRST_MILESTONES, milestones_reached
from recovery_app.services.texts import today_texts

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
