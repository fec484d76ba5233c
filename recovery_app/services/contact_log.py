"""The contact log: the times they reached out, as a document to hand to someone.

An advocate, a lawyer or the police may ask for a careful record: when each attempt came
and when it was written down, how, the exact words, the files with their fingerprints, and
which entries were changed after they were first saved. `log()` gathers the entries chosen
(one clock, a range of days) in the order they happened; `write_csv()` writes them as CSV
(every cell that a spreadsheet would run as a formula is escaped, as in the journal's own
CSV export); the PDF is drawn with Qt by recovery_app.documents and written by
`write_document()`. Both are plain files, written only where asked, under a temporary name
until whole. The window and the command line say first that they are not encrypted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from recovery_app import __version__
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel
from recovery_app.domain.reach_out import megabytes
from recovery_app.services.attempt_records import AttemptVersion
from recovery_app.services.contact_events import get_clock
from recovery_app.services.contact_records import CANT_WRITE_THERE, AttemptRecord, RecordService
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.storage.errors import NotWritable
from recovery_app.storage.export_writer import csv_cell, written_atomically
from recovery_app.storage.vault import Vault

CHANNEL_NAMES = {
    Channel.MESSAGE: "Message",
    Channel.CALL: "Call",
    Channel.IN_PERSON: "In person",
    Channel.SOCIAL_MEDIA: "Social media",
    Channel.OTHER: "Other",
}
NOT_SAID = "Not noted"


@dataclass(frozen=True)
class ContactLogChoice:
    """What goes into the document: one clock, the days (None: from the first, to the last),
    and whether the person's own notes and the files (thumbnails, fingerprints) go too.
    Nothing is in unless chosen: a person may not want to see the pictures again."""

    clock_id: int
    start: date | None = None
    end: date | None = None
    include_notes: bool = False
    include_attachments: bool = False


@dataclass(frozen=True)
class ContactLog:
    clock_name: str
    choice: ContactLogChoice
    made_at: datetime
    entries: tuple[AttemptRecord, ...]
    app_version: str = __version__


def local_moment(moment: datetime) -> str:
    """ "3 December 2026, 14:02 (UTC+01:00)": the local time, with its offset so that it
    reads the same anywhere."""
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local.day} {local:%B %Y, %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def iso_moment(moment: datetime) -> str:
    return moment.astimezone().isoformat(timespec="seconds")


def channel_name(channel: Channel | None) -> str:
    return NOT_SAID if channel is None else CHANNEL_NAMES[channel]


def day_range_text(start: date | None, end: date | None) -> str:
    def day(d: date) -> str:
        return f"{d.day} {d:%B %Y}"

    if start is None and end is None:
        return "Every entry"
    if start is None:
        assert end is not None
        return f"Up to {day(end)}"
    if end is None:
        return f"From {day(start)}"
    return f"From {day(start)} to {day(end)}"


class ContactLogService(JournalPart):
    def __init__(
        self,
        vault: Vault,
        now: Callable[[], datetime] = utc_now,
        records: RecordService | None = None,
    ) -> None:
        super().__init__(vault, now)
        self._records = records or RecordService(vault, now)

    def log(self, choice: ContactLogChoice) -> ContactLog:
        entries = self._records.attempts(choice.clock_id, choice.start, choice.end)
        with self._vault.session() as session:
            name = get_clock(session, choice.clock_id).name
        return ContactLog(name, choice, self._now(), tuple(entries))

    def attachment_data(self, attachment_id: int) -> bytes:
        return self._records.attachment_data(attachment_id)

    def write_csv(self, log: ContactLog, target: Path, *, overwrite: bool = False) -> Path:
        def write(handle: IO[bytes]) -> None:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            writer = csv.writer(text)
            for row in csv_rows(log):
                writer.writerow([csv_cell(cell) for cell in row])
            text.flush()
            text.detach()

        return _write(target, overwrite, write)

    def write_document(self, target: Path, data: bytes, *, overwrite: bool = False) -> Path:
        """A document already drawn (the PDF), written as `write_csv` writes."""
        return _write(target, overwrite, lambda handle: handle.write(data))


def csv_rows(log: ContactLog) -> list[list[str]]:
    """The header and one row per entry, in the order they happened."""
    choice = log.choice
    header = [
        "entry",
        "happened at",
        "logged at",
        "how",
        "exact words",
        "attachments",
        "edited on",
        "earlier versions",
    ]
    if choice.include_notes:
        header.append("my note")
    rows = [header]
    for number, entry in enumerate(log.entries, start=1):
        contact, details = entry.contact, entry.contact.details
        row = [
            str(number),
            iso_moment(details.at),
            iso_moment(contact.created_at),
            channel_name(details.channel),
            details.words,
            _files_cell(entry, choice.include_attachments),
            "" if contact.edited_at is None else iso_moment(contact.edited_at),
            "\n\n".join(_version_text(v, choice.include_attachments) for v in entry.versions),
        ]
        if choice.include_notes:
            row.append(details.note)
        rows.append(row)
    return rows


def _files_cell(entry: AttemptRecord, included: bool) -> str:
    if not entry.attachments:
        return ""
    if not included:
        return f"{len(entry.attachments)} (not included)"
    return "\n".join(
        f"{a.name} ({megabytes(a.size)}, added {iso_moment(a.added_at)}, SHA-256 {a.sha256})"
        for a in entry.attachments
    )


def _version_text(version: AttemptVersion, with_files: bool) -> str:
    parts = [
        f"until {iso_moment(version.replaced_at)}",
        f"happened at {iso_moment(version.at)}",
        f"how: {channel_name(version.channel)}",
        f"exact words: {version.words}" if version.words else "no exact words",
    ]
    if with_files and version.attachments:
        parts.append(
            "files: " + ", ".join(f"{a.name} (SHA-256 {a.sha256})" for a in version.attachments)
        )
    return "; ".join(parts)


def _write(target: Path, overwrite: bool, write: Callable[[IO[bytes]], object]) -> Path:
    if not target.parent.is_dir():
        raise InvalidInput("That folder isn't there. Please choose another place to save.")
    try:
        with written_atomically(target, overwrite) as handle:
            write(handle)
    except FileExistsError:
        raise InvalidInput(
            "There is already a file with that name. Please choose another name, or say it "
            "may be replaced."
        ) from None
    except NotWritable:
        raise InvalidInput(CANT_WRITE_THERE) from None
    return target
