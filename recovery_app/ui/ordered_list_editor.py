"""What the reasons and support-people editors share: an ordered list the person arranges.

Select an entry to edit it, move it (buttons, or Alt+Up / Alt+Down) or remove it (button,
or Delete in the list); a removal is offered back by an undo bar (Ctrl+Z). Shortcuts work
while the focus is inside the editor, so two editors shown side by side never fight over
the same key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from recovery_app.ui.widgets import attempt, heading, message_label, paragraph

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


class UndoBar(QFrame):
    """A quiet line saying what was just removed, with a way to bring it back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo-bar")
        self.action: Callable[[], object] | None = None  # returns None if it failed
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = paragraph("")
        self.button = QPushButton(self.tr("Undo"))
        self.button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.button.setAutoDefault(False)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def offer(self, text: str, action: Callable[[], object]) -> None:
        self.action = action
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.show()

    def clear(self) -> None:
        self.action = None
        self.hide()


class OrderedListEditor(QWidget):
    """The shared frame; subclasses fill the list and say how to add, edit and remove."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self.dialog: QDialog | None = None
        self._build_frame()
        self._connect_frame()

    def set_texts(self, *, title: str, intro: str, empty_text: str, list_name: str) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.intro.setText(intro)
        self.empty_state.setText(empty_text)
        self.list.setAccessibleName(list_name)

    # ----- building -------------------------------------------------------------------------

    def _build_frame(self) -> None:
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 20, 28, 20)
        self.column.setSpacing(12)
        self.title = heading("", 4)
        self.column.addWidget(self.title)
        self.intro = paragraph("", "hint")
        self.column.addWidget(self.intro)
        self.add_area = QVBoxLayout()
        self.add_area.setSpacing(8)
        self.column.addLayout(self.add_area)
        self.message = message_label()
        self.column.addWidget(self.message)
        self.undo_bar = UndoBar()
        self.column.addWidget(self.undo_bar)

        self.empty_state = paragraph("", "gentle")
        self.column.addWidget(self.empty_state)
        self.list = entry_list()
        self.column.addWidget(self.list, 1)
        self.spacer_when_empty = QWidget()
        self.column.addWidget(self.spacer_when_empty, 1)

        self.buttons_row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit (F2)"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove (Delete)"))
        for button in (self.edit_button, self.up_button, self.down_button, self.remove_button):
            button.setAutoDefault(False)
            self.buttons_row.addWidget(button)
        self.buttons_row.addStretch(1)
        self.column.addLayout(self.buttons_row)
        self.footer = QVBoxLayout()
        self.column.addLayout(self.footer)

    def _connect_frame(self) -> None:
        self.edit_button.clicked.connect(self.edit_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_bar.button.clicked.connect(self.undo)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        shortcut("Alt+Up", self, lambda: self.move_selected(-1))
        shortcut("Alt+Down", self, lambda: self.move_selected(1))
        shortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        shortcut("F2", self.list, self.edit_selected, Qt.ShortcutContext.WidgetShortcut)
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.list,
            self.remove_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )

    def add_to_top(self, item: QWidget | QLayout) -> None:
        if isinstance(item, QLayout):
            self.add_area.addLayout(item)
        else:
            self.add_area.addWidget(item)

    # ----- for subclasses -------------------------------------------------------------------

    def _entries(self) -> list[tuple[int, str]] | None:
        """(id, text as shown) in order, or None if they couldn't be read."""
        raise NotImplementedError

    def _move(self, entry_id: int, steps: int) -> None:
        raise NotImplementedError

    def _remove(self, entry_id: int) -> tuple[str, Callable[[], int]]:
        """Remove one entry; return what the undo bar says, and the action that puts it
        back and returns its (new) id."""
        raise NotImplementedError

    def _edit(self, entry_id: int) -> None:
        raise NotImplementedError

    # ----- showing --------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again; keep (or move) the selection to `select_id`."""
        keep = self.selected_id() if select_id is None else select_id
        entries = attempt(self._entries, self.message, self._data_dir)
        self.list.blockSignals(True)
        self.list.clear()
        for entry_id, text in entries or []:
            item = QListWidgetItem(text)  # item text is never read as markup
            item.setData(ID_ROLE, entry_id)
            self.list.addItem(item)
            if entry_id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        current = self.list.currentItem()
        if current is not None:
            self.list.scrollToItem(current)
        has_entries = self.list.count() > 0
        self.list.setVisible(has_entries)
        self.spacer_when_empty.setVisible(not has_entries)
        self.empty_state.setVisible(entries is not None and not has_entries)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        chosen = self.list.currentItem() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < self.list.count() - 1)
        self.edit_button.setVisible(self.list.count() > 0)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setVisible(self.list.count() > 0)

    # ----- actions --------------------------------------------------------------------------

    def edit_selected(self) -> None:
        entry_id = self.selected_id()
        if entry_id is not None:
            self._edit(entry_id)

    def move_selected(self, steps: int) -> None:
        entry_id = self.selected_id()
        row = self.list.currentRow()
        if entry_id is None or not 0 <= row + steps < self.list.count():
            return

        def move() -> bool:
            self._move(entry_id, steps)
            return True  # `attempt` reads None as "couldn't be done"

        if attempt(move, self.message, self._data_dir) is None:
            return
        focus = QApplication.focusWidget()
        self.refresh(entry_id)
        # A Move button that became disabled (top or bottom reached) would otherwise pass the
        # focus on to some other button.
        if focus in (self.up_button, self.down_button) and not focus.isEnabled():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return
        row = self.list.currentRow()
        done = attempt(lambda: self._remove(entry_id), self.message, self._data_dir)
        if done is None:
            return
        text, undo = done
        self.undo_bar.offer(text, undo)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_after_emptied()

    def undo(self) -> None:
        action = self.undo_bar.action
        if action is None:
            return
        restored = attempt(action, self.message, self._data_dir)
        if restored is None:
            return  # the message says why; the undo stays on offer, nothing is lost
        self.undo_bar.clear()
        self.refresh(restored if isinstance(restored, int) else None)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_after_emptied(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.accepted.connect(on_accepted)
        self.dialog = dialog
        dialog.open()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()  # another part of the app (the guide) may have changed the list
