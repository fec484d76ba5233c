"""Readings ("Understanding"), shipped as data: one schema for every file, and search.

A reading file is read into plain dicts (TOML) and checked here, as exercises are. A problem
is reported with the file's name and the exact field ("02_signs.toml: tools[1].tool must be
one of ..."), never with what the file says, so the message is safe for a log.

Body text is written in the file as paragraphs separated by blank lines; lines inside a
paragraph are joined, so a writer can wrap the file at any width.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

# Short enough that "reading.read.<id>" fits the journal's 64-character settings key.
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# A careful, unhurried pace: typical adult silent reading of plain prose is nearer 240 words
# a minute, and someone reading in a hard moment reads slower. So "about 2 minutes" means
# roughly 300 to 500 words.
WORDS_PER_MINUTE = 200
MAX_MINUTES = 15
SUMMARY_MAX_CHARS = 160


class Tool(StrEnum):
    """A place in the app a reading can lead to."""

    WHOLE_RELATIONSHIP = "whole_relationship"
    EXERCISE = "exercise"  # one named exercise from resources/exercises
    RIDE_THE_WAVE = "ride_the_wave"
    LETTER_PAD = "letter_pad"
    SUPPORT_PEOPLE = "support_people"  # "People I can reach"
    REASONS = "reasons"  # "My reasons"


@dataclass(frozen=True)
class ToolLink:
    tool: Tool
    exercise_id: str | None = None  # only, and always, for Tool.EXERCISE


@dataclass(frozen=True)
class Reading:
    id: str
    title: str
    summary: str  # one line, for the card and `readings`
    minutes: int
    paragraphs: tuple[str, ...]
    do_here: str  # "What you can do here": a short paragraph before the tools
    tools: tuple[ToolLink, ...]
    sources: str
    content_note: str = ""  # shown before the body when the reading touches on harm

    @property
    def words(self) -> int:
        """What a person reads to the end: the body and "what you can do here"."""
        return count_words(" ".join((*self.paragraphs, self.do_here)))


class ReadingFileProblem(Exception):
    """One file that does not fit the schema. `str()` names the file and the field."""

    def __init__(self, file_name: str, field: str, problem: str) -> None:
        self.file_name = file_name
        self.field = field
        self.problem = problem
        where = f"{file_name}: {field} " if field else f"{file_name}: "
        super().__init__(where + problem)


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


def estimated_minutes(words: int) -> int:
    """Whole minutes at WORDS_PER_MINUTE, halves rounded up, never less than one."""
    return max(1, math.floor(words / WORDS_PER_MINUTE + 0.5))


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Paragraphs split on blank lines, each paragraph's lines joined with one space."""
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    return tuple(" ".join(block.split()) for block in blocks if block.strip())


_TOP = {
    "id",
    "title",
    "summary",
    "minutes",
    "content_note",
    "body",
    "do_here",
    "tools",
    "sources",
}
_TOOL = {"tool", "exercise"}
_TOOLS = ", ".join(t.value for t in Tool)


