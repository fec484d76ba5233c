"""Instincts and predictions ("hunches"): noted now, asked about later, in the app.

The figures count the urges' own predictions too, so there is one picture of self-trust.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy
from sqlalchemy import Row, case, func, or_
from sqlmodel import col, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.instincts import (
    CheckOutcome,
    HunchFigures,
    HunchKind,
    HunchMark,
    HunchTally,
    UrgeCheck,
    UrgeCheckTally,
    clean_hunch_text,
    counted_hunch_figures,
)
from recovery_app.domain.stretches import local_day
from recovery_app.domain.urges import UrgeOutcome
from recovery_app.services.journal_part import JournalPart
from recovery_app.storage.models import Hunch, Urge

DEFAULT_CHECK_AFTER_DAYS = 7
NOTE_MAX_CHARS = 5_000


@dataclass(frozen=True)
class SavedHunch:
    id: int
    kind: HunchKind
    text: str
    fearful: bool
    made_on: date
    check_after: date
    outcome: CheckOutcome | None
    what_happened: str


@dataclass(frozen=True)
class Waiting:
    first: list[SavedHunch]  # the ones waiting longest, oldest first
    total: int  # how many wait in all


class NoSuchHunch(InvalidInput):
    def __init__(self) -> None:
        super().__init__("That one isn't in the journal any more.")


def urge_prediction_tallies() -> sqlalchemy.Select[bool | None, str | None, int, int, int]:
    """How the urges' predictions turned out, counted: (predicted reach out, outcome, how
    many lasted less than predicted, how many not less, how many in all). Its WHERE is the
    predictions index's own, so SQLite reads that index alone, and it groups by the index's
    own first columns, so the groups come in the index's order: no sort of every row
    (grouped by "lasted less" too, 15,000 urges took a sort of 12 ms; now 4 ms)."""
    reach_out, urge_outcome = col(Urge.predicted_reach_out), col(Urge.outcome)
    predicted, lasted = col(Urge.predicted_minutes), col(Urge.minutes)
    return (
        sqlalchemy.select(
            reach_out,
            urge_outcome,
            func.count(case((predicted > lasted, 1))),
            func.count(case((predicted <= lasted, 1))),
            func.count(),
        )
        .where(or_(reach_out.is_not(None), predicted.is_not(None)))
        .group_by(reach_out, urge_outcome)
    )


def _urge_check_tallies(
    rows: Iterable[Row[bool | None, str | None, int, int, int]],
) -> Iterator[UrgeCheckTally]:
    """`urge_prediction_tallies`' rows as the domain counts them: each group split by
    whether the urge lasted less than predicted (unknown when either is missing)."""
    for reach_out, outcome, shorter, longer, every in rows:
        predicted = None if reach_out is None else bool(reach_out)
        ended = None if outcome is None else UrgeOutcome(outcome)
        for less, n in ((True, shorter), (False, longer), (None, every - shorter - longer)):
            if n:
                yield UrgeCheckTally(UrgeCheck(predicted, ended, less), n)


class HunchService(JournalPart):
    def note(
        self,
        kind: HunchKind,
        text: str,
        *,
        fearful: bool = False,
        check_after: date | None = None,
    ) -> SavedHunch:
        clean = clean_hunch_text(text)
        today = self.today()
        check_after = check_after or today + timedelta(days=DEFAULT_CHECK_AFTER_DAYS)
        if check_after < today:
            raise InvalidInput("Please choose a day from today on to look back at it.")
        with self._vault.session() as session:
            row = Hunch(
                kind=HunchKind(kind).value,
                text=clean,
                fearful=fearful and kind is HunchKind.PREDICTION,
                check_after=check_after,
                made_at=self._now(),
            )
            session.add(row)
            session.commit()
            return self._saved(row)

    def check(self, hunch_id: int, outcome: CheckOutcome, what_happened: str = "") -> SavedHunch:
        note = what_happened.strip()
        if len(note) > NOTE_MAX_CHARS:
            raise InvalidInput(f"A note fits in {NOTE_MAX_CHARS:,} characters.")
        with self._vault.session() as session:
            row = session.get(Hunch, hunch_id)
            if row is None:
                raise NoSuchHunch()
            row.outcome = CheckOutcome(outcome).value
            row.what_happened = note
            row.checked_at = self._now()
            session.add(row)
            session.commit()
            return self._saved(row)

    def hunches(self) -> list[SavedHunch]:
        """Newest first."""
        statement = select(Hunch).order_by(col(Hunch.made_at).desc(), col(Hunch.id).desc())
        with self._vault.session() as session:
            return [self._saved(row) for row in session.exec(statement)]

    def waiting(self) -> list[SavedHunch]:
        """Waiting to check: the day to look back has come and it isn't checked yet. Oldest
        first, so the one waiting longest is asked about first."""
        return self.first_waiting(None).first

    def first_waiting(self, limit: int | None) -> Waiting:
        """The `limit` waiting longest (all of them: None) and how many wait in all: the
        Exercises screen shows a few, and years of predictions leave hundreds waiting."""
        waits = (col(Hunch.outcome).is_(None), col(Hunch.check_after) <= self.today())
        statement = select(Hunch).where(*waits).order_by(col(Hunch.check_after), col(Hunch.id))
        with self._vault.session() as session:
            first = [self._saved(row) for row in session.exec(statement.limit(limit))]
            if limit is None or len(first) < limit:
                return Waiting(first, len(first))
            total = session.exec(select(func.count()).select_from(Hunch).where(*waits)).one()
            return Waiting(first, total)

    def figures(self) -> HunchFigures:
        """Counted in SQL (grouped by kind and outcome, and by how each urge's predictions
        turned out), not by reading every urge with a prediction: ten years hold 15,000.
        The urges' count reads the index of their predictions alone (migration 0011)."""
        kind, fearful, outcome = col(Hunch.kind), col(Hunch.fearful), col(Hunch.outcome)
        with self._vault.session() as session:
            connection = session.connection()
            hunches = connection.execute(
                sqlalchemy.select(kind, fearful, outcome, func.count())
                .where(outcome.is_not(None))
                .group_by(kind, fearful, outcome)
            ).all()
            urges = connection.execute(urge_prediction_tallies()).all()
        return counted_hunch_figures(
            (
                HunchTally(
                    HunchMark(HunchKind(k), bool(f), None if o is None else CheckOutcome(o)), n
                )
                for k, f, o, n in hunches
            ),
            _urge_check_tallies(urges),
        )

    def _saved(self, row: Hunch) -> SavedHunch:
        assert row.id is not None
        return SavedHunch(
            id=row.id,
            kind=HunchKind(row.kind),
            text=row.text,
            fearful=row.fearful,
            made_on=local_day(row.made_at),
            check_after=row.check_after,
            outcome=None if row.outcome is None else CheckOutcome(row.outcome),
            what_happened=row.what_happened,
        )
