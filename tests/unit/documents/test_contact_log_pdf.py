"""The contact log as a PDF, read back with pdftotext: the entries chosen in the order they
came, the edit marks and earlier versions, and nothing that wasn't chosen."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from recovery_app.documents.contact_log_pdf import render_contact_log
from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_log import ContactLogChoice, ContactLogService, csv_rows
from recovery_app.services.contact_records import RecordService

NOW = datetime.now(UTC).replace(microsecond=0)


def now() -> datetime:
    return NOW


def png() -> bytes:
    image = QImage(400, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("darkseagreen"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def them(days: int, words: str, note: str = "") -> ContactDetails:
    return ContactDetails(
        ContactKind.THEM, NOW - timedelta(days=days), Channel.MESSAGE, note=note, words=words
    )


@pytest.fixture
def journal(vault, qapp):  # type: ignore[no-untyped-def]
    clocks = ClockService(vault, now=now)
    records = RecordService(vault, now=now)
    sam = clocks.add_clock("Sam", NOW.date() - timedelta(days=60)).id
    alex = clocks.add_clock("Alex", NOW.date() - timedelta(days=60)).id
    clocks.log_contact(sam, them(20, "TOO-EARLY words"))
    first = clocks.log_contact(sam, them(5, "FIVE-DAYS words", note="PRIVATE-NOTE"))
    clocks.update_contact(first.id, them(5, "FIVE-DAYS words, as corrected", note="PRIVATE-NOTE"))
    second = clocks.log_contact(sam, them(2, "TWO-DAYS words\u202eevil"))
    shot = records.add_attachment(second.id, "screen one.png", png())
    clocks.log_contact(sam, ContactDetails(ContactKind.ME, NOW - timedelta(days=3), note="MINE"))
    clocks.log_contact(alex, them(3, "OTHER-CLOCK words"))
    return vault, sam, shot


def pdf_text(vault, choice: ContactLogChoice, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    service = ContactLogService(vault, now=now)
    log = service.log(choice)
    target = service.write_document(
        tmp_path / "log.pdf", render_contact_log(log, service.attachment_data)
    )
    assert target.read_bytes().startswith(b"%PDF-")
    done = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_chosen_days_in_order_with_edit_marks_and_nothing_else(journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, sam, shot = journal
    start = (NOW - timedelta(days=10)).astimezone().date()
    text = pdf_text(vault, ContactLogChoice(sam, start=start), tmp_path)
    assert "Contact log" in text and "Sam" in text
    assert "Entries\n\n2" in text or "Entries\n2" in text
    five, two = text.index("FIVE-DAYS words, as corrected"), text.index("TWO-DAYS words")
    assert five < two  # in the order they happened
    assert len(re.findall(r"Edited on \d", text)) == 1  # the cover explains it once, too
    assert "Earlier versions" in text and "First version, replaced on" in text
    assert "FIVE-DAYS words\n" in text  # the first version, as it was
    assert "\\u202e" in text and "\u202e" not in text  # shown, never obeyed
    assert "Entry 1 of 2" in text and "Entry 2 of 2" in text
    assert "page 1 of" in text
    for absent in ("TOO-EARLY", "OTHER-CLOCK", "PRIVATE-NOTE", "MINE", shot.sha256, "screen one"):
        assert absent not in text
    assert "1 attachment, not included" in text


def test_files_and_notes_go_in_only_when_chosen(journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, sam, shot = journal
    choice = ContactLogChoice(sam, include_notes=True, include_attachments=True)
    text = pdf_text(vault, choice, tmp_path)
    assert shot.sha256 in text and "screen one.png" in text
    assert "PRIVATE-NOTE" in text and "TOO-EARLY" in text
    assert "OTHER-CLOCK" not in text and "MINE" not in text


def test_no_entries_still_makes_a_cover_that_says_so(journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, sam, _ = journal
    day = (NOW - timedelta(days=40)).astimezone().date()
    text = pdf_text(vault, ContactLogChoice(sam, start=day, end=day), tmp_path)
    assert "No contact from them was noted on these days." in text


def test_the_csv_rows_hold_the_same_and_escape_nothing_but_formula_starts(  # type: ignore[no-untyped-def]
    journal, tmp_path: Path
) -> None:
    vault, sam, shot = journal
    service = ContactLogService(vault, now=now)
    rows = csv_rows(service.log(ContactLogChoice(sam, include_attachments=True)))
    assert rows[0][-1] == "earlier versions" and "my note" not in rows[0]
    words = [row[4] for row in rows[1:]]
    assert words[0] == "TOO-EARLY words" and words[1] == "FIVE-DAYS words, as corrected"
    assert shot.sha256 in rows[3][5]
    assert rows[2][6] and "exact words: FIVE-DAYS words" in rows[2][7]
    target = service.write_csv(service.log(ContactLogChoice(sam)), tmp_path / "l.csv")
    parsed = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [row[4] for row in parsed[1:]] == words  # none of these begins like a formula
    assert parsed[3][5] == "1 (not included)"
