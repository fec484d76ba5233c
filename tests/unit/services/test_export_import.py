"""Export to JSON and CSV, import into a new journal or as a merge; refusals; stopping."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from every_table import fill_every_table
from sqlalchemy import text

from recovery_app.domain.errors import InvalidInput
from recovery_app.services.my_data_records import ExportFormat
from recovery_app.services.transfer import ExportService, ImportService
from recovery_app.storage import migrate
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.errors import Cancelled, FileRefused, RefusedKind
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import create_vault

WORDS = 'Ünïcødé, "quotes", commas; and a\nnew line ☂'


def _new_journal(tmp_path: Path, name: str):
    return create_vault(VaultPaths(tmp_path / name), PASSWORD, CHEAP_KDF)


@pytest.fixture
def full(vault):
    fill_every_table(vault, WORDS)
    return vault


def _export(vault, path: Path, **options) -> Path:
    ExportService(vault).export(path, **options)
    return path


def _counts(vault) -> dict[str, int]:
    with vault.engine.connect() as conn:
        names = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}


def test_export_import_export_is_byte_identical(full, tmp_path: Path) -> None:
    first = _export(full, tmp_path / "first.json")
    other = _new_journal(tmp_path, "other")
    try:
        report = ImportService(other).import_document(first)
        assert report.kept_yours == 0 and report.added > 0
        second = _export(other, tmp_path / "second.json")
    finally:
        other.close()
    assert first.read_bytes() == second.read_bytes()


def test_the_document_says_what_it_is_and_keeps_dates_and_moments_exact(full, tmp_path) -> None:
    doc = json.loads(_export(full, tmp_path / "j.json").read_text(encoding="utf-8"))
    assert doc["format"] == "journal-export" and doc["version"] == 1
    assert doc["app_version"] == "0.1.0" and doc["schema_revision"] == migrate.head_revision()
    (good, harm) = doc["tables"]["memory"]
    assert (good["date_text"], good["date_start"], good["date_end"]) == (
        "summer-2021",
        "2021-06-01",
        "2021-08-31",
    )
    assert harm["date_text"] == "2021-07..2021-09"
    assert good["tags"] == [" ".join(WORDS[:40].split()), "ÿ ünïcødé ☂"]  # as the app keeps them
    (urge,) = doc["tables"]["urge"]
    assert urge["at"] == "2026-11-20T10:00:00.000000Z"  # UTC, to the microsecond
    assert len(urge["uid"]) == 32 and "id" not in urge
    (event,) = doc["tables"]["contact_event"]
    assert event["clock_uid"] == doc["tables"]["clock"][0]["uid"]
    links = doc["tables"]["urge_trigger"]
    assert {link["urge_uid"] for link in links} == {urge["uid"]}
    keys = {row["key"] for row in doc["tables"]["vault_info"]}
    assert "created_with" not in keys and not any(k.startswith("backup.") for k in keys)


def test_importing_the_same_document_twice_adds_nothing_the_second_time(full, tmp_path) -> None:
    doc = _export(full, tmp_path / "j.json")
    other = _new_journal(tmp_path, "other")
    try:
        ImportService(other).import_document(doc)
        before = _counts(other)
        again = ImportService(other).import_document(doc)
        assert again.added == 0 and again.kept_yours == 0
        assert _counts(other) == before
    finally:
        other.close()


def test_a_merge_keeps_both_journals_and_never_overwrites(full, tmp_path) -> None:
    from recovery_app.services.clocks import ClockService
    from recovery_app.services.support import ReasonService

    doc = _export(full, tmp_path / "j.json")
    other = _new_journal(tmp_path, "other")
    try:
        ReasonService(other).add("my own reason, written here")
        ImportService(other).import_document(doc)
        # The same entry, edited here after the import, is not overwritten by a re-import.
        clocks = ClockService(other)
        (clock,) = clocks.list_clocks()
        assert clock.id is not None
        clocks.update_clock(clock.id, "Renamed here", clock.since, clock.allowed_contact)
        report = ImportService(other).import_document(doc)
        assert report.tables["clock"].kept_yours == 1 and report.added == 0
        assert [c.name for c in clocks.list_clocks()] == ["Renamed here"]
        reasons = [r.text for r in ReasonService(other).reasons()]
        assert reasons == ["my own reason, written here", WORDS]  # merged after, in order
    finally:
        other.close()


def test_a_dry_run_reports_exactly_and_changes_nothing(full, tmp_path) -> None:
    doc = _export(full, tmp_path / "j.json")
    other = _new_journal(tmp_path, "other")
    try:
        before = _counts(other)
        preview = ImportService(other).preview(doc)
        assert preview.dry_run and preview.safety_backup is None
        assert _counts(other) == before
        assert not list_backups(other.paths.backups_dir)
        real = ImportService(other).import_document(doc)
        assert real.tables == preview.tables
        assert real.safety_backup is not None  # a backup before the real one
    finally:
        other.close()


@pytest.mark.parametrize(
    ("changes", "kind"),
    [
        ({"version": 2}, RefusedKind.NEWER_VERSION),
        ({"schema_revision": "9999"}, RefusedKind.NEWER_VERSION),
        ({"app_version": "3.0"}, RefusedKind.NEWER_VERSION),
        ({"format": "something-else"}, RefusedKind.NOT_AN_EXPORT),
    ],
)
def test_a_document_this_version_must_not_read_is_refused(full, tmp_path, changes, kind) -> None:
    path = _export(full, tmp_path / "j.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.update(changes)
    path.write_text(json.dumps(doc), encoding="utf-8")
    other = _new_journal(tmp_path, "other")
    try:
        with pytest.raises(FileRefused) as caught:
            ImportService(other).import_document(path)
        assert caught.value.kind is kind
        assert not list_backups(other.paths.backups_dir)  # refused before anything
    finally:
        other.close()


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("urge", "intensity", 11),
        ("contact_event", "kind", "shouting"),
        ("memory", "date_text", "sometime"),
        ("clock", "since", "not a day"),
        ("contact_event", "clock_uid", "f" * 32),
        ("hard_date", "notice", "soon"),
        ("hard_date", "day", 31),
        ("hard_date", "plan_steps", ["fly"]),
        ("hard_date", "year", 12),
    ],
)
def test_a_damaged_document_changes_nothing_and_names_only_the_field(
    full, tmp_path, table, field, value
) -> None:
    path = _export(full, tmp_path / "j.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["tables"][table][0][field] = value
    path.write_text(json.dumps(doc), encoding="utf-8")
    other = _new_journal(tmp_path, "other")
    try:
        before = _counts(other)
        with pytest.raises(FileRefused) as caught:
            ImportService(other).import_document(path)
        assert caught.value.kind is RefusedKind.DAMAGED
        assert table in caught.value.where and field in caught.value.where
        assert str(value) not in str(caught.value)
        assert _counts(other) == before
    finally:
        other.close()


def test_marked_dates_travel_with_their_plan_their_clock_and_their_identity(full, tmp_path) -> None:
    from recovery_app.services.clocks import ClockService
    from recovery_app.services.hard_dates import HardDateService

    path = _export(full, tmp_path / "j.json")
    (yearly, once) = json.loads(path.read_text(encoding="utf-8"))["tables"]["hard_date"]
    assert yearly["plan_steps"] == ["ride-the-wave", "people"]  # JSON, not text
    assert (yearly["month"], yearly["day"], yearly["year"], yearly["notice"]) == (2, 14, None, "7")
    assert (once["year"], once["notice"]) == (2028, "never")
    assert len(yearly["clock_uid"]) == 32
    other = _new_journal(tmp_path, "other")
    try:
        ImportService(other).import_document(path)
        ImportService(other).import_document(path)  # again: nothing doubles
        mine, theirs = HardDateService(full), HardDateService(other)
        assert [s.details.plan for s in theirs.marked()] == [s.details.plan for s in mine.marked()]
        assert [s.details.steps for s in theirs.marked()] == [
            s.details.steps for s in mine.marked()
        ]
        assert sorted(theirs.uids().values()) == sorted(mine.uids().values())
        (clock,) = ClockService(other).list_clocks()
        assert [s.details.clock_id for s in theirs.marked()] == [clock.id, None]
    finally:
        other.close()


def test_a_file_that_is_not_an_export_is_refused(vault, tmp_path) -> None:
    for content in (b"\x89PNG\r\n", b"[1, 2, 3]", b"{}"):
        path = tmp_path / "photo.json"
        path.write_bytes(content)
        with pytest.raises(FileRefused) as caught:
            ImportService(vault).import_document(path)
        assert caught.value.kind is RefusedKind.NOT_AN_EXPORT


def test_a_batch_written_by_hand_comes_in(vault, tmp_path) -> None:
    from recovery_app.services.memories import MemoryService

    batch = {
        "format": "journal-export",
        "version": 1,
        "app_version": "0.1.0",
        "schema_revision": "0008",
        "tables": {
            "memory": [
                {"kind": "good", "title": "Picnic", "date_text": "May 2019"},
                {"kind": "harm", "title": "The row", "date_text": "2019-06-02"},
            ]
        },
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    assert ImportService(vault).import_document(path).added == 2
    texts = sorted(m.details.when.text for m in MemoryService(vault).list_memories())
    assert texts == ["2019-05", "2019-06-02"]


def test_csv_export_is_a_zip_a_spreadsheet_reads_and_runs_no_formula(full, tmp_path) -> None:
    from recovery_app.services.support import ReasonService

    ReasonService(full).add('=HYPERLINK("http://example.invalid")')
    ReasonService(full).add("-5 and +3 and @me")
    path = _export(full, tmp_path / "j.zip", format=ExportFormat.CSV)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert {"urge.csv", "clock.csv", "memory.csv", "check_in.csv"} <= names
        raw = archive.read("reason.csv")
        assert raw.startswith("\ufeff".encode())  # UTF-8 with BOM: Excel reads the letters
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        urges = list(csv.reader(io.StringIO(archive.read("urge.csv").decode("utf-8-sig"))))
    assert rows[0][:2] == ["uid", "text"]
    cells = [row[1] for row in rows[1:]]
    assert WORDS in cells  # new lines, quotes and commas survive
    assert '\'=HYPERLINK("http://example.invalid")' in cells
    assert "'-5 and +3 and @me" in cells
    assert "at (UTC)" in urges[0] and "triggers" in urges[0]
    at = urges[1][urges[0].index("at (UTC)")]
    assert at == "2026-11-20 10:00:00.000000"


def test_an_export_stopped_half_way_leaves_no_file(full, tmp_path) -> None:
    calls = iter(range(1000))
    with pytest.raises(Cancelled):
        ExportService(full).export(tmp_path / "j.json", cancel=lambda: next(calls) > 3)
    assert list(tmp_path.glob("*j.json*")) == []


def test_an_export_never_replaces_a_file_unless_asked(full, tmp_path) -> None:
    path = tmp_path / "j.json"
    path.write_text("mine")
    with pytest.raises(InvalidInput):
        ExportService(full).export(path)
    assert path.read_text() == "mine"
    ExportService(full).export(path, overwrite=True)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "journal-export"
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def test_moments_stay_aware_utc_through_a_round_trip(full, tmp_path) -> None:
    from recovery_app.services.urges import UrgeService

    doc = _export(full, tmp_path / "j.json")
    other = _new_journal(tmp_path, "other")
    try:
        ImportService(other).import_document(doc)
        (urge,) = UrgeService(other).list_urges()
        assert urge.details.at == datetime(2026, 11, 20, 10, tzinfo=UTC)
    finally:
        other.close()
