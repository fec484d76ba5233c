"""The exercise library: the shipped files, bad files reported by name, new files with no code."""

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.exercises import StepKind
from recovery_app.resource_files import resources_dir
from recovery_app.services.exercises import ExerciseService, load_library

SHIPPED = {
    "reality_check",
    "check_the_facts",
    "promise_to_myself",
    "instinct_log",
    "prediction_check",
    "name_the_cycle",
    "self_compassion_break",
    "validating_a_feeling",
    "values_and_action",
}
NEW_FILE = """
id = "three_good_things"
title = "Three good things"
why = "Noticing what went well balances a hard day."
minutes = 3
source = "Written for a test."

[[steps]]
prompt = "One thing that went well today:"
kind = "text"
"""


def test_the_shipped_library_loads_whole() -> None:
    library = load_library()
    assert library.problems == ()
    assert {e.id for e in library.exercises} >= SHIPPED
    kinds = {step.kind for e in library.exercises for step in e.steps}
    assert kinds == set(StepKind)  # every kind of field is used somewhere
    cycle = library.get("name_the_cycle")
    assert cycle is not None
    assert "This doesn't fit the pattern" in cycle.steps[1].choices


def _copy_shipped(folder: Path) -> None:
    folder.mkdir()
    for path in (resources_dir() / "exercises").glob("*.toml"):
        (folder / path.name).write_bytes(path.read_bytes())


