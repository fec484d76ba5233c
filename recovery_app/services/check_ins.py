"""The daily check-in: one per local calendar day, editable later.

Its two promise questions ("yesterday's promise: kept?", "today's promise") read and write
the promise store (services/promises.py), the same rows the Exercises screen and
`recovery-app promise` show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.services.journal_part import JournalPart
from recovery_app.services.promises import (
    check_in_promise,
    promise_asked_about,
    promises_of_days,
    set_check_in_promise,
    set_outcome,
)
from recovery_app.storage.models import CheckIn


@dataclass(frozen=True)
class SavedCheckIn:
    day: date
    answers: CheckInAnswers


class CheckInService(JournalPart):
    def get(self, day: date | None = None) -> SavedCheckIn | None:
        day = day or self.today()
        with self._vault.session() as session:
            row = session.exec(select(CheckIn).where(CheckIn.day == day)).first()
            if row is None:
                return None
            return SavedCheckIn(row.day, _answers(session, row))

    def yesterdays_promise(self, day: date | None = None) -> str:
        """The promise for the day before `day` (today by default), or "" if none."""
        with self._vault.session() as session:
            row = check_in_promise(session, (day or self.today()) - timedelta(days=1))
            return "" if row is None else row.text

    def save(self, answers: CheckInAnswers, day: date | None = None) -> SavedCheckIn:
        """Create or replace the check-in of `day` (today by default)."""
        day = day or self.today()
        clean = answers.validated()
        now = self._now()
        with self._vault.session() as session:
            row = session.exec(select(CheckIn).where(CheckIn.day == day)).first()
            if row is None:
                row = CheckIn(day=day, created_at=now, updated_at=now)
            row.mood = clean.mood
            row.no_contact = None if clean.no_contact is None else clean.no_contact.value
            row.pull = clean.pull
            row.note = clean.note
            row.updated_at = now
            session.add(row)
            set_check_in_promise(session, day, clean.promise, now)
            # No answer leaves yesterday's promise as it was (it may have been marked on the
            # Exercises screen); "skip" opens it again.
            yesterdays = check_in_promise(session, day - timedelta(days=1))
            if yesterdays is not None and clean.yesterday_promise is not None:
                set_outcome(yesterdays, clean.yesterday_promise, now)
                session.add(yesterdays)
            session.commit()
            return SavedCheckIn(day, _answers(session, row))


def _answers(session: Session, row: CheckIn) -> CheckInAnswers:
    """The check-in's answers with its two promises, read together: this runs before Today
    shows its figures, where each further read of the journal is a wait."""
    yesterday = row.day - timedelta(days=1)
    candidates = promises_of_days(session, [row.day, yesterday])
    today = next((p for p in candidates if p.check_in_day == row.day), None)
    yesterdays = promise_asked_about(candidates, yesterday)
    outcome = None if yesterdays is None or yesterdays.outcome is None else yesterdays.outcome
    return CheckInAnswers(
        mood=row.mood,
        no_contact=None if row.no_contact is None else NoContactAnswer(row.no_contact),
        pull=row.pull,
        yesterday_promise=None if outcome is None else PromiseOutcome(outcome),
        promise="" if today is None else today.text,
        note=row.note,
    )
