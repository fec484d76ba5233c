"""The heavy journal's later sections: memories, promises, hunches, exercise runs, letters,
reasons and support people, so the whole-relationship view, the Exercises screen, the guide
and the review are measured loaded.

Each section has its own random stream (heavy_vault.fill_vault seeds it with the section's
name), so these change nothing the earlier sections make. Rows that come in thousands go in
with bulk inserts; the two short lists go through the app's own services.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta

import heavy_words as words
from heavy_parts import Build, Section, local_moment, noon_of, note, sentences


def _moment_in(build: Build, rng: random.Random, *, days_back: int | None = None) -> datetime:
    """A local evening-ish moment on a day of the journal's years (up to yesterday)."""
    span = days_back or build.sizes.days
    day = build.today - timedelta(days=rng.randint(1, span))
    return local_moment(day, rng.randint(7, 23), rng.randint(0, 59))


def add_memories(build: Build) -> None:
    """Memories over fifteen years, dates as rough as people remember them; bulk inserted."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from recovery_app.domain import fuzzy_dates

    rng, sizes = build.rng, build.sizes
    span = sizes.memory_years * 365
    first = build.today - timedelta(days=span)
    kinds = [k for k, _ in words.MEMORY_KINDS]
    kind_weights = [w for _, w in words.MEMORY_KINDS]
    precisions = [p for p, _ in words.DATE_PRECISION]
    precision_weights = [w for _, w in words.DATE_PRECISION]
    created = local_moment(build.today, 12, 0)
    rows = []
    for _ in range(sizes.memories):
        kind = rng.choices(kinds, kind_weights)[0]
        day = first + timedelta(days=rng.randrange(span - 400))  # ranges end before today
        precision = rng.choices(precisions, precision_weights)[0]
        if precision == "day":
            when = fuzzy_dates.day(day)
        elif precision == "month":
            when = fuzzy_dates.month(day.year, day.month)
        elif precision == "season":
            when = fuzzy_dates.season(rng.choice(fuzzy_dates.SEASONS), day.year)
        elif precision == "year":
            when = fuzzy_dates.year(day.year)
        else:
            months = day.year * 12 + day.month - 1 + rng.randint(1, 8)
            end = fuzzy_dates.month(months // 12, months % 12 + 1)
            when = fuzzy_dates.between(fuzzy_dates.month(day.year, day.month), end)
        rows.append(
            {
                "clock_id": rng.choice(build.clocks).id if rng.random() < 0.8 else None,
                "kind": kind,
                "title": rng.choice(words.MEMORY_TITLES[kind]),
                "what_happened": note(rng) if rng.random() < 0.4 else "",
                "feeling": rng.randint(0, 10) if rng.random() < 0.7 else None,
                "tags": "[]",
                "date_text": when.text,
                "date_start": when.start,
                "date_end": when.end,
                "created_at": created,
                "updated_at": created,
            }
        )
    build.session.connection().execute(insert(SQLModel.metadata.tables["memory"]), rows)


def add_promises(build: Build) -> None:
    """Promises made on the Exercises screen, beside the check-ins' own: kept, not kept,
    let go, and some never marked."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from recovery_app.domain.check_in import PromiseOutcome

    rng = build.rng
    outcomes = [PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.LET_GO, None]
    rows = []
    for _ in range(build.sizes.promises):
        made = _moment_in(build, rng)
        day = made.astimezone().date() + timedelta(days=rng.choice((0, 0, 1, 2, 7)))
        (outcome,) = rng.choices(outcomes, weights=(55, 15, 12, 18))
        rows.append(
            {
                "text": rng.choice(words.EXERCISE_PROMISES),
                "day": day,
                "check_in_day": None,
                "outcome": None if outcome is None else outcome.value,
                "created_at": made,
                "marked_at": None if outcome is None else made + timedelta(days=rng.randint(1, 9)),
            }
        )
    build.session.connection().execute(insert(SQLModel.metadata.tables["promise"]), rows)


_OUTCOME_WEIGHTS = {  # right, wrong, partly, can't tell
    "instinct": (50, 20, 20, 10),
    "fear": (15, 55, 20, 10),
    "prediction": (45, 30, 15, 10),
}


