"""Shared by the report tests (the window's and the command line's): a journal with something
of every kind, a marker in the person's own words, and a PDF read back as text (pdftotext,
from Debian's poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recovery_app.domain.check_in import CheckInAnswers
from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.kinds import ContactKind, MemoryKind
from recovery_app.domain.memories import MemoryDetails
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.journal import Journal

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def ago(days: int, hour: int = 20) -> datetime:
    day = datetime.now(UTC).astimezone().date() - timedelta(days=days)
    return datetime.combine(day, datetime.min.time()).replace(hour=hour).astimezone()


def fill_with_marker(journal: Journal, marker: str) -> None:
    """Numbers of every kind, and `marker` in a letter, a memory, a check-in note, a
    contact's note and an urge's note: none of those is in a default report."""
    today = journal.today()
    clock = journal.clocks.add_clock("Sam", today - timedelta(days=200))
    assert clock.id is not None
    journal.clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, ago(60), note=marker))
    journal.clocks.log_contact(clock.id, ContactDetails(ContactKind.THEM, ago(5)))
    for days_ago in range(0, 150, 2):
        journal.urges.log_urge(
            UrgeDetails(
                at=ago(days_ago, 9 + days_ago % 12),
                intensity=2 + days_ago % 7,
                outcome=UrgeOutcome.PASSED if days_ago % 5 else UrgeOutcome.REACHED_OUT,
                triggers=("A song",) if days_ago % 3 else ("Night-time",),
                note=marker if days_ago == 10 else "",
            )
        )
    for days_ago in range(0, 40, 3):
        journal.check_ins.save(
            CheckInAnswers(mood=2 + days_ago % 3, pull=days_ago % 9, note=marker),
            day=today - timedelta(days=days_ago),
        )
    journal.memories.add_memory(
        MemoryDetails(MemoryKind.HARM, f"Title {marker}", parse("2021-07"), f"What {marker}")
    )
    journal.letters.start(f"Dear you, {marker}")


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def pdf_text_of(data: bytes, folder: Path) -> str:
    path = folder / "read-back.pdf"
    path.write_bytes(data)
    try:
        return pdf_text(path)
    finally:
        path.unlink()
