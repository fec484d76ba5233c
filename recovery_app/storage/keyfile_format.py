"""journal.key on disk: how it is written, and every check it passes before a password is tried.

Why so strict: a key file that changed by one bit must be called damaged, never "wrong
password", or someone may believe they forgot a password that cannot be recovered. So,
before the key derivation runs:
1. the file is small, ASCII JSON, and a journal key file of a version we know;
2. from version 2 on, a SHA-256 checksum over its canonical content must match (no
   password needed), and the bytes must be exactly the canonical rendering, so a change in
   spacing, escapes, number form or key order is damage too;
3. every field has its exact type, length and canonical base64, and the Argon2 cost is
   within bounds, so a damaged figure can neither hang the derivation nor crash it.
The checksum rule is the same for every version from 2 on: a flipped version digit fails
the checksum (damage) rather than claiming the file is from a newer app.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from recovery_app.storage.errors import KeyFileDamaged, KeyFileTooNew
from recovery_app.storage.kdf import KdfParams

FORMAT = "journal-key"
LEGACY_VERSION = 1  # no checksum; still opened, and rewritten as CURRENT_VERSION on unlock
CURRENT_VERSION = 2
KDF_NAME = "argon2id"
WRAP_ALG = "AES-256-GCM"
CHECKSUM_PREFIX = "sha256:"

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
GCM_TAG_BYTES = 16
WRAPPED_KEY_BYTES = DATA_KEY_BYTES + GCM_TAG_BYTES
KEY_CHECK_BYTES = 32  # HMAC-SHA-256

MAX_FILE_BYTES = 4096  # a real key file is about 500 bytes

# Argon2id bounds. The lower ones are Argon2's own minimums (the benchmarks' throwaway
# journals use 8 KiB); the upper ones keep a damaged figure from hanging or exhausting
# the machine: the default (256 MiB, t=3) costs 768 MiB-passes, about 0.6 s here, and
# MAX_WORK allows about 5 times that.
MIN_TIME_COST = 1
MAX_TIME_COST = 12
MIN_PARALLELISM = 1
MAX_PARALLELISM = 8
MIN_MEMORY_KIB_PER_LANE = 8
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_WORK_KIB_PASSES = 4 * 1024 * 1024  # time_cost * memory_kib

_VAULT_ID = re.compile(r"[0-9a-f]{32}")
_CHECKSUM = re.compile(re.escape(CHECKSUM_PREFIX) + r"[0-9a-f]{64}")
_TOP_KEYS = {"format", "version", "vault_id", "kdf", "salt", "wrap", "key_check"}
_KDF_KEYS = {"name", "time_cost", "memory_kib", "parallelism"}
_WRAP_KEYS = {"alg", "nonce", "key"}


@dataclass(frozen=True)
class KeyFileFields:
    """What a key file says, every field checked."""

    version: int
    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    key_check: bytes


def check_kdf_bounds(kdf: KdfParams) -> None:
    """KeyFileDamaged unless the cost is one this app would write and can afford to run."""
    for figure in (kdf.time_cost, kdf.memory_kib, kdf.parallelism):
        if type(figure) is not int:
            raise KeyFileDamaged("a key derivation figure is not a whole number")
    if not MIN_TIME_COST <= kdf.time_cost <= MAX_TIME_COST:
        raise KeyFileDamaged("time cost out of bounds")
    if not MIN_PARALLELISM <= kdf.parallelism <= MAX_PARALLELISM:
        raise KeyFileDamaged("parallelism out of bounds")
    if not MIN_MEMORY_KIB_PER_LANE * kdf.parallelism <= kdf.memory_kib <= MAX_MEMORY_KIB:
        raise KeyFileDamaged("memory cost out of bounds")
    if kdf.time_cost * kdf.memory_kib > MAX_WORK_KIB_PASSES:
        raise KeyFileDamaged("total cost out of bounds")


def render(fields: KeyFileFields) -> bytes:
    """The file's bytes. Version 1 only ever appears here to test the upgrade path."""
    if fields.version == LEGACY_VERSION:
        return json.dumps(_legacy_document(fields), indent=2).encode("ascii") + b"\n"
    body = _document(fields)
    return _pretty({**body, "checksum": checksum(body)})


