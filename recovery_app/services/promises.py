"""Promises to myself: the one store that the check-in, the Exercises screen and the command
line all read and write.

The module functions take the session, so the check-in saves its answers and its promises
in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy
from sqlmodel import Session, col, func, or_, select

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.promises import (
    PromiseTally,
    WeekShare,
    clean_promise_text,
    share_of_weeks,
    stored_outcome,
    weeks_from_tallies,
)
from recovery_app.services.journal_part import JournalPart
from recovery_app.storage.models import Promise


@dataclass(frozen=True)
class SavedPromise:
    id: int
    text: str
    day: date
    outcome: PromiseOutcome | None
    from_check_in: bool


class NoSuchPromise(InvalidInput):
    def __init__(self) -> None:
        super().__init__("There's no promise with that number. `promise list` shows them.")


class PromiseService(JournalPart):
    def add(self, text: str, day: date | None = None) -> SavedPromise:
        clean = clean_promise_text(text)
        with self._vault.session() as session:
            row = Promise(text=clean, day=day or self.today(), created_at=self._now())
            session.add(row)
            session.commit()
            return _saved(row)

    def mark(self, promise_id: int, outcome: PromiseOutcome | None) -> SavedPromise:
        """Kept, not kept, let go; None (or "skip") opens it again."""
        with self._vault.session() as session:
            row = session.get(Promise, promise_id)
            if row is None:
                raise NoSuchPromise()
            set_outcome(row, outcome, self._now())
            session.add(row)
            session.commit()
            return _saved(row)

    def delete(self, promise_id: int) -> None:
        with self._vault.session() as session:
            row = session.get(Promise, promise_id)
            if row is None:
                raise NoSuchPromise()
            session.delete(row)
            session.commit()

    def promises(self, *, since: date | None = None) -> list[SavedPromise]:
        """Newest day first."""
        statement = select(Promise).order_by(col(Promise.day).desc(), col(Promise.id).desc())
        if since is not None:
            statement = statement.where(col(Promise.day) >= since)
        with self._vault.session() as session:
            return [_saved(row) for row in session.exec(statement)]

    def open_promises(self, *, newest: int | None = None) -> list[SavedPromise]:
        """Promises for today or earlier that are not marked yet, oldest first; only the
        `newest` of them if given (read in SQL: years of promises, most long marked)."""
        statement = (
            select(Promise)
            .where(col(Promise.outcome).is_(None), col(Promise.day) <= self.today())
            .order_by(col(Promise.day).desc(), col(Promise.id).desc())
            .limit(newest)
        )
        with self._vault.session() as session:
            return [_saved(row) for row in reversed(session.exec(statement).all())]

    def self_trust_line(self) -> list[WeekShare]:
        """Counted in SQL, week by week (a promise a day for years is thousands of rows)."""
        # SQLite's Monday of a day's week: the next Sunday (or that Sunday), less six days.
        monday = func.date(col(Promise.day), "weekday 0", "-6 days")
        decided = [PromiseOutcome.KEPT.value, PromiseOutcome.NOT_KEPT.value]
        statement = (
            sqlalchemy.select(monday, col(Promise.outcome), func.count())
            .where(col(Promise.outcome).in_(decided))
            .group_by(monday, col(Promise.outcome))
        )
        with self._vault.session() as session:
            rows = session.connection().execute(statement).all()
        return weeks_from_tallies(
            PromiseTally(date.fromisoformat(day), PromiseOutcome(outcome), count)
            for day, outcome, count in rows
        )

    def share_kept(self) -> float | None:
        return share_of_weeks(self.self_trust_line())


# ----- what the check-in shares ---------------------------------------------------------------


def check_in_promise(session: Session, day: date) -> Promise | None:
    """The promise made in the check-in of `day`; else the first promise for that day, so a
    promise made elsewhere is asked about the next day too."""
    return promise_asked_about(promises_of_days(session, [day]), day)


def promises_of_days(session: Session, days: Sequence[date]) -> list[Promise]:
    """In one read, every promise a check-in of these days made or that is for one of them,
    oldest first: what `promise_asked_about` chooses from."""
    statement = select(Promise).where(
        or_(col(Promise.check_in_day).in_(days), col(Promise.day).in_(days))
    )
    return list(session.exec(statement.order_by(col(Promise.id))))


def promise_asked_about(candidates: Sequence[Promise], day: date) -> Promise | None:
    """`check_in_promise` of `day`, chosen from `promises_of_days` of days that include it."""
    linked = next((p for p in candidates if p.check_in_day == day), None)
    return linked if linked is not None else next((p for p in candidates if p.day == day), None)


def set_check_in_promise(session: Session, day: date, text: str, now: datetime) -> None:
    """Today's promise as the check-in of `day` wrote it: made, changed, or removed."""
    row = session.exec(select(Promise).where(Promise.check_in_day == day)).first()
    if not text:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = Promise(text=text, day=day, check_in_day=day, created_at=now)
    row.text = text
    session.add(row)


def set_outcome(row: Promise, outcome: PromiseOutcome | None, now: datetime) -> None:
    kept = stored_outcome(outcome)
    if (row.outcome or None) == (kept.value if kept else None):
        return
    row.outcome = None if kept is None else kept.value
    row.marked_at = None if kept is None else now


def _saved(row: Promise) -> SavedPromise:
    assert row.id is not None
    return SavedPromise(
        id=row.id,
        text=row.text,
        day=row.day,
        outcome=None if row.outcome is None else PromiseOutcome(row.outcome),
        from_check_in=row.check_in_day is not None,
    )
