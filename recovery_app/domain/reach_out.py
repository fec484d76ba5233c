"""When they reach out: the rules for my plan's lines, an attempt's record and its files.

Pure rules only. The plan is the person's own list; nothing about it is ever sent. An
attempt's attachments are kept inside the encrypted journal, so their size is bounded: each
one, and all of them together (backups hold every copy, and their size cap counts them).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel, ContactKind, PlanPart

PLAN_LINE_MAX_CHARS = 500
WORDS_MAX_CHARS = 100_000  # a long message thread pasted whole still fits
FILE_NAME_MAX_CHARS = 200
MIB = 1024 * 1024
ATTACHMENT_MAX_BYTES = 10 * MIB
ATTACHMENTS_TOTAL_MAX_BYTES = 200 * MIB

# The kinds of file shown as pictures inside the app (Qt reads these from bytes in memory).
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"})
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"%PDF-", 0, "application/pdf"),
)
_UNSAFE_IN_NAMES = frozenset('/\\:*?"<>|')


def clean_plan_line(part: PlanPart, text: str) -> str:
    clean = text.strip()
    if not clean:
        raise InvalidInput(
            "A step needs a few words." if part is PlanPart.STEP else "A line needs a few words."
        )
    if len(clean) > PLAN_LINE_MAX_CHARS:
        raise InvalidInput(f"A line of the plan fits in {PLAN_LINE_MAX_CHARS} characters.")
    return clean


def clean_words(words: str) -> str:
    """The exact words, kept exactly: only the blank lines pasted around them are dropped."""
    clean = words.strip("\r\n")
    if not clean.strip():
        return ""
    if len(clean) > WORDS_MAX_CHARS:
        raise InvalidInput(
            f"The exact words fit in {WORDS_MAX_CHARS:,} characters. A screenshot can hold "
            "the rest."
        )
    return clean


def megabytes(size: int) -> str:
    """A size as people read it: "3.2 MB", "640 KB"."""
    if size < MIB:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / MIB:.1f} MB"


def check_new_attachment(size: int, already_used: int) -> None:
    """InvalidInput unless a file of `size` bytes may join the `already_used` bytes kept."""
    if size == 0:
        raise InvalidInput("That file is empty, so there is nothing to keep.")
    if size > ATTACHMENT_MAX_BYTES:
        raise InvalidInput(
            f"That file is {megabytes(size)}; an attachment can be up to "
            f"{ATTACHMENT_MAX_BYTES // MIB} MB. A screenshot of the part that matters is "
            "usually smaller. Nothing was added."
        )
    if already_used + size > ATTACHMENTS_TOTAL_MAX_BYTES:
        left = max(0, ATTACHMENTS_TOTAL_MAX_BYTES - already_used)
        raise InvalidInput(
            f"Attachments can take up to {ATTACHMENTS_TOTAL_MAX_BYTES // MIB} MB in all, and "
            f"{megabytes(already_used)} are kept already ({megabytes(left)} left), so this "
            f"one ({megabytes(size)}) doesn't fit. Saving a copy of an old one elsewhere and "
            "removing it makes room. Nothing was added."
        )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_type(data: bytes) -> str:
    """What a file holds, from its first bytes (never its name, which anyone can change)."""
    for signature, offset, kind in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def is_image(kind: str) -> bool:
    return kind in IMAGE_TYPES


def clean_file_name(name: str) -> str:
    """A file's own name, safe to show and to save under: no folder, no control characters,
    no characters that folders refuse, not hidden, not too long (its extension kept)."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    kept = "".join(
        "_" if c in _UNSAFE_IN_NAMES or unicodedata.category(c).startswith("C") else c for c in base
    ).strip(" .")
    if not kept:
        return "attachment"
    if len(kept) > FILE_NAME_MAX_CHARS:
        stem, dot, extension = kept.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            kept = stem[: FILE_NAME_MAX_CHARS - len(extension) - 1] + "." + extension
        else:
            kept = kept[:FILE_NAME_MAX_CHARS]
    return kept


@dataclass(frozen=True)
class RecordFields:
    """What an attempt's record says; an edit that changes any of them keeps a version.
    (The person's own note is theirs to change freely: it is not part of the record.)"""

    kind: ContactKind
    at: datetime
    channel: Channel | None
    words: str


def record_changed(before: RecordFields, after: RecordFields) -> bool:
    return before != after