def add_hunches(build: Build) -> None:
    """Instincts and predictions, many predictions fears; most checked after their day."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from recovery_app.domain.instincts import CheckOutcome, HunchKind

    rng = build.rng
    outcomes = [CheckOutcome.RIGHT, CheckOutcome.WRONG, CheckOutcome.PARTLY, CheckOutcome.CANT_TELL]
    rows = []
    for _ in range(build.sizes.hunches):
        made = _moment_in(build, rng)
        kind = HunchKind.INSTINCT if rng.random() < 0.45 else HunchKind.PREDICTION
        fearful = kind is HunchKind.PREDICTION and rng.random() < 0.65
        bank = words.INSTINCTS if kind is HunchKind.INSTINCT else words.PREDICTIONS
        check_after = made.astimezone().date() + timedelta(days=rng.choice((1, 3, 7, 7, 14, 30)))
        row: dict[str, object] = {
            "kind": kind.value,
            "text": rng.choice(bank),
            "fearful": fearful,
            "check_after": check_after,
            "outcome": None,
            "what_happened": "",
            "made_at": made,
            "checked_at": None,
        }
        if check_after < build.today and rng.random() < 0.85:
            weights = _OUTCOME_WEIGHTS["fear" if fearful else kind.value]
            checked_on = min(build.today, check_after + timedelta(days=rng.randint(0, 10)))
            row["outcome"] = rng.choices(outcomes, weights)[0].value
            row["checked_at"] = local_moment(checked_on, rng.randint(8, 22), rng.randint(0, 59))
            if rng.random() < 0.4:
                row["what_happened"] = sentences(rng, words.HUNCH_NOTES, 1, 2)
        rows.append(row)
    build.session.connection().execute(insert(SQLModel.metadata.tables["hunch"]), rows)


def _answer(rng: random.Random, step: object) -> object:
    from recovery_app.domain.exercises import Step, StepKind

    assert isinstance(step, Step)
    if step.kind is StepKind.TEXT:
        return sentences(rng, words.EXERCISE_ANSWERS, 1, 3)
    if step.kind is StepKind.SCALE:
        return rng.randint(0, 10)
    if step.kind is StepKind.YES_NO:
        return rng.random() < 0.5
    if step.kind is StepKind.SINGLE:
        return rng.choice(step.choices)
    return rng.sample(step.choices, rng.randint(1, min(3, len(step.choices))))


def _stored(answer: object) -> object:
    """An answer as ExerciseService stores it: a multiple choice as a JSON list."""
    return list(answer) if isinstance(answer, tuple) else answer


def add_exercise_runs(build: Build) -> None:
    """Runs of the shipped exercises, answers that fit each step (checked by the domain, as
    the service would), most finished, some left half-way, some steps skipped."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from recovery_app.domain.exercises import clean_answers
    from recovery_app.services.exercises import load_library

    rng = build.rng
    library = load_library().exercises
    favourites = [1 / (rank + 1) for rank in range(len(library))]  # some exercises are loved
    rows = []
    for _ in range(build.sizes.exercise_runs):
        (exercise,) = rng.choices(library, weights=favourites)
        finished = rng.random() < 0.88
        last = len(exercise.steps) - 1
        reached = last if finished else rng.randint(0, last)
        answers = {
            index: _answer(rng, step)
            for index, step in enumerate(exercise.steps[: reached + 1])
            if rng.random() < 0.85
        }
        clean = clean_answers(exercise, answers)
        started = _moment_in(build, rng)
        updated = started + timedelta(minutes=rng.randint(1, 2 * exercise.minutes + 5))
        rows.append(
            {
                "exercise_id": exercise.id,
                "answers": json.dumps({str(k): _stored(v) for k, v in sorted(clean.items())}),
                "current_step": reached,
                "finished": finished,
                "started_at": started,
                "updated_at": updated,
                "finished_at": updated if finished else None,
            }
        )
    build.session.connection().execute(insert(SQLModel.metadata.tables["exercise_run"]), rows)


def add_letters(build: Build) -> None:
    """Unsent letters of a few paragraphs; some reread and changed later."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    rng = build.rng
    rows = []
    for _ in range(build.sizes.letters):
        created = _moment_in(build, rng)
        paragraphs = rng.sample(words.LETTER_PARAGRAPHS, rng.randint(2, 7))
        edited = rng.random() < 0.3
        rows.append(
            {
                "body": "\n\n".join(paragraphs),
                "feeling_after": rng.randint(0, 10) if rng.random() < 0.6 else None,
                "created_at": created,
                "updated_at": created + timedelta(days=rng.randint(1, 60)) if edited else created,
            }
        )
    build.session.connection().execute(insert(SQLModel.metadata.tables["letter"]), rows)


def _a_year_ago(build: Build) -> date:
    return build.today - timedelta(days=min(365, build.sizes.days))


def add_reasons(build: Build) -> None:
    """The reasons list, through the app's own service (a short list a person arranges)."""
    from recovery_app.services.support import ReasonService

    reasons = ReasonService(build.vault, now=noon_of(_a_year_ago(build)))
    texts = list(words.REASONS)
    build.rng.shuffle(texts)
    for text in (texts * (build.sizes.reasons // len(texts) + 1))[: build.sizes.reasons]:
        reasons.add(text)


def add_support_people(build: Build) -> None:
    from recovery_app.domain.support import SupportPersonDetails
    from recovery_app.services.support import SupportPeopleService

    people = SupportPeopleService(build.vault, now=noon_of(_a_year_ago(build)))
    known = list(words.SUPPORT_PEOPLE)
    for index in range(build.sizes.support_people):
        name, reach, note = known[index % len(known)]
        people.add(SupportPersonDetails(name, reach, note))


def add_hard_dates(build: Build) -> None:
    """A few marked dates, through the app's own service: the day the first clock began, a
    birthday, a holiday, and one a week from the day the journal is built for (so Today opens
    with a line about it)."""
    from recovery_app.domain.kinds import HardDateNotice, PlanStep
    from recovery_app.domain.marked_dates import HardDateDetails
    from recovery_app.services.hard_dates import HardDateService

    service = HardDateService(build.vault, now=noon_of(_a_year_ago(build)))
    first = build.clocks[0] if build.clocks else None
    soon = build.today + timedelta(days=7)
    marked = [
        HardDateDetails(
            "The day it ended",
            first.since.month if first else 3,
            first.since.day if first else 9,
            clock_id=None if first is None else first.id,
            plan="Morning walk, then lunch with my sister. No phone after nine.",
            steps=(PlanStep.RIDE_THE_WAVE, PlanStep.PEOPLE),
        ),
        HardDateDetails("Their birthday", 7, 21, notice=HardDateNotice.ONE_WEEK),
        HardDateDetails(
            "New Year's Eve", 12, 31, plan="Stay with friends.", steps=(PlanStep.REASONS,)
        ),
        HardDateDetails(
            "The hearing", soon.month, soon.day, year=soon.year, notice=HardDateNotice.ONE_WEEK
        ),
    ]
    for details in marked:
        service.add(details)


SECTIONS: tuple[Section, ...] = (
    add_memories,
    add_promises,
    add_hunches,
    add_exercise_runs,
    add_letters,
    add_reasons,
    add_support_people,
    add_hard_dates,
)
