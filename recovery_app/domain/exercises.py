"""Self-trust exercises, shipped as data: one schema for every file, and the answers a run keeps.

An exercise file is read into plain dicts (TOML) and checked here. A problem is reported with
the file's name and the exact field ("reality_check.toml: steps[2].kind must be one of ..."),
never with what the file says, so the message is safe for a log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from recovery_app.domain.errors import InvalidInput

SCALE = range(0, 11)
MAX_MINUTES = 60
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
TEXT_ANSWER_MAX_CHARS = 10_000


class StepKind(StrEnum):
    TEXT = "text"
    SCALE = "scale"  # 0 to 10
    YES_NO = "yes_no"
    SINGLE = "single"  # one of the choices
    MULTIPLE = "multiple"  # any of the choices


@dataclass(frozen=True)
class Step:
    prompt: str
    kind: StepKind
    choices: tuple[str, ...] = ()
    hint: str = ""
    low: str = ""  # what 0 means on a scale
    high: str = ""  # what 10 means on a scale


class KeepAs(StrEnum):
    """Where a finished run's answer is kept besides the run: the one promise store, or the
    instincts and predictions waiting to be checked."""

    PROMISE = "promise"
    INSTINCT = "instinct"
    PREDICTION = "prediction"


@dataclass(frozen=True)
class Keep:
    """`[keeps]` in a file: the text of step `step` becomes a promise, instinct or prediction
    when the run is finished; only if the yes/no step `if_step` was answered yes, when there is
    one; a prediction is a fear when the yes/no step `fear_step` was answered yes."""

    as_: KeepAs
    step: int
    if_step: int | None = None
    fear_step: int | None = None


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    why: str
    minutes: int
    steps: tuple[Step, ...]
    source: str
    keeps: Keep | None = None


class ExerciseFileProblem(Exception):
    """One file that does not fit the schema. `str()` names the file and the field."""

    def __init__(self, file_name: str, field: str, problem: str) -> None:
        self.file_name = file_name
        self.field = field
        self.problem = problem
        where = f"{file_name}: {field} " if field else f"{file_name}: "
        super().__init__(where + problem)


_TOP = {"id", "title", "why", "minutes", "steps", "source", "keeps"}
_KEEPS = {"as", "step", "if_step", "fear_step"}
_STEP = {"prompt", "kind", "choices", "hint", "low", "high"}
_KINDS = ", ".join(k.value for k in StepKind)


def parse_exercise(data: dict[str, Any], file_name: str) -> Exercise:
    """The exercise a file describes, or ExerciseFileProblem for the first field that's wrong."""

    def problem(field: str, text: str) -> ExerciseFileProblem:
        return ExerciseFileProblem(file_name, field, text)

    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise problem(unknown[0], f"is not a field an exercise has ({', '.join(sorted(_TOP))})")
    for key in ("id", "title", "why", "source"):
        if key not in data:
            raise problem(key, "is missing")
        if not isinstance(data[key], str) or not data[key].strip():
            raise problem(key, "must be some text")
    if not ID_PATTERN.match(data["id"]):
        raise problem("id", "must be lower-case letters, digits and _ (like reality_check)")
    minutes = data.get("minutes")
    if minutes is None:
        raise problem("minutes", "is missing")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 60:
        raise problem("minutes", f"must be a whole number from 1 to {MAX_MINUTES}")
    steps = data.get("steps")
    if steps is None:
        raise problem("steps", "is missing")
    if not isinstance(steps, list) or not steps:
        raise problem("steps", "must be a list of at least one [[steps]] table")
    parsed = tuple(_parse_step(step, f"steps[{n}]", problem) for n, step in enumerate(steps))
    return Exercise(
        id=data["id"],
        title=data["title"].strip(),
        why=data["why"].strip(),
        minutes=minutes,
        steps=parsed,
        source=data["source"].strip(),
        keeps=None if "keeps" not in data else _parse_keeps(data["keeps"], parsed, problem),
    )


def _parse_keeps(data: Any, steps: tuple[Step, ...], problem: Any) -> Keep:
    if not isinstance(data, dict):
        raise problem("keeps", "must be a table with `as` and `step`")
    unknown = sorted(set(data) - _KEEPS)
    if unknown:
        fields = ", ".join(sorted(_KEEPS))
        raise problem(f"keeps.{unknown[0]}", f"is not a field keeps has ({fields})")
    try:
        as_ = KeepAs(str(data.get("as", "")))
    except ValueError:
        kinds = ", ".join(k.value for k in KeepAs)
        raise problem("keeps.as", f"must be one of {kinds}") from None

    def step_of(key: str, kind: StepKind) -> int | None:
        index = data.get(key)
        if index is None:
            return None
        if (
            isinstance(index, bool)
            or not isinstance(index, int)
            or not 0 <= index < len(steps)
            or steps[index].kind is not kind
        ):
            raise problem(f"keeps.{key}", f"must be the number (from 0) of a {kind} step")
        return index

    step = step_of("step", StepKind.TEXT)
    if step is None:
        raise problem("keeps.step", "is missing")
    fear_step = step_of("fear_step", StepKind.YES_NO)
    if fear_step is not None and as_ is not KeepAs.PREDICTION:
        raise problem("keeps.fear_step", "only belongs to a prediction")
    return Keep(as_, step, step_of("if_step", StepKind.YES_NO), fear_step)


