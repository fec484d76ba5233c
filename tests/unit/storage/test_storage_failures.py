"""Every storage failure is named for its cause: full, read-only, not yours, busy, trouble.

The classifier is tested on the words SQLite and the system use; each cause is then met
for real: a 3 MiB tmpfs that fills up or is remounted read-only, another user, and a
second process that holds the write lock.
"""

import errno
import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, unlock_vault
from storage_conditions import (
    NOBODY_UID,
    WriteLockHolder,
    fill_leaving,
    give_to,
    recovery_app_command,
    remount,
    run_without_permission_override,
    small_disk,
)

import recovery_app.storage.engine as engine_module
import recovery_app.storage.failures as failures
from recovery_app.services.clocks import ClockService
from recovery_app.services.messages import exit_code_for, message_for
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import errors
from recovery_app.storage.failures import storage_error
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import create_vault


def _sqlite(kind: str, text: str) -> Exception:
    from sqlcipher3 import dbapi2

    error: Exception = getattr(dbapi2, kind)(text)
    return error


@pytest.mark.parametrize(
    ("kind", "text", "low_space", "read_only", "expected"),
    [
        ("DatabaseError", "file is not a database", False, False, errors.VaultDamaged),
        ("DatabaseError", "database disk image is malformed", False, False, errors.VaultDamaged),
        ("OperationalError", "database is locked", False, False, errors.VaultBusy),
        ("OperationalError", "database or disk is full", False, False, errors.DiskFull),
        ("OperationalError", "disk I/O error", True, False, errors.DiskFull),
        ("OperationalError", "disk I/O error", False, True, errors.DiskReadOnly),
        ("OperationalError", "disk I/O error", False, False, errors.DiskTrouble),
        (
            "OperationalError",
            "attempt to write a readonly database",
            False,
            True,
            errors.DiskReadOnly,
        ),
        ("OperationalError", "unable to open database file", True, False, errors.DiskFull),
        ("IntegrityError", "UNIQUE constraint failed", True, True, type(None)),
    ],
)
def test_sqlite_words_are_named_for_their_cause(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
    text: str,
    low_space: bool,
    read_only: bool,
    expected: type,
) -> None:
    monkeypatch.setattr(failures, "_space_is_low", lambda _dir: low_space)
    monkeypatch.setattr(failures, "_is_read_only", lambda _dir: read_only)
    assert type(storage_error(_sqlite(kind, text), tmp_path)) is expected


@pytest.mark.parametrize(
    ("number", "low_space", "expected"),
    [
        (errno.ENOSPC, False, errors.DiskFull),
        (errno.EROFS, False, errors.DiskReadOnly),
        (errno.EACCES, False, errors.NotYours),
        (errno.EPERM, False, errors.NotYours),
        (errno.EIO, True, errors.DiskFull),
        (errno.EIO, False, errors.DiskTrouble),
        (errno.ENOENT, False, type(None)),
    ],
)
def test_system_errors_are_named_for_their_cause(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, number: int, low_space: bool, expected: type
) -> None:
    monkeypatch.setattr(failures, "_space_is_low", lambda _dir: low_space)
    assert type(storage_error(OSError(number, os.strerror(number)), tmp_path)) is expected


def test_each_cause_has_its_own_words() -> None:
    folder = Path("/data")
    words = {
        errors.DiskFull: "disk is full",
        errors.DiskReadOnly: "read-only",
        errors.NotYours: "another account",
        errors.DiskTrouble: "reported a problem",
        errors.VaultBusy: "busy",
    }
    for kind, expected in words.items():
        error = kind() if kind is errors.VaultBusy else kind(str(folder))
        text = message_for(error, folder)
        assert expected in text
        assert exit_code_for(error) == 1
        others = [w for k, w in words.items() if k is not kind]
        assert not any(other in text for other in others), text
    # a full disk is never "not yours", and never "read-only"
    assert "yours" not in message_for(errors.DiskFull("/data"), folder)


def _service(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)


def _names(service: VaultService) -> list[str]:
    vault = unlock_vault(service.paths)
    try:
        return [c.name for c in ClockService(vault).list_clocks()]
    finally:
        vault.close()


def test_a_full_disk_at_open_is_named_full_and_loses_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        service = _service(disk / "journal")
        vault = create_vault(service.paths, PASSWORD, service.kdf)
        ClockService(vault).add_clock("saved before", date(2026, 1, 5))
        vault.close()
        filler = fill_leaving(disk, 8 * 1024)
        with pytest.raises(errors.DiskFull) as caught:
            service.unlock(PASSWORD)
        assert "disk is full" in message_for(caught.value, disk / "journal")
        filler.unlink()
        assert _names(service) == ["saved before"]


