"""The few plain sentences at the top of a review: how urges came then, and how they come now.

A pure function of the review's numbers and the words in resources/texts/review.toml. It
says what the counts say and nothing more: no verdict, no praise that would turn into blame
on a harder month. When a month brings more urges, it says so kindly ("Noticing them is
part of the work."), because a harder stretch is information, not failure.
"""

from __future__ import annotations

from recovery_app.domain.review import PeriodUnit, ThenAndNowFigures
from recovery_app.domain.words import Words

# A difference smaller than these is "about the same" and is not remarked on.
SHARE_STEP = 0.1
SCALE_STEP = 1.0
# Means and shares of fewer entries than this are too thin to compare.
MIN_ENTRIES = 3

WORD_KEYS = (  # every key review.toml must hold
    "not_enough",
    "urges_none",
    "urges_one",
    "urges_many",
    "unit_week",
    "unit_month",
    "unit_year",
    "first_from_start",
    "first_in_range",
    "long_view",
    "more_kind",
    "passed_more",
    "passed_fewer",
    "passed_same",
    "eased",
    "stronger",
    "recent_more_now",
    "recent_more_then",
    "recent_fewer_now",
    "recent_fewer_then",
    "pull_eased",
    "pull_stronger",
)


def _urges(count: int, words: Words) -> str:
    if count == 0:
        return words.say("urges_none")
    if count == 1:
        return words.say("urges_one")
    return words.say("urges_many", count=f"{count:,}")


def _unit(unit: PeriodUnit, words: Words) -> str:
    return words.say(f"unit_{unit.value}")


def _about(value: float) -> int:
    """A 0-10 mean as a person would say it: a whole number, halves rounded up."""
    return int(value + 0.5)


def _long_view(figures: ThenAndNowFigures, words: Words) -> str:
    unit = _unit(figures.unit, words)
    first = words.say("first_from_start" if figures.from_start else "first_in_range", unit=unit)
    line = words.say(
        "long_view",
        first=first,
        then=_urges(figures.first.count, words),
        now=_urges(figures.last.count, words),
        unit=unit,
    )
    if figures.last.count > figures.first.count:
        line = f"{line} {words.say('more_kind')}"
    return line


def _passed(figures: ThenAndNowFigures, words: Words) -> str | None:
    then, now = figures.first, figures.last
    if then.decided < MIN_ENTRIES or now.decided < MIN_ENTRIES:
        return None
    assert then.share_passed is not None
    assert now.share_passed is not None
    change = now.share_passed - then.share_passed
    if change >= SHARE_STEP:
        return words.say("passed_more")
    if change <= -SHARE_STEP:
        return words.say("passed_fewer")
    return words.say("passed_same")


def _strength(figures: ThenAndNowFigures, words: Words) -> str | None:
    then, now = figures.first, figures.last
    if then.rated < MIN_ENTRIES or now.rated < MIN_ENTRIES:
        return None
    assert then.mean_intensity is not None
    assert now.mean_intensity is not None
    change = now.mean_intensity - then.mean_intensity
    if change <= -SCALE_STEP:
        return words.say("eased", then=_about(then.mean_intensity), now=_about(now.mean_intensity))
    if change >= SCALE_STEP:
        return words.say("stronger")
    return None


def _recent(figures: ThenAndNowFigures, words: Words, ends_today: bool) -> str | None:
    before = figures.before_last
    if before is None or before.count == figures.last.count:
        return None
    direction = "more" if figures.last.count > before.count else "fewer"
    when = "now" if ends_today else "then"
    line = words.say(f"recent_{direction}_{when}", unit=_unit(figures.unit, words))
    if direction == "more" and figures.last.count <= figures.first.count:
        line = f"{line} {words.say('more_kind')}"  # said once: the long view didn't
    return line


def _pull(figures: ThenAndNowFigures, words: Words) -> str | None:
    then, now = figures.first_pull, figures.last_pull
    if then.pulls < MIN_ENTRIES or now.pulls < MIN_ENTRIES:
        return None
    assert then.mean_pull is not None
    assert now.mean_pull is not None
    change = now.mean_pull - then.mean_pull
    if change <= -SCALE_STEP:
        return words.say("pull_eased", then=_about(then.mean_pull), now=_about(now.mean_pull))
    if change >= SCALE_STEP:
        return words.say("pull_stronger")
    return None


def then_and_now_sentences(
    figures: ThenAndNowFigures | None, words: Words, *, ends_today: bool
) -> tuple[str, ...]:
    """The sentences, in reading order; one "not enough yet" line when there is too little
    to compare (no urges in the range, or under two weeks of them).

    `ends_today`: the range runs up to today, so its last period is "this week"."""
    if figures is None:
        return (words.say("not_enough"),)
    found = [
        _long_view(figures, words),
        _passed(figures, words),
        _strength(figures, words),
        _recent(figures, words, ends_today),
        _pull(figures, words),
    ]
    return tuple(line for line in found if line)
