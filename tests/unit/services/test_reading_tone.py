"""Every reading, and every word written around them, read once more for tone and length.

The lists below are the project's promise about words: warm, plain, short; no label for the
person or for the one who hurt them; never "you are"; gender-neutral; nothing that sounds
like a diagnosis. A new reading file is checked here as soon as it is added.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from recovery_app.domain.reading_moments import MOMENT_READINGS, Moment
from recovery_app.domain.readings import Reading, Tool, count_words
from recovery_app.resource_files import resources_dir
from recovery_app.services.exercises import load_library
from recovery_app.services.reading_text import reading_texts
from recovery_app.services.readings import load_readings

PACKAGE = Path(__file__).resolve().parents[3] / "recovery_app"
READING_FILES = sorted((resources_dir() / "readings").glob("*.toml"))
READINGS = load_readings().readings
READING_MODULES = [
    PACKAGE / "domain" / "readings.py",
    PACKAGE / "domain" / "reading_moments.py",
    PACKAGE / "services" / "readings.py",
    PACKAGE / "services" / "reading_text.py",
    PACKAGE / "services" / "reading_suggestions.py",
    PACKAGE / "cli" / "readings.py",
    *sorted((PACKAGE / "ui" / "understanding").glob("*.py")),
]

# Words never used. Each pattern starts at a word boundary, so "fail" also catches "failed"
# and "failure", and "abus" catches every form of that word.
NEVER = {
    # labels for the person, or for the one who hurt them
    r"\bnarcissis": "a clinical label",
    r"\babus": "a label (say harm, hurt)",
    r"\bvictim": "a label",
    r"\bsurvivor": "a label",
    r"\bco-?dependen": "a label",
    r"\baddict": "a label",
    r"\btoxic": "a label",
    r"\bcrazy": "a label",
    r"\binsane": "a label",
    r"\bpsycho": "a label",
    r"\bsociopath": "a label",
    r"\bmanipulator": "a label",
    r"\bgaslighter": "a label",
    r"\bborderline": "a clinical label",
    r"\bdisorder": "a clinical label",
    r"\bhysteric": "a label",
    r"\bstupid": "shaming",
    r"\bpathetic": "shaming",
    r"\bweak": "shaming",
    # shame about a new stretch
    r"\brelaps": "say a new stretch",
    r"\bfail": "say a new stretch, or a slip",
    r"\bconfetti": "calm, never a party",
    # telling, not meeting
    r"\byou are\b": "never 'you are'",
    r"\byou['’]re\b": "never 'you are'",
    r"\byou aren['’]t\b": "never 'you are'",
    r"\byou must\b": "lecturing",
    r"\byou should\b": "lecturing",
    r"\bshould have\b": "hindsight blame",
    r"\bshould['’]ve\b": "hindsight blame",
    r"\byou need to\b": "lecturing",
    r"\byou have to\b": "lecturing",
    r"\bjust\b": "minimising",
    r"\bsimply\b": "minimising",
    r"!": "calm, never loud",
}
GENDERED = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
# Where a reading mentions one of these, a content note comes before it.
HARM_WORDS = re.compile(
    r"\b(harm|harmful|violen\w*|threat\w*|physical|danger\w*|shout\w*|cruel|assault)\b",
    re.IGNORECASE,
)
SAID_SPARINGLY = "the person who hurt you"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _file_strings(path: Path) -> list[str]:
    with path.open("rb") as file:
        return _strings(tomllib.load(file))


def _messages_in(path: Path) -> list[str]:
    """The texts a person can be shown from a module: its InvalidInput messages, a screen's
    `self.tr(...)` labels, and the wording a command keeps in module constants."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (
            getattr(node.func, "id", "") == "InvalidInput" or getattr(node.func, "attr", "") == "tr"
        ):
            found += [a.value for a in node.args if isinstance(a, ast.Constant)]
    for node in tree.body:
        constant = isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        if constant and all(
            isinstance(t, ast.Name) and t.id.lstrip("_").isupper() for t in node.targets
        ):
            found.append(node.value.value)
    return [text for text in found if isinstance(text, str)]