def test_a_disk_that_fills_while_saving_is_named_full_and_loses_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        service = _service(disk / "journal")
        service.create(PASSWORD).close()
        filler = fill_leaving(disk, 160 * 1024)
        vault = unlock_vault(service.paths)
        saved: list[str] = []
        refused = None
        for n in range(5000):
            name = f"clock {n} " + "x" * 150
            try:
                ClockService(vault).add_clock(name, date(2026, 1, 5))
            except errors.VaultError as error:
                refused = error
                break
            saved.append(name)
        vault.close()
        assert isinstance(refused, errors.DiskFull)
        assert saved  # some fitted before the disk was full
        filler.unlink()
        assert sorted(_names(service)) == sorted(saved)


def test_the_command_line_says_the_disk_is_full(tmp_path: Path) -> None:
    import io

    from recovery_app import cli

    with small_disk(tmp_path / "disk") as disk:
        _service(disk / "journal").create(PASSWORD).close()
        fill_leaving(disk, 4 * 1024)
        err = io.StringIO()
        code = cli.run(
            ["--data-dir", str(disk / "journal"), "--password-stdin", "clock", "add", "R."],
            stdin=io.StringIO(PASSWORD + "\n"),
            stdout=io.StringIO(),
            stderr=err,
            secrets=KeyringSecretStore(),
            kdf=CHEAP_KDF,
        )
        assert code == 1
        assert "disk is full" in err.getvalue()
        assert "yours" not in err.getvalue() and "read-only" not in err.getvalue()


def test_a_read_only_disk_is_named_read_only(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        service = _service(disk / "journal")
        vault = create_vault(service.paths, PASSWORD, service.kdf)
        ClockService(vault).add_clock("saved before", date(2026, 1, 5))
        remount(disk, "ro")
        try:
            with pytest.raises(errors.DiskReadOnly):
                ClockService(vault).add_clock("not saved", date(2026, 1, 5))
            vault.close()
            with pytest.raises(errors.DiskReadOnly) as caught:
                service.unlock(PASSWORD)
            assert "read-only" in message_for(caught.value, disk / "journal")
        finally:
            remount(disk, "rw")
        assert _names(service) == ["saved before"]


@pytest.mark.parametrize("locked", ["folder", "files"])
def test_a_journal_of_another_account_is_named_not_yours(data_dir: Path, locked: str) -> None:
    """The journal belongs to `nobody`: its folder, or only its files, are closed to us."""
    _service(data_dir).create(PASSWORD).close()
    give_to(data_dir, NOBODY_UID)
    if locked == "files":
        data_dir.chmod(0o755)
    result = run_without_permission_override(
        [recovery_app_command(), "--data-dir", str(data_dir), "--password-stdin", "status"],
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 1, result.stderr
    assert "another account" in result.stderr
    assert "full" not in result.stderr and "Traceback" not in result.stderr


def test_a_write_lock_held_by_another_process_is_busy_after_a_bounded_wait(
    service: VaultService, paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_SECONDS", 0.5)
    vault = create_vault(service.paths, PASSWORD, service.kdf)
    holder = WriteLockHolder(paths.db, vault.data_key)
    try:
        assert ClockService(vault).list_clocks() == []  # reading goes on meanwhile (WAL)
        started = time.monotonic()
        with pytest.raises(errors.VaultBusy) as caught:
            ClockService(vault).add_clock("R.", date(2026, 1, 5))
        waited = time.monotonic() - started
        assert 0.4 < waited < 3.0
        assert "busy" in message_for(caught.value, paths.data_dir)
        assert exit_code_for(caught.value) == 1
    finally:
        holder.release()
    ClockService(vault).add_clock("R.", date(2026, 1, 5))  # and it works once released
    vault.close()


def test_the_wait_for_the_lock_is_bounded_by_default() -> None:
    assert 1.0 <= engine_module.BUSY_TIMEOUT_SECONDS <= 10.0


def test_low_space_is_what_the_disk_says(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        assert not failures._space_is_low(disk)
        fill_leaving(disk, 16 * 1024)
        assert failures._space_is_low(disk / "not-yet-made")
        assert shutil.disk_usage(disk).free < failures.LOW_SPACE_BYTES
