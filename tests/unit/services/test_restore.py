"""Restore: preview, refusals, a safety copy, and a rollback whatever step fails."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, unlock_vault

from recovery_app.domain.backups import Trigger
from recovery_app.services.backups import BackupService
from recovery_app.services.restore import RestoreService
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import restore as restore_steps
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.errors import (
    Cancelled,
    FileRefused,
    OlderPasswordNeeded,
    RefusedKind,
    WrongPassword,
)
from recovery_app.storage.paths import VaultPaths


def _names(service: VaultService, password: str = PASSWORD) -> list[str]:
    journal = service.unlock(password)
    try:
        return [c.name for c in journal.clocks.list_clocks()]
    finally:
        journal.close()


@pytest.fixture
def backed_up(service, paths) -> Path:
    """A journal with clock A backed up, then clock B added: the backup's path."""
    journal = service.create(PASSWORD)
    journal.clocks.add_clock("A", date(2025, 3, 1))
    made = journal.backups.back_up_now().made
    assert made is not None
    journal.clocks.add_clock("B", date(2026, 2, 1))
    journal.close()
    return made.path


def test_a_preview_then_the_restore_brings_the_backup_back(service, paths, backed_up) -> None:
    restorer = RestoreService(service)
    plan = restorer.prepare(backed_up, PASSWORD)
    preview = plan.preview
    assert preview.backup.path == backed_up
    assert preview.backup.counts is not None and preview.backup.counts["clock"] == 1
    assert preview.journal is not None and preview.journal.counts["clock"] == 2
    assert preview.same_journal and not preview.replaces_key_file
    key_before = paths.keyfile.read_bytes()

    result = restorer.restore(plan)

    assert _names(service) == ["A"]
    assert paths.keyfile.read_bytes() == key_before  # same key file, same password
    assert result.safety_copy is not None
    safety = [b for b in list_backups(paths.backups_dir) if b.path == result.safety_copy]
    assert safety and safety[0].manifest.reason == "before-restore"
    # The safety copy holds the journal as it was, and can itself be restored.
    restorer.restore(restorer.prepare(result.safety_copy, PASSWORD))
    assert _names(service) == ["A", "B"]
    leftovers = {p.name for p in paths.data_dir.iterdir()}
    assert leftovers <= {"journal.db", "journal.key", "backups", ".maintenance.lock"}


def test_a_wrong_password_changes_nothing(service, paths, backed_up) -> None:
    with pytest.raises(WrongPassword):
        RestoreService(service).prepare(backed_up, "not the password")
    assert _names(service) == ["A", "B"]


def _edit_manifest(backup: Path, **changes: object) -> None:
    path = backup / "manifest.json"
    doc = json.loads(path.read_text())
    doc.update(changes)
    path.write_text(json.dumps(doc))


@pytest.mark.parametrize(
    "changes", [{"app_version": "9.0.0"}, {"schema_revision": "9999"}, {"version": 2}]
)
def test_a_backup_from_a_newer_version_is_refused(service, backed_up, changes) -> None:
    _edit_manifest(backed_up, **changes)
    with pytest.raises(FileRefused) as caught:
        RestoreService(service).prepare(backed_up, PASSWORD)
    assert caught.value.kind is RefusedKind.NEWER_VERSION
    assert _names(service) == ["A", "B"]


def test_something_that_is_not_a_backup_is_refused(service, backed_up, tmp_path: Path) -> None:
    holiday = tmp_path / "holiday.jpg"
    holiday.write_bytes(b"\xff\xd8\xff")
    for path in (holiday, tmp_path, backed_up.parent):
        with pytest.raises(FileRefused) as caught:
            RestoreService(service).prepare(path, PASSWORD)
        assert caught.value.kind is RefusedKind.NOT_A_BACKUP


def test_a_damaged_backup_is_refused(service, backed_up) -> None:
    db = backed_up / "journal.db"
    data = bytearray(db.read_bytes())
    data[6000] ^= 0x40
    db.write_bytes(bytes(data))
    with pytest.raises(FileRefused) as caught:
        RestoreService(service).prepare(backed_up, PASSWORD)
    assert caught.value.kind is RefusedKind.DAMAGED


def test_a_backup_that_missed_a_password_change_needs_only_todays_password(
    service, backed_up, tmp_path: Path
) -> None:
    away = tmp_path / "drive" / backed_up.name
    shutil.copytree(backed_up, away)  # its key file still wraps the key under the old password
    service.change_password(PASSWORD, "the new password")
    restorer = RestoreService(service)
    restorer.restore(restorer.prepare(away, "the new password"))  # same data key as the journal
    assert _names(service, "the new password") == ["A"]


def test_a_backup_from_before_a_rekey_asks_for_its_older_password(
    service, backed_up, tmp_path: Path
) -> None:
    from recovery_app.services.rekey import RekeyService

    away = tmp_path / "drive" / backed_up.name
    shutil.copytree(backed_up, away)  # away during the password change and the re-key
    service.change_password(PASSWORD, "the new password")
    RekeyService(service).rekey_everything("the new password")
    restorer = RestoreService(service)
    with pytest.raises(OlderPasswordNeeded):
        restorer.prepare(away, "the new password")
    plan = restorer.prepare(away, "the new password", older_password=PASSWORD)
    assert not plan.preview.replaces_key_file
    restorer.restore(plan)
    assert _names(service, "the new password") == ["A"]  # the journal keeps today's password


STEPS = [
    "safety backup",
    "stage",
    "check_staged",
    "settle_journal",
    "keep_second_name",
    "swap_in",
    "check_restored",
]


class Injected(Exception):
    pass


