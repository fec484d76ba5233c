"""A person's own words for a report, read only when the person asked for them by name:
check-in notes, memories and unsent letters written in the report's dates."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import sqlalchemy
from sqlalchemy import String, type_coerce
from sqlalchemy.engine import Connection
from sqlmodel import col

from recovery_app.domain.kinds import MemoryKind, ReportSection
from recovery_app.domain.review_range import DayRange
from recovery_app.domain.stretches import local_day
from recovery_app.services.local_days import day_bounds
from recovery_app.storage.models import CheckIn, Letter
from recovery_app.storage.models import Memory as MemoryRow


@dataclass(frozen=True)
class DatedWords:
    day: date  # the local day it was written (a note: the day of its check-in)
    text: str


@dataclass(frozen=True)
class MemoryWords:
    written_on: date
    kind: MemoryKind
    when: str  # the fuzzy date as the person gave it
    title: str
    what_happened: str


@dataclass(frozen=True)
class ReportWritings:
    notes: tuple[DatedWords, ...] = ()
    memories: tuple[MemoryWords, ...] = ()
    letters: tuple[DatedWords, ...] = ()


def read_writings(
    connection: Connection, span: DayRange | None, sections: Collection[ReportSection]
) -> ReportWritings:
    """Only the kinds named in `sections`; nothing at all for an empty range."""
    if span is None:
        return ReportWritings()
    start, end = day_bounds(span.first, span.last)
    notes: tuple[DatedWords, ...] = ()
    memories: tuple[MemoryWords, ...] = ()
    letters: tuple[DatedWords, ...] = ()
    if ReportSection.NOTES in sections:
        day = col(CheckIn.day)
        notes = tuple(
            DatedWords(date.fromisoformat(text), note)
            for text, note in connection.execute(
                sqlalchemy.select(type_coerce(day, String), col(CheckIn.note))
                .where(day >= span.first, day <= span.last, col(CheckIn.note) != "")
                .order_by(day)
            )
        )
    if ReportSection.MEMORIES in sections:
        written = col(MemoryRow.created_at)
        memories = tuple(
            MemoryWords(local_day(at), MemoryKind(kind), when, title, what)
            for at, kind, when, title, what in connection.execute(
                sqlalchemy.select(
                    written,
                    col(MemoryRow.kind),
                    col(MemoryRow.date_text),
                    col(MemoryRow.title),
                    col(MemoryRow.what_happened),
                )
                .where(written >= start, written < end)
                .order_by(written, col(MemoryRow.id))
            )
        )
    if ReportSection.LETTERS in sections:
        letter_at = col(Letter.created_at)
        letters = tuple(
            DatedWords(local_day(at), body)
            for at, body in connection.execute(
                sqlalchemy.select(letter_at, col(Letter.body))
                .where(letter_at >= start, letter_at < end, col(Letter.body) != "")
                .order_by(letter_at, col(Letter.id))
            )
        )
    return ReportWritings(notes, memories, letters)
