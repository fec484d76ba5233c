"""How each table travels in an export: its identity, and each column's value as JSON.

The rules come from the tables themselves (SQLModel metadata), so a new column travels
without code here; what a table needs beyond that (another unique identity, JSON held as
text, an order the person chose, rows that belong to this file only) is one `TableSpec`.
Every table must have one: tests/unit/services/test_export_covers_every_table.py fails
otherwise.

- A table with a `uid` is identified by it; its integer `id` stays behind (it is this file's
  own) and every foreign key `x_id` travels as `x_uid`, the uid of the row it points to.
- A table without a `uid` is identified by its natural key (`natural_keys[0]`).
- Moments (UTCDateTime) are UTC ISO 8601 with microseconds and a Z; days are YYYY-MM-DD;
  JSON held as text travels as JSON; bytes (an attachment's file) travel as standard,
  padded base64.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, LargeBinary, String, Table
from sqlalchemy.types import TypeDecorator

from recovery_app.storage.backup_manifest import moment_text, parse_moment
from recovery_app.storage.types import UTCDateTime

# vault_info rows about this file rather than the person's journal: which version created
# it, and where its backups go (a path on this computer, a failure on this computer).
LOCAL_INFO_KEYS = frozenset({"created_with"})
LOCAL_INFO_PREFIXES = ("backup.",)


def _info_is_local(row: dict[str, Any]) -> bool:
    key = str(row.get("key", ""))
    return key in LOCAL_INFO_KEYS or key.startswith(LOCAL_INFO_PREFIXES)


@dataclass(frozen=True)
class TableSpec:
    # Other unique identities: an imported row matching one is "already there".
    natural_keys: tuple[tuple[str, ...], ...] = ()
    casefold: frozenset[str] = frozenset()  # natural-key columns compared without case
    json_text: dict[str, Callable[[Any], str]] = field(default_factory=dict)
    position: str | None = None  # merged rows go after the journal's own, in their order
    is_local: Callable[[dict[str, Any]], bool] | None = None  # rows that never travel


def _json_compact(value: Any) -> str:
    return json.dumps(value)


def _json_unicode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


SPECS: dict[str, TableSpec] = {
    "vault_info": TableSpec(natural_keys=(("key",),), is_local=_info_is_local),
    "clock": TableSpec(),
    "contact_event": TableSpec(),
    "check_in": TableSpec(natural_keys=(("day",),)),
    "milestone": TableSpec(natural_keys=(("clock_id", "stretch_since", "days"),)),
    "urge_trigger_name": TableSpec(
        natural_keys=(("name",),), casefold=frozenset({"name"}), position="position"
    ),
    "urge": TableSpec(),
    "urge_trigger": TableSpec(natural_keys=(("urge_id", "trigger_id"),)),
    "reason": TableSpec(position="position"),
    "support_person": TableSpec(position="position"),
    "letter": TableSpec(),
    "promise": TableSpec(natural_keys=(("check_in_day",),)),
    "hunch": TableSpec(),
    "exercise_run": TableSpec(json_text={"answers": _json_compact}),
    "hidden_exercise": TableSpec(natural_keys=(("exercise_id",),)),
    "memory": TableSpec(json_text={"tags": _json_unicode}),
    # Two journals that each began from the suggested steps hold the same lines: one is kept.
    "reach_out_plan": TableSpec(natural_keys=(("part", "text"),), position="position"),
    "contact_attachment": TableSpec(),
    "contact_version": TableSpec(json_text={"attachments": _json_unicode}),
    "hard_date": TableSpec(json_text={"plan_steps": _json_compact}),
}


class BadValue(ValueError):
    """A document's value that does not fit its column; the message names no value."""


@dataclass(frozen=True)
class Field:
    """One column as it travels: the document's key, the parent table for a reference, and
    the two conversions (stored value -> document, document -> value to store)."""

    column: Column[Any]
    key: str
    parent: str | None = None
    to_doc: Callable[[Any], Any] = field(default=lambda value: value, repr=False)
    from_doc: Callable[[Any], Any] = field(default=lambda value: value, repr=False)


def _base_type(kind: Any) -> Any:
    """The type under SQLModel's AutoString (a TypeDecorator over String); ours stays."""
    while isinstance(kind, TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance
    return kind


def has_uid(table: Table) -> bool:
    return "uid" in table.c


@cache
def fields_of(table: Table) -> tuple[Field, ...]:
    """The columns that travel, in the table's own order (worked out once per table)."""
    found: list[Field] = []
    for column in table.columns:
        if column.primary_key and column.name == "id" and has_uid(table):
            continue  # this file's own number
        parents = {fk.column.table.name for fk in column.foreign_keys}
        if parents:
            (parent,) = parents
            key = (
                column.name[: -len("_id")] + "_uid" if column.name.endswith("_id") else column.name
            )
            found.append(Field(column, key, parent))
        else:
            to_doc, from_doc = _converters(table, column)
            found.append(Field(column, column.name, None, to_doc, from_doc))
    return tuple(found)


def spec_of(table: Table) -> TableSpec:
    return SPECS[table.name]


def order_of(table: Table) -> list[Column[Any]]:
    """Rows in the order they were made (integer id), else by their natural key."""
    if has_uid(table):
        return [table.c.id]
    return [table.c[name] for name in spec_of(table).natural_keys[0]]


def _converters(
    table: Table, column: Column[Any]
) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    kind = _base_type(column.type)
    encode = spec_of(table).json_text.get(column.name)
    if encode is not None:
        return _nullable(json.loads), _checked(column, encode)
    if isinstance(kind, UTCDateTime):
        return _nullable(moment_text), _checked(column, parse_moment)
    if isinstance(kind, Date):
        return _nullable(date.isoformat), _checked(column, _day)
    if isinstance(kind, Boolean):
        return _same, _checked(column, _boolean)
    if isinstance(kind, LargeBinary):
        return _nullable(_base64_text), _checked(column, _base64_bytes)
    if isinstance(kind, Integer):
        return _same, _checked(column, _whole_number)
    if isinstance(kind, String):
        return _same, _checked(column, _text(kind.length))
    raise TypeError(f"{table.name}.{column.name}: no travel rule for {kind!r}")


def _same(value: Any) -> Any:
    return value


def _nullable(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _checked(column: Column[Any], convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert`, with None allowed only where the column allows it, and every failure a
    BadValue that names no value."""
    nullable = column.nullable

    def from_doc(value: Any) -> Any:
        if value is None:
            if not nullable:
                raise BadValue("is missing")
            return None
        try:
            return convert(value)
        except BadValue:
            raise
        except (ValueError, TypeError) as error:
            raise BadValue("is not in the expected form") from error

    return from_doc


def _day(value: Any) -> date:
    if not isinstance(value, str):
        raise BadValue("is not a day")
    return date.fromisoformat(value)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue("is not true or false")
    return value


def _base64_text(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _base64_bytes(value: Any) -> bytes:
    if not isinstance(value, str):
        raise BadValue("is not base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error:
        raise BadValue("is not base64 text") from None


def _whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue("is not a whole number")
    return value


def _text(length: int | None) -> Callable[[Any], str]:
    def text(value: Any) -> str:
        if not isinstance(value, str):
            raise BadValue("is not text")
        if length is not None and len(value) > length:
            raise BadValue("is too long")
        return value

    return text
