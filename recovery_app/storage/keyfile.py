"""The envelope: a random data key encrypts the vault; the password only wraps that key.

journal.key (JSON, see keyfile_format.py) holds the Argon2id salt and parameters and the
data key wrapped with AES-256-GCM under the password-derived key. Why an envelope:
- a password change rewrites this one small file atomically, so a crash leaves the old or
  the new password working, never neither (two files cannot change atomically together);
- the GCM tag checks the password before the vault is touched, so a wrong password and a
  damaged vault are told apart, and a wrong try changes no byte of the vault.
Since version 2 the file also carries a checksum that needs no password, and the GCM tag
covers the whole header (salt and cost included), so any change to the file is "damaged"
and only a sound file with another password is "wrong password".
The key check (an HMAC of a constant under the data key) lets a key remembered in the
system keyring be checked the same way.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field, replace
from hashlib import sha256
from pathlib import Path

from recovery_app.domain.passwords import normalise
from recovery_app.storage import keyfile_format
from recovery_app.storage.errors import KeyFileDamaged, KeyFileMissing, WrongPassword
from recovery_app.storage.files import atomic_write_bytes
from recovery_app.storage.kdf import KdfParams
from recovery_app.storage.keyfile_format import (
    CURRENT_VERSION,
    DATA_KEY_BYTES,
    LEGACY_VERSION,
    MAX_FILE_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    KeyFileFields,
)

_KEY_CHECK_LABEL = b"journal key check v1"


@dataclass(frozen=True)
class KeyFile(KeyFileFields):
    def to_bytes(self) -> bytes:
        return keyfile_format.render(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        fields = keyfile_format.parse(data)
        return cls(**{name: getattr(fields, name) for name in KeyFileFields.__dataclass_fields__})

    def unwrap(self, password: str) -> bytes:
        """The data key, or WrongPassword. Nothing on disk is touched."""
        return self.open(password).data_key

    def open(self, password: str) -> OpenedKeyFile:
        """The data key, and this file as the current version (the same file if it is one)."""
        wrapping_key = derive_key(password, self.salt, self.kdf)
        data_key = self._decrypt(wrapping_key)
        if self.version != LEGACY_VERSION:
            return OpenedKeyFile(data_key, self, upgraded=False)
        # Same salt and cost, so the password is not derived twice; a fresh nonce, because
        # the associated data (and so the sealed message) is new.
        draft = replace(self, version=CURRENT_VERSION, nonce=_new_nonce())
        return OpenedKeyFile(data_key, _seal(draft, wrapping_key, data_key), upgraded=True)

    def fits(self, data_key: bytes) -> bool:
        return hmac.compare_digest(key_check(data_key), self.key_check)

    def rewrapped(self, data_key: bytes, new_password: str, kdf: KdfParams) -> KeyFile:
        return wrap(data_key, new_password, kdf, vault_id=self.vault_id)

    def _decrypt(self, wrapping_key: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        aad = keyfile_format.associated_data(self)
        try:
            data_key = AESGCM(wrapping_key).decrypt(self.nonce, self.wrapped_key, aad)
        except InvalidTag:
            raise WrongPassword() from None
        if not self.fits(data_key):
            raise KeyFileDamaged("key check does not match")
        return data_key


@dataclass(frozen=True)
class OpenedKeyFile:
    data_key: bytes = field(repr=False)
    current: KeyFile  # the file as it should be on disk
    upgraded: bool  # `current` is a new version-2 copy of a version-1 file: write it


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_check(data_key: bytes) -> bytes:
    return hmac.new(data_key, _KEY_CHECK_LABEL, sha256).digest()


def derive_key(password: str, salt: bytes, kdf: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    keyfile_format.check_kdf_bounds(kdf)  # never run a cost this app would not write
    return hash_secret_raw(
        secret=normalise(password).encode("utf-8"),
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(data_key: bytes, password: str, kdf: KdfParams, *, vault_id: str | None = None) -> KeyFile:
    import uuid  # 10 ms of start-up otherwise; only needed for a new vault

    keyfile_format.check_kdf_bounds(kdf)  # a file the reader would refuse is never written
    draft = KeyFile(
        version=CURRENT_VERSION,
        vault_id=vault_id or uuid.uuid4().hex,
        kdf=kdf,
        salt=secrets.token_bytes(SALT_BYTES),
        nonce=_new_nonce(),
        wrapped_key=b"",
        key_check=key_check(data_key),
    )
    return _seal(draft, derive_key(password, draft.salt, kdf), data_key)


def _seal(draft: KeyFile, wrapping_key: bytes, data_key: bytes) -> KeyFile:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aad = keyfile_format.associated_data(draft)
    return replace(draft, wrapped_key=AESGCM(wrapping_key).encrypt(draft.nonce, data_key, aad))


def _new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def read_keyfile(path: Path) -> KeyFile:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileMissing("key file is missing") from None
    except IsADirectoryError:
        raise KeyFileDamaged("key file is a folder") from None
    return KeyFile.from_bytes(data)


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    atomic_write_bytes(path, keyfile.to_bytes())
