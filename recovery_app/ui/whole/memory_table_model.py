"""The memories as a plain table, in time order: the timeline's information without the
picture, for the keyboard and for screen readers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from recovery_app.domain.fuzzy_dates import label
from recovery_app.domain.memories import Memory, MemoryKind

WHEN, TITLE, KIND, PERSON, FEELING = range(5)  # what and when first: seen at any width
MEMORY_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class MemoryTableModel(QAbstractTableModel):
    def __init__(
        self,
        kind_words: dict[MemoryKind, str],
        clock_names: dict[int, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind_words = kind_words
        self._clock_names = clock_names
        self._memories: list[Memory] = []
        self._highlighted: set[int] = set()
        self._headers = (
            self.tr("When"),
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Person"),
            self.tr("How it felt"),
        )

    def set_memories(self, memories: Sequence[Memory], clock_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._memories = list(memories)
        self._clock_names = clock_names
        self.endResetModel()

    def set_highlighted(self, memories: Sequence[Memory]) -> None:
        self._highlighted = {m.id for m in memories}
        if self._memories:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._memories) - 1, FEELING))

    def memory_at(self, row: int) -> Memory | None:
        return self._memories[row] if 0 <= row < len(self._memories) else None

    def row_of(self, memory_id: int) -> int:
        return next((n for n, m in enumerate(self._memories) if m.id == memory_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._memories)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        memory = self.memory_at(index.row())
        if memory is None:
            return None
        if role == MEMORY_ROLE:
            return memory
        details = memory.details
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == WHEN:
                return label(memory.when)
            if column == KIND:
                return self._kind_words[memory.kind]
            if column == TITLE:
                return details.title
            if column == PERSON:
                return self._clock_names.get(details.clock_id or -1, "")
            if column == FEELING:
                return "" if details.feeling is None else str(details.feeling)
        if role == Qt.ItemDataRole.FontRole and memory.id in self._highlighted:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and details.what_happened:
            return details.what_happened[:300]
        return None
