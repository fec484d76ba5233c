"""Hard dates: the days a person marks, with a plan for each, and the days their own urge
history gathers around.

The urge days the cluster rule needs are counted in SQL: only local days and their counts
leave the database (one row per day with urges), never the urges themselves. The rules are
in domain/hard_dates.py and domain/marked_dates.py; what Today shows and what the journal
suggests are in hard_date_notices.py and hard_date_suggestions.py, reached from here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy
from sqlalchemy import func
from sqlmodel import Session, col, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.hard_dates import ClusterSearch, DayCount, find_clusters
from recovery_app.domain.kinds import HardDateNotice, PlanStep
from recovery_app.domain.marked_dates import HardDateDetails, next_day
from recovery_app.services.journal_part import JournalPart
from recovery_app.services.local_days import (
    day_of_number,
    grouped,
    local_day_sql,
    offsets_between,
)
from recovery_app.storage.models import Clock, HardDate, Urge, VaultInfo, new_uid

if TYPE_CHECKING:
    from recovery_app.domain.hard_date_review import MarkedDaysInRange
    from recovery_app.domain.notices import Notice
    from recovery_app.services.hard_date_suggestions import DayMemory, Suggestions
    from recovery_app.storage.vault import Vault

GONE = "That date isn't there any more."
# Kept in vault_info as JSON lists of keys: suggestions dismissed for good, and Today's lines
# the person asked not to see again (until the next step of that date).
DISMISSED_KEY = "hard_dates.dismissed"
QUIET_KEY = "hard_dates.quiet"


@dataclass(frozen=True)
class SavedHardDate:
    id: int
    details: HardDateDetails
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RemovedHardDate:
    """A removed date, held in memory only, so `HardDateService.restore` can undo it (with its
    own identity, so what was said about it on Today stays said)."""

    saved: SavedHardDate
    uid: str


@dataclass(frozen=True)
class UpcomingHardDate:
    saved: SavedHardDate
    next: date | None  # None: a day marked once that has passed
    days_to_go: int | None


def _steps(text: str) -> tuple[PlanStep, ...]:
    try:
        values = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(values, list):
        return ()
    known = set(PlanStep)
    return tuple(PlanStep(v) for v in values if v in known)


def _notice(text: str) -> HardDateNotice:
    try:
        return HardDateNotice(text)
    except ValueError:  # a damaged row: the gentlest default
        return HardDateNotice.TWO_WEEKS


def saved_of(row: HardDate) -> SavedHardDate:
    assert row.id is not None
    details = HardDateDetails(
        name=row.name,
        month=row.month,
        day=row.day,
        year=row.year,
        notice=_notice(row.notice),
        clock_id=row.clock_id,
        plan=row.plan,
        steps=_steps(row.plan_steps),
    )
    return SavedHardDate(row.id, details, row.created_at, row.updated_at)


def _apply(row: HardDate, details: HardDateDetails) -> None:
    row.name = details.name
    row.month, row.day, row.year = details.month, details.day, details.year
    row.notice = details.notice.value
    row.clock_id = details.clock_id
    row.plan = details.plan
    row.plan_steps = json.dumps([step.value for step in details.steps])


def _sort_key(item: UpcomingHardDate) -> tuple[int, int, int]:
    if item.days_to_go is not None:
        return (0, item.days_to_go, item.saved.id)
    details = item.saved.details  # passed: the most recent first
    year = details.year or 0
    return (1, -(year * 10_000 + details.month * 100 + details.day), item.saved.id)


class HardDateService(JournalPart):
    # The last search for clusters, with the journal (its change marker) and the day it was
    # made for: asked again with neither changed (the tab shown again, or opened after the
    # Urges section read ahead), every urge isn't read again.
    _last_search: tuple[int, date, ClusterSearch] | None = None

    # ----- the dates a person marks ---------------------------------------------------------

    def marked(self) -> list[SavedHardDate]:
        """Every marked date, the next to come first; days marked once that have passed last."""
        return [item.saved for item in self.upcoming()]

    def upcoming(self) -> list[UpcomingHardDate]:
        today = self.today()
        with self._vault.session() as session:
            rows = [saved_of(row) for row in session.exec(select(HardDate))]
        found = []
        for saved in rows:
            day = next_day(saved.details.mark, today)
            found.append(UpcomingHardDate(saved, day, None if day is None else (day - today).days))
        return sorted(found, key=_sort_key)

    def get(self, hard_date_id: int) -> SavedHardDate:
        with self._vault.session() as session:
            return saved_of(_get(session, hard_date_id))

    def add(self, details: HardDateDetails) -> SavedHardDate:
        clean = details.validated()
        now = self._now()
        row = HardDate(
            name=clean.name, month=clean.month, day=clean.day, created_at=now, updated_at=now
        )
        _apply(row, clean)
        with self._vault.session() as session:
            _check_clock(session, clean.clock_id)
            session.add(row)
            session.commit()
            session.refresh(row)
            return saved_of(row)

    def update(self, hard_date_id: int, details: HardDateDetails) -> SavedHardDate:
        clean = details.validated()
        with self._vault.session() as session:
            row = _get(session, hard_date_id)
            _check_clock(session, clean.clock_id)
            _apply(row, clean)
            row.updated_at = self._now()
            session.add(row)
            session.commit()
            session.refresh(row)
            return saved_of(row)

    def remove(self, hard_date_id: int) -> RemovedHardDate:
        with self._vault.session() as session:
            row = _get(session, hard_date_id)
            removed = RemovedHardDate(saved_of(row), row.uid)
            session.delete(row)
            session.commit()
        return removed

    def restore(self, removed: RemovedHardDate) -> SavedHardDate:
        """Back as it was, under a fresh id (SQLite may have given the old one away); its
        clock stays unset if the clock went meanwhile."""
        saved = removed.saved
        row = HardDate(
            uid=removed.uid,
            name=saved.details.name,
            month=saved.details.month,
            day=saved.details.day,
            created_at=saved.created_at,
            updated_at=saved.updated_at,
        )
        _apply(row, saved.details)
        with self._vault.session() as session:
            if row.clock_id is not None and session.get(Clock, row.clock_id) is None:
                row.clock_id = None
            taken = select(HardDate.id).where(col(HardDate.uid) == removed.uid)
            if session.exec(taken).first() is not None:  # brought back meanwhile (an import)
                row.uid = new_uid()
            session.add(row)
            session.commit()
            session.refresh(row)
            return saved_of(row)

    def clock_names(self) -> dict[int, str]:
        """Every clock's label by id, archived ones too (a marked date may name any)."""
        with self._vault.session() as session:
            rows = session.exec(select(Clock.id, Clock.name)).all()
        return {clock_id: name for clock_id, name in rows if clock_id is not None}

    # ----- the urge history -----------------------------------------------------------------

    def urge_day_counts(self) -> list[DayCount]:
        """Urges per local day, oldest first; days without urges are left out."""
        at = col(Urge.at)
        with self._vault.session() as session:
            connection = session.connection()
            first, last = connection.execute(sqlalchemy.select(func.min(at), func.max(at))).one()
            if first is None:
                return []
            day, by_day = grouped(local_day_sql(at, offsets_between(first, last)), "local_day")
            rows = connection.execute(
                sqlalchemy.select(day, func.count()).group_by(by_day).order_by(by_day)
            ).all()
        return [DayCount(day_of_number(number), count) for number, count in rows]

    def clusters(self) -> ClusterSearch:
        """The windows of the year the person's urges have gathered in, as of today. Any
        thread may ask (its sessions are its own)."""
        changes, today = self.changes(), self.today()  # before reading: a save meanwhile counts
        last = self._last_search
        if last is not None and last[:2] == (changes, today):
            return last[2]
        search = find_clusters(self.urge_day_counts(), today)
        self._last_search = (changes, today, search)
        return search

    # ----- suggestions, Today, the review (each in a module of its own) -----------------------

    def suggestions(self) -> Suggestions:
        """What the journal suggests marking: clusters and clocks' first days, none that is
        marked or was dismissed; or, while the history is short, what more is needed."""
        from recovery_app.services.hard_date_suggestions import suggestions

        return suggestions(self)

    def dismiss_suggestion(self, key: str) -> None:
        """Never suggest this again (kept in the journal, so it travels with an export)."""
        keys = self.info_list(DISMISSED_KEY)
        if key not in keys:
            self.save_info_list(DISMISSED_KEY, [*keys, key])

    def undismiss_suggestion(self, key: str) -> None:
        """Undo for `dismiss_suggestion`."""
        keys = self.info_list(DISMISSED_KEY)
        if key in keys:
            self.save_info_list(DISMISSED_KEY, [k for k in keys if k != key])

    def day_memories(self) -> list[DayMemory]:
        """Memories dated to the day, for the person to pick one to mark."""
        from recovery_app.services.hard_date_suggestions import day_memories

        return day_memories(self._vault)

    def notice(self) -> Notice | None:
        """Today's line for the most pressing marked date, if one is near."""
        from recovery_app.services.hard_date_notices import notice

        return notice(self)

    def dismiss_notice(self, notice: Notice) -> None:
        """ "Don't show this again": until the next step (the day itself, the day after)."""
        from recovery_app.services.hard_date_notices import dismiss

        dismiss(self, notice)

    def tray_line(self) -> str | None:
        """The tray reminder's words when a marked date is near: neutral, never its name."""
        from recovery_app.services.hard_date_notices import tray_line

        return tray_line(self)

    def around_marked_days(self, first: date, last: date) -> MarkedDaysInRange[int]:
        """For the review: each date a marked day fell on from `first` to `last`, with the
        pull and urges in the seven days either side, beside the usual level."""
        from recovery_app.services.hard_date_review import around_marked_days

        return around_marked_days(self, first, last)

    # ----- for the modules above --------------------------------------------------------------

    @property
    def vault(self) -> Vault:
        return self._vault

    def uids(self) -> dict[int, str]:
        with self._vault.session() as session:
            rows = session.exec(select(HardDate.id, HardDate.uid)).all()
        return {row_id: uid for row_id, uid in rows if row_id is not None}

    def info_list(self, key: str) -> list[str]:
        with self._vault.session() as session:
            row = session.get(VaultInfo, key)
        if row is None:
            return []
        try:
            values = json.loads(row.value)
        except ValueError:
            return []
        return [str(v) for v in values] if isinstance(values, list) else []

    def save_info_list(self, key: str, values: list[str]) -> None:
        with self._vault.session() as session:
            session.merge(VaultInfo(key=key, value=json.dumps(values)))
            session.commit()


def _get(session: Session, hard_date_id: int) -> HardDate:
    row = session.get(HardDate, hard_date_id)
    if row is None:
        raise InvalidInput(GONE)
    return row


def _check_clock(session: Session, clock_id: int | None) -> None:
    if clock_id is not None and session.get(Clock, clock_id) is None:
        raise InvalidInput("That clock isn't there any more.")
