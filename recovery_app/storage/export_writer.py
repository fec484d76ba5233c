"""Write the journal out: a versioned JSON document (docs/FORMAT.md), or CSV files in a zip.

Both are written under a temporary name in the chosen folder, fsynced and renamed only when
complete; `cancel()` is looked at between rows, and stopping removes the unfinished file. Both
are plain, unencrypted files, made private to this user (0600). All tables are read in one
read transaction, so the file describes one moment.

Attachments (bytes) are base64 in the JSON, beside their SHA-256; in the zip each is a file of
its own, `contact_attachment/<uid>-<name>`, which its CSV row names.

The JSON is written a row per line, keys in the table's column order, tables by name, and no
time of export inside: the same journal always gives the same bytes, which is how
export -> import -> export is checked.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, LargeBinary, Table, select
from sqlmodel import SQLModel

from recovery_app.storage.errors import Cancelled
from recovery_app.storage.files import PRIVATE_FILE_MODE, fsync_dir
from recovery_app.storage.portable import fields_of, order_of, spec_of
from recovery_app.storage.snapshot import Cancel, translate
from recovery_app.storage.types import UTCDateTime

EXPORT_FORMAT = "journal-export"
EXPORT_VERSION = 1
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Written:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # per table
    bytes: int = 0


def tables() -> list[Table]:
    import recovery_app.storage.models  # noqa: F401  (registers every table)

    return [SQLModel.metadata.tables[name] for name in sorted(SQLModel.metadata.tables)]


def begin_snapshot(conn: Connection) -> None:
    """sqlite3 begins transactions only before writes; begin one now so every SELECT below
    reads the same moment."""
    conn.exec_driver_sql("BEGIN")


def rows_of(
    conn: Connection, table: Table, uids: dict[str, dict[int, str]], cancel: Cancel | None
) -> Iterator[dict[str, Any]]:
    """`table`'s rows as the document holds them, in their stable order."""
    spec = spec_of(table)
    fields = fields_of(table)
    for parent in {f.parent for f in fields if f.parent} - set(uids):
        parent_table = SQLModel.metadata.tables[parent]
        uids[parent] = dict(conn.execute(select(parent_table.c.id, parent_table.c.uid)).all())
    columns = [f.column for f in fields]
    # Each field's conversion, looked up once: a parent's uid, or the column's own.
    convert = [
        (f.key, uids[f.parent].get if f.parent is not None else f.to_doc, f.parent is not None)
        for f in fields
    ]
    query = select(*columns).order_by(*order_of(table))
    for row in conn.execute(query):
        if cancel is not None and cancel():
            raise Cancelled()
        out = {
            key: (None if value is None else to_doc(value)) if is_ref else to_doc(value)
            for (key, to_doc, is_ref), value in zip(convert, row, strict=True)
        }
        if spec.is_local is not None and spec.is_local(out):
            continue
        yield out


def write_json(
    conn: Connection,
    target: Path,
    *,
    app_version: str,
    schema_revision: str,
    cancel: Cancel | None = None,
    overwrite: bool = False,
) -> Written:
    counts: dict[str, int] = {}
    with written_atomically(target, overwrite) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
        head = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "app_version": app_version,
            "schema_revision": schema_revision,
        }
        text.write("{\n")
        for key, value in head.items():
            text.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
        text.write('  "tables": {')
        uids: dict[str, dict[int, str]] = {}
        for t_index, table in enumerate(tables()):
            text.write(("," if t_index else "") + f"\n    {json.dumps(table.name)}: [")
            n = 0
            for n, row in enumerate(rows_of(conn, table, uids, cancel), start=1):
                text.write(
                    ("," if n > 1 else "") + "\n      " + json.dumps(row, ensure_ascii=False)
                )
            text.write("\n    ]" if n else "]")
            counts[table.name] = n
        text.write("\n  }\n}\n")
        text.flush()
        text.detach()
    return Written(target, counts, target.stat().st_size)


