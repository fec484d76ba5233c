"""How each table travels in an export: its identity, and each column's value as JSON.

The rules come from the tables themselves (SQLModel metadata), so a new column travels
without code here; what a table needs beyond that (another unique identity, JSON held as
text, an order the person chose, rows that belong to this file only) is one `TableSpec`.
Every table must have one: tests/unit/storage/test_portable_coverage.py fails otherwise.

- A table with a `uid` is identified by it; its integer `id` stays behind (it is this file's
  own) and every foreign key `x_id` travels as `x_uid`, the uid of the row it points to.
- A table without a `uid` is identified by its natural key (`natural_keys[0]`).
- Moments (UTCDateTime) are UTC ISO 8601 with microseconds and a Z; days are YYYY-MM-DD;
  JSON held as text travels as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, String, Table
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
}


class BadValue(ValueError):
    """A document's value that does not fit its column; the message names no value."""


@dataclass(frozen=True)
class Field:
    """One column as it travels: the document's key, and the parent table for a reference."""

    column: Column[Any]
    key: str
    parent: str | None = None


def _base_type(kind: Any) -> Any:
    """The type under SQLModel's AutoString (a TypeDecorator over String); ours stays."""
    while isinstance(kind, TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance
    return kind


def has_uid(table: Table) -> bool:
    return "uid" in table.c


def fields_of(table: Table) -> list[Field]:
    """The columns that travel, in the table's own order."""
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
            found.append(Field(column, column.name))
    return found


def spec_of(table: Table) -> TableSpec:
    return SPECS[table.name]


def identity_of(table: Table) -> tuple[str, ...]:
    if has_uid(table):
        return ("uid",)
    return spec_of(table).natural_keys[0]


def order_of(table: Table) -> list[Column[Any]]:
    """Rows in the order they were made (integer id), else by their natural key."""
    if has_uid(table):
        return [table.c.id]
    return [table.c[name] for name in spec_of(table).natural_keys[0]]


def to_json(table: Table, column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        assert isinstance(value, datetime)
        return moment_text(value)
    if isinstance(column.type, Date):
        assert isinstance(value, date)
        return value.isoformat()
    if column.name in spec_of(table).json_text:
        return json.loads(value)
    return value


def from_json(table: Table, column: Column[Any], value: Any) -> Any:
    """The Python value to store for a document's `value`, or BadValue."""
    if value is None:
        if not column.nullable:
            raise BadValue("is missing")
        return None
    kind = _base_type(column.type)
    encode = spec_of(table).json_text.get(column.name)
    try:
        if encode is not None:
            return encode(value)
        if isinstance(kind, UTCDateTime):
            return parse_moment(value)
        if isinstance(kind, Date):
            if not isinstance(value, str):
                raise BadValue("is not a day")
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise BadValue("is not true or false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise BadValue("is not a whole number")
            return value
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise BadValue("is not text")
            if kind.length is not None and len(value) > kind.length:
                raise BadValue("is too long")
            return value
    except (ValueError, TypeError) as error:
        if isinstance(error, BadValue):
            raise
        raise BadValue("is not in the expected form") from error
    raise BadValue("has a type this version cannot read")