def _fail(*_args: object, **_kwargs: object) -> None:
    raise Injected()


@pytest.mark.parametrize("step", STEPS)
def test_a_failure_at_any_step_leaves_the_journal_as_it_was(
    service, paths, backed_up, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    restorer = RestoreService(service)
    plan = restorer.prepare(backed_up, PASSWORD)
    key_before = paths.keyfile.read_bytes()
    if step == "safety backup":
        monkeypatch.setattr(BackupService, "safety_backup", _fail)
    else:
        monkeypatch.setattr(restore_steps, step, _fail)
    with pytest.raises(Injected):
        restorer.restore(plan)
    monkeypatch.undo()
    assert _names(service) == ["A", "B"]
    assert paths.keyfile.read_bytes() == key_before
    assert not paths.db_restoring.exists()
    assert not paths.db_before_restore.exists()


def test_a_restore_stopped_half_way_changes_nothing(service, paths, backed_up) -> None:
    restorer = RestoreService(service)
    with pytest.raises(Cancelled):
        restorer.restore(restorer.prepare(backed_up, PASSWORD), cancel=lambda: True)
    assert _names(service) == ["A", "B"]
    assert not paths.db_restoring.exists()


def test_a_backup_restores_onto_a_computer_with_no_journal(backed_up, tmp_path: Path) -> None:
    fresh = VaultService(VaultPaths(tmp_path / "new-computer"), KeyringSecretStore(), CHEAP_KDF)
    restorer = RestoreService(fresh)
    plan = restorer.prepare(backed_up, PASSWORD)
    assert plan.preview.journal is None and plan.preview.replaces_key_file
    result = restorer.restore(plan)
    assert result.replaced_key_file and result.safety_copy is None
    assert _names(fresh) == ["A"]


def test_a_journal_whose_key_file_is_damaged_can_be_restored(service, paths, backed_up) -> None:
    damaged_key = b'{"format": "journal-key", "version": 1, "vault_id": '
    paths.keyfile.write_bytes(damaged_key)
    db_before = paths.db.read_bytes()
    restorer = RestoreService(service)
    result = restorer.restore(restorer.prepare(backed_up, PASSWORD))
    assert _names(service) == ["A"]
    assert result.replaced_key_file
    # What was there is kept, untouched, beside the backups.
    assert result.safety_copy is not None
    assert (result.safety_copy / "journal.key").read_bytes() == damaged_key
    assert (result.safety_copy / "journal.db").read_bytes() == db_before


def test_a_backup_from_an_older_schema_is_upgraded_when_next_opened(
    service, paths, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from recovery_app.storage import migrate
    from recovery_app.storage.backup_store import write_backup
    from recovery_app.storage.engine import make_engine
    from recovery_app.storage.keyfile import new_data_key, wrap, write_keyfile

    old = VaultPaths(tmp_path / "old")
    old.data_dir.mkdir()
    old_key = new_data_key()
    engine = make_engine(old.db, old_key, create=True)
    with engine.begin() as conn:  # a journal as version 0007 of the schema left it
        migrate.upgrade(conn, "0007")
        conn.exec_driver_sql("INSERT INTO vault_info (key, value) VALUES ('from', '0007')")
    engine.dispose()
    write_keyfile(old.keyfile, wrap(old_key, PASSWORD, CHEAP_KDF))
    folder = tmp_path / "kept"
    folder.mkdir()
    backup = write_backup(
        source_db=old.db,
        keyfile_bytes=old.keyfile.read_bytes(),
        data_key=old_key,
        vault_id="another-journal",
        folder=folder,
        reason="manual",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        app_version="0.1.0",
    )
    service.create(PASSWORD).close()
    restorer = RestoreService(service)
    plan = restorer.prepare(backup.path, PASSWORD)
    assert not plan.preview.same_journal
    restorer.restore(plan)
    service.unlock(PASSWORD).close()  # upgraded on open, with its own copy kept first
    vault = unlock_vault(paths)
    try:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            value = conn.exec_driver_sql("SELECT value FROM vault_info WHERE key = 'from'")
            assert value.scalar_one() == "0007"
    finally:
        vault.close()
    reasons = {b.manifest.reason for b in list_backups(paths.backups_dir)}
    assert {"before-restore", "before-upgrade"} <= reasons


def test_where_backups_go_survives_a_restore(service, paths, backed_up, tmp_path: Path) -> None:
    journal = service.unlock(PASSWORD)
    drive = tmp_path / "drive"
    drive.mkdir()
    journal.backups.choose_folder(drive)
    journal.close()
    restorer = RestoreService(service)
    restorer.restore(restorer.prepare(backed_up, PASSWORD))
    journal = service.unlock(PASSWORD)
    try:
        assert journal.backups.folder() == drive
    finally:
        journal.close()
    assert [b.manifest.reason for b in list_backups(drive)] == [Trigger.BEFORE_RESTORE.value]


@pytest.mark.parametrize("step", ["swap_in", "check_restored"])
def test_a_failed_restore_onto_an_empty_folder_leaves_it_empty(
    backed_up, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    from recovery_app.services.vault_service import VaultState, vault_state

    fresh_paths = VaultPaths(tmp_path / "new-computer")
    fresh = VaultService(fresh_paths, KeyringSecretStore(), CHEAP_KDF)
    restorer = RestoreService(fresh)
    plan = restorer.prepare(backed_up, PASSWORD)
    monkeypatch.setattr(restore_steps, step, _fail)
    with pytest.raises(Injected):
        restorer.restore(plan)
    assert vault_state(fresh_paths) is VaultState.NONE  # no key file left without its journal
