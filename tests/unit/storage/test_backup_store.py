"""The backup engine: an encrypted, consistent, checked copy with its key file and manifest."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import PASSWORD

from recovery_app.storage import backup_store
from recovery_app.storage.backup_manifest import read_manifest
from recovery_app.storage.backup_store import list_backups, verify_backup, write_backup
from recovery_app.storage.errors import (
    BackupCheckFailed,
    BackupFolderMissing,
    Cancelled,
    DiskFull,
    FileRefused,
    RefusedKind,
)
from recovery_app.storage.keyfile import read_keyfile
from recovery_app.storage.snapshot import opened

NOW = datetime(2026, 12, 1, 9, 12, tzinfo=UTC)


def _fill(vault, rows: int = 300) -> None:
    with vault.engine.begin() as conn:
        for n in range(rows):
            conn.exec_driver_sql(
                "INSERT INTO reason (uid, text, position, created_at) VALUES (?, ?, ?, ?)",
                (f"{n:032x}", f"reason {n}", n, "2026-11-30 10:00:00.000000"),
            )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "backups"
    made.mkdir()
    return made


def _backup(vault, folder: Path, **extra) -> backup_store.StoredBackup:
    args = dict(
        source_db=vault.paths.db,
        keyfile_bytes=vault.paths.keyfile.read_bytes(),
        data_key=vault.data_key,
        vault_id=vault.vault_id,
        folder=folder,
        reason="manual",
        created_at=NOW,
        app_version="0.1.0",
    )
    args.update(extra)
    return write_backup(**args)


def test_a_backup_is_encrypted_private_checked_and_opens_with_its_key_file(
    vault, folder: Path
) -> None:
    _fill(vault)
    made = _backup(vault, folder)
    assert made.path.name == "backup-20261201-091200-000000Z-manual"
    assert sorted(p.name for p in made.path.iterdir()) == [
        "journal.db",
        "journal.key",
        "manifest.json",
    ]
    head = made.db.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"  # SQLCipher's random salt, not a plain header
    assert b"reason 1" not in made.db.read_bytes()
    assert oct(made.path.stat().st_mode & 0o777) == oct(0o700)
    for child in made.path.iterdir():
        assert oct(child.stat().st_mode & 0o777) == oct(0o600)
    # The key file beside it opens it with the password, with no help from the live journal.
    key = read_keyfile(made.keyfile).unwrap(PASSWORD)
    with opened(made.db, key) as conn:
        assert conn.execute("SELECT count(*) FROM reason").fetchone() == (300,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal
    sealed = made.manifest.unseal(vault.data_key)
    assert sealed is not None and sealed.counts["reason"] == 300
    assert made.manifest.unseal(os.urandom(32)) is None  # counts are not readable without it
    plain = (made.path / "manifest.json").read_text()
    assert "reason" not in plain.replace('"reason": "manual"', "")  # no table names, no counts
    assert [b.path for b in list_backups(folder)] == [made.path]


def test_a_copy_made_while_the_app_writes_is_of_one_moment(vault, folder: Path) -> None:
    _fill(vault, 3000)
    stop = threading.Event()

    def write() -> None:
        n = 10_000
        while not stop.is_set():
            with vault.engine.begin() as conn:
                for _ in range(2):
                    conn.exec_driver_sql(
                        "INSERT INTO reason (uid, text, position, created_at) "
                        "VALUES (?, 'w', 0, ?)",
                        (f"{n:032x}", "2026-11-30 10:00:00.000000"),
                    )
                    n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        made = _backup(vault, folder)
    finally:
        stop.set()
        writer.join()
    sealed = made.manifest.unseal(vault.data_key)
    assert sealed is not None and sealed.counts["reason"] % 2 == 0  # never half a transaction
    verify_backup(made, vault.data_key)


def test_a_missing_folder_is_named_and_nothing_is_created(vault, tmp_path: Path) -> None:
    away = tmp_path / "usb-drive"
    with pytest.raises(BackupFolderMissing) as caught:
        _backup(vault, away)
    assert caught.value.folder == str(away)
    assert not away.exists()


def test_a_full_folder_is_refused_before_writing(vault, folder, monkeypatch) -> None:
    monkeypatch.setattr(backup_store, "free_space_for", _no_room)
    with pytest.raises(DiskFull):
        _backup(vault, folder)
    assert list(folder.iterdir()) == []


def _no_room(folder, needed) -> None:
    raise DiskFull(str(folder))


def test_a_disk_that_fills_up_while_writing_leaves_no_partial_copy(
    vault, folder, monkeypatch
) -> None:
    import errno

    from recovery_app.storage import snapshot

    def full(path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(snapshot, "fsync_file", full)
    with pytest.raises(DiskFull):
        _backup(vault, folder)
    assert list(folder.iterdir()) == []


def test_a_copy_that_fails_its_check_is_removed(vault, folder, monkeypatch) -> None:
    from recovery_app.storage import snapshot

    real_copy = snapshot.copy_database

    def corrupting_copy(*args, **kwargs):
        made = real_copy(*args, **kwargs)
        target = args[2]
        with target.open("r+b") as handle:  # one flipped byte in the second page
            handle.seek(4096 + 100)
            byte = handle.read(1)
            handle.seek(4096 + 100)
            handle.write(bytes([byte[0] ^ 0xFF]))
        return made

    _fill(vault)
    good = _backup(vault, folder, created_at=datetime(2026, 11, 1, tzinfo=UTC))
    monkeypatch.setattr(backup_store, "copy_database", corrupting_copy)
    with pytest.raises(BackupCheckFailed):
        _backup(vault, folder)
    assert [b.path for b in list_backups(folder)] == [good.path]  # the good one is kept
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_damage_found_later_is_caught_by_verify(vault, folder: Path) -> None:
    made = _backup(vault, folder)
    data = bytearray(made.db.read_bytes())
    data[5000] ^= 1
    made.db.write_bytes(bytes(data))
    with pytest.raises(BackupCheckFailed):
        verify_backup(made, vault.data_key)


def test_a_cancelled_copy_is_removed(vault, folder: Path) -> None:
    _fill(vault, 2000)
    with pytest.raises(Cancelled):
        _backup(vault, folder, cancel=lambda: True)
    assert list(folder.iterdir()) == []


def test_a_folder_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    (tmp_path / "holiday").mkdir()
    with pytest.raises(FileRefused) as caught:
        read_manifest(tmp_path / "holiday")
    assert caught.value.kind is RefusedKind.NOT_A_BACKUP
    (tmp_path / "holiday" / "manifest.json").write_text(
        '{"format": "journal-backup", "version": 9}'
    )
    with pytest.raises(FileRefused) as caught:
        read_manifest(tmp_path / "holiday")
    assert caught.value.kind is RefusedKind.NEWER_VERSION
    assert list_backups(tmp_path) == []


def test_leftovers_of_a_killed_backup_are_cleaned_and_never_listed(vault, folder) -> None:
    (folder / ".incomplete-0123").mkdir()
    (folder / ".removing-4567").mkdir()
    made = _backup(vault, folder)
    assert [b.path for b in list_backups(folder)] == [made.path]
    backup_store.clean_leftovers(folder)
    assert [p.name for p in folder.iterdir()] == [made.path.name]


def test_two_backups_in_the_same_microsecond_get_their_own_names(vault, folder) -> None:
    first = _backup(vault, folder)
    second = _backup(vault, folder)
    assert first.path != second.path
    assert len(list_backups(folder)) == 2
