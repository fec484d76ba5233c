"""A review part's numbers as a plain table a keyboard and a screen reader can walk, cell by
cell: the same `Table` the report prints (recovery_app/drawing/tables.py)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from recovery_app.drawing.tables import Table

_Index = QModelIndex | QPersistentModelIndex
MOST_ROWS_SHOWN = 10  # taller tables scroll inside themselves
SAMPLE_ROWS = 60  # rows measured to size the columns
MOST_COLUMN_WIDTH = 320


class PlainTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = Table((), ())

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.table.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(section)  # a heading on the side of its column's numbers
        return None

    def _alignment(self, column: int) -> int:
        side = (
            Qt.AlignmentFlag.AlignRight
            if self.table.is_numeric(column)
            else Qt.AlignmentFlag.AlignLeft
        )
        return int(side | Qt.AlignmentFlag.AlignVCenter)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(index.column())
        return None


class PlainTableView(QTableView):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = PlainTableModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(accessible_name)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrows walk it
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Not ResizeToContents: that asks every cell of every row for its text each time the
        # table changes, which is most of a range change on ten years of weeks.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self._height = 0
        self._widths_wanted = False

    def set_table(self, table: Table) -> None:
        self.model_.set_table(table)
        self._widths_wanted = True
        if self.isVisible():
            self._fit_columns()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its rows (up to MOST_ROWS_SHOWN), and the scroll bar below them when
        the columns are wider than the view: it never covers the last row."""
        rows = min(len(self.model_.table.rows), MOST_ROWS_SHOWN)
        row_height = self.verticalHeader().defaultSectionSize()
        frame = 2 * self.frameWidth()
        height = self.horizontalHeader().sizeHint().height() + rows * row_height + frame
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._widths_wanted:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its heading and the first rows want (measured, not asked
        of the view), the last taking what is left."""
        self._widths_wanted = False
        table = self.model_.table
        metrics = self.fontMetrics()
        bold = self.horizontalHeader().fontMetrics()
        pad = 2 * metrics.averageCharWidth() + 8
        for column, heading in enumerate(table.headers[:-1]):
            lines = heading.split("\n")
            wanted = max(bold.horizontalAdvance(line) for line in lines) + pad + 8
            for row in table.rows[:SAMPLE_ROWS]:
                wanted = max(wanted, metrics.horizontalAdvance(row[column]) + pad)
            self.setColumnWidth(column, min(wanted, MOST_COLUMN_WIDTH))
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height)
