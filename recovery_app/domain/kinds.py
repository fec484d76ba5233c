"""The closed sets of answers the journal knows: kinds of contact, memory and outcome.

One light module (nothing but `enum`), so the command line's parser offers exactly these
values without loading the rules that use them; the rule modules re-export them by name.
"""

from __future__ import annotations

from enum import StrEnum


class ContactKind(StrEnum):
    ME = "me"  # I reached out: ends the running stretch
    THEM = "them"  # they reached out: recorded, never ends my stretch
    UNAVOIDABLE = "unavoidable"  # allowed or unavoidable: never ends a stretch


class Channel(StrEnum):
    """How a contact happened."""

    MESSAGE = "message"
    CALL = "call"
    IN_PERSON = "in-person"
    SOCIAL_MEDIA = "social-media"
    OTHER = "other"


class PlanPart(StrEnum):
    """The two lists of my plan for when they reach out."""

    STEP = "step"  # what I do: notice it, no reply now, keep a record, talk to someone…
    ANSWER = "answer"  # "if I have to answer": short, factual lines for allowed contact


class NoContactAnswer(StrEnum):
    YES = "yes"  # kept no contact today
    NO = "no"  # there was contact (the person may log it)
    THEM = "them"  # they reached out


class PromiseOutcome(StrEnum):
    """How a promise to myself went. The promise store (domain/promises.py) holds the first
    three; SKIPPED is a check-in answer only ("I'd rather not say"), stored as no outcome."""

    KEPT = "kept"
    NOT_KEPT = "not"
    LET_GO = "let-go"  # let go on purpose: counted neither kept nor not kept
    SKIPPED = "skip"


class UrgeOutcome(StrEnum):
    PASSED = "passed"
    REACHED_OUT = "reached-out"


class MemoryKind(StrEnum):
    GOOD = "good"  # a good moment
    HARM = "harm"  # something that hurt
    APOLOGY = "apology"  # an apology or making up
    TENSION = "tension"  # tension building
    OTHER = "other"


class HunchKind(StrEnum):
    INSTINCT = "instinct"  # a gut feeling
    PREDICTION = "prediction"  # "this urge will beat me", "they will apologise, then do it again"


class CheckOutcome(StrEnum):
    RIGHT = "right"
    WRONG = "wrong"
    PARTLY = "partly"
    CANT_TELL = "cant-tell"


class ReportSection(StrEnum):
    """The parts a review report can hold, in the order it shows them. The last three hold
    a person's own words and are left out unless asked for (`domain/report.py`)."""

    STRETCHES = "stretches"
    MILESTONES = "milestones"
    URGES = "urges"
    TRIGGERS = "triggers"
    CHECK_INS = "check-ins"
    PROMISES = "promises"
    PREDICTIONS = "predictions"
    NOTES = "notes"
    MEMORIES = "memories"
    LETTERS = "letters"


class HardDateNotice(StrEnum):
    """How early Today starts to show a day the person marked."""

    TWO_WEEKS = "14"
    ONE_WEEK = "7"
    ONE_DAY = "1"
    ON_THE_DAY = "0"
    NEVER = "never"

    @property
    def days_ahead(self) -> int | None:
        return None if self is HardDateNotice.NEVER else int(self.value)


class PlanStep(StrEnum):
    """What a hard day's plan can open, from what the app already has."""

    RIDE_THE_WAVE = "ride-the-wave"
    REASONS = "reasons"
    PEOPLE = "people"
