"""The backups of a folder as an item model: when, why, how big, and what they hold.

Rows are `BackupInfo` records (read off the GUI thread by whoever fills the model); the
model only words them. A backup whose counts are sealed under another key (made before a
re-key, or from another journal) shows its size and date, with "not known" for the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from recovery_app.services.my_data_records import BackupInfo
from recovery_app.services.my_data_words import (
    counts_text,
    day_range_text,
    entries_text,
    reason_text,
    size_text,
    when_text,
)

Index = QModelIndex | QPersistentModelIndex
BACKUP_ROLE = Qt.ItemDataRole.UserRole  # the row's BackupInfo


class BackupListModel(QAbstractTableModel):
    MADE, WHY, SIZE, HOLDS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []
        self._now = datetime.now(UTC)

    def set_backups(self, backups: Sequence[BackupInfo], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self._now = now
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Made"), self.tr("Why"), self.tr("Size"), self.tr("Holds"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.backup(index.row()) if index.isValid() else None
        if backup is None:
            return None
        if role == BACKUP_ROLE:
            return backup
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(backup, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._details(backup)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, backup: BackupInfo, column: int) -> str:
        if column == self.MADE:
            return when_text(backup.created_at, now=self._now)
        if column == self.WHY:
            return reason_text(backup.reason)
        if column == self.SIZE:
            return size_text(backup.size)
        entries = backup.entries
        return self.tr("not known") if entries is None else entries_text(entries)

    def _details(self, backup: BackupInfo) -> str:
        """Everything about one backup in words: its tooltip, and what a screen reader reads."""
        where = self.tr("In %1.").replace("%1", str(backup.path.parent))
        if backup.counts is None:
            return where + " " + self.tr("What it holds shows once its password opens it.")
        held = counts_text(backup.counts).capitalize() + "."
        if backup.first_day is None:
            return f"{held} {where}"
        today = self._now.astimezone().date()
        span = day_range_text(backup.first_day, backup.last_day, today=today)
        return f"{held} " + self.tr("Entries from %1.").replace("%1", span) + f" {where}"