def test_a_new_exercise_needs_only_a_new_file(tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    _copy_shipped(folder)
    (folder / "three_good_things.toml").write_text(NEW_FILE, encoding="utf-8")
    library = load_library(folder)
    assert library.problems == ()
    new = library.get("three_good_things")
    assert new is not None
    assert new.minutes == 3
    assert new.steps[0].kind is StepKind.TEXT
    assert len(library.exercises) == len(SHIPPED) + 1


def test_bad_files_are_named_with_their_field_and_the_others_still_load(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "exercises"
    _copy_shipped(folder)
    (folder / "zz_bad_kind.toml").write_text(
        NEW_FILE.replace('id = "three_good_things"', 'id = "bad_kind"').replace(
            'kind = "text"', 'kind = "essay"'
        ),
        encoding="utf-8",
    )
    (folder / "zz_not_toml.toml").write_text("id = \n[[steps", encoding="utf-8")
    (folder / "zz_same_id.toml").write_text(
        NEW_FILE.replace("three_good_things", "reality_check"), encoding="utf-8"
    )
    (folder / "zz_no_title.toml").write_text(
        NEW_FILE.replace('title = "Three good things"\n', "").replace(
            "three_good_things", "no_title"
        ),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        library = load_library(folder)
    assert {e.id for e in library.exercises} == SHIPPED
    assert library.problems[0] == (
        "zz_bad_kind.toml: steps[0].kind must be one of text, scale, yes_no, single, multiple"
    )
    assert library.problems[1] == "zz_no_title.toml: title is missing"
    assert library.problems[2].startswith("zz_not_toml.toml: is not readable TOML")
    assert library.problems[3] == "zz_same_id.toml: id is already used by another file"
    for problem in library.problems:
        assert problem in caplog.text
    assert "One thing that went well" not in caplog.text  # a file's words never reach the log


# ----- runs and hiding -------------------------------------------------------------------------

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


@pytest.fixture
def exercises(vault) -> ExerciseService:
    clock = iter(NOW + timedelta(minutes=n) for n in range(1000))
    return ExerciseService(vault, load_library(), now=lambda: next(clock))


def test_a_half_done_run_is_taken_up_again_then_finished(exercises: ExerciseService) -> None:
    assert exercises.unfinished_run("reality_check") is None
    half = exercises.save_run(
        "reality_check", {0: "  They shouted. ", 1: "", 4: 6}, 2, finished=False
    )
    resumed = exercises.unfinished_run("reality_check")
    assert resumed == half
    assert resumed.answers == {0: "They shouted.", 4: 6}  # the empty answer is a skipped step
    assert resumed.current_step == 2
    assert exercises.history("reality_check") == []

    done = exercises.save_run(
        "reality_check",
        {**resumed.answers, 3: "That I imagined it."},
        4,
        finished=True,
        run_id=resumed.id,
    )
    assert done.id == half.id
    assert exercises.unfinished_run("reality_check") is None
    assert [r.answers for r in exercises.history("reality_check")] == [
        {0: "They shouted.", 3: "That I imagined it.", 4: 6}
    ]
    assert exercises.recent_runs() == exercises.history("reality_check")


def test_choices_come_back_in_their_shape(exercises: ExerciseService) -> None:
    exercises.save_run("values_and_action", {0: ["Calm", "Honesty"], 3: True}, 3, finished=True)
    (run,) = exercises.history("values_and_action")
    assert run.answers == {0: ("Honesty", "Calm"), 3: True}


def test_history_is_per_exercise_and_newest_first(exercises: ExerciseService) -> None:
    first = exercises.save_run("check_the_facts", {1: 8}, 1, finished=True)
    exercises.save_run("self_compassion_break", {3: 4}, 3, finished=True)
    second = exercises.save_run("check_the_facts", {1: 3}, 1, finished=True)
    assert [r.id for r in exercises.history("check_the_facts")] == [second.id, first.id]
    assert len(exercises.recent_runs(limit=2)) == 2


def test_an_impossible_answer_saves_nothing(exercises: ExerciseService) -> None:
    with pytest.raises(InvalidInput):
        exercises.save_run("check_the_facts", {1: 12}, 1, finished=False)
    with pytest.raises(InvalidInput):
        exercises.save_run("no_such_exercise", {}, 0, finished=False)
    assert exercises.unfinished_run("check_the_facts") is None


def test_an_exercise_is_hidden_and_shown_again(exercises: ExerciseService) -> None:
    exercises.hide("name_the_cycle")
    exercises.hide("name_the_cycle")  # twice is fine
    assert exercises.hidden() == {"name_the_cycle"}
    exercises.show("name_the_cycle")
    assert exercises.hidden() == set()


def test_a_finished_run_keeps_its_promise_or_prediction_in_the_one_store(
    vault, exercises: ExerciseService
) -> None:
    from recovery_app.domain.instincts import HunchKind
    from recovery_app.services.exercises import keep_from_run
    from recovery_app.services.hunches import HunchService
    from recovery_app.services.promises import PromiseService

    promises, hunches = PromiseService(vault, now=lambda: NOW), HunchService(vault, now=lambda: NOW)
    library = exercises.library

    def finish(exercise_id: str, answers: dict[int, object], *, finished: bool = True):
        run = exercises.save_run(exercise_id, answers, 0, finished=finished)
        exercise = library.get(exercise_id)
        assert exercise is not None
        return keep_from_run(exercise, run, promises, hunches)

    assert finish("promise_to_myself", {0: "Step outside"}, finished=False) is None
    assert finish("promise_to_myself", {0: "Step outside"}) == "promise"
    assert finish("values_and_action", {2: "Phone a friend", 3: False}) is None  # said no
    assert finish("values_and_action", {2: "Paint for ten minutes", 3: True}) == "promise"
    assert [p.text for p in promises.promises()] == ["Paint for ten minutes", "Step outside"]
    assert all(p.day == promises.today() for p in promises.promises())

    assert finish("prediction_check", {0: "They will call on my birthday", 1: True}) == "prediction"
    assert finish("instinct_log", {0: "That offer is too good"}) == "instinct"
    assert finish("reality_check", {0: "Nothing to keep"}) is None
    kept = {h.text: h for h in hunches.hunches()}
    assert kept["They will call on my birthday"].kind is HunchKind.PREDICTION
    assert kept["They will call on my birthday"].fearful
    assert kept["That offer is too good"].kind is HunchKind.INSTINCT
    assert not kept["That offer is too good"].fearful


def test_the_cards_counts_are_read_for_every_exercise_at_once(
    exercises: ExerciseService,
) -> None:
    exercises.save_run("check_the_facts", {1: 8}, 1, finished=True)
    exercises.save_run("check_the_facts", {1: 3}, 1, finished=True)
    exercises.save_run("reality_check", {0: "Half"}, 1, finished=False)
    exercises.save_run("self_compassion_break", {3: 4}, 3, finished=True)
    ids = [e.id for e in exercises.library.exercises]
    assert exercises.finished_counts() == {
        i: len(exercises.history(i)) for i in ids if exercises.history(i)
    }
    assert exercises.half_done() == {i for i in ids if exercises.unfinished_run(i) is not None}