def _everything() -> list[tuple[str, str]]:
    words = [(p.name, text) for p in READING_FILES for text in _file_strings(p)]
    words += [
        ("readings.toml", t) for t in _file_strings(resources_dir() / "texts" / "readings.toml")
    ]
    words += [(p.name, text) for p in READING_MODULES for text in _messages_in(p)]
    return words


def test_there_are_at_least_ten_readings_and_all_of_them_load() -> None:
    library = load_readings()
    assert library.problems == ()
    assert len(READING_FILES) >= 10
    assert len(library.readings) == len(READING_FILES)


def test_no_reading_word_is_one_we_never_use() -> None:
    words = _everything()
    assert len(words) > 80  # eleven readings, the screen's words, the service's messages
    assert any(name.endswith(".py") for name, _ in words)
    assert any(name == "reader.py" for name, _ in words)  # the screen's own labels too
    for name, text in words:
        for pattern, why in NEVER.items():
            assert not re.search(pattern, text, re.IGNORECASE), (name, pattern, why, text)
        assert not GENDERED.search(text), (name, text)


def test_the_list_of_words_never_used_does_catch_them() -> None:
    """The patterns themselves, so a typo in one can't quietly let a word through."""
    caught = [
        "They were abusive.",
        "a relapse",
        "You're strong",
        "you are safe now",
        "I failed",
        "Stay calm!",
        "a narcissistic partner",
        "just breathe",
    ]
    for text in caught:
        assert any(re.search(p, text, re.IGNORECASE) for p in NEVER), text
    for text in ("the harm was theirs", "a justice system", "heartbreak", "here and there"):
        assert not any(re.search(p, text, re.IGNORECASE) for p in NEVER), text
        assert not GENDERED.search(text), text


@pytest.mark.parametrize("reading", READINGS, ids=lambda r: r.id)
def test_each_reading_takes_about_two_minutes(reading: Reading) -> None:
    """About two minutes: 300 to 450 words from the first line to "what you can do here"."""
    assert 300 <= reading.words <= 450, reading.words
    assert reading.minutes == 2
    assert reading.words == count_words(" ".join((*reading.paragraphs, reading.do_here)))
    assert len(reading.paragraphs) >= 4  # short paragraphs, not a wall of text


@pytest.mark.parametrize("reading", READINGS, ids=lambda r: r.id)
def test_each_reading_leads_to_tools_the_app_has_and_names_its_sources(reading: Reading) -> None:
    exercises = {e.id for e in load_library().exercises}
    labels = reading_texts().tools
    assert reading.tools
    for link in reading.tools:
        assert link.tool.value in labels
        if link.tool is Tool.EXERCISE:
            assert link.exercise_id in exercises
    assert re.search(r"\b(19|20)\d\d\b", reading.sources), "names the research, with its year"
    assert len(reading.summary) <= 160
    assert reading.summary.count(".") <= 2  # one line, not a paragraph


@pytest.mark.parametrize("reading", READINGS, ids=lambda r: r.id)
def test_a_reading_that_mentions_harm_has_a_content_note_first(reading: Reading) -> None:
    if HARM_WORDS.search(" ".join(reading.paragraphs)):
        assert reading.content_note, "this reading mentions harm, so it needs a content note"
    text = " ".join((*reading.paragraphs, reading.do_here)).lower()
    assert text.count(SAID_SPARINGLY) <= 1


def test_every_tool_has_a_name_and_every_moment_a_line_that_is_not_a_diagnosis() -> None:
    texts = reading_texts()
    assert set(texts.tools) == {t.value for t in Tool}
    library = load_readings()
    for moment in Moment:
        for reading_id in MOMENT_READINGS[moment]:
            reading = library.get(reading_id)
            assert reading is not None, reading_id  # every suggested reading is shipped
            line = texts.suggestions[moment.value].format(title=reading.title)
            assert reading.title in line
            assert not re.search(r"\byou (have|are)\b|\bsigns? that you\b", line, re.I)
    assert "not therapy" in texts.reader["not_therapy"]
    assert "crisis" in texts.reader["not_therapy"]
