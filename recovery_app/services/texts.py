"""Wording shipped as data in resources/texts/*.toml, so it can be reviewed for tone there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from recovery_app.domain.words import Words
from recovery_app.resource_files import resources_dir


def days_text(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


@dataclass(frozen=True)
class TodayTexts:
    milestone_lines: dict[str, str]
    new_stretch: str
    new_stretch_same_day: str
    new_stretch_earlier: str
    gentle_lines: tuple[str, ...]

    def milestone(self, days: int, name: str) -> str:
        line = self.milestone_lines.get(str(days), self.milestone_lines["other"])
        if name.endswith((".", "!", "?")):
            line = line.replace("{name}.", "{name}")  # "from J." not "from J.."
        return line.format(days=days, name=name)

    def stretch_ended(self, days_before: int, new_since: date, *, today: date) -> str:
        if new_since < today:
            when = f"{new_since.day} {new_since:%B}"
            return self.new_stretch_earlier.format(days=days_before, date=when)
        if days_before <= 0:
            return self.new_stretch_same_day
        return self.new_stretch.format(days=days_before)

    def gentle_line(self, today: date) -> str:
        """The same line all day; a different one tomorrow."""
        return self.gentle_lines[today.toordinal() % len(self.gentle_lines)]


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # on first use: the command line imports this module at every start

    with path.open("rb") as file:
        return tomllib.load(file)


@cache
def today_texts(folder: Path | None = None) -> TodayTexts:
    data = _read((folder or resources_dir() / "texts") / "today.toml")
    return TodayTexts(
        milestone_lines={str(k): str(v) for k, v in data["milestones"].items()},
        new_stretch=data["stretch"]["new_stretch"],
        new_stretch_same_day=data["stretch"]["new_stretch_same_day"],
        new_stretch_earlier=data["stretch"]["new_stretch_earlier"],
        gentle_lines=tuple(data["lines"]["gentle"]),
    )


def trigger_suggestions(folder: Path | None = None) -> list[str]:
    """The suggestions a person's trigger list starts with."""
    data = _read((folder or resources_dir() / "texts") / "urges.toml")
    return [str(name) for name in data["triggers"]["suggestions"]]


@dataclass(frozen=True)
class GuideTexts:
    welcome: str
    time_up: str
    check: str
    end: str
    after_reasons: str
    self_compassion: tuple[str, ...]
    helplines: str


@cache
def guide_texts(folder: Path | None = None) -> GuideTexts:
    """The words of the ride-the-wave guide."""
    data = _read((folder or resources_dir() / "texts") / "urges.toml")["guide"]
    return GuideTexts(
        welcome=data["welcome"],
        time_up=data["time_up"],
        check=data["check"],
        end=data["end"],
        after_reasons=data["after_reasons"],
        self_compassion=tuple(data["self_compassion"]),
        helplines=data["helplines"],
    )


@dataclass(frozen=True)
class ExerciseTexts:
    screen: dict[str, str]
    promises: dict[str, str]
    hunches: dict[str, str]


@cache
def exercise_texts(folder: Path | None = None) -> ExerciseTexts:
    """The words of the Exercises screen (the exercises themselves are in resources/exercises)."""
    data = _read((folder or resources_dir() / "texts") / "exercises.toml")
    return ExerciseTexts(
        screen={k: str(v) for k, v in data["screen"].items()},
        promises={k: str(v) for k, v in data["promises"].items()},
        hunches={k: str(v) for k, v in data["hunches"].items()},
    )


@cache
def review_words(folder: Path | None = None) -> Words:
    """The review's "then and now" sentences (domain/then_and_now.py fills them in)."""
    from recovery_app.domain.then_and_now import WORD_KEYS

    data = _read((folder or resources_dir() / "texts") / "review.toml")["then_and_now"]
    return Words({k: str(v) for k, v in data.items()}).require(WORD_KEYS)


@cache
def hard_date_words(folder: Path | None = None) -> tuple[Words, Words]:
    """The words for clusters, and for the days to go (domain/hard_dates.py fills them in)."""
    from recovery_app.domain.hard_dates import AHEAD_WORD_KEYS, CLUSTER_WORD_KEYS

    data = _read((folder or resources_dir() / "texts") / "hard_dates.toml")
    clusters = Words({k: str(v) for k, v in data["clusters"].items()})
    ahead = Words({k: str(v) for k, v in data["ahead"].items()})
    return clusters.require(CLUSTER_WORD_KEYS), ahead.require(AHEAD_WORD_KEYS)


@dataclass(frozen=True)
class ReachOutTexts:
    suggested_steps: tuple[str, ...]
    answer_examples: tuple[str, ...]
    editor: dict[str, str]
    moment: dict[str, str]


@cache
def reach_out_texts(folder: Path | None = None) -> ReachOutTexts:
    """My plan for when they reach out: its first suggestions and the words around it."""
    data = _read((folder or resources_dir() / "texts") / "reach_out.toml")
    return ReachOutTexts(
        suggested_steps=tuple(str(s) for s in data["plan"]["suggested_steps"]),
        answer_examples=tuple(str(s) for s in data["plan"]["answer_examples"]),
        editor={k: str(v) for k, v in data["editor"].items()},
        moment={k: str(v) for k, v in data["moment"].items()},
    )


OFFER_WORD_KEYS = ("see_plan", "check_in", "clock_start", "clock_start_name", "cluster_name")


@cache
def hard_date_offer_words(folder: Path | None = None) -> Words:
    """The words for what hard dates offer: the notice's button, the suggestions."""
    data = _read((folder or resources_dir() / "texts") / "hard_dates.toml")
    return Words({k: str(v) for k, v in data["offers"].items()}).require(OFFER_WORD_KEYS)
