"""Reasons for no contact, support people and unsent letters: the guide's companions.

Reasons and people are ordered lists the person arranges. A removed item comes back as a
copy (held in memory only) that `restore` puts back in its place, for undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlmodel import Session, col, func, select, update

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.support import SupportPersonDetails, checked_feeling, clean_reason
from recovery_app.services.journal_part import JournalPart
from recovery_app.storage.models import Letter, Reason, SupportPerson

_Row = TypeVar("_Row", Reason, SupportPerson)


@dataclass(frozen=True)
class SavedReason:
    id: int
    text: str


@dataclass(frozen=True)
class SavedPerson:
    id: int
    details: SupportPersonDetails


@dataclass(frozen=True)
class RemovedReason:
    """A removed reason, held in memory only, so `ReasonService.restore` can undo it."""

    reason: SavedReason
    position: int
    created_at: datetime


@dataclass(frozen=True)
class RemovedPerson:
    """A removed person, held in memory only, so `SupportPeopleService.restore` can undo it."""

    person: SavedPerson
    position: int
    created_at: datetime


@dataclass(frozen=True)
class SavedLetter:
    id: int
    body: str
    feeling_after: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ListedLetter:
    """A letter as the list of letters shows it: when it was begun and how it opens."""

    id: int
    created_at: datetime
    opening: str  # the body from its first non-blank character, at most OPENING_CHARS of it

    @classmethod
    def of(cls, letter: SavedLetter) -> ListedLetter:
        """A letter just saved, as `LetterService.listed` reads it from the journal."""
        return cls(letter.id, letter.created_at, letter.body.lstrip(_BLANKS)[:OPENING_CHARS])


OPENING_CHARS = 200  # a list shows less than this of a letter's first line
_BLANKS = " \t\r\n"  # what the database's ltrim and `of` both skip


class _OrderedList(JournalPart, Generic[_Row]):
    """Add at the end, move, remove and put back: shared by reasons and people."""

    _model: type[_Row]

    def _rows(self, session: Session) -> list[_Row]:
        statement = select(self._model).order_by(col(self._model.position), col(self._model.id))
        return list(session.exec(statement))

    def _append(self, session: Session, row: _Row) -> _Row:
        last = max((r.position for r in self._rows(session)), default=-1)
        row.position = last + 1
        row.created_at = self._now()
        session.add(row)
        session.commit()
        session.refresh(row)
        return row

    def _get(self, session: Session, row_id: int) -> _Row:
        row = session.get(self._model, row_id)
        if row is None:
            raise InvalidInput("That isn't there any more.")
        return row

    def move(self, row_id: int, steps: int) -> None:
        """Move one item up (negative) or down (positive) the list."""
        with self._vault.session() as session:
            rows = self._rows(session)
            ids = [r.id for r in rows]
            if row_id not in ids:
                raise InvalidInput("That isn't there any more.")
            index = ids.index(row_id)
            target = max(0, min(len(rows) - 1, index + steps))
            rows.insert(target, rows.pop(index))
            self._renumber(session, rows)
            session.commit()

    def _remove(self, row_id: int) -> _Row:
        """Delete one row; return a detached copy of it (for the caller's undo record)."""
        with self._vault.session() as session:
            row = self._get(session, row_id)
            copy = type(row).model_validate(row)
            session.delete(row)
            session.commit()
            return copy

    def _restore(self, row: _Row) -> _Row:
        """A new row (fresh id: SQLite may have reused the old one) back at `row.position`."""
        with self._vault.session() as session:
            session.exec(
                update(self._model)
                .where(col(self._model.position) >= row.position)
                .values(position=col(self._model.position) + 1)
            )
            session.add(row)
            session.commit()
            session.refresh(row)
            return row

    @staticmethod
    def _renumber(session: Session, rows: list[_Row]) -> None:
        for position, row in enumerate(rows):
            if row.position != position:
                row.position = position
                session.add(row)


class ReasonService(_OrderedList[Reason]):
    _model = Reason

    def reasons(self) -> list[SavedReason]:
        with self._vault.session() as session:
            return [_reason(r) for r in self._rows(session)]

    def add(self, text: str) -> SavedReason:
        with self._vault.session() as session:
            return _reason(
                self._append(session, Reason(text=clean_reason(text), created_at=self._now()))
            )

    def update(self, reason_id: int, text: str) -> SavedReason:
        clean = clean_reason(text)
        with self._vault.session() as session:
            row = self._get(session, reason_id)
            row.text = clean
            session.add(row)
            session.commit()
            return SavedReason(reason_id, clean)

    def remove(self, reason_id: int) -> RemovedReason:
        row = self._remove(reason_id)
        return RemovedReason(_reason(row), row.position, row.created_at)

    def restore(self, removed: RemovedReason) -> SavedReason:
        row = Reason(
            text=removed.reason.text, position=removed.position, created_at=removed.created_at
        )
        return _reason(self._restore(row))


class SupportPeopleService(_OrderedList[SupportPerson]):
    _model = SupportPerson

    def people(self) -> list[SavedPerson]:
        with self._vault.session() as session:
            return [_person(p) for p in self._rows(session)]

    def add(self, details: SupportPersonDetails) -> SavedPerson:
        clean = details.validated()
        row = SupportPerson(
            name=clean.name, reach=clean.reach, note=clean.note, created_at=self._now()
        )
        with self._vault.session() as session:
            return _person(self._append(session, row))

    def update(self, person_id: int, details: SupportPersonDetails) -> SavedPerson:
        clean = details.validated()
        with self._vault.session() as session:
            row = self._get(session, person_id)
            row.name, row.reach, row.note = clean.name, clean.reach, clean.note
            session.add(row)
            session.commit()
            return SavedPerson(person_id, clean)

    def remove(self, person_id: int) -> RemovedPerson:
        row = self._remove(person_id)
        return RemovedPerson(_person(row), row.position, row.created_at)

    def restore(self, removed: RemovedPerson) -> SavedPerson:
        details = removed.person.details
        row = SupportPerson(
            name=details.name,
            reach=details.reach,
            note=details.note,
            position=removed.position,
            created_at=removed.created_at,
        )
        return _person(self._restore(row))


class LetterService(JournalPart):
    """Unsent letters, newest first. Saved as the person types, so `save` is cheap."""

    def letters(self) -> list[SavedLetter]:
        with self._vault.session() as session:
            rows = session.exec(
                select(Letter).order_by(col(Letter.created_at).desc(), col(Letter.id).desc())
            )
            return [_letter(r) for r in rows]

    def listed(self) -> list[ListedLetter]:
        """The letters as their list shows them, newest first: each one's opening only, read
        by the database, not the whole of every letter."""
        opening = func.substr(func.ltrim(col(Letter.body), _BLANKS), 1, OPENING_CHARS)
        statement = select(col(Letter.id), col(Letter.created_at), opening).order_by(
            col(Letter.created_at).desc(), col(Letter.id).desc()
        )
        with self._vault.session() as session:
            return [_listed(*row) for row in session.exec(statement)]

    def get(self, letter_id: int) -> SavedLetter:
        with self._vault.session() as session:
            return _letter(_get_letter(session, letter_id))

    def start(self, body: str = "") -> SavedLetter:
        now = self._now()
        with self._vault.session() as session:
            row = Letter(body=body, created_at=now, updated_at=now)
            session.add(row)
            session.commit()
            session.refresh(row)
            return _letter(row)

    def save(self, letter_id: int, body: str) -> SavedLetter:
        with self._vault.session() as session:
            row = _get_letter(session, letter_id)
            if row.body != body:
                row.body = body
                row.updated_at = self._now()
                session.add(row)
                session.commit()
                session.refresh(row)
            return _letter(row)

    def set_feeling(self, letter_id: int, feeling: int | None) -> SavedLetter:
        checked = checked_feeling(feeling)
        with self._vault.session() as session:
            row = _get_letter(session, letter_id)
            row.feeling_after = checked
            session.add(row)
            session.commit()
            session.refresh(row)
            return _letter(row)

    def delete(self, letter_id: int) -> SavedLetter:
        """Delete one letter; the returned copy (memory only) lets `restore` undo it."""
        with self._vault.session() as session:
            row = _get_letter(session, letter_id)
            copy = _letter(row)
            session.delete(row)
            session.commit()
            return copy

    def restore(self, copy: SavedLetter) -> SavedLetter:
        """Put a deleted letter back, with a fresh id."""
        with self._vault.session() as session:
            row = Letter(
                body=copy.body,
                feeling_after=copy.feeling_after,
                created_at=copy.created_at,
                updated_at=copy.updated_at,
            )
            session.add(row)
            session.commit()
            session.refresh(row)
            return _letter(row)


def _reason(row: Reason) -> SavedReason:
    assert row.id is not None
    return SavedReason(row.id, row.text)


def _person(row: SupportPerson) -> SavedPerson:
    assert row.id is not None
    return SavedPerson(row.id, SupportPersonDetails(row.name, row.reach, row.note))


def _letter(row: Letter) -> SavedLetter:
    assert row.id is not None
    return SavedLetter(row.id, row.body, row.feeling_after, row.created_at, row.updated_at)


def _listed(letter_id: int | None, created_at: datetime, opening: str | None) -> ListedLetter:
    assert letter_id is not None
    return ListedLetter(letter_id, created_at, opening or "")


def _get_letter(session: Session, letter_id: int) -> Letter:
    row = session.get(Letter, letter_id)
    if row is None:
        raise InvalidInput("That letter isn't there any more.")
    return row
