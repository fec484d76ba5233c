"""The readings library: the shipped files, bad files named, new files with no code, and a
reading as plain text for the terminal."""

import logging
from pathlib import Path

import pytest

from recovery_app.domain.readings import Tool
from recovery_app.resource_files import resources_dir
from recovery_app.services.exercises import Library as ExerciseLibrary
from recovery_app.services.exercises import load_library
from recovery_app.services.reading_text import plain_text, reading_texts, tool_buttons
from recovery_app.services.readings import load_readings

SHIPPED = [
    "trauma_bond",
    "signs",
    "the_cycle",
    "good_moments",
    "withdrawal",
    "self_trust",
    "self_blame",
    "who_they_were",
    "grief",
    "several_tries",
    "finding_support",
]
# About two minutes' worth of words, so the length check is met.
WORDS = " ".join(["Many people notice this, and it makes sense."] * 45)
NEW_FILE = f'''
id = "hard_dates"
title = "Hard dates"
summary = "Anniversaries can bring the pull back."
minutes = 2
body = """
{WORDS}

A second paragraph.
"""
do_here = "Mark the date ahead of time."
tools = [{{ tool = "exercise", exercise = "values_and_action" }}]
sources = "Written for a test (2026)."
'''


def test_the_shipped_library_loads_whole_in_its_reading_order() -> None:
    library = load_readings()
    assert library.problems == ()
    assert [r.id for r in library.readings] == SHIPPED
    assert library.ids == frozenset(SHIPPED)
    tools = {link.tool for r in library.readings for link in r.tools}
    assert tools == set(Tool)  # every tool the app has is reached from some reading
    assert library.get("grief") is not None
    assert library.get("nothing") is None


def _copy_shipped(folder: Path) -> None:
    folder.mkdir()
    for path in (resources_dir() / "readings").glob("*.toml"):
        (folder / path.name).write_bytes(path.read_bytes())


def test_a_new_reading_needs_only_a_new_file(tmp_path: Path) -> None:
    folder = tmp_path / "readings"
    _copy_shipped(folder)
    (folder / "12_hard_dates.toml").write_text(NEW_FILE, encoding="utf-8")
    library = load_readings(folder)
    assert library.problems == ()
    assert [r.id for r in library.readings] == [*SHIPPED, "hard_dates"]
    new = library.get("hard_dates")
    assert new is not None
    assert new.paragraphs[-1] == "A second paragraph."
    assert new.tools[0].exercise_id == "values_and_action"


def test_bad_files_are_named_with_their_field_and_the_others_still_load(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "readings"
    _copy_shipped(folder)
    (folder / "12_bad_tool.toml").write_text(
        NEW_FILE.replace("hard_dates", "bad_tool").replace('tool = "exercise"', 'tool = "diary"'),
        encoding="utf-8",
    )
    (folder / "13_no_exercise.toml").write_text(
        NEW_FILE.replace("hard_dates", "no_exercise").replace("values_and_action", "gone"),
        encoding="utf-8",
    )
    (folder / "14_not_toml.toml").write_text('id = \nbody = """', encoding="utf-8")
    (folder / "15_same_id.toml").write_text(
        NEW_FILE.replace("hard_dates", "grief"), encoding="utf-8"
    )
    (folder / "16_too_long.toml").write_text(
        NEW_FILE.replace("hard_dates", "too_long").replace("A second", WORDS),
        encoding="utf-8",
    )
    (folder / "17_bytes.toml").write_bytes(b'id = "\xff\xfe"')
    with caplog.at_level(logging.WARNING):
        library = load_readings(folder)
    assert [r.id for r in library.readings] == SHIPPED
    assert library.problems[0].startswith("12_bad_tool.toml: tools[0].tool must be one of ")
    assert library.problems[1] == (
        "13_no_exercise.toml: tools[0].exercise names no exercise in resources/exercises"
    )
    assert library.problems[2].startswith("14_not_toml.toml: is not readable TOML")
    assert library.problems[3] == "15_same_id.toml: id is already used by another file"
    assert library.problems[4] == "16_too_long.toml: minutes is 2, but 727 words take about 4"
    assert library.problems[5].startswith("17_bytes.toml: ")
    for problem in library.problems:
        assert problem in caplog.text
    assert "Many people notice" not in caplog.text  # a file's words never reach the log


def test_an_exercise_checked_against_another_library(tmp_path: Path) -> None:
    folder = tmp_path / "readings"
    folder.mkdir()
    (folder / "hard_dates.toml").write_text(NEW_FILE, encoding="utf-8")
    assert load_readings(folder, ExerciseLibrary(())).problems == (
        "hard_dates.toml: tools[0].exercise names no exercise in resources/exercises",
    )


def test_a_tool_is_named_as_the_app_names_it() -> None:
    reading = load_readings().get("self_blame")
    assert reading is not None
    buttons = tool_buttons(reading, load_library(), reading_texts())
    assert [(b.tool, b.exercise_id, b.label) for b in buttons] == [
        (Tool.EXERCISE, "self_compassion_break", "The exercise “Self-compassion break”"),
        (Tool.EXERCISE, "check_the_facts", "The exercise “Check the facts”"),
    ]
    # An exercise that went missing since loading is left out, never a button to nothing.
    assert tool_buttons(reading, ExerciseLibrary(()), reading_texts()) == ()
    grief = load_readings().get("grief")
    assert grief is not None
    assert tool_buttons(grief, load_library(), reading_texts())[0].label == "Unsent letters"


def test_a_reading_as_plain_text_for_the_terminal() -> None:
    reading = load_readings().get("the_cycle")
    assert reading is not None
    text = plain_text(reading, load_library(), width=60)
    lines = text.splitlines()
    assert lines[0] == "The cycle, and when it doesn't fit"
    assert lines[1] == "=" * len(lines[0])
    assert lines[3].startswith("About 2 minutes. Tension, harm, making up, calm")
    assert text.index("Before you read: This reading describes") < text.index("First, tension")
    assert text.index("What you can do here") < text.index("In the app:")
    assert "  - The exercise “Name the cycle”\n  - Whole relationship\n" in text
    assert text.index("Where this comes from") < text.index("Lenore Walker")
    assert "not therapy" in " ".join(text.split())
    assert all(len(line) <= 60 for line in lines)
    assert text.endswith("\n") and not text.endswith("\n\n")
    for paragraph in reading.paragraphs:
        assert paragraph in " ".join(text.split())  # every word is there, only rewrapped


def test_plain_text_without_a_content_note_starts_with_the_body() -> None:
    reading = load_readings().get("grief")
    assert reading is not None
    text = plain_text(reading, load_library(), width=10)  # too narrow: a sane width is used
    assert "Before you read" not in text
    body = text.split("\n\n")[2]
    assert body.startswith("Many people are thrown")
    assert max(len(line) for line in text.splitlines()) == 30
