"""The vault's promises: encrypted, private, durable, and unchanged by every failure."""

import os
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, vault_bytes

from recovery_app.services.vault_service import VaultService, VaultState, vault_state
from recovery_app.storage import errors
from recovery_app.storage.paths import VaultPaths


def test_new_vault_files_are_private(service: VaultService, paths: VaultPaths) -> None:
    service.create(PASSWORD).close()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    for name in ("journal.db", "journal.key"):
        assert stat.S_IMODE((paths.data_dir / name).stat().st_mode) == 0o600


def test_vault_is_encrypted_on_disk(service: VaultService, paths: VaultPaths) -> None:
    service.create(PASSWORD).close()
    head = paths.db.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_creating_twice_is_refused_and_changes_nothing(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    before = vault_bytes(paths)
    with pytest.raises(errors.VaultAlreadyExists):
        service.create("another password")
    assert vault_bytes(paths) == before


def test_wrong_password_leaves_every_byte_as_it_was(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    before = vault_bytes(paths)
    for attempt in ("nope", "", PASSWORD.upper(), PASSWORD + " "):
        with pytest.raises(errors.WrongPassword):
            service.unlock(attempt)
    assert vault_bytes(paths) == before


def test_missing_vault_is_not_created_by_unlocking(
    service: VaultService, paths: VaultPaths
) -> None:
    with pytest.raises(errors.VaultMissing):
        service.unlock(PASSWORD)
    assert not paths.db.exists()
    assert vault_state(paths) is VaultState.NONE


def test_key_file_without_its_journal_is_set_aside_not_overwritten(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    old_key = paths.keyfile.read_bytes()
    paths.db.unlink()
    assert vault_state(paths) is VaultState.KEY_ONLY
    service.create("a brand new password").close()
    kept = list(paths.data_dir.glob("journal.key.unused-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == old_key


def test_missing_key_file_is_reported(service: VaultService, paths: VaultPaths) -> None:
    service.create(PASSWORD).close()
    paths.keyfile.unlink()
    before = vault_bytes(paths)
    with pytest.raises(errors.KeyFileDamaged):
        service.unlock(PASSWORD)
    assert vault_bytes(paths) == before


@pytest.mark.parametrize(
    "content",
    [b"hello " * 1000, b"SQLite format 3\x00" + bytes(4080), b""],
    ids=["text", "plain-sqlite", "empty"],
)
def test_a_file_that_is_not_a_vault_is_named_and_left_alone(
    service: VaultService, paths: VaultPaths, content: bytes
) -> None:
    service.create(PASSWORD).close()
    paths.db.write_bytes(content)
    before = vault_bytes(paths)
    with pytest.raises(errors.NotAVault):
        service.unlock(PASSWORD)
    assert vault_bytes(paths) == before


def test_damaged_vault_is_told_apart_from_a_wrong_password(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    data = bytearray(paths.db.read_bytes())
    data[100:140] = bytes(40)  # inside page 1: its authentication tag no longer matches
    paths.db.write_bytes(bytes(data))
    before = vault_bytes(paths)
    with pytest.raises(errors.VaultDamaged):
        service.unlock(PASSWORD)
    with pytest.raises(errors.WrongPassword):
        service.unlock("not the password")
    assert vault_bytes(paths) == before


def test_unwritable_folder_gives_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permissions; a file in the way of the folder fails the same way
        blocker = tmp_path / "blocked"
        blocker.write_text("")
        paths = VaultPaths(blocker / "journal")
        with pytest.raises((errors.NotWritable, FileExistsError, NotADirectoryError)):
            VaultService(paths, _no_secrets(), CHEAP_KDF).create(PASSWORD)
        assert blocker.read_text() == ""
        return
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    paths = VaultPaths(locked / "journal")
    with pytest.raises(errors.NotWritable):
        VaultService(paths, _no_secrets(), CHEAP_KDF).create(PASSWORD)
    assert list(locked.iterdir()) == []


def test_full_disk_while_writing_the_key_leaves_no_half_vault(
    service: VaultService, paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import recovery_app.storage.vault as vault_module

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(vault_module, "write_keyfile", disk_full)
    with pytest.raises(errors.DiskFull):
        service.create(PASSWORD)
    leftovers = {p.name for p in paths.data_dir.iterdir()} - {".maintenance.lock"}
    assert leftovers == set()
    assert vault_state(paths) is VaultState.NONE


def test_full_disk_during_change_password_keeps_the_old_password(
    service: VaultService, paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import recovery_app.storage.files as files

    service.create(PASSWORD).close()
    before = vault_bytes(paths)
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    with pytest.raises(errors.DiskFull):
        service.change_password(PASSWORD, "a new password here")
    monkeypatch.setattr(files.os, "fsync", real_fsync)
    after = vault_bytes(paths)
    # The key file is as it was; the safety copy that could not be made left nothing behind
    # (journal.db may differ: it now notes that the backup did not work).
    assert after["journal.key"] == before["journal.key"]
    assert set(after) == set(before)
    service.unlock(PASSWORD).close()


def test_change_password_rewraps_without_touching_the_vault(
    service: VaultService, paths: VaultPaths
) -> None:
    journal = service.create(PASSWORD)
    journal.clocks.add_clock("R.", date(2026, 1, 5))
    journal.close()
    db_before = paths.db.read_bytes()
    service.change_password(PASSWORD, "a new password here")
    assert paths.db.read_bytes() == db_before
    with pytest.raises(errors.WrongPassword):
        service.unlock(PASSWORD)
    reopened = service.unlock("a new password here")
    assert [c.name for c in reopened.clocks.list_clocks()] == ["R."]
    reopened.close()


def test_change_password_with_the_wrong_current_one_changes_nothing(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    before = vault_bytes(paths)
    with pytest.raises(errors.WrongPassword):
        service.change_password("not it", "a new password here")
    assert vault_bytes(paths) == before


def test_crash_during_password_change_leaves_old_or_new_working(
    service: VaultService, paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate power loss at each step of the key file's replacement."""
    import recovery_app.storage.files as files

    service.create(PASSWORD).close()
    real_replace = os.replace

    class PowerCut(BaseException):
        pass

    def cut(*_args: object) -> None:
        raise PowerCut()

    # 1. power cut before the rename: the old password still opens it
    monkeypatch.setattr(files.os, "replace", cut)
    with pytest.raises(PowerCut):
        service.change_password(PASSWORD, "a new password here")
    monkeypatch.setattr(files.os, "replace", real_replace)
    service.unlock(PASSWORD).close()
    assert not list(paths.data_dir.glob(".journal.key.*.tmp"))

    # 2. power cut after the journal key file's rename, before the folder sync: the new one
    # opens it (the backups' key files, re-wrapped first, are synced in their own folders)
    real_fsync_dir = files.fsync_dir

    def cut_in_data_folder(folder: Path) -> None:
        if folder == paths.data_dir:
            raise PowerCut()
        real_fsync_dir(folder)

    monkeypatch.setattr(files, "fsync_dir", cut_in_data_folder)
    with pytest.raises(PowerCut):
        service.change_password(PASSWORD, "a new password here")
    monkeypatch.undo()
    service.unlock("a new password here").close()


def test_a_saved_entry_survives_kill_9(paths: VaultPaths, tmp_path: Path) -> None:
    """A child saves, then kills itself mid-session; the entry must be there afterwards."""
    service = VaultService(paths, _no_secrets(), CHEAP_KDF)
    service.create(PASSWORD).close()
    child = textwrap.dedent(
        f"""
        import os, signal, sys
        from datetime import date
        sys.path.insert(0, {str(Path(__file__).parents[2])!r})
        from conftest import unlock_vault
        from recovery_app.services.clocks import ClockService
        from recovery_app.storage.paths import VaultPaths
        from pathlib import Path
        paths = VaultPaths(Path({str(paths.data_dir)!r}))
        vault = unlock_vault(paths)
        reader = vault.engine.connect()  # another open connection: no checkpoint on close
        reader.exec_driver_sql("SELECT count(*) FROM clock").fetchone()
        ClockService(vault).add_clock("saved before the crash", date(2026, 3, 1))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    result = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True)
    assert result.returncode == -9, result.stderr.decode()
    assert Path(f"{paths.db}-wal").exists()  # the entry is in the WAL, not yet checkpointed
    journal = service.unlock(PASSWORD)
    assert [c.name for c in journal.clocks.list_clocks()] == ["saved before the crash"]
    journal.close()


def test_lock_disposes_the_engine_and_forgets_the_key(vault) -> None:
    vault.close()
    assert not vault.is_open
    with pytest.raises(errors.VaultError):
        _ = vault.data_key
    with pytest.raises(errors.VaultError), vault.session():
        pass


def _no_secrets() -> "object":
    from recovery_app.services.secrets import KeyringSecretStore

    return KeyringSecretStore()
