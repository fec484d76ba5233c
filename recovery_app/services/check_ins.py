"""The daily check-in: one per local calendar day, editable later."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.domain.stretches import local_day
from recovery_app.storage.models import CheckIn
from recovery_app.storage.vault import Vault


@dataclass(frozen=True)
class SavedCheckIn:
    day: date
    answers: CheckInAnswers


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CheckInService:
    def __init__(self, vault: Vault, now: Callable[[], datetime] = _utc_now) -> None:
        self._vault = vault
        self._now = now

    @property
    def data_dir(self) -> Path:
        return self._vault.paths.data_dir

    def today(self) -> date:
        return local_day(self._now())

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
