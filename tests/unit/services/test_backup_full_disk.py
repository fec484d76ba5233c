"""A backup folder on a disk that really fills up (a 2 MiB tmpfs; needs root to mount, so
skipped elsewhere): the failure is named for what it is and the good backups stay."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_app.domain.backups import Trigger
from recovery_app.services.backups import BackupService
from recovery_app.services.my_data_records import FailureKind
from recovery_app.storage import backup_store
from recovery_app.storage.backup_store import list_backups, verify_backup


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(mount_point)],
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("cannot mount a small disk here")
    if done.returncode != 0:
        pytest.skip("cannot mount a small disk here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True, timeout=20)


def _grow(vault, rows: int) -> None:
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < ?) "
            "INSERT INTO reason (uid, text, position, created_at) "
            "SELECT lower(hex(randomblob(16))), hex(randomblob(300)), v, "
            "'2026-01-01 00:00:00.000000' FROM n",
            (rows,),
        )


@pytest.mark.parametrize("checked_first", [True, False])
def test_a_full_backup_disk_is_called_full_and_the_good_backup_stays(
    vault, small_disk: Path, monkeypatch: pytest.MonkeyPatch, checked_first: bool
) -> None:
    backups = BackupService(vault)
    backups.choose_folder(small_disk)
    good = backups.back_up_now().made
    assert good is not None
    _grow(vault, 4000)  # about 2.5 MB: more than the disk holds
    if not checked_first:  # the write itself runs into the full disk
        monkeypatch.setattr(backup_store, "free_space_for", lambda folder, needed: None)
    outcome = backups.back_up_now()
    assert outcome.failure is not None
    assert outcome.failure.kind is FailureKind.FOLDER_FULL
    (kept,) = list_backups(small_disk)
    assert kept.path == good.path
    verify_backup(kept, vault.data_key)
    assert [p.name for p in small_disk.iterdir()] == [good.path.name]  # nothing half-written
    assert backups.status().last_failure == outcome.failure
    assert backups.run(Trigger.HOURLY).skipped  # not retried at once
