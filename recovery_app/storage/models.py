"""Tables. XBase holds the fields a person edits; X is the table (full-stack-fastapi style).

Every schema change goes through an Alembic migration in storage/migrations/versions.
Moments (`datetime`) are aware and stored in UTC; days (`date`) are the person's local
calendar days.

Every table with an integer id also has a `uid`: a random 128-bit identity that stays the same
when an entry travels to another journal (export, import), so a merge can tell what it already
holds. The integer ids are this file's own and differ from journal to journal.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from recovery_app.storage.types import UTCDateTime

UID_LENGTH = 32


def new_uid() -> str:
    return secrets.token_hex(UID_LENGTH // 2)


def uid_field() -> Any:
    """A fresh `uid` for a row; also a column default, so bulk (core) inserts get one too."""
    return Field(
        default_factory=new_uid,
        max_length=UID_LENGTH,
        unique=True,
        index=True,
        sa_column_kwargs={"default": new_uid},
    )


class VaultInfo(SQLModel, table=True):
    __tablename__ = "vault_info"

    key: str = Field(primary_key=True, max_length=64)
    value: str


class ClockBase(SQLModel):
    """A person to keep distance from. `name` is whatever label the person chose."""

    name: str = Field(min_length=1, max_length=200)
    since: date
    allowed_contact: str = ""


class Clock(ClockBase, table=True):
    __tablename__ = "clock"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    created_at: datetime = Field(sa_type=UTCDateTime)
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


def _clock_fk() -> Column[int]:
    return Column(Integer, ForeignKey("clock.id", ondelete="CASCADE"), nullable=False, index=True)


class ContactEventBase(SQLModel):
    kind: str = Field(max_length=16)  # domain.stretches.ContactKind
    at: datetime = Field(sa_type=UTCDateTime)
    channel: str | None = Field(default=None, max_length=16)  # services.contacts.Channel
    note: str = ""
    # The blame-free reflection, for "I reached out" only; every part optional.
    what_happened: str = ""
    what_helped: str = ""
    try_next: str = ""
    # "They reached out" only: their exact words, pasted, kept as they came.
    words: str = ""


class ContactEvent(ContactEventBase, table=True):
    __tablename__ = "contact_event"
    # Today's figures read only "I reached out", from this alone (migration 0012).
    __table_args__ = (Index("ix_contact_event_clock_kind_at", "clock_id", "kind", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    clock_id: int = Field(sa_column=_clock_fk())
    created_at: datetime = Field(sa_type=UTCDateTime)


class CheckInBase(SQLModel):
    """Today's and yesterday's promise live in the `promise` table (one store, not two)."""

    mood: int | None = None
    no_contact: str | None = Field(default=None, max_length=8)  # domain.check_in.NoContactAnswer
    pull: int | None = None
    note: str = ""


class CheckIn(CheckInBase, table=True):
    __tablename__ = "check_in"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    day: date = Field(unique=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class Milestone(SQLModel, table=True):
    """A milestone a stretch reached, kept for the review even after the stretch ends."""

    __tablename__ = "milestone"
    __table_args__ = (UniqueConstraint("clock_id", "stretch_since", "days"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    clock_id: int = Field(sa_column=_clock_fk())
    stretch_since: date
    days: int
    reached_on: date
    acknowledged: bool = False  # shown once, calmly, on Today


class Trigger(SQLModel, table=True):
    """One of the person's own triggers; the list starts with suggestions and grows inline."""

    __tablename__ = "urge_trigger_name"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    name: str = Field(max_length=60, unique=True)  # compared case-insensitively by the service
    position: int = 0
    created_at: datetime = Field(sa_type=UTCDateTime)


class UrgeBase(SQLModel):
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    intensity: int | None = None
    intensity_after: int | None = None  # re-rated at the end of riding it out
    feelings: str = ""
    place: str = ""
    company: str = ""
    did_instead: str = ""
    outcome: str | None = Field(default=None, max_length=16)  # domain.urges.UrgeOutcome
    minutes: int | None = None
    predicted_minutes: int | None = None
    predicted_reach_out: bool | None = None
    note: str = ""


