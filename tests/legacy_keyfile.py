"""A version-1 journal.key exactly as the first release wrote it (its code, kept here), so
the tests open real old files rather than ones the new code imagines."""

from __future__ import annotations

import base64
import json
import secrets
import uuid

from recovery_app.storage.kdf import KdfParams
from recovery_app.storage.keyfile import derive_key, key_check


def legacy_keyfile_bytes(data_key: bytes, password: str, kdf: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    vault_id = uuid.uuid4().hex
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    header = {"format": "journal-key", "version": 1, "vault_id": vault_id, "kdf": kdf._asdict()}
    aad = json.dumps(header, sort_keys=True).encode()
    wrapped = AESGCM(derive_key(password, salt, kdf)).encrypt(nonce, data_key, aad)
    doc = {
        "format": "journal-key",
        "version": 1,
        "vault_id": vault_id,
        "kdf": {"name": "argon2id", **kdf._asdict()},
        "salt": _b64(salt),
        "wrap": {"alg": "AES-256-GCM", "nonce": _b64(nonce), "key": _b64(wrapped)},
        "key_check": _b64(key_check(data_key)),
    }
    return json.dumps(doc, indent=2).encode() + b"\n"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
