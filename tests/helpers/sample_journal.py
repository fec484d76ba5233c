"""A journal with a bit of everything, written through the app's own services on today's
clock: what the tour (tours.py) shows on every screen and in every dialog.

Every screen has something in it (and Today a notice, Urges a list, the whole-relationship
view a pattern to count), so a screen is looked at as someone who uses the app sees it, not
only in its empty state.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.domain.kinds import Channel, ContactKind, UrgeOutcome
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.journal import Journal

# Exercises the tour runs step by step: between them, every kind of step there is.
RUN_EXERCISES = ("instinct_log", "name_the_cycle")


@dataclass(frozen=True)
class Sample:
    """The ids a dialog needs to be built on something real."""

    clock_id: int
    urge_id: int
    memory_id: int  # a good moment, with harm around it
    exercise_id: str  # finished once, so it has a history
    hard_date_id: int  # ten days ahead, with a plan
    attempt_id: int  # a "they reached out" with its exact words, a picture and an edit


def fill(journal: Journal) -> Sample:
    today = journal.today()
    now = journal.urges.now()
    clock_id = _clocks(journal, today, now)
    attempt_id = _attempt(journal, clock_id, now)
    _check_ins(journal, today)
    urge_id = _urges(journal, now)
    _support(journal)
    memory_id = _memories(journal, today, clock_id)
    _self_trust(journal, today)
    exercise_id = _exercises(journal)
    hard_date_id = _hard_date(journal, today, clock_id)
    return Sample(
        clock_id=clock_id,
        urge_id=urge_id,
        memory_id=memory_id,
        exercise_id=exercise_id,
        hard_date_id=hard_date_id,
        attempt_id=attempt_id,
    )


def _clocks(journal: Journal, today: date, now: datetime) -> int:
    clocks = journal.clocks
    main = clocks.add_clock("R.", today - timedelta(days=40), "School pick-ups")
    clocks.add_clock("Sam", today - timedelta(days=200))
    old = clocks.add_clock("The old flat", today - timedelta(days=30))
    clocks.archive_clock(old.id)
    clocks.log_contact(
        main.id,
        ContactDetails(ContactKind.THEM, now - timedelta(days=3), Channel.MESSAGE, "Asked again"),
    )
    clocks.log_contact(
        main.id, ContactDetails(ContactKind.UNAVOIDABLE, now - timedelta(days=9), Channel.CALL)
    )
    return main.id


def _attempt(journal: Journal, clock_id: int, now: datetime) -> int:
    words = "Can we just talk? I miss you. Call me tonight."
    first = ContactDetails(
        ContactKind.THEM, now - timedelta(days=1, hours=2), Channel.MESSAGE, words=words[:17]
    )
    saved = journal.clocks.log_contact(clock_id, first)
    journal.records.add_attachment(saved.id, "Screenshot of the message.png", _png())
    journal.clocks.update_contact(saved.id, replace(first, words=words))  # an earlier version
    return saved.id


def _png(width: int = 24, height: int = 40) -> bytes:
    """A small picture (a pale screen with a dark bar), made without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\0" + (b"\x30\x38\x40" if 6 <= y <= 10 else b"\xe8\xee\xf5") * width
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    picture = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + picture


def _check_ins(journal: Journal, today: date) -> None:
    check_ins = journal.check_ins
    check_ins.save(
        CheckInAnswers(mood=3, no_contact=NoContactAnswer.YES, pull=5, promise="Call my sister"),
        day=today - timedelta(days=1),
    )
    check_ins.save(
        CheckInAnswers(
            mood=4,
            no_contact=NoContactAnswer.YES,
            pull=6,
            yesterday_promise=PromiseOutcome.KEPT,
            promise="A walk at lunch",
            note="A slow morning, then better.",
        )
    )