class Urge(UrgeBase, table=True):
    __tablename__ = "urge"
    __table_args__ = (
        # Only the urges with a prediction, and only what the self-trust figures count
        # (services.hunches): the count reads this instead of every urge (migration 0011).
        Index(
            "ix_urge_predictions",
            "predicted_reach_out",
            "outcome",
            "predicted_minutes",
            "minutes",
            sqlite_where=text("predicted_reach_out IS NOT NULL OR predicted_minutes IS NOT NULL"),
        ),
        # The smallest index of every urge: SQLite counts them from it ("50,000 urges
        # noted"), a quarter of the pages the moments' index takes (migration 0013).
        Index("ix_urge_intensity", "intensity"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    created_at: datetime = Field(sa_type=UTCDateTime)


class UrgeTriggerLink(SQLModel, table=True):
    __tablename__ = "urge_trigger"

    urge_id: int = Field(
        sa_column=Column(Integer, ForeignKey("urge.id", ondelete="CASCADE"), primary_key=True)
    )
    trigger_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("urge_trigger_name.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,  # filtering urges by trigger
        )
    )


class Reason(SQLModel, table=True):
    """One of the person's reasons for no contact, in the order they chose."""

    __tablename__ = "reason"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    text: str
    position: int = 0
    created_at: datetime = Field(sa_type=UTCDateTime)


class SupportPerson(SQLModel, table=True):
    """Someone the person can reach instead. Nothing is ever dialled or sent."""

    __tablename__ = "support_person"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    name: str = Field(max_length=200)
    reach: str = ""  # how to reach them, in the person's words
    note: str = ""
    position: int = 0
    created_at: datetime = Field(sa_type=UTCDateTime)


class Letter(SQLModel, table=True):
    """An unsent letter. There is no way to send it anywhere."""

    __tablename__ = "letter"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    body: str = ""
    feeling_after: int | None = None  # "how do I feel now", 0 to 10, optional
    created_at: datetime = Field(sa_type=UTCDateTime, index=True)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class PromiseBase(SQLModel):
    """A promise to myself, made in the check-in or on the Exercises screen."""

    text: str
    day: date = Field(index=True)  # the day it is for
    outcome: str | None = Field(default=None, max_length=8)  # kept, not, let-go; None: open


class Promise(PromiseBase, table=True):
    __tablename__ = "promise"
    # The self-trust line counts the decided promises week by week from this alone.
    __table_args__ = (Index("ix_promise_outcome_day", "outcome", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    # The day of the check-in that made it ("today's promise"), so the check-in finds it again.
    check_in_day: date | None = Field(default=None, unique=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    marked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class HunchBase(SQLModel):
    """An instinct or a prediction, to be checked after a day the person chose."""

    kind: str = Field(max_length=16)  # domain.instincts.HunchKind
    text: str
    fearful: bool = False  # "this is a fear": a prediction the person dreads
    check_after: date
    outcome: str | None = Field(default=None, max_length=16)  # domain.instincts.CheckOutcome
    what_happened: str = ""


class Hunch(HunchBase, table=True):
    __tablename__ = "hunch"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    made_at: datetime = Field(sa_type=UTCDateTime)
    checked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ExerciseRun(SQLModel, table=True):
    """One go at an exercise; a run saved half-way can be taken up again."""

    __tablename__ = "exercise_run"
    # The Exercises screen's counts, half-done marks and latest runs read these, not every
    # run with its answers (years of runs): migration 0011.
    __table_args__ = (
        Index("ix_exercise_run_finished_exercise", "finished", "exercise_id"),
        Index("ix_exercise_run_finished_at", "finished", "finished_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    exercise_id: str = Field(max_length=64, index=True)  # the id in its resources file
    answers: str = "{}"  # JSON: {"step index": answer}
    current_step: int = 0
    finished: bool = False
    started_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class HiddenExercise(SQLModel, table=True):
    """An exercise the person chose not to see; showing it again deletes the row."""

    __tablename__ = "hidden_exercise"

    exercise_id: str = Field(primary_key=True, max_length=64)
    hidden_at: datetime = Field(sa_type=UTCDateTime)


class Memory(SQLModel, table=True):
    """A remembered moment: good, hurtful, making up, tension or other, with a fuzzy date.

    `date_text` is the canonical fuzzy date (domain.fuzzy_dates); `date_start`/`date_end`
    are the interval it stands for, kept so the timeline can ask by day.
    """

    __tablename__ = "memory"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    clock_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("clock.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    kind: str = Field(max_length=16)  # domain.memories.MemoryKind
    title: str = Field(max_length=200)
    what_happened: str = ""
    feeling: int | None = None
    tags: str = "[]"  # a JSON list of the person's own tags
    date_text: str = Field(max_length=40)
    date_start: date = Field(index=True)
    date_end: date
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class ReachOutPlanLine(SQLModel, table=True):
    """One line of my plan for when they reach out: a step, or an "if I have to answer"
    line (domain.kinds.PlanPart), in the order the person chose within its part."""

    __tablename__ = "reach_out_plan"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    part: str = Field(max_length=8)
    text: str
    position: int = 0
    created_at: datetime = Field(sa_type=UTCDateTime)


def _contact_fk() -> Column[int]:
    return Column(
        Integer, ForeignKey("contact_event.id", ondelete="CASCADE"), nullable=False, index=True
    )


class ContactAttachment(SQLModel, table=True):
    """A file kept with a "they reached out" entry (a screenshot, say): its bytes live here,
    inside the encrypted journal, and are never written anywhere unless the person saves a
    copy. `sha256` is the bytes' fingerprint, taken when the file was added."""

    __tablename__ = "contact_attachment"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    contact_event_id: int = Field(sa_column=_contact_fk())
    name: str = Field(max_length=200)  # the file's own name, cleaned (domain.reach_out)
    media_type: str = Field(max_length=64)  # read from the bytes, not the name
    size: int
    sha256: str = Field(max_length=64)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    added_at: datetime = Field(sa_type=UTCDateTime)


class ContactVersion(SQLModel, table=True):
    """What a "they reached out" entry said before an edit changed it: the entry's first
    version and every later one are kept, so the record shows what was changed, and when."""

    __tablename__ = "contact_version"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    contact_event_id: int = Field(sa_column=_contact_fk())
    kind: str = Field(max_length=16)
    at: datetime = Field(sa_type=UTCDateTime)
    channel: str | None = Field(default=None, max_length=16)
    words: str = ""
    # JSON list of the attachments it had: [{"uid", "name", "sha256", "size"}]
    attachments: str = "[]"
    replaced_at: datetime = Field(sa_type=UTCDateTime)  # when the edit replaced it


class HardDate(SQLModel, table=True):
    """A day the person marked as hard: every year (`year` NULL) or once, with a plan."""

    __tablename__ = "hard_date"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = uid_field()
    clock_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("clock.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    name: str = Field(max_length=200)  # the person's own words for the day
    month: int
    day: int
    year: int | None = None
    notice: str = Field(default="14", max_length=8)  # domain.kinds.HardDateNotice
    plan: str = ""
    plan_steps: str = "[]"  # a JSON list of domain.kinds.PlanStep values
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
