"""BackupService: each trigger, the hourly limit, the folder, failures kept and shown."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recovery_app.domain.backups import BackupAttention, Trigger
from recovery_app.services.backups import BackupService
from recovery_app.services.my_data_records import FailureKind, FolderState
from recovery_app.storage import backup_store
from recovery_app.storage.backup_store import list_backups, verify_backup
from recovery_app.storage.errors import BackupFolderMissing, DiskFull

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def backups(vault, clock) -> BackupService:
    return BackupService(vault, now=clock, zone=UTC)


def test_unlock_makes_a_checked_backup_in_the_data_folder(backups, vault, paths) -> None:
    outcome = backups.run(Trigger.UNLOCK)
    assert outcome.made is not None and outcome.failure is None
    assert outcome.made.reason == "unlock" and outcome.made.automatic
    assert outcome.made.path.parent == paths.backups_dir
    assert outcome.made.counts is not None and outcome.made.counts["vault_info"] >= 1
    (stored,) = list_backups(paths.backups_dir)
    verify_backup(stored, vault.data_key)
    assert oct(paths.backups_dir.stat().st_mode & 0o777) == oct(0o700)


@pytest.mark.parametrize("trigger", [Trigger.UNLOCK, Trigger.HOURLY, Trigger.QUIT])
def test_automatic_backups_come_at_most_once_an_hour(backups, clock, trigger) -> None:
    assert backups.run(Trigger.UNLOCK).made is not None
    clock.tick(minutes=59)
    assert backups.run(trigger).skipped
    clock.tick(minutes=1)
    assert backups.run(trigger).made is not None


def test_quit_backs_up_only_when_the_last_one_is_over_an_hour_old(backups, clock) -> None:
    backups.run(Trigger.UNLOCK)
    clock.tick(minutes=20)
    assert backups.run(Trigger.QUIT).skipped
    clock.tick(hours=2)
    assert backups.run(Trigger.QUIT).made is not None


def test_a_backup_made_by_hand_counts_as_the_last_one(backups, clock) -> None:
    backups.run(Trigger.UNLOCK)
    clock.tick(hours=3)
    backups.back_up_now()
    clock.tick(minutes=10)
    assert backups.run(Trigger.QUIT).skipped
    assert backups.run(Trigger.HOURLY).skipped


@pytest.mark.parametrize("trigger", [Trigger.QUICK_EXIT, Trigger.AUTO_LOCK])
def test_quick_exit_and_auto_lock_never_back_up(backups, paths, trigger) -> None:
    assert backups.run(trigger).skipped
    assert not paths.backups_dir.exists()


def test_back_up_now_and_safety_copies_are_never_held_back(backups, clock, paths) -> None:
    backups.run(Trigger.UNLOCK)
    assert backups.back_up_now().made is not None
    for trigger in (Trigger.BEFORE_IMPORT, Trigger.BEFORE_RESTORE, Trigger.BEFORE_PASSWORD_CHANGE):
        clock.tick(seconds=1)
        assert backups.safety_backup(trigger).reason == trigger.value
    reasons = {b.manifest.reason for b in list_backups(paths.backups_dir)}
    assert reasons == {
        "unlock",
        "manual",
        "before-import",
        "before-restore",
        "before-password-change",
    }


def test_older_backups_are_let_go_by_the_keeping_rules(backups, clock, paths) -> None:
    made = []
    for _ in range(30):  # one a day for a month
        made.append(backups.run(Trigger.UNLOCK).made)
        clock.tick(days=1)
    kept = {b.path for b in list_backups(paths.backups_dir)}
    # The last 14 days (the ten newest among them), then the newest of each older week:
    # Sunday 13 and Sunday 6 December.
    weekly = {m.path for m in made if m.created_at.day in (6, 13)}
    assert {m.path for m in made[-14:]} | weekly == kept


def test_a_chosen_folder_that_goes_missing_is_said_plainly_and_the_good_ones_stay(
    backups, clock, tmp_path: Path
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    backups.choose_folder(drive)
    good = backups.run(Trigger.UNLOCK).made
    assert good is not None and good.path.parent == drive
    shutil.move(drive, tmp_path / "unplugged")
    clock.tick(hours=2)
    outcome = backups.run(Trigger.HOURLY)
    assert outcome.failure is not None
    assert outcome.failure.kind is FailureKind.FOLDER_MISSING
    assert outcome.failure.folder == drive
    assert not drive.exists()  # a missing drive's folder is never made on this disk
    status = backups.status()
    assert status.folder_state is FolderState.MISSING
    assert status.attention is BackupAttention.FAILED
    assert status.last_failure == outcome.failure
    # Plugged in again: the old backup is there, and the next one clears the failure.
    shutil.move(tmp_path / "unplugged", drive)
    clock.tick(hours=1)
    assert backups.run(Trigger.HOURLY).made is not None
    assert backups.status().last_failure is None
    assert len(backups.backups()) == 2


def test_a_full_folder_is_kept_as_the_last_failure_across_unlocks(
    service, vault, clock, monkeypatch
) -> None:
    backups = BackupService(vault, now=clock, zone=UTC)
    backups.run(Trigger.UNLOCK)
    clock.tick(hours=3)
    monkeypatch.setattr(backup_store, "free_space_for", _no_room)
    outcome = backups.run(Trigger.HOURLY)
    assert outcome.failure is not None and outcome.failure.kind is FailureKind.FOLDER_FULL
    assert len(backups.backups()) == 1  # nothing pruned to make room
    # A new unlock (a new service) still shows it.
    again = BackupService(vault, now=clock, zone=UTC)
    assert again.last_failure() == outcome.failure
    assert again.status().attention is BackupAttention.FAILED
    # Not retried at every trigger: the failed attempt counts for the hourly limit.
    clock.tick(minutes=10)
    assert again.run(Trigger.HOURLY).skipped


def _no_room(folder, needed) -> None:
    raise DiskFull(str(folder))


def test_a_safety_copy_that_cannot_be_made_raises(backups, monkeypatch) -> None:
    monkeypatch.setattr(backup_store, "free_space_for", _no_room)
    with pytest.raises(DiskFull):
        backups.safety_backup(Trigger.BEFORE_IMPORT)
    assert backups.last_failure() is not None


def test_choosing_a_folder_that_is_not_there_is_refused(backups, tmp_path: Path) -> None:
    with pytest.raises(BackupFolderMissing):
        backups.choose_folder(tmp_path / "nowhere")
    assert backups.folder() == backups.default_folder


def test_every_folder_used_is_remembered(backups, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    backups.choose_folder(first)
    backups.choose_folder(second)
    backups.choose_folder(None)
    assert backups.folders() == (backups.default_folder, first, second)


def test_an_old_backup_or_none_at_all_shows_on_today(backups, clock) -> None:
    assert backups.status().attention is BackupAttention.NEVER
    backups.run(Trigger.UNLOCK)
    assert backups.status().attention is BackupAttention.NONE
    clock.tick(days=8)
    assert backups.status().attention is BackupAttention.OLD


def test_a_raw_copy_kept_by_an_older_version_becomes_a_checked_backup(
    backups, vault, paths
) -> None:
    from recovery_app.storage.files import ensure_private_dir

    legacy = paths.backups_dir / "before-upgrade-from-0006-20261130-101112-123456"
    ensure_private_dir(legacy)
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(paths.db, legacy / "journal.db")
    shutil.copyfile(paths.keyfile, legacy / "journal.key")
    backups.run(Trigger.UNLOCK)
    assert not legacy.exists()
    reasons = sorted(b.manifest.reason for b in list_backups(paths.backups_dir))
    assert reasons == ["before-upgrade", "unlock"]


@pytest.mark.parametrize("kind", list(FailureKind))
def test_each_failure_has_a_calm_line_that_keeps_hope(kind: FailureKind) -> None:
    from recovery_app.services.messages import backup_failure_message
    from recovery_app.services.my_data_records import BackupFailure

    line = backup_failure_message(BackupFailure(START, kind, Path("/media/drive"), Trigger.HOURLY))
    assert line.endswith(".")
    for cold in ("fail", "error", "invalid", "fatal"):
        assert cold not in line.lower()


def test_a_refused_backup_or_export_exits_with_5() -> None:
    from recovery_app.services.messages import EXIT_NOT_A_VAULT, EXIT_WRONG_PASSWORD, exit_code_for
    from recovery_app.storage.errors import FileRefused, OlderPasswordNeeded, RefusedKind

    for kind in RefusedKind:
        assert exit_code_for(FileRefused(kind)) == EXIT_NOT_A_VAULT == 5
    assert exit_code_for(OlderPasswordNeeded()) == EXIT_WRONG_PASSWORD


def test_a_lock_during_a_background_backup_stops_it_quietly(vault, clock) -> None:
    import threading

    backups = BackupService(vault, now=clock, zone=UTC)
    locked = threading.Event()

    def lock_now() -> bool:  # the quick-exit key pressed while the copy runs
        vault.close()
        locked.set()
        return True

    outcome = backups.run(Trigger.UNLOCK, cancel=lock_now)
    assert locked.is_set() and outcome.skipped and outcome.failure is None
    assert list_backups(vault.paths.backups_dir) == []


def test_today_hears_about_a_failed_or_old_backup_and_nothing_otherwise(
    vault, clock, monkeypatch
) -> None:
    from recovery_app.domain.notices import NoticeKind

    backups = BackupService(vault, now=clock, zone=UTC)
    assert backups.notice() is None  # none yet: one is made just after unlocking
    backups.run(Trigger.UNLOCK)
    assert backups.notice() is None
    clock.tick(days=8)
    old = backups.notice()
    assert old is not None and old.kind is NoticeKind.BACKUP
    assert old.action is not None and old.action.kind == "back-up-now"
    monkeypatch.setattr(backup_store, "free_space_for", _no_room)
    backups.run(Trigger.HOURLY)
    failed = backups.notice()
    assert failed is not None and "full" in failed.text and "kept" in failed.text


def test_the_journal_offers_the_backup_line_to_today(service, monkeypatch) -> None:
    from conftest import PASSWORD

    journal = service.create(PASSWORD)
    try:
        monkeypatch.setattr(backup_store, "free_space_for", _no_room)
        journal.backups.run(Trigger.UNLOCK)
        chosen = journal.notices.choose()
        assert chosen is not None and "full" in chosen.text
    finally:
        journal.close()
