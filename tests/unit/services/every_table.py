"""A journal with rows in every table, written through the app's own services, with `text`
in every field a person types. Shared by the export/import and privacy tests; a new table
must get a row here (test_portable_coverage.py fails until it does)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.domain.kinds import Channel, HardDateNotice, PlanPart, PlanStep
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.check_ins import CheckInService
from recovery_app.services.clocks import ClockService, ContactDetails
from recovery_app.services.contact_records import RecordService
from recovery_app.services.exercises import ExerciseService, load_library
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.hunches import HunchService
from recovery_app.services.memories import MemoryService
from recovery_app.services.promises import PromiseService
from recovery_app.services.reach_out_plan import ReachOutPlanService
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.urges import UrgeService
from recovery_app.storage.vault import Vault

NOON = datetime(2026, 11, 20, 12, tzinfo=UTC)


def fill_every_table(vault: Vault, text: str, now: datetime = NOON) -> None:
    def clock_now() -> datetime:
        return now

    short = text[:40]
    clocks = ClockService(vault, now=clock_now)
    clock = clocks.add_clock(short, now.date() - timedelta(days=400), allowed_contact=text)
    assert clock.id is not None
    attempt = ContactDetails(
        ContactKind.THEM, now - timedelta(days=3), channel=Channel.MESSAGE, note=text, words=text
    )
    contact = clocks.log_contact(clock.id, attempt)
    records = RecordService(vault, now=clock_now)
    # A screenshot's bytes holding the text: it must travel, and be found nowhere else.
    records.add_attachment(contact.id, f"{short}.png", b"\x89PNG\r\n\x1a\n" + text.encode())
    clocks.update_contact(contact.id, replace(attempt, words=text + " (as edited)"))  # a version
    ReachOutPlanService(vault, now=clock_now).add(PlanPart.ANSWER, text)  # with the suggestions
    clocks.summaries()  # records the milestones the stretch has reached
    check_ins = CheckInService(vault, now=clock_now)
    check_ins.save(
        CheckInAnswers(mood=4, no_contact=NoContactAnswer.YES, pull=3, promise=text, note=text)
    )
    promises = PromiseService(vault, now=clock_now)
    promise = promises.add(text, now.date() + timedelta(days=1))
    promises.mark(promise.id, PromiseOutcome.KEPT)
    urges = UrgeService(vault, now=clock_now)
    # ASCII only: UrgeService matches names with SQLite's lower(), which folds ASCII alone,
    # so a second use of a name with "Ü" in it would be added twice (and refused).
    trigger = " ".join(short.encode("ascii", "ignore").decode().split()) or "own trigger"
    urges.add_trigger(trigger)
    urges.log_urge(
        UrgeDetails(
            at=now - timedelta(hours=2),
            intensity=7,
            intensity_after=3,
            triggers=(trigger, urges.triggers()[0]),
            feelings=text,
            place=text,
            company=text,
            did_instead=text,
            outcome=UrgeOutcome.PASSED,
            minutes=20,
            predicted_minutes=60,
            predicted_reach_out=True,
            note=text,
        )
    )
    ReasonService(vault, now=clock_now).add(text)
    SupportPeopleService(vault, now=clock_now).add(
        SupportPersonDetails(short, reach=text, note=text)
    )
    letters = LetterService(vault, now=clock_now)
    letter = letters.start(text)
    letters.set_feeling(letter.id, 6)
    hunches = HunchService(vault, now=clock_now)
    hunch = hunches.note(HunchKind.PREDICTION, text, fearful=True, check_after=now.date())
    hunches.check(hunch.id, CheckOutcome.WRONG, what_happened=text)
    exercises = ExerciseService(vault, load_library(), now=clock_now)
    exercises.save_run("reality_check", {0: text}, 1, finished=False)
    exercises.save_run("values_and_action", {1: text}, 3, finished=True)
    exercises.hide("self_compassion_break")
    memories = MemoryService(vault, now=clock_now)
    memories.add_memory(
        MemoryDetails(
            MemoryKind.GOOD,
            short,
            parse("summer-2021"),
            text,
            feeling=8,
            tags=(short, "ÿ ünïcødé ☂"),
            clock_id=clock.id,
        )
    )
    memories.add_memory(MemoryDetails(MemoryKind.HARM, short, parse("2021-07..2021-09"), text))
    memories.save_settings(memories.settings())  # the view's settings rows
    hard_dates = HardDateService(vault, now=clock_now)
    hard_dates.add(
        HardDateDetails(
            short,
            2,
            14,
            notice=HardDateNotice.ONE_WEEK,
            clock_id=clock.id,
            plan=text,
            steps=(PlanStep.RIDE_THE_WAVE, PlanStep.PEOPLE),
        )
    )
    hard_dates.add(HardDateDetails(short, 2, 29, year=2028, notice=HardDateNotice.NEVER))


def every_day(start: date, days: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(days)]
