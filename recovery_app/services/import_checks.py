"""What an imported row must mean, beyond fitting its column: the kinds, scales and fuzzy
dates the app itself accepts. A document written by hand (a batch of entries brought in at
once) may leave out the moments it was made and a memory's days; they are filled here."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

from recovery_app.domain.check_in import NoContactAnswer, PromiseOutcome
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import Hemisphere, parse
from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.domain.kinds import Channel, HardDateNotice, PlanPart, PlanStep
from recovery_app.domain.marked_dates import EARLIEST_YEAR, LATEST_YEAR
from recovery_app.domain.memories import MemoryKind
from recovery_app.domain.reach_out import ATTACHMENT_MAX_BYTES, clean_file_name, sha256_hex
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeOutcome
from recovery_app.storage.backup_manifest import moment_text
from recovery_app.storage.portable import BadValue

_CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("contact_event", "kind"): frozenset(ContactKind),
    ("contact_event", "channel"): frozenset(Channel),
    ("check_in", "no_contact"): frozenset(NoContactAnswer),
    ("urge", "outcome"): frozenset(UrgeOutcome),
    ("promise", "outcome"): frozenset(
        {PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.LET_GO}
    ),
    ("hunch", "kind"): frozenset(HunchKind),
    ("hunch", "outcome"): frozenset(CheckOutcome),
    ("memory", "kind"): frozenset(MemoryKind),
    ("reach_out_plan", "part"): frozenset(PlanPart),
    ("contact_version", "kind"): frozenset(ContactKind),
    ("contact_version", "channel"): frozenset(Channel),
    ("hard_date", "notice"): frozenset(HardDateNotice),
}
_SCALES: dict[tuple[str, str], tuple[int, int]] = {
    ("check_in", "mood"): (1, 5),
    ("check_in", "pull"): (0, 10),
    ("urge", "intensity"): (0, 10),
    ("urge", "intensity_after"): (0, 10),
    ("letter", "feeling_after"): (0, 10),
    ("memory", "feeling"): (0, 10),
    ("hard_date", "year"): (EARLIEST_YEAR, LATEST_YEAR),
}
_NOT_NEGATIVE = {("urge", "minutes"), ("urge", "predicted_minutes"), ("milestone", "days")}
_MADE_AT = ("created_at", "updated_at", "made_at", "started_at", "hidden_at", "added_at")


def _by_table(pairs: dict[tuple[str, str], Any]) -> dict[str, list[tuple[str, Any]]]:
    grouped: dict[str, list[tuple[str, Any]]] = {}
    for (table, name), rule in pairs.items():
        grouped.setdefault(table, []).append((name, rule))
    return grouped


_CHOICES_BY_TABLE = _by_table(_CHOICES)
_SCALES_BY_TABLE = _by_table(_SCALES)
_NOT_NEGATIVE_BY_TABLE = _by_table(dict.fromkeys(_NOT_NEGATIVE))


def check_row(table: str, values: dict[str, Any]) -> None:
    """Raise BadValue (naming the field, never the value) for a row the app would not make."""
    for name, allowed in _CHOICES_BY_TABLE.get(table, ()):
        if values.get(name) is not None and values[name] not in allowed:
            raise BadValue(f"{name} is not one of the kinds this app knows")
    for name, (low, high) in _SCALES_BY_TABLE.get(table, ()):
        if values.get(name) is not None and not low <= values[name] <= high:
            raise BadValue(f"{name} is not between {low} and {high}")
    for name, _ in _NOT_NEGATIVE_BY_TABLE.get(table, ()):
        if values.get(name) is not None and values[name] < 0:
            raise BadValue(f"{name} is below zero")
    if table == "clock" and not values["name"].strip():
        raise BadValue("name is empty")
    if table == "memory":
        _check_memory(values)
    if table == "exercise_run" and not isinstance(json.loads(values["answers"]), dict):
        raise BadValue("answers is not a set of answers")
    if table == "hard_date":
        _check_hard_date(values)
    if table == "contact_attachment":
        _check_attachment(values)
    if table == "contact_version":
        listed = json.loads(values["attachments"])
        if not isinstance(listed, list) or not all(isinstance(a, dict) for a in listed):
            raise BadValue("attachments is not a list of attachments")


def _check_attachment(values: dict[str, Any]) -> None:
    """A file must be whole: its fingerprint and size are the ones it was kept with."""
    data: bytes = values["data"]
    if not data or len(data) > ATTACHMENT_MAX_BYTES:
        raise BadValue("data is empty or larger than an attachment may be")
    if values["size"] != len(data):
        raise BadValue("size is not the size of its data")
    if values["sha256"] != sha256_hex(data):
        raise BadValue("sha256 is not the fingerprint of its data")
    if clean_file_name(values["name"]) != values["name"]:
        raise BadValue("name is not a file name this app keeps")


def _check_memory(values: dict[str, Any]) -> None:
    tags = json.loads(values["tags"])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadValue("tags is not a list of words")
    if not any(_reads_as(values["date_text"], h) for h in Hemisphere):
        raise BadValue("date_text is not a date this app writes")
    if values["date_start"] > values["date_end"]:
        raise BadValue("date_start comes after date_end")


def _check_hard_date(values: dict[str, Any]) -> None:
    if not values["name"].strip():
        raise BadValue("name is empty")
    try:
        date(2000 if values["year"] is None else values["year"], values["month"], values["day"])
    except (ValueError, TypeError):
        raise BadValue("month and day are not a day of the calendar") from None
    steps = json.loads(values["plan_steps"])
    if not isinstance(steps, list) or not all(step in set(PlanStep) for step in steps):
        raise BadValue("plan_steps is not a list of the steps this app knows")


def _reads_as(text: str, hemisphere: Hemisphere) -> bool:
    try:
        return parse(text, hemisphere).text == text
    except InvalidInput:
        return False


def filler(
    now: datetime, hemisphere: Hemisphere
) -> Callable[[str, dict[str, Any]], dict[str, Any]]:
    """Fill what a hand-written row may leave out: when it was made (now), and a memory's days
    (from its fuzzy date, in the journal's hemisphere)."""
    stamp = moment_text(now)

    def fill(table: str, row: dict[str, Any]) -> dict[str, Any]:
        filled = dict(row)
        for name in _MADE_AT:
            if name not in filled and _has_column(table, name):
                filled[name] = stamp
        days_missing = "date_start" not in filled or "date_end" not in filled
        if table == "memory" and isinstance(filled.get("date_text"), str) and days_missing:
            try:
                when = parse(filled["date_text"], hemisphere)
            except InvalidInput:
                return filled  # check_row names it
            filled.setdefault("date_start", when.start.isoformat())
            filled.setdefault("date_end", when.end.isoformat())
            filled["date_text"] = when.text
        return filled

    return fill


@cache
def _has_column(table: str, name: str) -> bool:
    from sqlmodel import SQLModel

    return name in SQLModel.metadata.tables[table].c