def _urges(journal: Journal, now: datetime) -> int:
    urges = journal.urges
    urges.add_trigger("Evenings alone")
    urges.add_trigger("A song on the radio")
    urges.log_urge(
        UrgeDetails(
            at=now - timedelta(days=6, hours=3),
            intensity=8,
            intensity_after=3,
            triggers=("Evenings alone",),
            did_instead="Went for a walk",
            outcome=UrgeOutcome.PASSED,
            minutes=25,
            predicted_minutes=90,
            predicted_reach_out=True,
        )
    )
    urges.log_urge(
        UrgeDetails(
            at=now - timedelta(days=2),
            intensity=6,
            triggers=("A song on the radio",),
            outcome=UrgeOutcome.REACHED_OUT,
        )
    )
    latest = urges.log_urge(
        UrgeDetails(at=now - timedelta(hours=4), intensity=5, feelings="Lonely", note="Tired")
    )
    return latest.id


def _support(journal: Journal) -> None:
    for reason in ("I sleep through the night now", "My friends can reach me again"):
        journal.reasons.add(reason)
    journal.people.add(SupportPersonDetails("Ana", "Text after 6pm", "Knows the whole story"))
    journal.people.add(SupportPersonDetails("The Thursday group"))
    letter = journal.letters.start("I wanted to say this once, and keep it here.")
    journal.letters.set_feeling(letter.id, 6)
    journal.letters.start("Another evening, another page.")


def _memories(journal: Journal, today: date, clock_id: int) -> int:
    memories = journal.memories

    def add(kind: MemoryKind, title: str, when: str, **more: object) -> int:
        details = MemoryDetails(kind, title, memories.parse_date(when), **more)  # type: ignore[arg-type]
        return memories.add_memory(details).id

    year = today.year - 2
    add(MemoryKind.HARM, "The shouting in the car", f"2 June {year}", feeling=1)
    good = add(
        MemoryKind.GOOD,
        "The lake trip",
        f"20 June {year}",
        what_happened="Swimming at dawn.",
        feeling=9,
        tags=("holidays",),
        clock_id=clock_id,
    )
    add(MemoryKind.APOLOGY, "Flowers and a long apology", f"24 June {year}")
    add(MemoryKind.TENSION, "Quiet for days", f"July {year}")
    add(MemoryKind.GOOD, "Our first flat", f"summer {year - 1}")
    add(MemoryKind.OTHER, "Moved my things out", f"{year + 1}")
    return good


def _self_trust(journal: Journal, today: date) -> None:
    promises = journal.promises
    kept = promises.add("Drink water", today - timedelta(days=8))
    promises.mark(kept.id, PromiseOutcome.KEPT)
    promises.add("Read a chapter", today - timedelta(days=1))
    promises.add("Go to bed by eleven", today)
    hunches = journal.hunches
    hunches.note(HunchKind.INSTINCT, "Something is off about that message", check_after=today)
    hunches.note(HunchKind.PREDICTION, "This urge will beat me", fearful=True, check_after=today)
    checked = hunches.note(HunchKind.PREDICTION, "They will call on my birthday")
    hunches.check(checked.id, CheckOutcome.WRONG, "No call.")


def _exercises(journal: Journal) -> str:
    exercises = journal.exercises
    library = {e.id: e for e in exercises.library.exercises}
    finished = library[RUN_EXERCISES[0]]
    answers: dict[int, object] = {0: "The way the message was worded"}
    exercises.save_run(finished.id, answers, len(finished.steps) - 1, finished=True)
    later = library[RUN_EXERCISES[1]]
    exercises.save_run(later.id, {0: "Started this one"}, 1, finished=False)
    hidden = next(e for e in library.values() if e.id not in RUN_EXERCISES)
    exercises.hide(hidden.id)
    return finished.id


def _hard_date(journal: Journal, today: date, clock_id: int) -> int:
    ahead = today + timedelta(days=10)
    details = HardDateDetails(
        "The day it ended", ahead.month, ahead.day, clock_id=clock_id, plan="Walk with Sam."
    )
    return journal.hard_dates.add(details).id
