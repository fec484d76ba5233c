"""What the reasons and support-people editors share: an ordered list the person arranges.

Select an entry to edit it, move it (buttons, or Alt+Up / Alt+Down) or remove it (button,
or Delete in the list); a removal is offered back by an undo bar (Ctrl+Z). Shortcuts work
while the focus is inside the editor, so two editors shown side by side never fight over
the same key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLayout,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.journal_part import JournalPart
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.lists import ID_ROLE, entry_list, shortcut
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.tab_order import tab_in_order
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph

T = TypeVar("T")  # what a reworded entry saves as


class OrderedListEditor(QWidget):
    """The shared frame; subclasses fill the list and say how to add, edit and remove."""

    def __init__(self, part: JournalPart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._part = part
        self._data_dir = part.data_dir
        self._seen_changes: int | None = None  # the journal as last read into the list
        self.dialog: QDialog | None = None
        self._top: list[QWidget] = []  # what a subclass put above the list, in order
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
        self.message = MessageLine(self._data_dir)
        self.undo_bar = UndoBar(self.message)
        self.column.addWidget(self.message)
        self.column.addWidget(self.undo_bar)
        self.saved_note = MessageLine(note=True)  # every save is answered, and announced
        self.column.addWidget(self.saved_note)

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
        self.undo_bar.undone.connect(self._undone)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        shortcut("Alt+Up", self, lambda: self.move_selected(-1))
        shortcut("Alt+Down", self, lambda: self.move_selected(1))
        self.undo_bar.bind_shortcut(self, within_owner=True)
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
            self._top.extend(_widgets_of(item))
        else:
            self.add_area.addWidget(item)
            self._top.append(item)

    def _order_tabs(self) -> None:
        """Top to bottom: what adds, the undo offer, the list, then what acts on its choice
        (a subclass's own row is made after the frame, and would come last)."""
        tab_in_order(
            *self._top,
            self.undo_bar.button,
            self.list,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        )

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
        self._seen_changes = self._part.changes()  # before reading: a save meanwhile counts
        entries = self.message.attempt(self._entries)
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

        if not self.message.run(lambda: self._move(entry_id, steps)):
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
        done = self.message.attempt(lambda: self._remove(entry_id))
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
        self.undo_bar.undo()

    def _undone(self, restored_id: object) -> None:
        self.refresh(restored_id if isinstance(restored_id, int) else None)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_after_emptied(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.accepted.connect(on_accepted)
        dialog.accepted.connect(self._acknowledge_saved)
        self.dialog = dialog
        dialog.open()

    def _acknowledge_saved(self) -> None:
        self.saved_note.acknowledge(self.tr("Saved."))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self._order_tabs()  # in its window now (tab_order.py says why only now)
            if self._part.changes() != self._seen_changes:
                self.refresh()  # another part of the app (the guide) changed the journal


def _widgets_of(layout: QLayout) -> list[QWidget]:
    """The widgets in `layout` and the layouts inside it, in order."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            found.append(widget)
        elif inner is not None:
            found.extend(_widgets_of(inner))
    return found


class RewordDialog(EntryDialog, Generic[T]):
    """Reword one entry of a list (a reason, a line of the plan): its text, in a box of its
    own. Ctrl+Enter or Save keeps it through `update`; Esc leaves it as it was."""

    def __init__(
        self,
        data_dir: Path,
        text: str,
        update: Callable[[str], T],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(data_dir, parent=parent)
        self._update = update
        self.saved: T | None = None
        self.setMinimumWidth(480)
        self.body.addWidget(paragraph(self.tr("In your own words:"), "hint"))
        self.text = QPlainTextEdit(text)  # its name for a screen reader: the dialog's own
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(96)
        self.body.addWidget(self.text)
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def save(self) -> None:
        text = self.text.toPlainText()
        saved = self.message.attempt(lambda: self._update(text))
        if saved is not None:
            self.saved = saved
            self.accept()
