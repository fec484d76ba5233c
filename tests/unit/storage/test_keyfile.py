import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CHEAP_KDF
from legacy_keyfile import legacy_keyfile_bytes

import recovery_app.storage.keyfile as keyfile_module
from recovery_app.storage import keyfile_format
from recovery_app.storage.errors import KeyFileDamaged, KeyFileMissing, KeyFileTooNew, WrongPassword
from recovery_app.storage.kdf import DEFAULT_KDF, KdfParams
from recovery_app.storage.keyfile import (
    KeyFile,
    new_data_key,
    read_keyfile,
    wrap,
    write_keyfile,
)

PASSWORD = "pw pw pw pw"


@pytest.fixture
def forbid_derivation(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Called once the test's file is made: from then on, running the key derivation (which
    a refused file must never reach) fails the test."""

    def must_not_run(*_args: object) -> bytes:
        raise AssertionError("the key derivation ran on a file that should have been refused")

    return lambda: monkeypatch.setattr(keyfile_module, "derive_key", must_not_run)


def _doc(keyfile: KeyFile) -> dict[str, Any]:
    return json.loads(keyfile.to_bytes())


def _resealed(doc: dict[str, Any]) -> bytes:
    """`doc` with its checksum made to match again, as a deliberate edit would do."""
    body = {key: value for key, value in doc.items() if key != "checksum"}
    return (
        json.dumps(
            {**body, "checksum": keyfile_format.checksum(body)}, sort_keys=True, indent=2
        ).encode()
        + b"\n"
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
    keyfile = wrap(data_key, PASSWORD, CHEAP_KDF)
    write_keyfile(tmp_path / "journal.key", keyfile)
    again = read_keyfile(tmp_path / "journal.key")
    assert again == keyfile
    assert again.version == 2
    assert again.unwrap(PASSWORD) == data_key


def test_the_file_holds_no_key_or_password_in_clear() -> None:
    data_key = new_data_key()
    text = wrap(data_key, "my secret phrase", CHEAP_KDF).to_bytes()
    assert data_key.hex().encode() not in text
    assert b"my secret phrase" not in text


def test_the_file_carries_a_checksum_of_its_content() -> None:
    doc = _doc(wrap(new_data_key(), PASSWORD, CHEAP_KDF))
    body = {key: value for key, value in doc.items() if key != "checksum"}
    assert doc["checksum"] == keyfile_format.checksum(body)
    assert doc["checksum"].startswith("sha256:")


def test_lowering_the_cost_in_the_file_is_damage_found_before_deriving(forbid_derivation) -> None:
    doc = _doc(wrap(new_data_key(), PASSWORD, CHEAP_KDF))
    doc["kdf"]["time_cost"] = 2
    forbid_derivation()
    with pytest.raises(KeyFileDamaged, match="checksum"):
        KeyFile.from_bytes(json.dumps(doc, sort_keys=True, indent=2).encode() + b"\n")


@pytest.mark.parametrize(
    ("where", "value"),
    [(("kdf", "time_cost"), 2), (("kdf", "memory_kib"), 16 * 1024), (("salt",), "A" * 22 + "==")],
)
def test_the_header_is_bound_to_the_wrapped_key(where: tuple[str, ...], value: object) -> None:
    """Even with the checksum redone, a changed cost or salt never opens the journal."""
    keyfile = wrap(new_data_key(), PASSWORD, CHEAP_KDF)
    doc = _doc(keyfile)
    target = doc
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    edited = KeyFile.from_bytes(_resealed(doc))
    with pytest.raises(WrongPassword):
        edited.unwrap(PASSWORD)


def test_every_flipped_byte_is_damage_before_any_derivation(forbid_derivation) -> None:
    data = wrap(new_data_key(), PASSWORD, CHEAP_KDF).to_bytes()
    forbid_derivation()
    for position in range(len(data)):
        for bit in range(8):
            flipped = bytearray(data)
            flipped[position] ^= 1 << bit
            with pytest.raises(KeyFileDamaged):
                KeyFile.from_bytes(bytes(flipped))


def test_a_changed_version_digit_is_damage_not_a_newer_app() -> None:
    data = wrap(new_data_key(), PASSWORD, CHEAP_KDF).to_bytes()
    with pytest.raises(KeyFileDamaged) as caught:
        KeyFile.from_bytes(data.replace(b'"version": 2', b'"version": 3'))
    assert not isinstance(caught.value, KeyFileTooNew)


def test_a_sound_file_of_a_later_version_says_so() -> None:
    doc = _doc(wrap(new_data_key(), PASSWORD, CHEAP_KDF))
    doc["version"] = 3
    with pytest.raises(KeyFileTooNew):
        KeyFile.from_bytes(_resealed(doc))


def _edit(doc: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    for key in path[:-1]:
        doc = doc[key]
    if value is _DELETE:
        del doc[path[-1]]
    else:
        doc[path[-1]] = value


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("kdf", "time_cost"), 10**6),
        (("kdf", "time_cost"), 0),
        (("kdf", "time_cost"), True),
        (("kdf", "time_cost"), 3.0),
        (("kdf", "time_cost"), "3"),
        (("kdf", "memory_kib"), 0),
        (("kdf", "memory_kib"), 2**40),
        (("kdf", "memory_kib"), 4),
        (("kdf", "parallelism"), 0),
        (("kdf", "parallelism"), 1000),
        (("kdf", "name"), "argon2i"),
        (("kdf", "extra"), 1),
        (("wrap", "alg"), "AES-128-GCM"),
        (("wrap", "nonce"), "AAA="),  # 2 bytes
        (("wrap", "key"), "AAAA"),
        (("salt",), "AA=="),
        (("salt",), 5),
        (("key_check",), _DELETE),
        (("vault_id",), "ABCDEF" * 5 + "00"),
        (("vault_id",), "x"),
        (("unexpected",), "field"),
    ],
)
def test_absurd_fields_are_damage_before_any_derivation(
    forbid_derivation, path: tuple[str, ...], value: object
) -> None:
    """The checksum is redone, so the field check itself has to refuse."""
    doc = _doc(wrap(new_data_key(), PASSWORD, CHEAP_KDF))
    _edit(doc, path, value)
    forbid_derivation()
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(_resealed(doc))


def test_base64_with_non_zero_padding_bits_is_damage(forbid_derivation) -> None:
    """Two spellings of the same salt: only the canonical one is accepted."""
    doc = _doc(wrap(new_data_key(), PASSWORD, CHEAP_KDF))
    salt = doc["salt"]  # 16 bytes: 22 characters and "==", the last one carrying 4 unused bits
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet.index(salt[21])
    doc["salt"] = salt[:21] + alphabet[last | 1] + "=="
    assert doc["salt"] != salt
    forbid_derivation()
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(_resealed(doc))


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"{}", b'{"format": "something-else"}', b"\xff\xfe\x00", b"[1, 2]"],
)
def test_damaged_key_files_are_reported_as_such(content: bytes) -> None:
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(content)


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path) -> None:
    (tmp_path / "journal.key").write_bytes(b" " * 10_000_000)
    with pytest.raises(KeyFileDamaged):
        read_keyfile(tmp_path / "journal.key")


def test_missing_key_file_is_reported_as_missing(tmp_path) -> None:
    with pytest.raises(KeyFileMissing):
        read_keyfile(tmp_path / "journal.key")


def test_a_version_1_file_still_opens_and_offers_its_upgrade() -> None:
    data_key = new_data_key()
    old = KeyFile.from_bytes(legacy_keyfile_bytes(data_key, PASSWORD, CHEAP_KDF))
    assert old.version == 1
    opened = old.open(PASSWORD)
    assert opened.data_key == data_key
    assert opened.upgraded
    new = opened.current
    assert (new.version, new.vault_id, new.salt, new.kdf) == (2, old.vault_id, old.salt, old.kdf)
    assert new.nonce != old.nonce
    again = KeyFile.from_bytes(new.to_bytes())
    assert again.unwrap(PASSWORD) == data_key
    with pytest.raises(WrongPassword):
        again.unwrap("not the password")


def test_a_version_1_file_with_the_wrong_password() -> None:
    old = KeyFile.from_bytes(legacy_keyfile_bytes(new_data_key(), PASSWORD, CHEAP_KDF))
    with pytest.raises(WrongPassword):
        old.open("something else")


def test_a_version_1_file_whose_form_changed_is_damage(forbid_derivation) -> None:
    data = legacy_keyfile_bytes(new_data_key(), PASSWORD, CHEAP_KDF)
    forbid_derivation()
    for edited in (data.replace(b"\n", b"\r\n"), data.replace(b": ", b":"), data + b" "):
        with pytest.raises(KeyFileDamaged):
            KeyFile.from_bytes(edited)


def test_costs_out_of_bounds_are_never_written_either() -> None:
    with pytest.raises(KeyFileDamaged):
        wrap(new_data_key(), PASSWORD, KdfParams(time_cost=100, memory_kib=8192, parallelism=1))


def test_the_shipped_and_test_costs_are_within_bounds() -> None:
    for kdf in (DEFAULT_KDF, CHEAP_KDF, KdfParams(time_cost=1, memory_kib=8, parallelism=1)):
        keyfile_format.check_kdf_bounds(kdf)


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
    keyfile = wrap(new_data_key(), PASSWORD, DEFAULT_KDF)
    keyfile.unwrap(PASSWORD)
    assert time.perf_counter() - started > 0.1  # two derivations; a floor, not a speed target
