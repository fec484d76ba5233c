"""The files kept with a "they reached out" entry: listed by name, size, when added and
fingerprint; pictures hidden until the person asks to see them.

A person may not want to see the message again, so nothing is drawn until "Show pictures"
is pressed, and everything drawn is cleared the moment the record closes (a lock and quick
exit close it). Pictures are read from the bytes in memory (QImage), never through a file.
A copy leaves the journal only into a folder the person chooses, after the not-encrypted
warning.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.reach_out import megabytes
from recovery_app.services.attempt_records import SavedAttachment
from recovery_app.services.contact_records import RecordService
from recovery_app.services.messages import NOT_ENCRYPTED_WARNING
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.files import choose_file_to_add, choose_folder
from recovery_app.ui.kit.lists import ID_ROLE, entry_list, fit_to_rows, shortcut
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.tab_order import tab_in_order
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.today.picture_viewer import PictureViewer

THUMBNAIL = QSize(150, 110)
COLUMNS = 3


def moment_words(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y, %H:%M}"


class AttachmentsPanel(QWidget):
    changed = Signal()  # a file was added, removed or put back

    def __init__(
        self,
        records: RecordService,
        contact_id: int,
        attachments: tuple[SavedAttachment, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._records = records
        self._contact_id = contact_id
        self._files: dict[int, SavedAttachment] = {}
        self.thumbnails: list[QToolButton] = []
        self.viewer: PictureViewer | None = None
        self.dialog: QDialog | None = None
        self._build_ui()
        self._connect_signals()
        self.show_files(attachments)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Files kept with it"), 1))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Screenshots or other files, kept encrypted in the journal (up to 10 MB "
                    "each). Pictures stay hidden until you choose to see them."
                ),
                "small",
            )
        )
        self.empty = paragraph(self.tr("No files yet."), "hint")
        layout.addWidget(self.empty)
        self.list = entry_list(self.tr("Files kept with this entry"))
        layout.addWidget(self.list)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("small")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.pictures = QWidget()
        self.pictures.setAccessibleName(self.tr("Pictures"))
        self.grid = QGridLayout(self.pictures)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pictures.hide()
        layout.addWidget(self.pictures)
        self.message = MessageLine(self._records.data_dir)
        self.note = MessageLine(self._records.data_dir, note=True)
        self.undo_bar = UndoBar(self.message)
        for line in (self.message, self.note, self.undo_bar):
            layout.addWidget(line)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a file…"))
        self.show_button = QPushButton(self.tr("S&how pictures"))
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(self.tr("Pictures are hidden until you choose to see them"))
        self.save_button = QPushButton(self.tr("Sa&ve a copy…"))
        self.save_button.setToolTip(self.tr("Save a copy of the chosen file in a folder"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the chosen file (Delete)"))
        for button in (self.add_button, self.show_button, self.save_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_file)
        self.show_button.toggled.connect(self.show_pictures)
        self.save_button.clicked.connect(self.save_copy)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _row: self._selection_changed())
        self.undo_bar.undone.connect(lambda _back: self.reload())
        self.undo_bar.bind_shortcut(self, within_owner=True)
        shortcut("Delete", self.list, self.remove_selected, Qt.ShortcutContext.WidgetShortcut)

    # ----- showing --------------------------------------------------------------------------

    def reload(self) -> None:
        record = self.message.attempt(lambda: self._records.record(self._contact_id))
        if record is not None:
            self.show_files(record.attachments)
        self.changed.emit()

    def show_files(self, attachments: tuple[SavedAttachment, ...]) -> None:
        self._files = {a.id: a for a in attachments}
        self.list.clear()
        for file in attachments:
            kind = self.tr("picture") if file.is_image else self.tr("file")
            item = QListWidgetItem(
                f"{file.name}\n{kind}, {megabytes(file.size)}, added {moment_words(file.added_at)}"
            )  # plain text: a list item is never read as markup
            item.setData(ID_ROLE, file.id)
            self.list.addItem(item)
        self.empty.setVisible(not attachments)
        self.list.setVisible(bool(attachments))
        fit_to_rows(self.list, least=48, most=240)
        for button in (self.show_button, self.save_button, self.remove_button):
            button.setVisible(bool(attachments))  # nothing to show, save or remove yet
        if attachments:
            self.list.setCurrentRow(0)
        if self.show_button.isChecked():
            self._draw_pictures()
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.save_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)
        self.show_button.setEnabled(any(f.is_image for f in self._files.values()))
        self.fingerprint.setText(
            "" if chosen is None else self.tr("SHA-256: %1").replace("%1", chosen.sha256)
        )
        self.fingerprint.setVisible(chosen is not None)

    def selected(self) -> SavedAttachment | None:
        item = self.list.currentItem()
        return None if item is None else self._files.get(int(item.data(ID_ROLE)))

    def show_pictures(self, shown: bool) -> None:
        self.show_button.setText(self.tr("Hide pictures") if shown else self.tr("S&how pictures"))
        if shown:
            self._draw_pictures()
        else:
            self.clear_pictures()

    def _draw_pictures(self) -> None:
        self._clear_grid()
        pictures = [f for f in self._files.values() if f.is_image]
        for index, file in enumerate(pictures):
            data = self.message.attempt(partial(self._records.attachment_data, file.id))
            image = QImage.fromData(data) if data is not None else QImage()
            button = QToolButton()
            button.setObjectName("thumbnail")  # the theme draws its frame and focus ring
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(THUMBNAIL)
            button.setAccessibleName(
                self.tr("Picture: %1. Opens it larger.").replace("%1", file.name)
            )
            button.setToolTip(self.tr("See it larger"))
            if image.isNull():
                button.setText(self.tr("Can't be shown"))
            else:
                thumb = image.scaled(
                    THUMBNAIL,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                button.setIcon(QIcon(QPixmap.fromImage(thumb)))
                button.clicked.connect(lambda _=False, f=file, i=image: self._view(f, i))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.thumbnails.append(button)
        self.pictures.setVisible(bool(self.thumbnails))
        if self.thumbnails:
            # Tab in reading order: the list, the pictures below it, then the buttons.
            tab_in_order(self.list, *self.thumbnails, self.add_button)
            self.thumbnails[0].setFocus()

    def _view(self, file: SavedAttachment, image: QImage) -> None:
        self.viewer = PictureViewer(file.name, image, parent=self)
        self.viewer.open()

    def _clear_grid(self) -> None:
        for button in self.thumbnails:
            self.grid.removeWidget(button)
            button.setIcon(QIcon())
            button.deleteLater()
        self.thumbnails = []

    def clear_pictures(self) -> None:
        """Every picture drawn goes at once (the record closing, a lock, quick exit)."""
        if self.viewer is not None:
            self.viewer.reject()
            self.viewer = None
        self._clear_grid()
        self.pictures.hide()
        if self.show_button.isChecked():
            self.show_button.blockSignals(True)
            self.show_button.setChecked(False)
            self.show_button.blockSignals(False)
            self.show_button.setText(self.tr("S&how pictures"))

    # ----- actions --------------------------------------------------------------------------

    def add_file(self) -> None:
        self.dialog = choose_file_to_add(self, self.tr("Add a file to the record"), self._add)

    def _add(self, path: Path) -> None:
        saved = self.message.attempt(lambda: self._records.add_file(self._contact_id, path))
        if saved is not None:
            self.note.say(
                self.tr("Kept, encrypted in the journal. The file itself is where it was.")
            )
            self.reload()
            self._select(saved.id)

    def _select(self, file_id: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(ID_ROLE) == file_id:
                self.list.setCurrentRow(row)

    def save_copy(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.dialog = confirm(
            self,
            title=self.tr("Save a copy"),
            text=self.tr("Save a copy of this file in a folder you choose?"),
            detail=NOT_ENCRYPTED_WARNING,
            yes=self.tr("Choose a folder…"),
            no=self.tr("Not now"),
            on_yes=lambda: self._choose_folder(chosen),
        )

    def _choose_folder(self, chosen: SavedAttachment) -> None:
        self.dialog = choose_folder(
            self, self.tr("Where to save the copy"), lambda folder: self._save_into(chosen, folder)
        )

    def _save_into(self, chosen: SavedAttachment, folder: Path) -> None:
        written = self.message.attempt(lambda: self._records.save_copy(chosen.id, folder))
        if written is not None:
            self.note.say(
                self.tr("Saved a copy as %1. It isn't encrypted.").replace("%1", str(written))
            )

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.dialog = confirm(
            self,
            title=self.tr("Remove the file"),
            text=self.tr("Remove this file from the record?"),
            detail=self.tr(
                "The record will keep its name and fingerprint and show that it was edited. "
                "You can undo this straight after."
            ),
            yes=self.tr("Remove"),
            no=self.tr("Keep it"),
            on_yes=lambda: self._remove(chosen),
            destructive=True,
        )

    def _remove(self, chosen: SavedAttachment) -> None:
        removed = self.message.attempt(lambda: self._records.remove_attachment(chosen.id))
        if removed is None:
            return
        self.undo_bar.offer(
            self.tr("File removed."), lambda: self._records.restore_attachment(removed)
        )
        self.note.clear()
        self.reload()
