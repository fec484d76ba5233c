"""manifest.json beside each backup: what it is, readable without any key, and its counts,
readable only with the journal's data key.

The plain part says nothing a person wrote: the format, when and why the copy was made, by
which version of the app at which schema revision, and the copy's size and SHA-256 (so damage
shows without a password). How many entries of each kind, and over which days, would tell
someone looking at the folder how the journal is used (how many people a person keeps
distance from, how many urges), so those figures are sealed with AES-256-GCM under a key
derived from the data key (HKDF-SHA256), with the plain part as associated data.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from recovery_app.storage.errors import FileRefused, RefusedKind
from recovery_app.storage.snapshot import Snapshot

FORMAT = "journal-backup"
VERSION = 1
MANIFEST_NAME = "manifest.json"
DB_NAME = "journal.db"
KEY_NAME = "journal.key"
_SEAL_INFO = b"journal backup manifest v1"
_NONCE_BYTES = 12


@dataclass(frozen=True)
class Manifest:
    vault_id: str
    created_at: datetime  # aware, UTC
    reason: str  # domain.backups.Trigger value
    app_version: str
    schema_revision: str | None
    db_bytes: int
    db_sha256: str
    sealed_nonce: bytes
    sealed: bytes

    def plain(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "created_at": moment_text(self.created_at),
            "reason": self.reason,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "db": {"name": DB_NAME, "bytes": self.db_bytes, "sha256": self.db_sha256},
        }

    def to_bytes(self) -> bytes:
        doc = self.plain()
        doc["sealed"] = {
            "alg": "AES-256-GCM",
            "kdf": "HKDF-SHA256",
            "nonce": _b64(self.sealed_nonce),
            "data": _b64(self.sealed),
        }
        return json.dumps(doc, indent=2).encode() + b"\n"

    def unseal(self, data_key: bytes) -> Snapshot | None:
        """The counts and date range, or None when `data_key` is not this backup's key."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            raw = AESGCM(_seal_key(data_key)).decrypt(
                self.sealed_nonce, self.sealed, _aad(self.plain())
            )
            doc = json.loads(raw)
            return Snapshot(
                counts={str(k): int(v) for k, v in doc["counts"].items()},
                revision=self.schema_revision,
                first_day=_day(doc["first_day"]),
                last_day=_day(doc["last_day"]),
            )
        except (InvalidTag, ValueError, KeyError, TypeError):
            return None


def make_manifest(
    *,
    vault_id: str,
    created_at: datetime,
    reason: str,
    app_version: str,
    snapshot: Snapshot,
    db_path: Path,
    data_key: bytes,
) -> Manifest:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    draft = Manifest(
        vault_id=vault_id,
        created_at=created_at.astimezone(UTC),
        reason=reason,
        app_version=app_version,
        schema_revision=snapshot.revision,
        db_bytes=db_path.stat().st_size,
        db_sha256=sha256_of(db_path),
        sealed_nonce=secrets.token_bytes(_NONCE_BYTES),
        sealed=b"",
    )
    secret = json.dumps(
        {
            "counts": snapshot.counts,
            "first_day": None if snapshot.first_day is None else snapshot.first_day.isoformat(),
            "last_day": None if snapshot.last_day is None else snapshot.last_day.isoformat(),
        },
        sort_keys=True,
    ).encode()
    sealed = AESGCM(_seal_key(data_key)).encrypt(draft.sealed_nonce, secret, _aad(draft.plain()))
    return replace(draft, sealed=sealed)


def read_manifest(path: Path) -> Manifest:
    """The manifest in backup folder `path`, or FileRefused (not a backup, newer, damaged)."""
    try:
        data = (path / MANIFEST_NAME).read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise FileRefused(RefusedKind.NOT_A_BACKUP) from None
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise FileRefused(RefusedKind.NOT_A_BACKUP)
        if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
            raise FileRefused(RefusedKind.NEWER_VERSION)
        sealed = doc["sealed"]
        return Manifest(
            vault_id=str(doc["vault_id"]),
            created_at=parse_moment(doc["created_at"]),
            reason=str(doc["reason"]),
            app_version=str(doc["app_version"]),
            schema_revision=None if doc["schema_revision"] is None else str(doc["schema_revision"]),
            db_bytes=int(doc["db"]["bytes"]),
            db_sha256=str(doc["db"]["sha256"]),
            sealed_nonce=_unb64(sealed["nonce"]),
            sealed=_unb64(sealed["data"]),
        )
    except FileRefused:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise FileRefused(RefusedKind.DAMAGED, "manifest.json") from error


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def moment_text(moment: datetime) -> str:
    """An aware moment as UTC ISO 8601 with microseconds and a Z: exact and sortable."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_moment(text: str) -> datetime:
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ValueError("a moment must be UTC")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _seal_key(data_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SEAL_INFO).derive(data_key)


def _aad(plain: dict[str, Any]) -> bytes:
    return json.dumps(plain, sort_keys=True, separators=(",", ":")).encode()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
