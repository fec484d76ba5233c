"""An attempt's record travels whole: exact words, versions, the plan, and each file's bytes
with their SHA-256 (base64 in the JSON, a file of its own in the CSV zip); the backups hold
and count the files too."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD

from recovery_app.domain import reach_out
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel, ContactKind, PlanPart
from recovery_app.services.backups import BackupService
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_records import RecordService
from recovery_app.services.my_data_records import ExportFormat
from recovery_app.services.reach_out_plan import ReachOutPlanService
from recovery_app.services.transfer import ExportService, ImportService
from recovery_app.storage.errors import FileRefused, RefusedKind
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import create_vault

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def now() -> datetime:
    return NOW


def _record(vault) -> int:
    clocks = ClockService(vault, now=now)
    clock = clocks.add_clock("Sam", NOW.date() - timedelta(days=40))
    first = ContactDetails(ContactKind.THEM, NOW - timedelta(days=2), Channel.MESSAGE, words="hi")
    saved = clocks.log_contact(clock.id, first)
    RecordService(vault, now=now).add_attachment(saved.id, "shot.png", SHOT)
    clocks.update_contact(saved.id, ContactDetails(ContactKind.THEM, first.at, words="hi again"))
    plan = ReachOutPlanService(vault, now=now)
    plan.add(PlanPart.ANSWER, "Email only, please.")
    return clock.id


def _other(tmp_path: Path, name: str = "other"):
    return create_vault(VaultPaths(tmp_path / name), PASSWORD, CHEAP_KDF)


def test_json_carries_the_file_as_base64_with_its_fingerprint_and_imports_whole(
    vault, tmp_path: Path
) -> None:
    _record(vault)
    path = tmp_path / "all.json"
    ExportService(vault).export(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    (row,) = doc["tables"]["contact_attachment"]
    assert base64.b64decode(row["data"]) == SHOT
    assert row["sha256"] == hashlib.sha256(SHOT).hexdigest() and row["size"] == len(SHOT)
    (version,) = doc["tables"]["contact_version"]
    assert version["words"] == "hi" and version["attachments"][0]["name"] == "shot.png"
    assert doc["tables"]["contact_event"][0]["words"] == "hi again"

    other = _other(tmp_path)
    try:
        ReachOutPlanService(other, now=now).plan()  # began from the same suggestions
        ImportService(other).import_document(path)
        clock = ClockService(other).find_clock("Sam")
        (entry,) = RecordService(other).attempts(clock.id)
        assert entry.contact.details.words == "hi again"
        assert [v.words for v in entry.versions] == ["hi"]
        (file,) = entry.attachments
        assert RecordService(other).attachment_data(file.id) == SHOT
        plan = ReachOutPlanService(other).plan()
        assert len(plan.steps) == 6  # the suggestions both journals held are there once
        assert [line.text for line in plan.answers] == ["Email only, please."]
    finally:
        other.close()


def test_the_csv_zip_holds_each_file_as_a_file_its_row_names(vault, tmp_path: Path) -> None:
    _record(vault)
    path = tmp_path / "all.zip"
    ExportService(vault).export(path, ExportFormat.CSV)
    with zipfile.ZipFile(path) as archive:
        table = archive.read("contact_attachment.csv").decode("utf-8-sig")
        (row,) = list(csv.DictReader(io.StringIO(table)))
        assert "data" not in row
        member = row["data (file)"]
        assert member.startswith("contact_attachment/") and member.endswith("-shot.png")
        assert archive.read(member) == SHOT
        assert row["sha256"] == hashlib.sha256(SHOT).hexdigest()


def test_a_file_that_no_longer_matches_its_fingerprint_is_refused_and_nothing_comes_in(
    vault, tmp_path: Path
) -> None:
    _record(vault)
    path = tmp_path / "all.json"
    ExportService(vault).export(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["tables"]["contact_attachment"][0]["data"] = base64.b64encode(SHOT[:-1] + b"!").decode()
    path.write_text(json.dumps(doc), encoding="utf-8")
    other = _other(tmp_path)
    try:
        with pytest.raises(FileRefused) as refused:
            ImportService(other).import_document(path)
        assert refused.value.kind is RefusedKind.DAMAGED
        assert "contact_attachment #1: sha256" in refused.value.where
        assert ClockService(other).list_clocks() == []
    finally:
        other.close()


def test_two_journals_files_past_the_limit_in_all_are_refused_kindly(
    vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _record(vault)
    path = tmp_path / "all.json"
    ExportService(vault).export(path)
    other = _other(tmp_path)
    try:
        clock = ClockService(other, now=now).add_clock("Alex", NOW.date())
        mine = ClockService(other, now=now).log_contact(
            clock.id, ContactDetails(ContactKind.THEM, NOW - timedelta(hours=1))
        )
        RecordService(other, now=now).add_attachment(mine.id, "mine.png", SHOT)
        monkeypatch.setattr(reach_out, "ATTACHMENTS_TOTAL_MAX_BYTES", len(SHOT) + 10)
        import recovery_app.services.transfer as transfer

        monkeypatch.setattr(transfer, "ATTACHMENTS_TOTAL_MAX_BYTES", len(SHOT) + 10)
        with pytest.raises(InvalidInput, match="Nothing was brought in"):
            ImportService(other).import_document(path)
        assert [c.name for c in ClockService(other).list_clocks()] == ["Alex"]
        assert RecordService(other).space_used() == len(SHOT)
    finally:
        other.close()


def test_backups_hold_the_files_and_count_them_in_their_size(vault, tmp_path: Path) -> None:
    _record(vault)
    backups = BackupService(vault)
    made = backups.back_up_now().made
    assert made is not None
    assert made.counts is not None and made.counts["contact_attachment"] == 1
    assert made.counts["contact_version"] == 1
    assert made.size >= len(SHOT)  # the size cap weighs every attachment kept
    assert backups.status().total_size >= len(SHOT)
