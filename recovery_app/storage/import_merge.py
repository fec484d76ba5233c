"""Bring an export (storage.export_writer) into a journal: never overwriting, never doubling.

Rows are matched by identity: the `uid` for tables that have one, else the natural key
(storage.portable). A row the journal already holds is left as it is; one whose content
differs from the journal's is counted as "kept yours". A row whose other unique key is taken
(a check-in for a day that already has one, a trigger already on the list under any case) is
not added either, and rows pointing to it point to the journal's own. Everything is checked
before anything is written, and the caller runs it in one transaction (rolled back for a dry
run), so a damaged document changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, select
from sqlmodel import SQLModel

from recovery_app.storage.errors import FileRefused, RefusedKind
from recovery_app.storage.export_writer import EXPORT_FORMAT, EXPORT_VERSION
from recovery_app.storage.portable import BadValue, Field, fields_of, has_uid, spec_of

RowCheck = Callable[[str, dict[str, Any]], None]  # raises BadValue naming a field
RowFill = Callable[[str, dict[str, Any]], dict[str, Any]]  # what a hand-written row left out
# Not part of what an entry says: a merged row may differ here and still be the same.
_NOT_CONTENT = frozenset({"uid", "position", "created_at", "updated_at", "hidden_at"})


@dataclass
class TableChange:
    added: int = 0
    already_there: int = 0
    kept_yours: int = 0  # the document's version differs; the journal's own was kept


def read_document(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            doc = json.load(handle)
    except UnicodeDecodeError:
        raise FileRefused(RefusedKind.NOT_AN_EXPORT) from None
    except json.JSONDecodeError:
        raise FileRefused(RefusedKind.NOT_AN_EXPORT) from None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise FileRefused(RefusedKind.NOT_AN_EXPORT)
    return doc


def check_head(
    doc: dict[str, Any], *, newer_than_us: Callable[[str], bool], known: set[str]
) -> None:
    """Refuse a document this version must not read: a newer format, schema or app."""
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileRefused(RefusedKind.DAMAGED, "version")
    if version > EXPORT_VERSION:
        raise FileRefused(RefusedKind.NEWER_VERSION)
    revision, app = doc.get("schema_revision"), doc.get("app_version")
    if not isinstance(revision, str) or not isinstance(app, str):
        raise FileRefused(RefusedKind.DAMAGED, "schema_revision")
    if revision not in known or newer_than_us(app):
        raise FileRefused(RefusedKind.NEWER_VERSION)
    if not isinstance(doc.get("tables"), dict):
        raise FileRefused(RefusedKind.DAMAGED, "tables")


def merge(
    conn: Connection, doc: dict[str, Any], row_check: RowCheck, fill: RowFill | None = None
) -> dict[str, TableChange]:
    import recovery_app.storage.models  # noqa: F401  (registers every table)

    metadata = SQLModel.metadata
    given: dict[str, Any] = doc["tables"]
    unknown = set(given) - set(metadata.tables)
    if unknown:
        raise FileRefused(RefusedKind.DAMAGED, f"table {sorted(unknown)[0]}")
    changes: dict[str, TableChange] = {}
    ids: dict[str, dict[str, int]] = {}  # table -> uid -> id in this journal
    for table in metadata.sorted_tables:
        rows = given.get(table.name, [])
        if not isinstance(rows, list):
            raise FileRefused(RefusedKind.DAMAGED, table.name)
        if fill is not None:
            rows = [fill(table.name, row) if isinstance(row, dict) else row for row in rows]
        changes[table.name] = _merge_table(conn, table, rows, ids, row_check)
    return changes


def _merge_table(
    conn: Connection,
    table: Table,
    rows: list[Any],
    ids: dict[str, dict[str, int]],
    row_check: RowCheck,
) -> TableChange:
    spec = spec_of(table)
    fields = fields_of(table)
    known_keys = {f.key for f in fields}
    defaults = _defaults(table)
    change = TableChange()
    back = {
        f.parent: {rid: uid for uid, rid in ids.get(f.parent, {}).items()}
        for f in fields
        if f.parent is not None
    }
    uid_table = has_uid(table)
    # Rows already in the journal and rows added so far, by identity: (id or None, values).
    mine = [dict(m) for m in conn.execute(select(table)).mappings()]
    by_uid: dict[str, tuple[int | None, dict[str, Any]]] = {}
    taken: list[dict[tuple[Any, ...], tuple[int | None, dict[str, Any]]]] = [
        {} for _ in spec.natural_keys
    ]
    for values in mine:
        if uid_table:
            by_uid[values["uid"]] = (values["id"], values)
        for index, names in enumerate(spec.natural_keys):
            taken[index][_natural(spec, names, values)] = (values.get("id"), values)
    offset = 0
    if spec.position is not None and mine:
        offset = 1 + max(v[spec.position] for v in mine)
    table_ids = ids.setdefault(table.name, {uid: rid for uid, (rid, _) in by_uid.items() if rid})
    to_add: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        where = f"{table.name} #{number}"
        if not isinstance(row, dict):
            raise FileRefused(RefusedKind.DAMAGED, where)
        if not row.keys() <= known_keys:
            extra = sorted(set(row) - known_keys)[0]
            raise FileRefused(RefusedKind.DAMAGED, f"{where}: {extra}")
        values = _values(fields, row, defaults, ids, where)
        try:
            row_check(table.name, values)
        except BadValue as error:
            raise FileRefused(RefusedKind.DAMAGED, f"{where}: {error}") from None
        if spec.is_local is not None and spec.is_local(values):
            continue
        match = by_uid.get(values["uid"]) if uid_table else None
        if match is None:
            for index, names in enumerate(spec.natural_keys):
                key = _natural(spec, names, values)
                if None not in key and key in taken[index]:
                    match = taken[index][key]
                    break
        if match is not None:
            same = _content(fields, match[1], back) == _content(fields, values, back)
            if same:
                change.already_there += 1
            else:
                change.kept_yours += 1
            if uid_table and match[0] is not None:
                table_ids[values["uid"]] = match[0]
            continue
        if spec.position is not None:
            values[spec.position] += offset
        to_add.append(values)
        if uid_table:
            by_uid[values["uid"]] = (None, values)
        for index, names in enumerate(spec.natural_keys):
            taken[index][_natural(spec, names, values)] = (None, values)
    if to_add:
        conn.execute(insert(table), to_add)
        change.added = len(to_add)
        if has_uid(table):
            new = {v["uid"] for v in to_add}
            for uid, row_id in conn.execute(select(table.c.uid, table.c.id)):
                if uid in new:
                    table_ids[uid] = row_id
    return change


def _values(
    fields: tuple[Field, ...],
    row: dict[str, Any],
    defaults: dict[str, Callable[[], Any]],
    ids: dict[str, dict[str, int]],
    where: str,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in fields:
        name = f.column.name
        if f.key not in row:
            if name in defaults:
                values[name] = defaults[name]()
                continue
            if f.column.nullable:
                values[name] = None
                continue
            raise FileRefused(RefusedKind.DAMAGED, f"{where}: {f.key} is missing")
        given = row[f.key]
        if f.parent is not None:
            if given is None and f.column.nullable:
                values[name] = None
            elif not isinstance(given, str) or given not in ids.get(f.parent, {}):
                raise FileRefused(RefusedKind.DAMAGED, f"{where}: {f.key} points to nothing")
            else:
                values[name] = ids[f.parent][given]
            continue
        try:
            values[name] = f.from_doc(given)
        except BadValue as error:
            raise FileRefused(RefusedKind.DAMAGED, f"{where}: {f.key} {error}") from None
    return values


def _content(
    fields: tuple[Field, ...], values: dict[str, Any], back: dict[str, dict[int, str]]
) -> dict[str, Any]:
    """What `values` (as stored) export as, without what isn't content. `back` maps each
    parent table's ids to uids."""
    out: dict[str, Any] = {}
    for f in fields:
        if f.key in _NOT_CONTENT:
            continue
        value = values[f.column.name]
        if f.parent is not None:
            out[f.key] = None if value is None else back[f.parent].get(value)
        else:
            out[f.key] = f.to_doc(value)
    return out


def _natural(spec: Any, names: tuple[str, ...], values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(
        values[n].casefold() if n in spec.casefold and isinstance(values[n], str) else values[n]
        for n in names
    )


def _defaults(table: Table) -> dict[str, Callable[[], Any]]:
    """The model's defaults for columns a (hand-written) document may leave out."""
    from pydantic_core import PydanticUndefined
    from sqlmodel.main import default_registry

    for mapper in default_registry.mappers:
        if mapper.local_table is table:
            found: dict[str, Callable[[], Any]] = {}
            for name, info in mapper.class_.model_fields.items():
                if info.default_factory is not None:
                    found[name] = info.default_factory
                elif info.default is not PydanticUndefined:
                    found[name] = _constant(info.default)
            return found
    return {}


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value
