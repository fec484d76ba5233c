"""The envelope: a random data key encrypts the vault; the password only wraps that key.

journal.key (JSON) holds the Argon2id salt and parameters and the data key wrapped with
AES-256-GCM under the password-derived key. Why an envelope:
- a password change rewrites this one small file atomically, so a crash leaves the old or
  the new password working, never neither (two files cannot change atomically together);
- the GCM tag checks the password before the vault is touched, so a wrong password and a
  damaged vault are told apart, and a wrong try changes no byte of the vault.
The key check (an HMAC of a constant under the data key) lets a key remembered in the
system keyring be checked the same way.
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any

from recovery_app.domain.passwords import normalise
from recovery_app.storage.errors import KeyFileDamaged, WrongPassword
from recovery_app.storage.files import atomic_write_bytes
from recovery_app.storage.kdf import KdfParams

FORMAT = "journal-key"
VERSION = 1
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
_KEY_CHECK_LABEL = b"journal key check v1"


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    key_check: bytes

    def _aad(self) -> bytes:
        # The header is authenticated too: lowering the cost in the file breaks the tag.
        header: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "kdf": asdict(self.kdf),
        }
        return json.dumps(header, sort_keys=True).encode()

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "kdf": {"name": "argon2id", **asdict(self.kdf)},
            "salt": _b64(self.salt),
            "wrap": {
                "alg": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "key": _b64(self.wrapped_key),
            },
            "key_check": _b64(self.key_check),
        }
        return json.dumps(doc, indent=2).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc["format"] != FORMAT:
                raise KeyFileDamaged("not a journal key file")
            if doc["version"] != VERSION:
                raise KeyFileDamaged("unknown key file version")
            kdf_doc = doc["kdf"]
            if kdf_doc["name"] != "argon2id":
                raise KeyFileDamaged("unknown key derivation")
            kdf = KdfParams(
                time_cost=int(kdf_doc["time_cost"]),
                memory_kib=int(kdf_doc["memory_kib"]),
                parallelism=int(kdf_doc["parallelism"]),
            )
            return cls(
                vault_id=str(doc["vault_id"]),
                kdf=kdf,
                salt=_unb64(doc["salt"]),
                nonce=_unb64(doc["wrap"]["nonce"]),
                wrapped_key=_unb64(doc["wrap"]["key"]),
                key_check=_unb64(doc["key_check"]),
            )
        except KeyFileDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyFileDamaged("key file is not readable") from exc

    def unwrap(self, password: str) -> bytes:
        """The data key, or WrongPassword. Nothing on disk is touched."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        wrapping_key = derive_key(password, self.salt, self.kdf)
        try:
            data_key = AESGCM(wrapping_key).decrypt(self.nonce, self.wrapped_key, self._aad())
        except InvalidTag:
            raise WrongPassword() from None
        if not self.fits(data_key):
            raise KeyFileDamaged("key check does not match")
        return data_key

    def fits(self, data_key: bytes) -> bool:
        return hmac.compare_digest(key_check(data_key), self.key_check)

    def rewrapped(self, data_key: bytes, new_password: str, kdf: KdfParams) -> KeyFile:
        return wrap(data_key, new_password, kdf, vault_id=self.vault_id)


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def key_check(data_key: bytes) -> bytes:
    return hmac.new(data_key, _KEY_CHECK_LABEL, sha256).digest()


def derive_key(password: str, salt: bytes, kdf: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

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

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    draft = KeyFile(
        vault_id=vault_id or uuid.uuid4().hex,
        kdf=kdf,
        salt=salt,
        nonce=nonce,
        wrapped_key=b"",
        key_check=key_check(data_key),
    )
    wrapping_key = derive_key(password, salt, kdf)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key, draft._aad())
    return KeyFile(draft.vault_id, kdf, salt, nonce, wrapped, draft.key_check)


def read_keyfile(path: Path) -> KeyFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileDamaged("key file is missing") from None
    return KeyFile.from_bytes(data)


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    atomic_write_bytes(path, keyfile.to_bytes())


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
