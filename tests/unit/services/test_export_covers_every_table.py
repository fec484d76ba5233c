"""Every table travels: a table (or column) that export and import don't cover fails here.

A new table needs a TableSpec in storage/portable.py and a row in every_table.py; then the
round trip below carries it, and docs/FORMAT.md should describe it.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CHEAP_KDF, PASSWORD
from every_table import fill_every_table
from sqlmodel import SQLModel

import recovery_app.storage.models  # noqa: F401  (registers every table)
from recovery_app.services.transfer import ExportService, ImportService
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.portable import SPECS, fields_of
from recovery_app.storage.vault import create_vault

APP_TABLES = set(SQLModel.metadata.tables)


def _rows_per_table(vault) -> dict[str, int]:
    with vault.engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()
            for name in APP_TABLES
        }


def test_every_table_has_a_travel_spec_and_no_spec_is_left_over() -> None:
    assert set(SPECS) == APP_TABLES


def test_every_table_has_rows_and_every_row_and_column_makes_the_round_trip(
    vault, tmp_path: Path
) -> None:
    fill_every_table(vault, "Words a person wrote")
    before = _rows_per_table(vault)
    empty = sorted(name for name, count in before.items() if count == 0)
    assert empty == [], f"add a row of {empty} to tests/unit/services/every_table.py"

    path = tmp_path / "all.json"
    ExportService(vault).export(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert set(doc["tables"]) == APP_TABLES
    for name, table in SQLModel.metadata.tables.items():
        travelling = {f.key for f in fields_of(table)}
        left_behind = {c.name for c in table.columns} - {f.column.name for f in fields_of(table)}
        assert left_behind <= {"id"}, f"{name}: {left_behind} would be lost"
        for row in doc["tables"][name]:
            assert set(row) == travelling

    fresh = create_vault(VaultPaths(tmp_path / "other"), PASSWORD, CHEAP_KDF)
    try:
        ImportService(fresh).import_document(path)
        assert _rows_per_table(fresh) == before
    finally:
        fresh.close()
