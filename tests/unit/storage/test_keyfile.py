import json
import time

import pytest
from conftest import CHEAP_KDF

from recovery_app.storage.errors import KeyFileDamaged, WrongPassword
from recovery_app.storage.kdf import DEFAULT_KDF
from recovery_app.storage.keyfile import (
    KeyFile,
    new_data_key,
    read_keyfile,
    wrap,
    write_keyfile,
)


def test_wrapped_key_comes_back_with_the_right_password() -> None:
    data_key = new_data_key()
    keyfile = wrap(data_key, "a long password", CHEAP_KDF)
    assert keyfile.unwrap("a long password") == data_key


def test_wrong_password_is_told_apart_before_the_vault_is_touched() -> None:
    keyfile = wrap(new_data_key(), "a long password", CHEAP_KDF)
    with pytest.raises(WrongPassword):
        keyfile.unwrap("a long passwore")


def test_round_trip_through_bytes_and_disk(tmp_path) -> None:
    data_key = new_data_key()
    keyfile = wrap(data_key, "pw pw pw pw", CHEAP_KDF)
    write_keyfile(tmp_path / "journal.key", keyfile)
    again = read_keyfile(tmp_path / "journal.key")
    assert again == keyfile
    assert again.unwrap("pw pw pw pw") == data_key


def test_the_file_holds_no_key_or_password_in_clear() -> None:
    data_key = new_data_key()
    text = wrap(data_key, "my secret phrase", CHEAP_KDF).to_bytes()
    assert data_key.hex().encode() not in text
    assert b"my secret phrase" not in text


def test_lowering_the_cost_in_the_file_breaks_it() -> None:
    keyfile = wrap(new_data_key(), "pw pw pw pw", CHEAP_KDF)
    doc = json.loads(keyfile.to_bytes())
    doc["kdf"]["time_cost"] = 2
    tampered = KeyFile.from_bytes(json.dumps(doc).encode())
    with pytest.raises(WrongPassword):
        tampered.unwrap("pw pw pw pw")


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"{}", b'{"format": "something-else"}', b"\xff\xfe\x00"],
)
def test_damaged_key_files_are_reported_as_such(content: bytes) -> None:
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(content)


def test_missing_key_file_is_reported_as_damaged(tmp_path) -> None:
    with pytest.raises(KeyFileDamaged):
        read_keyfile(tmp_path / "journal.key")


def test_rewrap_keeps_the_data_key_and_changes_the_salt() -> None:
    data_key = new_data_key()
    old = wrap(data_key, "old password", CHEAP_KDF)
    new = old.rewrapped(data_key, "new password", CHEAP_KDF)
    assert new.vault_id == old.vault_id
    assert new.salt != old.salt
    assert new.unwrap("new password") == data_key
    with pytest.raises(WrongPassword):
        new.unwrap("old password")


@pytest.mark.slow
def test_default_profile_is_memory_hard_and_deliberately_slow() -> None:
    """The real cost: at least 64 MiB, and slow enough to make guessing expensive."""
    assert DEFAULT_KDF.memory_kib >= 64 * 1024
    started = time.perf_counter()
    keyfile = wrap(new_data_key(), "pw pw pw pw", DEFAULT_KDF)
    keyfile.unwrap("pw pw pw pw")
    assert time.perf_counter() - started > 0.1  # two derivations; a floor, not a speed target
