"""One clock's contacts, newest first: edit one, or delete it with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import ContactKind
from recovery_app.services.clock_records import SavedContact
from recovery_app.services.clocks import ClockService
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.today.contact_dialog import CHANNEL_WORDS, ContactDialog

KIND_WORDS = {
    ContactKind.ME: "I reached out",
    ContactKind.THEM: "They reached out",
    ContactKind.UNAVOIDABLE: "Allowed or unavoidable",
}


def describe(event: SavedContact) -> str:
    details = event.details
    moment = details.at.astimezone()
    parts = [f"{moment.day} {moment:%B %Y, %H:%M}", KIND_WORDS[details.kind]]
    if details.channel:
        parts.append(CHANNEL_WORDS[details.channel])
    line = "  ·  ".join(parts)
    first = details.note.strip().splitlines()[0] if details.note.strip() else ""
    return f"{line}\n{first}" if first else line


class ContactHistoryDialog(Dialog):
    def __init__(self, clocks: ClockService, clock_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._clock_id = clock_id
        self._events: dict[int, SavedContact] = {}  # as listed, by id
        self.edit_dialog: ContactDialog | None = None
        self.setWindowTitle(self.tr("Contact history"))
        self.resize(560, 440)
        layout = QVBoxLayout(self)
        name = clocks.get_clock(clock_id).name
        layout.addWidget(heading(self.tr("Contacts noted for %1").replace("%1", name), 3))
        self.empty = paragraph(self.tr("No contacts logged for this clock."), "hint")
        layout.addWidget(self.empty)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Contacts, newest first"))
        self.list.setWordWrap(True)
        self.list.setObjectName("entries")  # rows with room and a line between them
        layout.addWidget(self.list, 1)
        self.message = MessageLine(clocks.data_dir)
        layout.addWidget(self.message)
        self.undo_bar = UndoBar(self.message)
        layout.addWidget(self.undo_bar)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button in (self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_bar.undone.connect(lambda _restored: self.reload())
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        self.undo_bar.bind_shortcut(self)
        self.reload()

    def reload(self) -> None:
        events = self.message.attempt(lambda: self._clocks.list_contacts(self._clock_id))
        self.list.clear()
        self._events = {event.id: event for event in events or []}
        for event in events or []:
            item = QListWidgetItem(describe(event))
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _selected_event(self) -> SavedContact | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self._events.get(item.data(Qt.ItemDataRole.UserRole))

    def edit_selected(self) -> None:
        event = self._selected_event()
        if event is None:
            return
        dialog = ContactDialog(self._clocks, [], event=event, parent=self)
        dialog.accepted.connect(self.reload)
        self.edit_dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        event = self._selected_event()
        if event is None:
            return
        deleted = self.message.attempt(lambda: self._clocks.delete_contact(event.id))
        if deleted is None:
            return
        self.undo_bar.offer(
            self.tr("Contact deleted."), lambda: self._clocks.restore_contact(deleted)
        )
        self.reload()

    def undo_delete(self) -> None:
        self.undo_bar.undo()
