"""The words of "when they reach out", read for tone: calm, the person's own choice every
time, never a nudge to reply, never a label for anyone, gender-neutral."""

import re
import tomllib

from recovery_app.resource_files import resources_dir
from recovery_app.services.messages import NOT_ENCRYPTED_WARNING
from recovery_app.services.texts import reach_out_texts

BANNED = (
    "relapse",
    "fail",
    "weak",
    "should",
    "must",
    "toxic",
    "narcissist",
    "abuser",
    "abusive",
    "victim",
    "crazy",
    "stalker",
    "!",
)
# A nudge towards answering them, in any form.
NUDGES = re.compile(
    r"\b(reply now|answer them|respond to them|get back to them|call them back|text them)\b",
    re.IGNORECASE,
)
GENDERED = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)


def all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in all_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in all_strings(v)]
    return []


def _words() -> list[str]:
    with (resources_dir() / "texts" / "reach_out.toml").open("rb") as file:
        return all_strings(tomllib.load(file))


def test_every_line_is_calm_plain_and_never_a_nudge_to_reply() -> None:
    words = _words()
    assert len(words) > 15
    for text in [*words, NOT_ENCRYPTED_WARNING]:
        lowered = text.lower()
        assert not any(word in lowered for word in BANNED), text
        assert not NUDGES.search(text), text
        assert not GENDERED.search(text), text


def test_the_suggested_steps_are_the_gentle_set() -> None:
    steps = [step.lower() for step in reach_out_texts().suggested_steps]
    assert len(steps) == 6
    for idea in ("notice", "no reply", "record", "someone from my list", "helpline", "block"):
        assert any(idea in step for step in steps), idea
    assert all(len(step) <= 500 for step in steps)  # each fits a plan line


def test_the_answer_examples_are_short_and_factual() -> None:
    for example in reach_out_texts().answer_examples:
        assert len(example) <= 80
        assert "sorry" not in example.lower() and "miss" not in example.lower()


def test_the_moment_says_no_answer_is_needed_and_asks_nothing() -> None:
    moment = reach_out_texts().moment
    assert "don't have to answer" in moment["heading"]
    assert "?" not in moment["heading"] + moment["intro"]
