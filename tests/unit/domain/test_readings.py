"""The one schema every reading file is checked against, and search by word."""

from typing import Any

import pytest

from recovery_app.domain.readings import (
    Reading,
    ReadingFileProblem,
    Tool,
    ToolLink,
    count_words,
    estimated_minutes,
    paragraphs_of,
    parse_reading,
    search_readings,
)

# 400 words: about two minutes.
BODY = "\n\n".join(" ".join(["word"] * 50) + "\nand on" for _ in range(7))
DO_HERE = " ".join(["try"] * 36)


def good() -> dict[str, Any]:
    return {
        "id": "tiny",
        "title": "A  tiny\nreading",
        "summary": "What it is about.",
        "minutes": 2,
        "content_note": "Mentions hard things.",
        "body": BODY,
        "do_here": DO_HERE,
        "tools": [
            {"tool": "whole_relationship"},
            {"tool": "exercise", "exercise": "name_the_cycle"},
        ],
        "sources": "Someone (2001).",
    }


def test_a_good_file_becomes_a_reading() -> None:
    reading = parse_reading(good(), "tiny.toml", {"name_the_cycle"})
    assert reading.id == "tiny"
    assert reading.title == "A tiny reading"  # spaces and line breaks tidied
    assert reading.minutes == 2
    assert reading.words == 400
    assert len(reading.paragraphs) == 7
    assert reading.paragraphs[0].endswith("word and on")  # a wrapped line joins its paragraph
    assert reading.tools == (
        ToolLink(Tool.WHOLE_RELATIONSHIP),
        ToolLink(Tool.EXERCISE, "name_the_cycle"),
    )
    assert reading.content_note == "Mentions hard things."


def test_the_content_note_may_be_left_out() -> None:
    data = good()
    del data["content_note"]
    assert parse_reading(data, "tiny.toml").content_note == ""


def _broken(change: Any) -> dict[str, Any]:
    data = good()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("title"), "tiny.toml: title is missing"),
        (lambda d: d.update(summary=" "), "tiny.toml: summary must be some text"),
        (lambda d: d.update(summary="x" * 161), "tiny.toml: summary must be one line"),
        (lambda d: d.update(body=3), "tiny.toml: body must be some text"),
        (lambda d: d.pop("do_here"), "tiny.toml: do_here is missing"),
        (lambda d: d.pop("sources"), "tiny.toml: sources is missing"),
        (lambda d: d.update(id="Tiny One"), "tiny.toml: id must be lower-case"),
        (lambda d: d.update(id="a" * 41), "tiny.toml: id must be lower-case"),
        (lambda d: d.update(colour="blue"), "tiny.toml: colour is not a field a reading has"),
        (lambda d: d.update(content_note=["x"]), "tiny.toml: content_note must be some text"),
        (lambda d: d.pop("minutes"), "tiny.toml: minutes is missing"),
        (lambda d: d.update(minutes="two"), "tiny.toml: minutes must be a whole number"),
        (lambda d: d.update(minutes=True), "tiny.toml: minutes must be a whole number"),
        (lambda d: d.update(minutes=16), "tiny.toml: minutes must be a whole number"),
        (lambda d: d.update(minutes=5), "tiny.toml: minutes is 5, but 400 words take about 2"),
        (lambda d: d.pop("tools"), "tiny.toml: tools is missing"),
        (lambda d: d.update(tools=[]), "tiny.toml: tools must list at least one tool"),
        (lambda d: d.update(tools=["ride_the_wave"]), "tiny.toml: tools[0] must be a table"),
        (
            lambda d: d["tools"][0].update(tool="diary"),
            "tiny.toml: tools[0].tool must be one of whole_relationship, exercise, ride_the_wave",
        ),
        (lambda d: d["tools"][1].pop("exercise"), "tiny.toml: tools[1].exercise must name"),
        (
            lambda d: d["tools"][1].update(exercise="no_such_one"),
            "tiny.toml: tools[1].exercise names no exercise in resources/exercises",
        ),
        (
            lambda d: d["tools"][0].update(exercise="name_the_cycle"),
            "tiny.toml: tools[0].exercise only belongs to an exercise tool",
        ),
        (lambda d: d["tools"][0].update(label="Go"), "tiny.toml: tools[0].label is not a field"),
        (
            lambda d: d["tools"].append({"tool": "whole_relationship"}),
            "tiny.toml: tools[2] repeats a tool already listed",
        ),
    ],
)
def test_a_bad_field_is_named_with_its_file(change: Any, message: str) -> None:
    with pytest.raises(ReadingFileProblem) as caught:
        parse_reading(_broken(change), "tiny.toml", {"name_the_cycle"})
    assert str(caught.value).startswith(message)
    assert "word word" not in str(caught.value)  # the file's words never reach the message


def test_without_a_list_of_exercises_any_exercise_id_is_taken() -> None:
    data = _broken(lambda d: d["tools"][1].update(exercise="written_later"))
    assert parse_reading(data, "tiny.toml").tools[1].exercise_id == "written_later"


def test_minutes_follow_the_length_at_an_unhurried_pace() -> None:
    assert [estimated_minutes(w) for w in (0, 120, 299, 300, 450, 499, 500)] == [
        1,
        1,
        1,
        2,
        2,
        2,
        3,
    ]
    assert count_words("Don't stop — it's the well-known one.") == 7
    assert paragraphs_of("  One\n two.\n \n\n Three.\n") == ("One two.", "Three.")


# ----- search ---------------------------------------------------------------------------------


def _reading(reading_id: str, title: str, summary: str, body: str) -> Reading:
    return Reading(
        id=reading_id,
        title=title,
        summary=summary,
        minutes=2,
        paragraphs=(body,),
        do_here="",
        tools=(ToolLink(Tool.REASONS),),
        sources="",
    )


LIBRARY = [
    _reading("waves", "Urges come in waves", "They rise and fall.", "Ride them out."),
    _reading("grief", "Grief", "Missing them makes sense.", "Urges to call can come with grief."),
    _reading("cafe", "A café", "Naïve hopes.", "It’s all right to hope."),
    _reading("calls", "Calls", "Urges, and calling.", "Waves again."),
]


def _ids(query: str) -> list[str]:
    return [r.id for r in search_readings(LIBRARY, query)]


def test_no_words_finds_every_reading_in_library_order() -> None:
    assert _ids("") == ["waves", "grief", "cafe", "calls"]
    assert _ids("   ") == ["waves", "grief", "cafe", "calls"]


def test_every_word_must_be_found_and_title_matches_come_first() -> None:
    assert _ids("urge") == ["waves", "calls", "grief"]  # title, then summary, then body
    assert _ids("URGES grief") == ["grief"]
    assert _ids("urge tea") == []


def test_search_sets_aside_case_accents_and_curly_apostrophes() -> None:
    assert _ids("cafe") == ["cafe"]
    assert _ids("naive") == ["cafe"]
    assert _ids("it's") == ["cafe"]


def test_a_word_matches_from_the_start_of_a_word_only() -> None:
    assert _ids("ide") == []  # "Ride" does not start with "ide"
    assert _ids("rid") == ["waves"]
    assert _ids("again") == ["calls"]
