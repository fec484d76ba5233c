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


class WrappedRows(QStyledItemDelegate):
    """Row heights from the width the text really gets once padded, so that a wrapped last
    line is never cut off (the stock size hint wraps at a slightly wider width).

    Each row's size is kept by its text, width and font: a list's layout asks for every row
    several times (200 letters: 600 times, a third of the tab's first frame), and wrapping
    the same text at the same width gives the same answer."""

    SIDE = 16  # item padding and text margins, both sides, with some to spare
    VERTICAL = 20
    KEPT = 4096  # sizes kept at most: more rows than any list shows, and then begun afresh

    def __init__(self, parent: QAbstractItemView) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, str], QSize] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        if not isinstance(view, QAbstractItemView):
            return super().sizeHint(option, index)
        width = max(40, view.viewport().width() - self.SIDE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (text, width, option.font.key())
        kept = self._sizes.get(key)
        if kept is not None:
            return QSize(kept)
        size = super().sizeHint(option, index)
        needed = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, text
        )
        found = QSize(min(size.width(), width), max(size.height(), needed.height() + self.VERTICAL))
        if len(self._sizes) >= self.KEPT:
            self._sizes.clear()
        self._sizes[key] = QSize(found)
        return found


def entry_list(accessible_name: str = "") -> QListWidget:
    """A list of the person's entries: plain-text rows that wrap, never clipped."""
    entries = QListWidget()
    entries.setAccessibleName(accessible_name)
    entries.setObjectName("entries")  # rows with room to breathe (theme.py)
    entries.setWordWrap(True)
    entries.setUniformItemSizes(False)
    entries.setResizeMode(QListView.ResizeMode.Adjust)
    entries.setTextElideMode(Qt.TextElideMode.ElideNone)
    entries.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Not Qt's Batched layout mode, though it draws a long list's first frame sooner: that
    # first frame shows an empty list (measured on 200 letters), the rows a turn later.
    entries.setItemDelegate(WrappedRows(entries))
    return entries


def preview_list(accessible_name: str = "") -> QListWidget:
    """A list of previews, each row the same few plain-text lines (a date, then a first
    line), cut at the right edge with "…" where a line is too long; the whole text is what a
    screen reader hears. Every row being the same height, the layout asks the size of one
    row, not of each: 200 letters were sized 600 times, most of their tab's first frame."""
    previews = QListWidget()
    previews.setAccessibleName(accessible_name)
    previews.setObjectName("entries")  # the same rows with room to breathe (theme.py)
    previews.setWordWrap(False)
    previews.setUniformItemSizes(True)
    previews.setTextElideMode(Qt.TextElideMode.ElideRight)
    previews.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    previews.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return previews


def fit_to_rows(entries: QListWidget, *, least: int, most: int) -> None:
    """Make a list as tall as its rows (from `least` to `most` pixels), so a page that
    scrolls as a whole shows each row without a scroll bar of the list's own. Call it again
    when the rows or the width change."""
    rows = sum(max(0, entries.sizeHintForRow(i)) for i in range(entries.count()))
    chrome = 2 * entries.frameWidth() + 16  # the frame and the list's padding (theme.py)
    entries.setFixedHeight(max(least, min(most, rows + chrome)))


def shortcut(
    keys: str | QKeySequence.StandardKey,
    owner: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> None:
    key = QShortcut(QKeySequence(keys), owner)
    key.setContext(context)
    key.activated.connect(slot)
