"""My plan for when they reach out: my steps, and the "if I have to answer" lines.

Two ordered lists in the person's own words, edited like the reasons list: add at the end,
reword, move within its list, remove with undo. The steps start from a gentle suggested set
(resources/texts/reach_out.toml) the first time the plan is read; once seeded, a list the
person emptied stays empty. Nothing about the plan is ever sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select, update

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import PlanPart
from recovery_app.domain.reach_out import clean_plan_line
from recovery_app.services.journal_part import JournalPart
from recovery_app.services.texts import reach_out_texts
from recovery_app.storage.models import ReachOutPlanLine, VaultInfo

SEEDED_KEY = "reach_out_plan.seeded"


@dataclass(frozen=True)
class PlanLine:
    id: int
    part: PlanPart
    text: str


@dataclass(frozen=True)
class ReachOutPlan:
    steps: tuple[PlanLine, ...]
    answers: tuple[PlanLine, ...]  # "if I have to answer": often none, and that's fine


@dataclass(frozen=True)
class RemovedPlanLine:
    """A removed line, held in memory only, so `restore` can put it back where it was."""

    line: PlanLine
    position: int
    created_at: datetime
    uid: str


class ReachOutPlanService(JournalPart):
    def plan(self) -> ReachOutPlan:
        with self._vault.session() as session:
            self._seed(session)
            return ReachOutPlan(
                tuple(_line(r) for r in _rows(session, PlanPart.STEP)),
                tuple(_line(r) for r in _rows(session, PlanPart.ANSWER)),
            )

    def lines(self, part: PlanPart) -> list[PlanLine]:
        plan = self.plan()
        return list(plan.steps if part is PlanPart.STEP else plan.answers)

    def add(self, part: PlanPart, text: str) -> PlanLine:
        clean = clean_plan_line(part, text)
        with self._vault.session() as session:
            self._seed(session)
            last = max((r.position for r in _rows(session, part)), default=-1)
            row = ReachOutPlanLine(
                part=part.value, text=clean, position=last + 1, created_at=self._now()
            )
            session.add(row)
            session.commit()
            session.refresh(row)
            return _line(row)

    def update(self, line_id: int, text: str) -> PlanLine:
        with self._vault.session() as session:
            row = _get(session, line_id)
            row.text = clean_plan_line(PlanPart(row.part), text)
            session.add(row)
            session.commit()
            session.refresh(row)
            return _line(row)

    def move(self, line_id: int, steps: int) -> None:
        """Move one line up (negative) or down (positive) within its own list."""
        with self._vault.session() as session:
            part = PlanPart(_get(session, line_id).part)
            rows = _rows(session, part)
            index = [r.id for r in rows].index(line_id)
            target = max(0, min(len(rows) - 1, index + steps))
            rows.insert(target, rows.pop(index))
            for position, row in enumerate(rows):
                if row.position != position:
                    row.position = position
                    session.add(row)
            session.commit()

    def remove(self, line_id: int) -> RemovedPlanLine:
        with self._vault.session() as session:
            row = _get(session, line_id)
            removed = RemovedPlanLine(_line(row), row.position, row.created_at, row.uid)
            session.delete(row)
            session.commit()
            return removed

    def restore(self, removed: RemovedPlanLine) -> PlanLine:
        """Back where it was (a fresh id: SQLite may have given the old one away)."""
        part = removed.line.part
        with self._vault.session() as session:
            session.exec(
                update(ReachOutPlanLine)
                .where(col(ReachOutPlanLine.part) == part.value)
                .where(col(ReachOutPlanLine.position) >= removed.position)
                .values(position=col(ReachOutPlanLine.position) + 1)
            )
            row = ReachOutPlanLine(
                uid=removed.uid,
                part=part.value,
                text=removed.line.text,
                position=removed.position,
                created_at=removed.created_at,
            )
            session.add(row)
            session.commit()
            session.refresh(row)
            return _line(row)

    def _seed(self, session: Session) -> None:
        if session.get(VaultInfo, SEEDED_KEY) is not None:
            return
        now = self._now()
        for position, text in enumerate(reach_out_texts().suggested_steps):
            session.add(
                ReachOutPlanLine(
                    part=PlanPart.STEP.value, text=text, position=position, created_at=now
                )
            )
        session.add(VaultInfo(key=SEEDED_KEY, value="1"))
        session.commit()


def _rows(session: Session, part: PlanPart) -> list[ReachOutPlanLine]:
    statement = (
        select(ReachOutPlanLine)
        .where(ReachOutPlanLine.part == part.value)
        .order_by(col(ReachOutPlanLine.position), col(ReachOutPlanLine.id))
    )
    return list(session.exec(statement))


def _get(session: Session, line_id: int) -> ReachOutPlanLine:
    row = session.get(ReachOutPlanLine, line_id)
    if row is None:
        raise InvalidInput("That isn't there any more.")
    return row


def _line(row: ReachOutPlanLine) -> PlanLine:
    assert row.id is not None
    return PlanLine(row.id, PlanPart(row.part), row.text)
