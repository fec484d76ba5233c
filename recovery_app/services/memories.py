"""Memories and the whole-relationship view: add, edit, delete (with undo), and the view's
questions: what lay around a good moment, and how often the cycle came round.

The view's settings (the window in days, the content warning, the hemisphere for seasons)
live in the vault, since they say something about the person's history.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import sqlalchemy
from sqlmodel import Session, col, delete, func, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import FuzzyDate, Hemisphere, parse, precision_of
from recovery_app.domain.memories import (
    DEFAULT_WINDOW_DAYS,
    Memory,
    MemoryDetails,
    MemoryKind,
    Patterns,
    TimeIndex,
    WholeView,
    around,
    check_window,
    find_patterns,
    whole_views,
)
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.storage.models import Clock, VaultInfo
from recovery_app.storage.models import Memory as MemoryRow
from recovery_app.storage.vault import Vault

_FIELDS = (
    "id",
    "clock_id",
    "kind",
    "title",
    "what_happened",
    "feeling",
    "tags",
    "date_text",
    "date_start",
    "date_end",
)
_WINDOW_KEY = "memories.window_days"
_WARNING_KEY = "memories.content_warning"
_HEMISPHERE_KEY = "memories.hemisphere"


@dataclass(frozen=True)
class ViewSettings:
    window_days: int = DEFAULT_WINDOW_DAYS
    content_warning: bool = True  # shown once per unlock before any harm is shown
    hemisphere: Hemisphere = Hemisphere.NORTH


@dataclass(frozen=True)
class Timeline:
    """All the memories (of one person, or everyone's), in time order, with what the view
    needs to answer questions about them without asking the vault again."""

    memories: tuple[Memory, ...]
    index: TimeIndex
    settings: ViewSettings

    def around(self, memory: Memory) -> list[Memory]:
        return around(memory.when, self.index, self.settings.window_days)

    def patterns(self) -> Patterns:
        return find_patterns(self.memories, self.settings.window_days)

    def find(self, memory_id: int) -> Memory | None:
        return next((m for m in self.memories if m.id == memory_id), None)


@dataclass(frozen=True)
class Overview:
    """Enough to choose the view's first page, without reading a single memory."""

    has_harm: bool
    settings: ViewSettings

    @property
    def warning_first(self) -> bool:
        """Whether the content warning comes before the memories (unless already passed)."""
        return self.has_harm and self.settings.content_warning


class MemoryService(JournalPart):
    """The Journal holds one MemoryService per unlock and hands it to every view, so whether
    the content warning was passed lasts exactly as long as the unlock (and wherever the view
    opens: the window, or above the guide)."""

    def __init__(self, vault: Vault, now: Callable[[], datetime] = utc_now) -> None:
        super().__init__(vault, now)
        self._warning_passed = False

    # ----- settings ---------------------------------------------------------------------------

    def settings(self) -> ViewSettings:
        with self._vault.session() as session:
            values = {
                row.key: row.value
                for row in session.exec(
                    select(VaultInfo).where(
                        col(VaultInfo.key).in_([_WINDOW_KEY, _WARNING_KEY, _HEMISPHERE_KEY])
                    )
                )
            }
        default = ViewSettings()
        try:
            window = check_window(int(values.get(_WINDOW_KEY, default.window_days)))
            hemisphere = Hemisphere(values.get(_HEMISPHERE_KEY, default.hemisphere))
        except ValueError:  # a value from a damaged row: the defaults are safe
            window, hemisphere = default.window_days, default.hemisphere
        return ViewSettings(window, values.get(_WARNING_KEY, "on") != "off", hemisphere)

    def save_settings(self, settings: ViewSettings) -> ViewSettings:
        check_window(settings.window_days)
        settings = replace(settings, hemisphere=Hemisphere(settings.hemisphere))
        with self._vault.session() as session:
            previous = self._hemisphere(session)
            for key, value in (
                (_WINDOW_KEY, str(settings.window_days)),
                (_WARNING_KEY, "on" if settings.content_warning else "off"),
                (_HEMISPHERE_KEY, settings.hemisphere.value),
            ):
                session.merge(VaultInfo(key=key, value=value))
            if settings.hemisphere is not previous:
                self._redate_seasons(session, settings.hemisphere)
            session.commit()
        return settings

    def warning_passed(self) -> bool:
        """True once the person chose to go past the content warning since unlocking."""
        return self._warning_passed

    def pass_warning(self) -> None:
        self._warning_passed = True

    def parse_date(self, text: str) -> FuzzyDate:
        """A date as the person typed it, read with their hemisphere's seasons."""
        return parse(text, self.settings().hemisphere)

    # ----- memories ---------------------------------------------------------------------------

    def add_memory(self, details: MemoryDetails) -> Memory:
        clean = self._checked(details)
        now = self._now()
        with self._vault.session() as session:
            self._check_clock(session, clean.clock_id)
            row = MemoryRow.model_validate(
                {**_columns(clean), "created_at": now, "updated_at": now}
            )
            session.add(row)
            session.commit()
            assert row.id is not None
            return Memory(row.id, clean)

    def update_memory(self, memory_id: int, details: MemoryDetails) -> Memory:
        clean = self._checked(details)
        with self._vault.session() as session:
            self._check_clock(session, clean.clock_id)
            row = _get(session, memory_id)
            for name, value in _columns(clean).items():
                setattr(row, name, value)
            row.updated_at = self._now()
            session.add(row)
            session.commit()
            return Memory(memory_id, clean)

    def delete_memory(self, memory_id: int) -> MemoryDetails:
        """Delete one memory; the returned details (memory only) let `add_memory` undo it."""
        with self._vault.session() as session:
            details = _details(_get(session, memory_id))
            session.exec(delete(MemoryRow).where(col(MemoryRow.id) == memory_id))
            session.commit()
        return details

    def get_memory(self, memory_id: int) -> Memory:
        with self._vault.session() as session:
            return Memory(memory_id, _details(_get(session, memory_id)))

    def list_memories(
        self, *, clock_id: int | None = None, kind: MemoryKind | None = None
    ) -> list[Memory]:
        """In time order (fuzzy dates by their middle)."""
        # Plain rows, not ORM objects: a journal may hold thousands, and the view opens on them.
        statement = sqlalchemy.select(*(col(getattr(MemoryRow, name)) for name in _FIELDS))
        if clock_id is not None:
            statement = statement.where(col(MemoryRow.clock_id) == clock_id)
        if kind is not None:
            statement = statement.where(col(MemoryRow.kind) == kind.value)
        # The timeline's order (see FuzzyDate.sort_key), sorted by SQLite, not in Python.
        middle = func.julianday(MemoryRow.date_start) + func.julianday(MemoryRow.date_end)
        span = func.julianday(MemoryRow.date_end) - func.julianday(MemoryRow.date_start)
        statement = statement.order_by(middle, span, col(MemoryRow.id))
        with self._vault.session() as session:
            rows = session.connection().execute(statement).all()
        return [_memory(*row) for row in rows]

    def overview(self) -> Overview:
        # Whether any harm is remembered: the first one found answers, where counting them
        # all read every memory (years of them: 7 ms, 20 ms on a first visit).
        harm = sqlalchemy.exists().where(col(MemoryRow.kind) == MemoryKind.HARM.value)
        with self._vault.session() as session:
            has_harm = session.connection().execute(sqlalchemy.select(harm)).scalar_one()
        return Overview(bool(has_harm), self.settings())

    def find_good_moments(self, words: str) -> list[Memory]:
        """Good moments whose title, text or tags hold every word typed (any case)."""
        wanted = words.casefold().split()
        return [
            memory
            for memory in self.list_memories(kind=MemoryKind.GOOD)
            if all(word in _searchable(memory.details) for word in wanted)
        ]

    def timeline(self, *, clock_id: int | None = None) -> Timeline:
        memories = tuple(self.list_memories(clock_id=clock_id))
        return Timeline(memories, TimeIndex(memories), self.settings())

    def around_date(self, when: FuzzyDate, window_days: int | None = None) -> list[WholeView]:
        """The good moments at `when` (within the window), each with the harm around it."""
        days = self.settings().window_days if window_days is None else check_window(window_days)
        memories = self.list_memories()
        return [
            view for view in whole_views(memories, days) if view.remembered.when.within(when, days)
        ]

    def tags(self) -> list[str]:
        """Every tag in use, in the order first used, for suggestions."""
        seen: dict[str, str] = {}
        with self._vault.session() as session:
            for text in session.exec(select(MemoryRow.tags).order_by(col(MemoryRow.id))):
                for tag in _tags(text):
                    seen.setdefault(tag.casefold(), tag)
        return list(seen.values())

    # ----- helpers ----------------------------------------------------------------------------

    def _checked(self, details: MemoryDetails) -> MemoryDetails:
        clean = details.validated()
        if clean.when.start > self.today():
            raise InvalidInput("That date hasn't come yet. A memory is something that happened.")
        return clean

    @staticmethod
    def _check_clock(session: Session, clock_id: int | None) -> None:
        if clock_id is not None and session.get(Clock, clock_id) is None:
            raise InvalidInput("That person's clock isn't there any more.")

    @staticmethod
    def _hemisphere(session: Session) -> Hemisphere:
        row = session.get(VaultInfo, _HEMISPHERE_KEY)
        try:
            return Hemisphere(row.value) if row is not None else Hemisphere.NORTH
        except ValueError:
            return Hemisphere.NORTH

    @staticmethod
    def _redate_seasons(session: Session, hemisphere: Hemisphere) -> None:
        """Seasons mean other months on the other side of the world: re-read them."""
        for row in session.exec(select(MemoryRow)):
            if any(season in row.date_text for season in ("spring", "summer", "autumn", "winter")):
                when = parse(row.date_text, hemisphere)
                row.date_start, row.date_end = when.start, when.end
                session.add(row)


def _columns(details: MemoryDetails) -> dict[str, object]:
    return {
        "kind": details.kind.value,
        "title": details.title,
        "what_happened": details.what_happened,
        "feeling": details.feeling,
        "tags": json.dumps(list(details.tags), ensure_ascii=False),
        "clock_id": details.clock_id,
        "date_text": details.when.text,
        "date_start": details.when.start,
        "date_end": details.when.end,
    }


_KINDS = {kind.value: kind for kind in MemoryKind}  # a dict lookup: thousands per timeline


def _memory(
    memory_id: int,
    clock_id: int | None,
    kind: str,
    title: str,
    what_happened: str,
    feeling: int | None,
    tags: str,
    date_text: str,
    date_start: date,
    date_end: date,
) -> Memory:
    """From a plain row of `_FIELDS`, in that order: the view reads thousands at a time."""
    when = FuzzyDate(precision_of(date_text), date_start, date_end, date_text)
    return Memory(
        memory_id,
        MemoryDetails(
            _KINDS[kind], title, when, what_happened, feeling, tuple(_tags(tags)), clock_id
        ),
    )


def _details(row: MemoryRow | sqlalchemy.Row[Any]) -> MemoryDetails:
    """From a table row or a plain row of `_FIELDS` (same names)."""
    # The days as stored (they follow the hemisphere's seasons), not re-read from the text.
    when = FuzzyDate(precision_of(row.date_text), row.date_start, row.date_end, row.date_text)
    return MemoryDetails(
        kind=MemoryKind(row.kind),
        title=row.title,
        when=when,
        what_happened=row.what_happened,
        feeling=row.feeling,
        tags=tuple(_tags(row.tags)),
        clock_id=row.clock_id,
    )


def _tags(text: str) -> list[str]:
    if text == "[]":
        return []  # most memories: no need to parse
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [str(tag) for tag in value] if isinstance(value, list) else []


def _searchable(details: MemoryDetails) -> str:
    return " ".join((details.title, details.what_happened, *details.tags)).casefold()


def _get(session: Session, memory_id: int) -> MemoryRow:
    row = session.get(MemoryRow, memory_id)
    if row is None:
        raise InvalidInput("That memory isn't there any more.")
    return row
