"""The urge list as an item model, read a page at a time.

A journal can hold tens of thousands of urges: the model keeps light rows (no ORM objects, no
long texts) and asks the service for the next page only when the view scrolls near the end
(`canFetchMore`/`fetchMore`), so the Urges screen opens at once whatever the journal's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.urges import UrgeOutcome
from recovery_app.services.errors import VaultError
from recovery_app.services.urges import UrgeRow, UrgeService

PAGE_SIZE = 200
EMPTY = "—"

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class UrgeFilters:
    """What the list is narrowed to; the default is every urge, all time."""

    trigger: str | None = None
    since: date | None = None  # local days, both included
    until: date | None = None

    @property
    def active(self) -> bool:
        return self != UrgeFilters()


def when_text(at: datetime, *, today: date) -> str:
    """A moment on the local calendar, readable: "Mon 23 Nov, 18:30" (with the year when it
    isn't this year's)."""
    local = at.astimezone()
    year = "" if local.year == today.year else f" {local.year}"
    return f"{local:%a} {local.day} {local:%b}{year}, {local:%H:%M}"


def minutes_text(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


class UrgeTableModel(QAbstractTableModel):
    WHEN, INTENSITY, TRIGGERS, OUTCOME, LASTED = range(5)

    # A page could not be read (the journal became unreadable, say): the error, for the
    # screen to explain kindly. The list stays as it was.
    failed = Signal(object)

    def __init__(
        self, urges: UrgeService, *, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._urges = urges
        self._page_size = page_size
        self._rows: list[UrgeRow] = []
        self._total = 0
        self._stalled = False  # a fetch failed: don't retry on every scroll
        self._today = urges.today()
        self.filters = UrgeFilters()
        self._headers = (
            self.tr("When"),
            self.tr("Intensity"),
            self.tr("Triggers"),
            self.tr("Outcome"),
            self.tr("Lasted"),
        )
        self._outcomes = {
            UrgeOutcome.PASSED: self.tr("It passed"),
            UrgeOutcome.REACHED_OUT: self.tr("I reached out"),
        }
        self._not_noted = self.tr("not noted")

    # ----- loading ------------------------------------------------------------------------------

    def set_filters(self, filters: UrgeFilters) -> None:
        """Show the urges these filters let through, from the newest. Raises what the service
        raises (the screen runs it through `attempt`), leaving the list as it was."""
        self._load(filters, self._page_size)

    def reload(self) -> None:
        """Read again with the same filters, keeping at least as many rows as were loaded,
        so an edit far down the list doesn't scroll the person back to the top."""
        self._load(self.filters, max(self._page_size, len(self._rows)))

    def add_saved(self, row: UrgeRow) -> bool:
        """An urge just saved, placed among the rows without reading the list again (a
        journal of years would be counted and paged afresh for one new line). False when
        filters narrow the list: whether it belongs there is the query's to say."""
        if self.filters.active:
            return False
        newer = (row.at, row.id)
        place = next((i for i, r in enumerate(self._rows) if (r.at, r.id) < newer), None)
        self._total += 1
        if place is None and len(self._rows) < self._total - 1:
            return True  # older than every row loaded: fetched when scrolled to, in its place
        place = len(self._rows) if place is None else place
        self.beginInsertRows(_ROOT, place, place)
        self._rows.insert(place, row)
        self.endInsertRows()
        return True

    @property
    def total(self) -> int:
        """How many urges the filters let through, loaded or not."""
        return self._total

    def _load(self, filters: UrgeFilters, limit: int) -> None:
        total = self._urges.count_urges(**self._query(filters))
        rows = self._urges.urge_rows(0, limit, **self._query(filters))
        self.beginResetModel()
        self.filters = filters
        self._today = self._urges.today()
        self._total = max(total, len(rows))
        self._rows = rows
        self._stalled = False
        self.endResetModel()

    @staticmethod
    def _query(filters: UrgeFilters) -> dict[str, Any]:
        return {"since": filters.since, "until": filters.until, "trigger": filters.trigger}

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._stalled and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        try:
            page = self._urges.urge_rows(
                len(self._rows), self._page_size, **self._query(self.filters)
            )
        except (InvalidInput, VaultError) as error:
            self._stalled = True
            self.failed.emit(error)
            return
        if not page:  # fewer than counted: some were deleted elsewhere meanwhile
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # ----- reading ------------------------------------------------------------------------------

    def urge_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, urge_id: int) -> int | None:
        """The row showing this urge, if it is loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == urge_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._alignment(section))
        return None

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in (self.INTENSITY, self.LASTED):
            return Qt.AlignmentFlag.AlignCenter
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column) or EMPTY
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, column) or self._not_noted
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TRIGGERS and row.triggers:
            return _plain_tooltip(", ".join(row.triggers))  # the person's own words
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._alignment(column))
        return None

    def _text(self, row: UrgeRow, column: int) -> str:
        if column == self.WHEN:
            return when_text(row.at, today=self._today)
        if column == self.INTENSITY:
            return "" if row.intensity is None else f"{row.intensity} / 10"
        if column == self.TRIGGERS:
            return ", ".join(row.triggers)
        if column == self.OUTCOME:
            return "" if row.outcome is None else self._outcomes[row.outcome]
        if column == self.LASTED:
            return "" if row.minutes is None else minutes_text(row.minutes)
        return ""

    def _spoken(self, row: UrgeRow, column: int) -> str:
        if column == self.INTENSITY and row.intensity is not None:
            return self.tr("%1 out of 10").replace("%1", str(row.intensity))
        if column == self.LASTED and row.minutes is not None:
            return minutes_spoken(row.minutes)
        return self._text(row, column)


def minutes_spoken(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append("1 hour" if hours == 1 else f"{hours} hours")
    if rest or not hours:
        parts.append("1 minute" if rest == 1 else f"{rest} minutes")
    return " ".join(parts)


def _plain_tooltip(text: str) -> str:
    """Tooltips guess at rich text; escaped inside a paragraph, a "<b>" shows as typed."""
    return f"<p>{escape(text)}</p>"