def parse(data: bytes) -> KeyFileFields:
    """The checked fields, or KeyFileDamaged (KeyFileTooNew for a sound file of a later app)."""
    if len(data) > MAX_FILE_BYTES:
        raise KeyFileDamaged("key file is too large")
    try:
        doc = json.loads(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise KeyFileDamaged("key file is not readable") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeyFileDamaged("not a journal key file")
    version = doc.get("version")
    if type(version) is not int:
        raise KeyFileDamaged("no key file version")
    if version == LEGACY_VERSION:
        fields = _fields(doc, _TOP_KEYS)
        # Version 1 has no checksum, but it was always written this one way.
        if render(fields) != data:
            raise KeyFileDamaged("key file is not in its written form")
        return fields
    if version < LEGACY_VERSION:
        raise KeyFileDamaged("unknown key file version")
    stated = doc.get("checksum")
    if not isinstance(stated, str) or not _CHECKSUM.fullmatch(stated):
        raise KeyFileDamaged("no checksum")
    body = {key: value for key, value in doc.items() if key != "checksum"}
    if checksum(body) != stated:
        raise KeyFileDamaged("checksum does not match")
    if _pretty(doc) != data:
        raise KeyFileDamaged("key file is not in its canonical form")
    if version > CURRENT_VERSION:
        raise KeyFileTooNew()
    return _fields(doc, _TOP_KEYS | {"checksum"})


def checksum(body: dict[str, Any]) -> str:
    return CHECKSUM_PREFIX + sha256(_canonical(body)).hexdigest()


def associated_data(fields: KeyFileFields) -> bytes:
    """What the AES-GCM tag authenticates besides the wrapped key: the whole header."""
    if fields.version == LEGACY_VERSION:
        header: dict[str, Any] = {
            "format": FORMAT,
            "version": LEGACY_VERSION,
            "vault_id": fields.vault_id,
            "kdf": _kdf_figures(fields.kdf),
        }
        return json.dumps(header, sort_keys=True).encode()
    header = {
        "format": FORMAT,
        "version": fields.version,
        "vault_id": fields.vault_id,
        "kdf": {"name": KDF_NAME, **_kdf_figures(fields.kdf)},
        "salt": b64(fields.salt),
        "alg": WRAP_ALG,
    }
    return _canonical(header)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _document(fields: KeyFileFields) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": fields.version,
        "vault_id": fields.vault_id,
        "kdf": {"name": KDF_NAME, **_kdf_figures(fields.kdf)},
        "salt": b64(fields.salt),
        "wrap": {"alg": WRAP_ALG, "nonce": b64(fields.nonce), "key": b64(fields.wrapped_key)},
        "key_check": b64(fields.key_check),
    }


def _legacy_document(fields: KeyFileFields) -> dict[str, Any]:
    doc = _document(fields)  # same fields and order as the first app wrote them
    doc["version"] = LEGACY_VERSION
    return doc


def _kdf_figures(kdf: KdfParams) -> dict[str, int]:
    return {
        "time_cost": kdf.time_cost,
        "memory_kib": kdf.memory_kib,
        "parallelism": kdf.parallelism,
    }


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _pretty(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True).encode() + b"\n"


def _fields(doc: dict[str, Any], expected_keys: set[str]) -> KeyFileFields:
    _exact_keys(doc, expected_keys)
    kdf_doc = _exact_keys(doc["kdf"], _KDF_KEYS)
    wrap_doc = _exact_keys(doc["wrap"], _WRAP_KEYS)
    if kdf_doc["name"] != KDF_NAME:
        raise KeyFileDamaged("unknown key derivation")
    if wrap_doc["alg"] != WRAP_ALG:
        raise KeyFileDamaged("unknown key wrapping")
    vault_id = doc["vault_id"]
    if not isinstance(vault_id, str) or not _VAULT_ID.fullmatch(vault_id):
        raise KeyFileDamaged("vault id is not in its form")
    kdf = KdfParams(
        time_cost=kdf_doc["time_cost"],
        memory_kib=kdf_doc["memory_kib"],
        parallelism=kdf_doc["parallelism"],
    )
    check_kdf_bounds(kdf)
    return KeyFileFields(
        version=doc["version"],
        vault_id=vault_id,
        kdf=kdf,
        salt=_unb64(doc["salt"], SALT_BYTES),
        nonce=_unb64(wrap_doc["nonce"], NONCE_BYTES),
        wrapped_key=_unb64(wrap_doc["key"], WRAPPED_KEY_BYTES),
        key_check=_unb64(doc["key_check"], KEY_CHECK_BYTES),
    )


def _exact_keys(value: object, expected: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != expected:
        raise KeyFileDamaged("key file fields are not the expected ones")
    return value


def _unb64(text: object, length: int) -> bytes:
    """Canonical base64 only: the unused bits of the last character must be zero, so two
    spellings of the same bytes (one of them damaged) can't both be accepted."""
    if not isinstance(text, str):
        raise KeyFileDamaged("a key file field is not text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except ValueError:
        raise KeyFileDamaged("a key file field is not base64") from None
    if b64(raw) != text or len(raw) != length:
        raise KeyFileDamaged("a key file field is not in its form")
    return raw
