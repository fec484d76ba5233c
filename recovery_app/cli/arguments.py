"""Parsing that never echoes what was typed, and the value types commands share.

argparse quotes what was typed in some errors; a note typed without quotes would land on
stderr ("unrecognized arguments: I miss them"). `ArgumentParser` says the same without it.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime
from enum import StrEnum


class UsageError(Exception):
    pass


_ECHOING_ERRORS = (
    (
        r"unrecognized arguments: .*",
        "some words weren't understood; put quotes around a text with spaces",
    ),
    (r"invalid choice: .*\(choose from (?P<choices>.*)\)", r"please choose one of \g<choices>"),
    (r"invalid \S+ value: .*", "that value isn't one it understands"),
    (r"ambiguous option: .* could match (?P<options>.*)", r"did you mean \g<options>?"),
    (r"ignored explicit argument .*", "this option takes no value"),
)


def without_what_was_typed(message: str) -> str:
    for pattern, replacement in _ECHOING_ERRORS:
        message = re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(without_what_was_typed(message))


def choices(kind: type[StrEnum]) -> list[str]:
    """The values a person may type for one of domain/kinds.py's kinds."""
    return [member.value for member in kind]


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "please give a real date as YYYY-MM-DD, for example 2026-03-01"
        ) from None


def moment(text: str) -> datetime:
    """An ISO date and time; one without a time zone is this computer's local time."""
    try:
        parsed = datetime.fromisoformat(text)
        return parsed if parsed.tzinfo is not None else parsed.astimezone()
    except (ValueError, OverflowError, OSError):
        raise argparse.ArgumentTypeError(
            "please give a real date and time, for example 2026-03-01T18:30"
        ) from None


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("please give a whole number, for example 3") from None
