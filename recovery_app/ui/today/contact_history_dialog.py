"""One clock's contacts, newest first: edit one, or delete it with undo; open the record of
one that came from them; export the contact log.

The record lives here, beside the contacts it belongs to: the list is already each clock's,
already holds every "they reached out", and is one step from Today's clock card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import ContactKind
from recovery_app.services.clock_records import SavedContact
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_log import ContactLogService
from recovery_app.services.contact_records import RecordService
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.lists import entry_list
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.today.contact_dialog import CHANNEL_WORDS, ContactDialog
from recovery_app.ui.today.contact_log_dialog import ContactLogDialog
from recovery_app.ui.today.contact_record_dialog import ContactRecordDialog

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
    if details.words:
        parts.append("exact words kept")
    if event.attachment_count:
        count = event.attachment_count
        parts.append("1 file" if count == 1 else f"{count} files")
    if event.edited_at is not None:
        edited = event.edited_at.astimezone()
        parts.append(f"edited {edited.day} {edited:%B %Y}")
    line = "  ·  ".join(parts)
    first = details.note.strip().splitlines()[0] if details.note.strip() else ""
    return f"{line}\n{first}" if first else line


class ContactHistoryDialog(Dialog):
    def __init__(
        self,
        clocks: ClockService,
        clock_id: int,
        parent: QWidget | None = None,
        *,
        records: RecordService | None = None,  # given: the records and the log are offered
        contact_log: ContactLogService | None = None,
    ) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._clock_id = clock_id
        self._records = records
        self._contact_log = contact_log
        self._events: dict[int, SavedContact] = {}  # as listed, by id
        self.edit_dialog: ContactDialog | None = None
        self.record_dialog: ContactRecordDialog | None = None
        self.log_dialog: ContactLogDialog | None = None
        self.setWindowTitle(self.tr("Contact history"))
        self.resize(680, 480)
        layout = QVBoxLayout(self)
        name = clocks.get_clock(clock_id).name
        layout.addWidget(heading(self.tr("Contacts noted for %1").replace("%1", name), 3))
        self.empty = paragraph(self.tr("No contacts logged for this clock."), "hint")
        layout.addWidget(self.empty)
        self.list = entry_list(self.tr("Contacts, newest first"))
        layout.addWidget(self.list, 1)
        self.message = MessageLine(clocks.data_dir)
        layout.addWidget(self.message)
        self.undo_bar = UndoBar(self.message)
        layout.addWidget(self.undo_bar)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.record_button = QPushButton(self.tr("Open the &record…"))
        self.record_button.setToolTip(
            self.tr("Their exact words, the files kept with it and every edit")
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        self.log_button = QPushButton(self.tr("E&xport contact log…"))
        self.log_button.setToolTip(self.tr("The times they reached out, as a PDF or CSV file"))
        for button in (self.edit_button, self.record_button, self.delete_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.log_button.setAutoDefault(False)
        row.addWidget(self.log_button)
        self.record_button.setVisible(records is not None)
        self.log_button.setVisible(contact_log is not None)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setIcon(QIcon())  # words only
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.edit_button.clicked.connect(self.edit_selected)
        self.record_button.clicked.connect(self.open_record)
        self.delete_button.clicked.connect(self.delete_selected)
        self.log_button.clicked.connect(self.export_log)
        self.undo_bar.undone.connect(lambda _restored: self.reload())
        self.list.itemActivated.connect(lambda _item: self._activated())
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
        event = self._selected_event()
        self.record_button.setEnabled(event is not None and event.details.kind is ContactKind.THEM)

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

    def _activated(self) -> None:
        """Enter on contact from them opens its record; on any other, its form."""
        event = self._selected_event()
        if event is not None and event.details.kind is ContactKind.THEM and self._records:
            self.open_record()
        else:
            self.edit_selected()

    def open_record(self) -> None:
        event = self._selected_event()
        if event is None or self._records is None or event.details.kind is not ContactKind.THEM:
            return
        dialog = ContactRecordDialog(self._clocks, self._records, event.id, parent=self)
        dialog.finished.connect(lambda _result: self.reload())
        self.record_dialog = dialog
        dialog.open()

    def export_log(self) -> None:
        if self._contact_log is None:
            return
        self.log_dialog = ContactLogDialog(self._contact_log, self._clock_id, parent=self)
        self.log_dialog.open()

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