def parse_reading(
    data: dict[str, Any], file_name: str, exercise_ids: Collection[str] | None = None
) -> Reading:
    """The reading a file describes, or ReadingFileProblem for the first field that's wrong.

    With `exercise_ids`, an exercise a reading leads to must be one of them, so a button
    never opens nothing."""

    def problem(field: str, text: str) -> ReadingFileProblem:
        return ReadingFileProblem(file_name, field, text)

    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise problem(unknown[0], f"is not a field a reading has ({', '.join(sorted(_TOP))})")
    for key in ("id", "title", "summary", "body", "do_here", "sources"):
        if key not in data:
            raise problem(key, "is missing")
        if not isinstance(data[key], str) or not data[key].strip():
            raise problem(key, "must be some text")
    if not ID_PATTERN.match(data["id"]):
        raise problem("id", "must be lower-case letters, digits and _, at most 40 (like grief)")
    summary = " ".join(data["summary"].split())
    if len(summary) > SUMMARY_MAX_CHARS:
        raise problem("summary", f"must be one line of at most {SUMMARY_MAX_CHARS} characters")
    note = data.get("content_note", "")
    if not isinstance(note, str):
        raise problem("content_note", "must be some text (or left out)")
    tools = _parse_tools(data.get("tools"), exercise_ids, problem)
    reading = Reading(
        id=data["id"],
        title=" ".join(data["title"].split()),
        summary=summary,
        minutes=0,
        paragraphs=paragraphs_of(data["body"]),
        do_here=" ".join(data["do_here"].split()),
        tools=tools,
        sources=" ".join(data["sources"].split()),
        content_note=" ".join(note.split()),
    )
    minutes = data.get("minutes")
    if minutes is None:
        raise problem("minutes", "is missing")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        raise problem("minutes", f"must be a whole number from 1 to {MAX_MINUTES}")
    expected = estimated_minutes(reading.words)
    if minutes != expected:
        # The card promises a length; it has to be the one a person meets.
        raise problem("minutes", f"is {minutes}, but {reading.words} words take about {expected}")
    return replace(reading, minutes=minutes)


def _parse_tools(
    data: Any, exercise_ids: Collection[str] | None, problem: Any
) -> tuple[ToolLink, ...]:
    if data is None:
        raise problem("tools", "is missing")
    if not isinstance(data, list) or not data:
        raise problem("tools", 'must list at least one tool, like { tool = "ride_the_wave" }')
    links: list[ToolLink] = []
    for n, item in enumerate(data):
        where = f"tools[{n}]"
        if not isinstance(item, dict):
            raise problem(where, "must be a table with a tool")
        unknown = sorted(set(item) - _TOOL)
        if unknown:
            raise problem(f"{where}.{unknown[0]}", "is not a field a tool has (exercise, tool)")
        try:
            tool = Tool(item.get("tool", ""))
        except ValueError:
            raise problem(f"{where}.tool", f"must be one of {_TOOLS}") from None
        exercise = item.get("exercise")
        if tool is Tool.EXERCISE:
            if not isinstance(exercise, str) or not exercise:
                raise problem(f"{where}.exercise", "must name an exercise by its id")
            if exercise_ids is not None and exercise not in exercise_ids:
                raise problem(f"{where}.exercise", "names no exercise in resources/exercises")
        elif exercise is not None:
            raise problem(f"{where}.exercise", f"only belongs to an exercise tool, not {tool}")
        link = ToolLink(tool, exercise)
        if link in links:
            raise problem(where, "repeats a tool already listed")
        links.append(link)
    return tuple(links)


# ----- search -------------------------------------------------------------------------------


def folded(text: str) -> str:
    """Text to compare: case and accents set aside, curly apostrophes made straight."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_readings(readings: Iterable[Reading], query: str) -> list[Reading]:
    """The readings that hold every word of `query` in their title, summary or body. A word
    matches the start of a word ("urge" finds "urges", "tea" doesn't find "instead"). Those
    with all the words in their title come first, then in their title and summary, then the
    rest, each group in library order. No words: all of them."""
    terms = _words(query)
    found: list[tuple[int, int, Reading]] = []
    for order, reading in enumerate(readings):
        title = _words(reading.title)
        heading = title + _words(reading.summary)
        everything = heading + _words(" ".join(reading.paragraphs))
        if not _all_in(terms, everything):
            continue
        if terms and _all_in(terms, title):
            rank = 0
        elif terms and _all_in(terms, heading):
            rank = 1
        else:
            rank = 2
        found.append((rank, order, reading))
    return [reading for _, _, reading in sorted(found, key=lambda item: item[:2])]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:'\w+)*", folded(text))


def _all_in(terms: list[str], words: list[str]) -> bool:
    return all(any(word.startswith(term) for word in words) for term in terms)
