"""Lists of the person's own entries: plain-text rows that wrap and are never clipped, and
shortcuts bound to a list or a panel rather than to the whole window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole
# Rows with room to breathe, in the app's colours (see style.py).
LIST_STYLE = """
QListWidget { background: #ffffff; border: 1px solid #e3ded6; border-radius: 8px; padding: 4px 8px;
    outline: 0; }
QListWidget:focus { border: 2px solid #4f6d7a; }
QListWidget::item { padding: 7px 2px; border-bottom: 1px solid #eeeae4; color: #24323a; }
QListWidget::item:selected { background: #d6e2e7; color: #17262e; }
QListWidget::item:hover:!selected { background: #f5f3ef; }
"""


class WrappedRows(QStyledItemDelegate):
    """Row heights from the width the text really gets once padded, so that a wrapped last
    line is never cut off (the stock size hint wraps at a slightly wider width)."""

    SIDE = 16  # item padding and text margins, both sides, with some to spare
    VERTICAL = 20

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if not isinstance(view, QAbstractItemView):
            return size
        width = max(40, view.viewport().width() - self.SIDE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        needed = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(min(size.width(), width), max(size.height(), needed.height() + self.VERTICAL))


def entry_list(accessible_name: str = "") -> QListWidget:
    """A list of the person's entries: plain-text rows that wrap, never clipped."""
    entries = QListWidget()
    entries.setAccessibleName(accessible_name)
    entries.setStyleSheet(LIST_STYLE)
    entries.setWordWrap(True)
    entries.setUniformItemSizes(False)
    entries.setResizeMode(QListView.ResizeMode.Adjust)
    entries.setTextElideMode(Qt.TextElideMode.ElideNone)
    entries.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    entries.setItemDelegate(WrappedRows(entries))
    return entries


def shortcut(
    keys: str | QKeySequence.StandardKey,
    owner: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> None:
    key = QShortcut(QKeySequence(keys), owner)
    key.setContext(context)
    key.activated.connect(slot)
