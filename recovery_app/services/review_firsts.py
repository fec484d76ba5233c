"""When each kind of entry the review counts was first noted: a range never starts before
the journal does, and each section starts on its own first entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, func
from sqlalchemy.engine import Connection
from sqlmodel import col

from recovery_app.domain.stretches import local_day
from recovery_app.storage.models import CheckIn, Clock, ContactEvent, Hunch, Promise, Urge


@dataclass(frozen=True)
class JournalFirsts:
    clock_since: date | None
    urge_first: datetime | None
    urge_last: datetime | None
    check_in: date | None
    promise: date | None
    hunch_checked: datetime | None
    contact_first: datetime | None

    def journal_first(self) -> date | None:
        days = [
            self.clock_since,
            None if self.urge_first is None else local_day(self.urge_first),
            self.check_in,
            self.promise,
            None if self.hunch_checked is None else local_day(self.hunch_checked),
        ]
        known = [d for d in days if d is not None]
        return min(known) if known else None


def journal_firsts(connection: Connection) -> JournalFirsts:
    def first(column: Any, *where: ColumnElement[bool]) -> Any:
        return sqlalchemy.select(func.min(column)).where(*where).scalar_subquery()

    statement = sqlalchemy.select(
        first(col(Clock.since)),
        first(col(Urge.at)),
        sqlalchemy.select(func.max(col(Urge.at))).scalar_subquery(),
        first(col(CheckIn.day)),
        first(col(Promise.day)),
        first(col(Hunch.checked_at), col(Hunch.outcome).is_not(None)),
        first(col(ContactEvent.at)),
    )
    return JournalFirsts(*connection.execute(statement).all()[0])
