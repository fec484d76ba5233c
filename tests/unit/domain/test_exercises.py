"""The one schema every exercise file is checked against, and the answers a run keeps."""

from typing import Any

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.exercises import (
    ExerciseFileProblem,
    KeepAs,
    Step,
    StepKind,
    answer_text,
    clean_answer,
    kept_text,
    parse_exercise,
)


def good() -> dict[str, Any]:
    return {
        "id": "tiny",
        "title": "Tiny",
        "why": "It helps.",
        "minutes": 2,
        "source": "Made for a test.",
        "steps": [
            {"prompt": "Words?", "kind": "text"},
            {"prompt": "How much?", "kind": "scale", "low": "none", "high": "lots"},
            {"prompt": "Yes?", "kind": "yes_no"},
            {"prompt": "Which?", "kind": "single", "choices": ["a", "b"]},
            {"prompt": "Any?", "kind": "multiple", "choices": ["x", "y", "z"]},
        ],
    }


def test_a_good_file_becomes_an_exercise() -> None:
    exercise = parse_exercise(good(), "tiny.toml")
    assert exercise.id == "tiny"
    assert [s.kind for s in exercise.steps] == list(StepKind)
    assert exercise.steps[1].low == "none"
    assert exercise.steps[4].choices == ("x", "y", "z")


def _broken(change: Any) -> dict[str, Any]:
    data = good()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("title"), "tiny.toml: title is missing"),
        (lambda d: d.update(title="  "), "tiny.toml: title must be some text"),
        (lambda d: d.update(id="Tiny One"), "tiny.toml: id must be lower-case"),
        (lambda d: d.update(minutes="five"), "tiny.toml: minutes must be a whole number"),
        (lambda d: d.update(minutes=0), "tiny.toml: minutes must be a whole number"),
        (lambda d: d.update(colour="blue"), "tiny.toml: colour is not a field an exercise has"),
        (lambda d: d.update(steps=[]), "tiny.toml: steps must be a list of at least one"),
        (
            lambda d: d["steps"][2].update(kind="slider"),
            "tiny.toml: steps[2].kind must be one of text, scale, yes_no, single, multiple",
        ),
        (lambda d: d["steps"][0].pop("prompt"), "tiny.toml: steps[0].prompt is missing"),
        (
            lambda d: d["steps"][3].update(choices=["only one"]),
            "tiny.toml: steps[3].choices must list at least two texts for a single step",
        ),
        (
            lambda d: d["steps"][4].update(choices=["x", "x"]),
            "tiny.toml: steps[4].choices must not repeat a choice",
        ),
        (
            lambda d: d["steps"][0].update(choices=["a", "b"]),
            "tiny.toml: steps[0].choices only belong to single and multiple steps, not text",
        ),
        (lambda d: d["steps"][1].update(size=3), "tiny.toml: steps[1].size is not a field"),
    ],
)
def test_a_bad_field_is_named_with_its_file(change: Any, message: str) -> None:
    with pytest.raises(ExerciseFileProblem) as caught:
        parse_exercise(_broken(change), "tiny.toml")
    assert str(caught.value).startswith(message)


def test_answers_keep_their_shape_and_empty_ones_are_skipped() -> None:
    text = Step("Words?", StepKind.TEXT)
    many = Step("Any?", StepKind.MULTIPLE, ("x", "y", "z"))
    assert clean_answer(text, "  hello ") == "hello"
    assert clean_answer(text, "   ") is None
    assert clean_answer(Step("?", StepKind.SCALE), 0) == 0
    assert clean_answer(Step("?", StepKind.YES_NO), False) is False
    assert clean_answer(many, ["z", "x"]) == ("x", "z")  # in the file's order
    assert clean_answer(many, []) is None
    assert answer_text(many, ("x", "z")) == "x, z"
    assert answer_text(Step("?", StepKind.SCALE), 3) == "3 of 10"
    assert answer_text(Step("?", StepKind.YES_NO), False) == "No"
    assert answer_text(text, None) == ""


@pytest.mark.parametrize(
    ("step", "value"),
    [
        (Step("?", StepKind.SCALE), 11),
        (Step("?", StepKind.SCALE), True),
        (Step("?", StepKind.YES_NO), "yes"),
        (Step("?", StepKind.SINGLE, ("a", "b")), "c"),
        (Step("?", StepKind.MULTIPLE, ("a", "b")), ["a", "c"]),
        (Step("?", StepKind.TEXT), 3),
    ],
)
def test_an_answer_a_step_cannot_hold_is_refused_kindly(step: Step, value: object) -> None:
    with pytest.raises(InvalidInput):
        clean_answer(step, value)


def test_keeps_names_a_text_step_and_optional_yes_no_steps() -> None:
    data = good()
    data["keeps"] = {"as": "prediction", "step": 0, "if_step": 2, "fear_step": 2}
    keeps = parse_exercise(data, "tiny.toml").keeps
    assert keeps is not None
    assert (keeps.as_, keeps.step, keeps.if_step, keeps.fear_step) == (KeepAs.PREDICTION, 0, 2, 2)
    exercise = parse_exercise(data, "tiny.toml")
    assert kept_text(exercise, {0: "It will rain", 2: True}) == "It will rain"
    assert kept_text(exercise, {0: "It will rain", 2: False}) is None
    assert kept_text(exercise, {2: True}) is None


@pytest.mark.parametrize(
    ("keeps", "message"),
    [
        ({"as": "diary", "step": 0}, "tiny.toml: keeps.as must be one of promise, instinct"),
        ({"as": "promise"}, "tiny.toml: keeps.step is missing"),
        (
            {"as": "promise", "step": 1},
            "tiny.toml: keeps.step must be the number (from 0) of a text",
        ),
        ({"as": "promise", "step": 9}, "tiny.toml: keeps.step must be the number"),
        ({"as": "promise", "step": 0, "if_step": 0}, "tiny.toml: keeps.if_step must be the number"),
        ({"as": "promise", "step": 0, "fear_step": 2}, "tiny.toml: keeps.fear_step only belongs"),
        ({"as": "promise", "step": 0, "when": 2}, "tiny.toml: keeps.when is not a field"),
    ],
)
def test_a_bad_keeps_is_named_with_its_field(keeps: dict[str, Any], message: str) -> None:
    data = good()
    data["keeps"] = keeps
    with pytest.raises(ExerciseFileProblem) as caught:
        parse_exercise(data, "tiny.toml")
    assert str(caught.value).startswith(message)
