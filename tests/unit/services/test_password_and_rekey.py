"""An old password opens nothing: password change re-wraps every reachable backup; re-key
gives the journal a new data key, a fresh backup, and removes the old ones."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import PASSWORD

from recovery_app.domain.backups import Trigger
from recovery_app.services.rekey import RekeyService
from recovery_app.storage import rekey
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.errors import WrongPassword
from recovery_app.storage.keyfile import read_keyfile
from recovery_app.storage.snapshot import opened

NEW = "a brand new password"


def _all_keyfiles(*folders: Path) -> list[Path]:
    return [b.keyfile for folder in folders for b in list_backups(folder)]


def test_after_a_password_change_the_old_password_opens_no_backup(
    service, paths, tmp_path: Path
) -> None:
    journal = service.create(PASSWORD)
    backups = journal.backups
    backups.run(Trigger.UNLOCK)
    drive = tmp_path / "drive"
    drive.mkdir()
    backups.choose_folder(drive)
    backups.back_up_now()
    journal.close()

    result = service.change_password(PASSWORD, NEW)

    # the two made before, and the safety copy made just before the change (in the drive)
    assert result.rewrapped == 3
    assert result.unreachable_folders == ()
    assert result.safety_backup is not None and result.safety_backup.made is not None
    keyfiles = _all_keyfiles(paths.backups_dir, drive)
    assert len(keyfiles) == 3
    for path in keyfiles:
        with pytest.raises(WrongPassword):
            read_keyfile(path).unwrap(PASSWORD)
        key = read_keyfile(path).unwrap(NEW)
        with opened(path.parent / "journal.db", key) as conn:
            assert conn.execute("SELECT count(*) FROM vault_info").fetchone()[0] >= 1
    with pytest.raises(WrongPassword):
        service.unlock(PASSWORD)


def test_a_drive_that_is_away_is_named_and_its_backups_keep_the_old_password(
    service, paths, tmp_path: Path
) -> None:
    journal = service.create(PASSWORD)
    backups = journal.backups
    drive = tmp_path / "drive"
    drive.mkdir()
    backups.choose_folder(drive)
    backups.back_up_now()
    backups.choose_folder(None)
    journal.close()
    shutil.move(drive, tmp_path / "in-a-drawer")

    result = service.change_password(PASSWORD, NEW)

    assert result.unreachable_folders == (drive,)
    (away,) = _all_keyfiles(tmp_path / "in-a-drawer")
    read_keyfile(away).unwrap(PASSWORD)  # as the result says: until it is replaced
    for path in _all_keyfiles(paths.backups_dir):
        read_keyfile(path).unwrap(NEW)


def test_a_drive_connected_again_is_brought_up_to_date_by_the_next_backup(
    service, paths, tmp_path: Path
) -> None:
    journal = service.create(PASSWORD)
    drive, drawer = tmp_path / "drive", tmp_path / "in-a-drawer"
    drive.mkdir()
    journal.backups.choose_folder(drive)
    journal.backups.back_up_now()
    journal.backups.choose_folder(None)
    journal.close()
    shutil.move(drive, drawer)
    service.change_password(PASSWORD, NEW)
    shutil.move(drawer, drive)  # plugged in again

    journal = service.unlock(NEW)
    try:
        assert journal.backups.back_up_now().made is not None  # into the usual folder
    finally:
        journal.close()

    (caught_up,) = _all_keyfiles(drive)
    assert caught_up.read_bytes() == paths.keyfile.read_bytes()
    with pytest.raises(WrongPassword):
        read_keyfile(caught_up).unwrap(PASSWORD)  # the old password opens nothing now


def test_a_backup_from_before_a_rekey_is_never_given_the_new_key_file(
    service, paths, tmp_path: Path
) -> None:
    journal = service.create(PASSWORD)
    drive = tmp_path / "drive"
    drive.mkdir()
    journal.backups.choose_folder(drive)
    journal.backups.back_up_now()
    journal.backups.choose_folder(None)
    journal.close()
    shutil.move(drive, tmp_path / "in-a-drawer")
    RekeyService(service).rekey_everything(PASSWORD)
    shutil.move(tmp_path / "in-a-drawer", drive)
    (old,) = _all_keyfiles(drive)
    before = old.read_bytes()

    journal = service.unlock(PASSWORD)
    try:
        assert journal.backups.back_up_now().made is not None
    finally:
        journal.close()

    assert old.read_bytes() == before  # the new key file would open nothing in it
    read_keyfile(old).unwrap(PASSWORD)


def test_a_key_file_write_that_fails_puts_the_backups_back(
    service, paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import recovery_app.storage.vault as vault_module

    journal = service.create(PASSWORD)
    journal.backups.run(Trigger.UNLOCK)
    journal.close()
    import recovery_app.storage.keyfile as keyfile_module

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyfile_module, "write_keyfile", full)
    with pytest.raises(vault_module.DiskFull):
        service.change_password(PASSWORD, NEW)
    monkeypatch.undo()
    service.unlock(PASSWORD).close()
    for path in _all_keyfiles(paths.backups_dir):
        read_keyfile(path).unwrap(PASSWORD)  # same as the journal: nothing half-changed


def test_rekey_gives_a_new_data_key_fresh_backups_and_removes_the_old(
    service, paths, tmp_path: Path, memory_keyring
) -> None:
    journal = service.create(PASSWORD)
    journal.clocks.add_clock("R.", date(2026, 1, 5))
    journal.backups.run(Trigger.UNLOCK)
    journal.backups.back_up_now()
    journal.remember()
    checked = service.check_password(PASSWORD)
    old_key, vault_id = checked.data_key, checked.keyfile.vault_id
    old_paths = [b.path for b in list_backups(paths.backups_dir)]
    journal.close()

    result = RekeyService(service).rekey_everything(PASSWORD)

    assert result.fresh_backup is not None
    assert result.removed == 2 and result.kept_old == ()
    assert result.remembered_updated
    assert not any(p.exists() for p in old_paths)
    now = service.check_password(PASSWORD)
    assert now.data_key != old_key
    assert now.keyfile.vault_id == vault_id  # the same journal, a new key
    assert service.secrets.load_key(vault_id) == now.data_key
    reopened = service.unlock(PASSWORD)
    try:
        assert [c.name for c in reopened.clocks.list_clocks()] == ["R."]
    finally:
        reopened.close()
    assert not rekey.opens_with(paths, old_key)
    (fresh,) = list_backups(paths.backups_dir)
    assert fresh.manifest.reason == "after-rekey"
    assert not paths.keyfile_next.exists()


def test_rekey_keeps_the_old_backups_when_no_fresh_one_can_be_made(
    service, paths, tmp_path: Path
) -> None:
    journal = service.create(PASSWORD)
    backups = journal.backups
    backups.run(Trigger.UNLOCK)
    drive = tmp_path / "drive"
    drive.mkdir()
    backups.choose_folder(drive)
    journal.close()
    drive.rmdir()  # the chosen drive is away at the re-key

    result = RekeyService(service).rekey_everything(PASSWORD)

    assert result.fresh_backup is None
    assert len(result.kept_old) == 1 and result.removed == 0
    assert result.unreachable_folders == (drive,)


@pytest.mark.parametrize("killed_after", ["next key file", "rekey"])
def test_an_interrupted_rekey_is_settled_at_the_next_unlock(service, paths, killed_after) -> None:
    from conftest import CHEAP_KDF

    from recovery_app.storage.keyfile import new_data_key, wrap

    journal = service.create(PASSWORD)
    journal.clocks.add_clock("R.", date(2026, 1, 5))
    journal.close()
    checked = service.check_password(PASSWORD)
    old_key, vault_id = checked.data_key, checked.keyfile.vault_id
    new_key = new_data_key()
    rekey.write_next_keyfile(paths, wrap(new_key, PASSWORD, CHEAP_KDF, vault_id=vault_id))
    if killed_after == "rekey":
        rekey.rekey_database(paths, old_key, new_key)
    reopened = service.unlock(PASSWORD)
    try:
        assert [c.name for c in reopened.clocks.list_clocks()] == ["R."]
    finally:
        reopened.close()
    expected = new_key if killed_after == "rekey" else old_key
    assert service.check_password(PASSWORD).data_key == expected
    assert not paths.keyfile_next.exists()
