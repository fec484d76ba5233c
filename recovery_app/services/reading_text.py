"""The words around the readings (resources/texts/readings.toml), the names of the tools a
reading leads to, and a reading as plain text for `reading ID` on the terminal."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from recovery_app.domain.readings import Reading, Tool
from recovery_app.resource_files import resources_dir
from recovery_app.services.exercises import Library as ExerciseLibrary


@dataclass(frozen=True)
class ReadingTexts:
    screen: dict[str, str]
    reader: dict[str, str]
    tools: dict[str, str]
    suggestions: dict[str, str]

    def minutes(self, minutes: int) -> str:
        if minutes == 1:
            return self.screen["one_minute"]
        return self.screen["minutes"].format(minutes=minutes)


@cache
def reading_texts(folder: Path | None = None) -> ReadingTexts:
    import tomllib  # on first use: the command line imports this module at every start

    path = (folder or resources_dir() / "texts") / "readings.toml"
    with path.open("rb") as file:
        data = tomllib.load(file)
    return ReadingTexts(
        **{
            part: {str(k): str(v) for k, v in data[part].items()}
            for part in ("screen", "reader", "tools", "suggestions")
        }
    )


@dataclass(frozen=True)
class ToolButton:
    """One way out of a reading into the app. The screen opens `tool` (and, for an exercise,
    the exercise `exercise_id`); `label` is the words on the button."""

    tool: Tool
    exercise_id: str | None
    label: str


def tool_buttons(
    reading: Reading, exercises: ExerciseLibrary, texts: ReadingTexts
) -> tuple[ToolButton, ...]:
    """The reading's tools, named as the app's own screens name them. An exercise that is no
    longer in the library (a damaged file) is left out rather than offered and failing."""
    buttons: list[ToolButton] = []
    for link in reading.tools:
        if link.tool is Tool.EXERCISE:
            exercise = exercises.get(link.exercise_id or "")
            if exercise is None:
                continue
            label = texts.tools["exercise"].format(title=exercise.title)
        else:
            label = texts.tools[link.tool.value]
        buttons.append(ToolButton(link.tool, link.exercise_id, label))
    return tuple(buttons)


def plain_text(
    reading: Reading,
    exercises: ExerciseLibrary,
    *,
    width: int = 78,
    texts: ReadingTexts | None = None,
) -> str:
    """The whole reading for a terminal: title, length and summary, the content note first,
    the body, what to do here with the app's tools, the sources and the not-therapy line."""
    texts = texts or reading_texts()
    width = max(width, 30)

    def wrapped(text: str, indent: str = "") -> str:
        return textwrap.fill(
            text, width, initial_indent=indent, subsequent_indent=" " * len(indent)
        )

    parts = [f"{reading.title}\n{'=' * min(len(reading.title), width)}"]
    parts.append(wrapped(f"{texts.minutes(reading.minutes)}. {reading.summary}"))
    if reading.content_note:
        parts.append(wrapped(f"{texts.reader['content_note']}: {reading.content_note}"))
    parts.extend(wrapped(paragraph) for paragraph in reading.paragraphs)
    heading = texts.reader["do_here"]
    parts.append(f"{heading}\n{'-' * len(heading)}")
    parts.append(wrapped(reading.do_here))
    tools = tool_buttons(reading, exercises, texts)
    if tools:
        lines = [texts.reader["in_the_app"], *(wrapped(t.label, "  - ") for t in tools)]
        parts.append("\n".join(lines))
    heading = texts.reader["sources"]
    parts.append(f"{heading}\n{'-' * len(heading)}")
    parts.append(wrapped(reading.sources))
    parts.append(wrapped(texts.reader["not_therapy"]))
    return "\n\n".join(parts) + "\n"
