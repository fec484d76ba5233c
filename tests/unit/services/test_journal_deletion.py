"""Delete my journal: only with its password; everything it can reach goes, the rest is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PASSWORD

from recovery_app.domain.backups import Trigger
from recovery_app.services.journal_deletion import JournalDeletion
from recovery_app.services.vault_service import VaultState, vault_state
from recovery_app.storage.errors import WrongPassword


@pytest.fixture
def kept_everywhere(service, paths, tmp_path: Path) -> dict[str, Path]:
    """A journal with backups at home, on a drive that is plugged in and on one that isn't,
    window settings, and its key remembered on this computer."""
    journal = service.create(PASSWORD)
    backups = journal.backups
    backups.run(Trigger.UNLOCK)
    drive, away = tmp_path / "drive", tmp_path / "away"
    for folder in (drive, away):
        folder.mkdir()
        backups.choose_folder(folder)
        backups.back_up_now()
    (drive / "holiday-photos").mkdir()  # the person's own things on the drive
    journal.remember()
    journal.close()
    paths.ui_settings.write_text("[window]\nwidth=900\n")
    shutil.move(away, tmp_path / "in-a-drawer")
    return {"drive": drive, "away": away}


def test_the_plan_names_what_goes_and_what_cannot_be_reached(service, paths, kept_everywhere):
    plan = JournalDeletion(service).plan(PASSWORD)
    assert paths.db in plan.journal_files and paths.keyfile in plan.journal_files
    assert len(plan.backups) == 2  # at home and on the drive
    assert plan.unreachable_folders == (kept_everywhere["away"],)
    assert plan.window_settings == paths.ui_settings
    assert plan.remembered_key and not plan.folders_unknown


def test_without_the_password_nothing_is_deleted(service, paths, kept_everywhere) -> None:
    with pytest.raises(WrongPassword):
        JournalDeletion(service).delete("someone else guessing")
    assert paths.db.exists() and paths.keyfile.exists()
    assert len(list(kept_everywhere["drive"].iterdir())) == 2


def test_delete_removes_everything_it_can_reach(service, paths, kept_everywhere, tmp_path):
    vault_id = service.check_password(PASSWORD).keyfile.vault_id
    report = JournalDeletion(service).delete(PASSWORD)
    assert vault_state(paths) is VaultState.NONE
    assert not paths.data_dir.exists()
    assert [p.name for p in kept_everywhere["drive"].iterdir()] == ["holiday-photos"]
    assert report.unreachable_folders == (kept_everywhere["away"],)
    assert report.forgot_remembered_key
    assert service.secrets.load_key(vault_id) is None
    assert report.could_not_remove == ()
    assert len(list((tmp_path / "in-a-drawer").iterdir())) == 1  # out of reach, as named


def test_a_journal_that_does_not_open_can_still_be_deleted(service, paths) -> None:
    journal = service.create(PASSWORD)
    journal.backups.run(Trigger.UNLOCK)
    journal.close()
    data = bytearray(paths.db.read_bytes())
    data[100:200] = bytes(100)
    paths.db.write_bytes(bytes(data))
    plan = JournalDeletion(service).plan(PASSWORD)
    assert plan.folders_unknown and len(plan.backups) == 1
    JournalDeletion(service).delete(PASSWORD)
    assert not paths.data_dir.exists()
