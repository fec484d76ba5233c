"""A version-1 journal.key opens, and the next unlock with the password rewrites it as
version 2, atomically, as a password change writes it."""

import os
from datetime import date

import pytest
from conftest import CHEAP_KDF, PASSWORD, vault_bytes
from legacy_keyfile import legacy_keyfile_bytes

import recovery_app.storage.files as files
from recovery_app.services.clocks import ClockService
from recovery_app.services.messages import EXIT_NOT_A_VAULT, exit_code_for, message_for
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import errors
from recovery_app.storage.keyfile import read_keyfile
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import create_vault


def _journal_with_a_version_1_key(service: VaultService, paths: VaultPaths) -> None:
    vault = create_vault(service.paths, PASSWORD, service.kdf)
    ClockService(vault).add_clock("R.", date(2026, 1, 5))
    data_key = vault.data_key
    vault.close()
    paths.keyfile.write_bytes(legacy_keyfile_bytes(data_key, PASSWORD, CHEAP_KDF))
    # The journal stays keyed by the same data key; only the envelope is the old kind.
    assert read_keyfile(paths.keyfile).version == 1


def test_unlocking_rewrites_the_key_file_as_version_2(
    service: VaultService, paths: VaultPaths
) -> None:
    _journal_with_a_version_1_key(service, paths)
    db_before = paths.db.read_bytes()
    journal = service.unlock(PASSWORD)  # through the door, which upgrades the key file
    assert [c.name for c in journal.clocks.list_clocks()] == ["R."]
    journal.close()
    upgraded = read_keyfile(paths.keyfile)
    assert upgraded.version == 2
    assert paths.db.read_bytes() == db_before
    assert not list(paths.data_dir.glob(".journal.key.*.tmp"))
    with pytest.raises(errors.WrongPassword):
        service.unlock("not the password")
    service.unlock(PASSWORD).close()
    assert read_keyfile(paths.keyfile) == upgraded  # only once


def test_a_wrong_password_never_upgrades(service: VaultService, paths: VaultPaths) -> None:
    _journal_with_a_version_1_key(service, paths)
    before = vault_bytes(paths)
    with pytest.raises(errors.WrongPassword):
        service.unlock("not the password")
    assert vault_bytes(paths) == before


def test_an_upgrade_the_disk_refuses_still_opens_the_journal(
    service: VaultService, paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    _journal_with_a_version_1_key(service, paths)
    old_key = paths.keyfile.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    service.unlock(PASSWORD).close()
    monkeypatch.undo()
    assert paths.keyfile.read_bytes() == old_key
    assert not list(paths.data_dir.glob(".journal.key.*.tmp"))
    service.unlock(PASSWORD).close()
    assert read_keyfile(paths.keyfile).version == 2


def test_a_remembered_key_opens_a_version_1_journal_without_rewriting_it(
    service: VaultService, paths: VaultPaths
) -> None:
    vault = create_vault(service.paths, PASSWORD, service.kdf)
    data_key = vault.data_key
    vault.close()
    paths.keyfile.write_bytes(legacy_keyfile_bytes(data_key, PASSWORD, CHEAP_KDF))
    # the vault id changed with the legacy file; remember it under the new one
    service.secrets.save_key(read_keyfile(paths.keyfile).vault_id, data_key)
    before = paths.keyfile.read_bytes()
    opened = service.unlock_remembered()
    assert opened is not None
    opened.close()
    assert paths.keyfile.read_bytes() == before  # no password, so nothing to rewrap with


def test_a_damaged_key_file_is_named_with_its_backups_and_exit_5(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    data = bytearray(paths.keyfile.read_bytes())
    data[len(data) // 2] ^= 0x04
    paths.keyfile.write_bytes(bytes(data))
    with pytest.raises(errors.KeyFileDamaged) as caught:
        service.unlock(PASSWORD)
    text = message_for(caught.value, paths.data_dir)
    assert "damaged" in text
    assert str(paths.data_dir / "backups") in text
    assert "password is probably fine" in text
    assert "didn't open" not in text
    assert exit_code_for(caught.value) == EXIT_NOT_A_VAULT == 5


def test_a_missing_key_file_is_named_as_missing(service: VaultService, paths: VaultPaths) -> None:
    service.create(PASSWORD).close()
    os.unlink(paths.keyfile)
    with pytest.raises(errors.KeyFileMissing) as caught:
        service.unlock(PASSWORD)
    assert "missing" in message_for(caught.value, paths.data_dir)
    assert exit_code_for(caught.value) == 5
