"""The daily check-in: one per local calendar day, editable later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import select

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.services.journal_part import JournalPart
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
        return None if row is None else SavedCheckIn(row.day, _answers(row))

    def yesterdays_promise(self, day: date | None = None) -> str:
        """The promise made the day before `day` (today by default), or "" if none."""
        earlier = self.get((day or self.today()) - timedelta(days=1))
        return "" if earlier is None else earlier.answers.promise

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
            row.yesterday_promise = (
                None if clean.yesterday_promise is None else clean.yesterday_promise.value
            )
            row.promise = clean.promise
            row.note = clean.note
            row.updated_at = now
            session.add(row)
            session.commit()
        return SavedCheckIn(day, clean)


def _answers(row: CheckIn) -> CheckInAnswers:
    return CheckInAnswers(
        mood=row.mood,
        no_contact=None if row.no_contact is None else NoContactAnswer(row.no_contact),
        pull=row.pull,
        yesterday_promise=(
            None if row.yesterday_promise is None else PromiseOutcome(row.yesterday_promise)
        ),
        promise=row.promise,
        note=row.note,
    )