def write_csv_zip(
    conn: Connection, target: Path, *, cancel: Cancel | None = None, overwrite: bool = False
) -> Written:
    """One CSV per table (UTF-8 with a byte-order mark, so spreadsheets read the letters
    right; a header row; moments as UTC `YYYY-MM-DD HH:MM:SS.ffffff`); urges also list their
    triggers by name."""
    counts: dict[str, int] = {}
    trigger_names = _trigger_names(conn)
    with (
        written_atomically(target, overwrite) as handle,
        zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        uids: dict[str, dict[int, str]] = {}
        for table in tables():
            files: list[tuple[str, str, str]] = []  # (row uid, column, member name)
            with archive.open(f"{table.name}.csv", "w") as member:
                out = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
                counts[table.name] = _write_csv(
                    out, conn, table, uids, trigger_names, cancel, files
                )
                out.flush()
                out.detach()
            # One member is written at a time, so the files follow their table's CSV, each
            # read on its own (never every attachment in memory at once).
            for uid, column, name in files:
                if cancel is not None and cancel():
                    raise Cancelled()
                query = select(table.c[column]).where(table.c.uid == uid)
                archive.writestr(name, conn.execute(query).scalar_one())
    return Written(target, counts, target.stat().st_size)


def _is_bytes(column: Any) -> bool:
    return isinstance(column.type, LargeBinary)


def _member_name(table: Table, row: dict[str, Any]) -> str:
    """Where a row's file goes in the zip: under the table's name, by uid and file name."""
    name = str(row.get("name") or "file").replace("/", "_").replace("\\", "_").lstrip(".")
    return f"{table.name}/{row['uid']}-{name or 'file'}"


def _write_csv(
    out: IO[str],
    conn: Connection,
    table: Table,
    uids: dict[str, dict[int, str]],
    trigger_names: dict[str, list[str]],
    cancel: Cancel | None,
    files: list[tuple[str, str, str]],
) -> int:
    fields = fields_of(table)
    moments = [isinstance(f.column.type, UTCDateTime) for f in fields]
    binary = [_is_bytes(f.column) for f in fields]
    with_triggers = table.name == "urge"
    writer = csv.writer(out)
    header = [
        f"{f.key} (UTC)" if m else f"{f.key} (file)" if b else f.key
        for f, m, b in zip(fields, moments, binary, strict=True)
    ]
    writer.writerow(header + (["triggers"] if with_triggers else []))
    count = 0
    for row in rows_of(conn, table, uids, cancel):
        cells = []
        for f, is_moment, is_bytes in zip(fields, moments, binary, strict=True):
            if is_bytes:
                member = _member_name(table, row)
                files.append((row["uid"], f.column.name, member))
                cells.append(csv_cell(member, False))
            else:
                cells.append(csv_cell(row[f.key], is_moment))
        if with_triggers:
            cells.append(csv_cell("; ".join(trigger_names.get(row["uid"], [])), False))
        writer.writerow(cells)
        count += 1
    return count


def _trigger_names(conn: Connection) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    query = (
        "SELECT urge.uid, urge_trigger_name.name FROM urge_trigger "
        "JOIN urge ON urge.id = urge_trigger.urge_id "
        "JOIN urge_trigger_name ON urge_trigger_name.id = urge_trigger.trigger_id "
        "ORDER BY urge_trigger_name.position, urge_trigger_name.id"
    )
    for uid, name in conn.exec_driver_sql(query):
        found.setdefault(uid, []).append(name)
    return found


def csv_cell(value: Any, is_moment: bool = False) -> Any:
    """One CSV cell: a text that a spreadsheet would run as a formula gets a ' before it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if is_moment:  # 2026-01-02T12:00:00.000000Z -> 2026-01-02 12:00:00.000000, as sheets read
        return text[:10] + " " + text[11:-1]
    if text.startswith(_FORMULA_STARTS):
        return "'" + text  # shown as typed, never run as a formula
    return text


@contextlib.contextmanager
def written_atomically(target: Path, overwrite: bool) -> Iterator[IO[bytes]]:
    """A new private file at `target`, written under a temporary name beside it, fsynced and
    renamed only once complete; removed if anything stops it (FileExistsError if `target` is
    there and may not be replaced)."""
    folder = target.parent
    if target.exists() and not overwrite:
        raise FileExistsError(str(target.name))
    partial = folder / f".{target.name}.{secrets.token_hex(6)}.part"
    try:
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_dir(folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(error, FileExistsError):
            raise
        raise translate(error, folder) from error
