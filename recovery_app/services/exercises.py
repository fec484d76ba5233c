"""The self-trust exercise library (data files in resources/exercises/) and the runs of it.

Loading is strict and forgiving at once: every file is checked against one schema, a file
that doesn't fit is named in the log and in a quiet notice, and the others still load.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import col, delete, func, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.exercises import (
    Answer,
    Exercise,
    ExerciseFileProblem,
    KeepAs,
    clean_answers,
    kept_text,
    parse_exercise,
)
from recovery_app.domain.instincts import HunchKind
from recovery_app.resource_files import resources_dir
from recovery_app.services.hunches import HunchService
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.services.promises import PromiseService
from recovery_app.storage.models import ExerciseRun, HiddenExercise
from recovery_app.storage.vault import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Library:
    exercises: tuple[Exercise, ...]
    problems: tuple[str, ...] = ()  # one line per file that didn't load: "file: field problem"

    def get(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)


def load_library(folder: Path | None = None) -> Library:
    """Every *.toml in `folder` (the shipped one by default), in file-name order."""
    import tomllib  # on first use: the command line imports this module at every start

    folder = folder or resources_dir() / "exercises"
    exercises: list[Exercise] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            with path.open("rb") as file:
                data = tomllib.load(file)
            exercise = parse_exercise(data, path.name)
            if any(e.id == exercise.id for e in exercises):
                raise ExerciseFileProblem(path.name, "id", "is already used by another file")
        except ExerciseFileProblem as problem:
            problems.append(str(problem))
        except tomllib.TOMLDecodeError as error:
            # The decoder's message gives a line and column, never the file's words.
            problems.append(f"{path.name}: is not readable TOML ({error})")
        except (OSError, UnicodeDecodeError):
            problems.append(f"{path.name}: could not be read")
        else:
            exercises.append(exercise)
            continue
        log.warning("Exercise file left out: %s", problems[-1])
    return Library(tuple(exercises), tuple(problems))


@dataclass(frozen=True)
class Run:
    id: int
    exercise_id: str
    answers: dict[int, Answer]
    current_step: int
    finished: bool
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None


class ExerciseService(JournalPart):
    """Runs and hidden exercises, over a library loaded once."""

    def __init__(
        self, vault: Vault, library: Library, now: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(vault, now)
        self.library = library

    # ----- the library ----------------------------------------------------------------------

    def exercise(self, exercise_id: str) -> Exercise:
        exercise = self.library.get(exercise_id)
        if exercise is None:
            raise InvalidInput("That exercise isn't in the library any more.")
        return exercise

    def hidden(self) -> set[str]:
        with self._vault.session() as session:
            return set(session.exec(select(HiddenExercise.exercise_id)))

    def hide(self, exercise_id: str) -> None:
        self.exercise(exercise_id)
        with self._vault.session() as session:
            if session.get(HiddenExercise, exercise_id) is None:
                session.add(HiddenExercise(exercise_id=exercise_id, hidden_at=self._now()))
                session.commit()

    def show(self, exercise_id: str) -> None:
        with self._vault.session() as session:
            session.exec(
                delete(HiddenExercise).where(col(HiddenExercise.exercise_id) == exercise_id)
            )
            session.commit()

    # ----- runs -----------------------------------------------------------------------------

    def save_run(
        self,
        exercise_id: str,
        answers: dict[int, object],
        current_step: int,
        *,
        finished: bool,
        run_id: int | None = None,
    ) -> Run:
        """Create or update a run. A run not finished can be taken up again later."""
        exercise = self.exercise(exercise_id)
        clean = clean_answers(exercise, answers)
        step = min(max(current_step, 0), len(exercise.steps) - 1)
        now = self._now()
        with self._vault.session() as session:
            row = None if run_id is None else session.get(ExerciseRun, run_id)
            if row is None or row.exercise_id != exercise_id:
                row = ExerciseRun(exercise_id=exercise_id, started_at=now, updated_at=now)
            row.answers = json.dumps({str(k): _jsonable(v) for k, v in sorted(clean.items())})
            row.current_step = step
            row.finished = finished
            row.finished_at = now if finished else None
            row.updated_at = now
            session.add(row)
            session.commit()
            return _run(row)

    def unfinished_run(self, exercise_id: str) -> Run | None:
        """The latest run saved half-way, to offer to take it up again."""
        statement = (
            select(ExerciseRun)
            .where(ExerciseRun.exercise_id == exercise_id, col(ExerciseRun.finished).is_(False))
            .order_by(col(ExerciseRun.updated_at).desc(), col(ExerciseRun.id).desc())
        )
        with self._vault.session() as session:
            row = session.exec(statement).first()
            return None if row is None else _run(row)

    def discard_run(self, run_id: int) -> None:
        with self._vault.session() as session:
            session.exec(delete(ExerciseRun).where(col(ExerciseRun.id) == run_id))
            session.commit()

    def finished_counts(self) -> dict[str, int]:
        """How many finished runs each exercise has (those with none are left out)."""
        statement = (
            select(ExerciseRun.exercise_id, func.count())
            .where(col(ExerciseRun.finished).is_(True))
            .group_by(col(ExerciseRun.exercise_id))
        )
        with self._vault.session() as session:
            return dict(session.exec(statement).all())

    def half_done(self) -> set[str]:
        """The exercises with a run saved half-way (`unfinished_run` gives it)."""
        statement = (
            select(ExerciseRun.exercise_id).where(col(ExerciseRun.finished).is_(False)).distinct()
        )
        with self._vault.session() as session:
            return set(session.exec(statement).all())

    def history(self, exercise_id: str) -> list[Run]:
        """The finished runs of one exercise, newest first."""
        return self._runs(
            ExerciseRun.exercise_id == exercise_id, col(ExerciseRun.finished).is_(True)
        )

    def recent_runs(self, limit: int = 5) -> list[Run]:
        """The latest finished runs of any exercise, newest first."""
        return self._runs(col(ExerciseRun.finished).is_(True), limit=limit)

    def _runs(self, *conditions: Any, limit: int | None = None) -> list[Run]:
        statement = (
            select(ExerciseRun)
            .where(*conditions)
            .order_by(col(ExerciseRun.finished_at).desc(), col(ExerciseRun.id).desc())
            .limit(limit)
        )
        with self._vault.session() as session:
            return [_run(row) for row in session.exec(statement)]


def _jsonable(answer: Answer) -> object:
    return list(answer) if isinstance(answer, tuple) else answer


def _run(row: ExerciseRun) -> Run:
    assert row.id is not None
    stored: dict[str, Any] = json.loads(row.answers or "{}")
    answers: dict[int, Answer] = {
        int(k): tuple(v) if isinstance(v, list) else v for k, v in stored.items()
    }
    return Run(
        id=row.id,
        exercise_id=row.exercise_id,
        answers=answers,
        current_step=row.current_step,
        finished=row.finished,
        started_at=row.started_at,
        updated_at=row.updated_at,
        finished_at=row.finished_at,
    )


def keep_from_run(
    exercise: Exercise, run: Run, promises: PromiseService, hunches: HunchService
) -> KeepAs | None:
    """A finished run of an exercise with `[keeps]` makes its promise, instinct or prediction,
    in the same stores the Exercises screen, the check-in and the command line use."""
    keeps = exercise.keeps
    text = kept_text(exercise, run.answers) if run.finished else None
    if keeps is None or text is None:
        return None
    if keeps.as_ is KeepAs.PROMISE:
        promises.add(text)
    else:
        fearful = keeps.fear_step is not None and run.answers.get(keeps.fear_step) is True
        hunches.note(HunchKind(keeps.as_.value), text, fearful=fearful)
    return keeps.as_
