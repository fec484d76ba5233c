"""What a person writes is found only inside the encrypted vault."""

import logging
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from sqlalchemy.exc import IntegrityError

from recovery_app.domain.check_in import CheckInAnswers, PromiseOutcome
from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.domain.kinds import PlanStep
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.domain.stretches import ContactKind
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.journal import Journal
from recovery_app.services.messages import message_for
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.storage import errors
from recovery_app.storage.vault import create_vault


def _encodings(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _files_containing(folder: Path, marker: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(needle in data for needle in _encodings(marker)):
                found.append(path.name)
    return found


def test_a_marker_written_through_the_services_is_in_no_file_nor_output(
    service, paths, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    marker = f"MARKER-{uuid.uuid4().hex}"
    vault = create_vault(paths, PASSWORD, CHEAP_KDF)
    reader = vault.engine.connect()  # keeps the WAL alive so it is searched too
    reader.exec_driver_sql("SELECT 1").fetchone()
    journal = Journal(vault, KeyringSecretStore())
    clocks = journal.clocks
    clock = clocks.add_clock(marker, date(2025, 12, 1), allowed_contact=marker)
    assert clock.id is not None
    at = datetime(2026, 1, 2, 12, tzinfo=UTC)
    clocks.log_contact(
        clock.id, ContactDetails(ContactKind.ME, at, note=marker, what_happened=marker)
    )
    journal.check_ins.save(CheckInAnswers(promise=marker, note=marker))
    journal.memories.add_memory(
        MemoryDetails(MemoryKind.HARM, marker, parse("2025-06"), marker, tags=(marker[:40],))
    )
    promise = journal.promises.add(marker)
    journal.promises.mark(promise.id, PromiseOutcome.KEPT)
    hunches = journal.hunches
    hunch = hunches.note(HunchKind.PREDICTION, marker, fearful=True)
    hunches.check(hunch.id, CheckOutcome.WRONG, what_happened=marker)
    exercises = journal.exercises
    exercises.save_run("reality_check", {0: marker}, 1, finished=False)
    exercises.save_run("values_and_action", {1: marker}, 3, finished=True)
    marked = journal.hard_dates.add(
        HardDateDetails(marker, 2, 14, clock_id=clock.id, plan=marker, steps=(PlanStep.PEOPLE,))
    )
    journal.hard_dates.update(marked.id, HardDateDetails(marker, 2, 15, plan=marker + marker))
    journal.hard_dates.restore(journal.hard_dates.remove(marked.id))
    journal.notices.choose()
    journal.hard_dates.tray_line()
    assert Path(f"{paths.db}-wal").exists()
    assert _files_containing(paths.data_dir, marker) == []  # db, WAL, shm, key, locks
    reader.close()
    journal.close()
    assert _files_containing(paths.data_dir, marker) == []
    reopened = service.unlock(PASSWORD)
    assert [c.name for c in reopened.clocks.list_clocks()] == [marker]
    reopened.close()
    out, err = capfd.readouterr()
    assert marker not in out + err + caplog.text


def test_a_failed_write_does_not_echo_what_was_written(vault) -> None:
    """SQLAlchemy errors would include parameters; the engine hides them."""
    marker = f"MARKER-{uuid.uuid4().hex}"
    with pytest.raises(IntegrityError) as caught, vault.session() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO vault_info (key, value) VALUES (?, ?)", ("created_with", marker)
        )
    assert marker not in str(caught.value)


@pytest.mark.parametrize(
    "error",
    [
        errors.WrongPassword(),
        errors.VaultMissing(),
        errors.VaultAlreadyExists(),
        errors.KeyFileDamaged("x"),
        errors.NotAVault("x"),
        errors.VaultDamaged(),
        errors.RememberedKeyStale(),
        errors.VaultTooNew(),
        errors.DiskFull("x"),
        errors.NotWritable("x"),
        errors.VaultBusy(),
        errors.BackupFolderMissing("/media/drive"),
        errors.BackupCheckFailed(),
        errors.Cancelled(),
        errors.OlderPasswordNeeded(),
        *(errors.FileRefused(kind, "urge #3: intensity") for kind in errors.RefusedKind),
        RuntimeError("a secret sentence"),
    ],
)
def test_every_failure_has_kind_words_and_never_the_error_text(error: Exception) -> None:
    text = message_for(error, Path("/data"))
    assert text.endswith(".")
    assert "a secret sentence" not in text
    assert "Traceback" not in text
    for cold in ("fail", "invalid", "error", "fatal", "illegal"):
        assert cold not in text.lower()


def _recent_files_containing(root: Path, marker: str, since: float) -> list[Path]:
    """Every file under `root` written since `since` that holds `marker` in plain text."""
    import os

    found = []
    # os.walk, not rglob: the machine's temp folder is shared, and a folder another process
    # removes mid-walk is skipped rather than failing the scan.
    paths = [Path(top, name) for top, _dirs, files in os.walk(root) for name in files]
    for path in paths:
        try:
            if not path.is_file() or path.stat().st_mtime < since - 1:
                continue
            if path.stat().st_size > 200 * 1024 * 1024:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in _encodings(marker)):
            found.append(path)
    return found


def test_a_marker_is_in_no_backup_log_or_temp_file_only_in_the_exports_asked_for(
    service,
    paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    import base64
    import json
    import tempfile
    import time
    import zipfile

    from every_table import fill_every_table

    from recovery_app.domain.backups import Trigger
    from recovery_app.services.backups import BackupService
    from recovery_app.services.my_data_records import ExportFormat
    from recovery_app.services.rekey import RekeyService
    from recovery_app.services.restore import RestoreService
    from recovery_app.services.transfer import ExportService, ImportService
    from recovery_app.storage.vault import create_vault

    caplog.set_level(logging.DEBUG)
    system_temp = Path(tempfile.gettempdir())  # the machine's own, before it is pointed here
    temp = tmp_path / "temp"
    temp.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP", "SQLITE_TMPDIR"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    started = time.time()
    marker = f"MARKER-{uuid.uuid4().hex}"

    vault = create_vault(paths, PASSWORD, CHEAP_KDF)
    fill_every_table(vault, marker)
    backups = BackupService(vault)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert backups.run(Trigger.UNLOCK).made is not None
    backups.choose_folder(drive)
    assert backups.back_up_now().made is not None
    exports = tmp_path / "exports"
    exports.mkdir()
    ExportService(vault).export(exports / "journal.json")
    ExportService(vault).export(exports / "journal.zip", ExportFormat.CSV)
    ImportService(vault).preview(exports / "journal.json")
    ImportService(vault).import_document(exports / "journal.json")
    vault.close()
    service.change_password(PASSWORD, "another good password")
    restorer = RestoreService(service)
    (first,) = [b.path for b in backups_in(paths.backups_dir)]
    restorer.restore(restorer.prepare(first, "another good password"))
    RekeyService(service).rekey_everything("another good password")

    # The exports asked for hold it (the CSV inside its zip; a screenshot's bytes as base64
    # in the JSON, as a file of its own in the zip) ...
    document = (exports / "journal.json").read_bytes()
    assert marker.encode() in document
    attachment = json.loads(document)["tables"]["contact_attachment"][0]
    assert marker.encode() in base64.b64decode(attachment["data"])
    with zipfile.ZipFile(exports / "journal.zip") as archive:
        assert marker.encode() in archive.read("urge.csv")
        (file,) = [n for n in archive.namelist() if n.startswith("contact_attachment/")]
        assert marker.encode() in archive.read(file)
    assert sorted(p.name for p in exports.iterdir()) == ["journal.json", "journal.zip"]
    # ... and nothing else written anywhere during the test does: not the journal, not a
    # backup or its manifest, not a staged copy, not a temporary file. (Whether the zip's
    # compressed bytes happen to show it is up to deflate; it is an export asked for.)
    found = set(_recent_files_containing(tmp_path, marker, started))
    assert exports / "journal.json" in found
    assert found <= {exports / "journal.json", exports / "journal.zip"}
    elsewhere = _recent_files_containing(system_temp, marker, started)
    assert [p for p in elsewhere if tmp_path not in p.parents] == []
    out, err = capfd.readouterr()
    assert marker not in out + err + caplog.text


def backups_in(folder: Path):
    from recovery_app.storage.backup_store import list_backups

    return [b for b in list_backups(folder) if b.manifest.reason == "unlock"]