def kept_text(exercise: Exercise, answers: dict[int, Answer]) -> str | None:
    """The words a finished run keeps as a promise, instinct or prediction, if any."""
    keeps = exercise.keeps
    if keeps is None or (keeps.if_step is not None and answers.get(keeps.if_step) is not True):
        return None
    text = answers.get(keeps.step)
    return text if isinstance(text, str) and text else None


def _parse_step(data: Any, where: str, problem: Any) -> Step:
    if not isinstance(data, dict):
        raise problem(where, "must be a table with a prompt and a kind")
    unknown = sorted(set(data) - _STEP)
    if unknown:
        fields = ", ".join(sorted(_STEP))
        raise problem(f"{where}.{unknown[0]}", f"is not a field a step has ({fields})")
    for key in ("prompt", "kind"):
        if key not in data:
            raise problem(f"{where}.{key}", "is missing")
    if not isinstance(data["prompt"], str) or not data["prompt"].strip():
        raise problem(f"{where}.prompt", "must be some text")
    try:
        kind = StepKind(data["kind"])
    except ValueError:
        raise problem(f"{where}.kind", f"must be one of {_KINDS}") from None
    for key in ("hint", "low", "high"):
        if not isinstance(data.get(key, ""), str):
            raise problem(f"{where}.{key}", "must be some text")
    choices = data.get("choices")
    if kind in (StepKind.SINGLE, StepKind.MULTIPLE):
        if (
            not isinstance(choices, list)
            or len(choices) < 2
            or not all(isinstance(c, str) and c.strip() for c in choices)
        ):
            raise problem(f"{where}.choices", f"must list at least two texts for a {kind} step")
        if len({c.strip() for c in choices}) != len(choices):
            raise problem(f"{where}.choices", "must not repeat a choice")
    elif choices is not None:
        raise problem(f"{where}.choices", f"only belong to single and multiple steps, not {kind}")
    return Step(
        prompt=data["prompt"].strip(),
        kind=kind,
        choices=tuple(c.strip() for c in choices or ()),
        hint=data.get("hint", "").strip(),
        low=data.get("low", "").strip(),
        high=data.get("high", "").strip(),
    )


# ----- answers ------------------------------------------------------------------------------

Answer = str | int | bool | tuple[str, ...]


def clean_answer(step: Step, value: object) -> Answer | None:
    """The answer in its stored shape; None when the step was left (an empty text, nothing
    chosen). An answer that the step can't hold is InvalidInput."""
    if value is None:
        return None
    if step.kind is StepKind.TEXT:
        if not isinstance(value, str):
            raise InvalidInput("This step takes some words.")
        text = value.strip()
        if len(text) > TEXT_ANSWER_MAX_CHARS:
            raise InvalidInput(f"An answer fits in {TEXT_ANSWER_MAX_CHARS:,} characters.")
        return text or None
    if step.kind is StepKind.SCALE:
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
            raise InvalidInput("This step goes from 0 to 10.")
        return value
    if step.kind is StepKind.YES_NO:
        if not isinstance(value, bool):
            raise InvalidInput("This step is a yes or a no.")
        return value
    if step.kind is StepKind.SINGLE:
        if value not in step.choices:
            raise InvalidInput("Please pick one of the choices shown.")
        assert isinstance(value, str)
        return value
    chosen = tuple(value) if isinstance(value, list | tuple) else ()
    if not isinstance(value, list | tuple) or any(c not in step.choices for c in chosen):
        raise InvalidInput("Please pick from the choices shown.")
    # in the file's order, each once
    return tuple(c for c in step.choices if c in chosen) or None


def clean_answers(exercise: Exercise, answers: dict[int, object]) -> dict[int, Answer]:
    """Only the steps answered, each in its stored shape."""
    clean: dict[int, Answer] = {}
    for index, value in answers.items():
        if not 0 <= index < len(exercise.steps):
            raise InvalidInput("That step isn't part of this exercise.")
        answer = clean_answer(exercise.steps[index], value)
        if answer is not None:
            clean[index] = answer
    return clean


def answer_text(step: Step, answer: Answer | None, *, yes: str = "Yes", no: str = "No") -> str:
    """An answer as a line to read back; "" when the step was skipped."""
    if answer is None:
        return ""
    if step.kind is StepKind.YES_NO:
        return yes if answer else no
    if step.kind is StepKind.SCALE:
        return f"{answer} of 10"
    if isinstance(answer, tuple):
        return ", ".join(answer)
    return str(answer)
