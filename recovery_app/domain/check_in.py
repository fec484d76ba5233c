"""The daily check-in: every answer may be skipped (None or ""), nothing is assumed."""

from __future__ import annotations

from dataclasses import dataclass

from recovery_app.domain.errors import InvalidInput

# The kinds live in domain/kinds.py (the command line offers them cheaply); named here too.
from recovery_app.domain.kinds import NoContactAnswer as NoContactAnswer
from recovery_app.domain.kinds import PromiseOutcome as PromiseOutcome

MOODS = range(1, 6)
PULLS = range(0, 11)
PROMISE_MAX_CHARS = 300


@dataclass(frozen=True)
class CheckInAnswers:
    mood: int | None = None
    no_contact: NoContactAnswer | None = None
    pull: int | None = None
    yesterday_promise: PromiseOutcome | None = None
    promise: str = ""  # today's promise to myself
    note: str = ""

    def validated(self) -> CheckInAnswers:
        if self.mood is not None and self.mood not in MOODS:
            raise InvalidInput("Mood goes from 1 to 5.")
        if self.pull is not None and self.pull not in PULLS:
            raise InvalidInput("The pull goes from 0 to 10.")
        promise = self.promise.strip()
        if len(promise) > PROMISE_MAX_CHARS:
            raise InvalidInput(f"A promise fits in {PROMISE_MAX_CHARS} characters.")
        return CheckInAnswers(
            self.mood,
            self.no_contact,
            self.pull,
            self.yesterday_promise,
            promise,
            self.note.strip(),
        )

    @property
    def is_empty(self) -> bool:
        return self == CheckInAnswers()
