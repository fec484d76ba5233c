"""Unsent letters: write what you want to say to them, keep it here, reread it later.

A list of letters, newest first, beside the pad (see letter_pad.py), which saves as the
person types. Choosing a letter saves the one on the pad first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.support import LetterService, ListedLetter, SavedLetter
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.lists import ID_ROLE, preview_list, shortcut
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.urges.letter_pad import LetterPad, letter_date

LIST_WIDTH = 220
FIRST_LINE_CHARS = 60


def first_line(body: str) -> str:
    line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return line if len(line) <= FIRST_LINE_CHARS else line[: FIRST_LINE_CHARS - 1].rstrip() + "…"


class LettersScreen(QWidget):
    def __init__(self, letters: LetterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letters = letters
        self.dialog: QMessageBox | None = None
        self._saved_rows: dict[int, ListedLetter] = {}  # saved, not yet shown in the list
        self._seen_changes: int | None = None  # the journal as last read into the list
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ----- building -----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(12)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(self.tr("Unsent letters"), 4))
        titles.addWidget(
            paragraph(
                self.tr(
                    "Write what you want to say to them. It stays here: there is no way to "
                    "send it, anywhere."
                ),
                "hint",
            )
        )
        header.addLayout(titles, 1)
        self.new_button = QPushButton(self.tr("New letter"))
        self.new_button.setToolTip(self.tr("New letter (Ctrl+N)"))
        self.new_button.setAutoDefault(False)
        header.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)

        self.message = MessageLine(self.letters.data_dir)
        self.undo_bar = UndoBar(self.message)
        column.addWidget(self.message)
        column.addWidget(self.undo_bar)

        body = QHBoxLayout()
        body.setSpacing(16)
        side = QVBoxLayout()
        side.setSpacing(8)
        self.empty_state = paragraph(
            self.tr(
                "No letters yet. Whenever there's something you want to say to them, write "
                "it here. Your letters will be listed here to reread."
            ),
            "gentle",
        )
        side.addWidget(self.empty_state)
        self.list = preview_list(self.tr("Letters, newest first"))
        side.addWidget(self.list, 1)
        self.side_spacer = QWidget()
        side.addWidget(self.side_spacer, 1)
        self.delete_button = QPushButton(self.tr("Delete letter…"))
        self.delete_button.setToolTip(self.tr("Delete the letter you're reading (Delete)"))
        self.delete_button.setAutoDefault(False)
        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addStretch(1)
        side.addLayout(delete_row)
        side_host = QWidget()
        side_host.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side_host.setFixedWidth(LIST_WIDTH)
        body.addWidget(side_host)

        self.pad = LetterPad(self.letters)
        body.addWidget(self.pad, 1)
        column.addLayout(body, 1)
        # A save can come from the focus leaving the pad for a click in the list; the list
        # changes only after that click has picked its letter, never under the pointer.
        self._show_saved_timer = QTimer(self)
        self._show_saved_timer.setSingleShot(True)
        self._show_saved_timer.setInterval(0)

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_letter)
        self.delete_button.clicked.connect(self.delete_letter)
        self.undo_bar.undone.connect(self._undone)
        self.list.currentItemChanged.connect(lambda _now, _before: self._open_selected())
        self.pad.saved.connect(self._letter_saved)
        self._show_saved_timer.timeout.connect(self._show_saved)
        # Window-wide while this screen shows (a hidden widget's shortcuts never fire), as on
        # Today. In the pad, Ctrl+Z still undoes typing: the editor claims it first.
        shortcut("Ctrl+N", self, self.new_letter, Qt.ShortcutContext.WindowShortcut)
        self.undo_bar.bind_shortcut(self)
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.list,
            self.delete_letter,
            Qt.ShortcutContext.WidgetShortcut,
        )

    # ----- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again; the letter on the pad stays where it is."""
        self._seen_changes = self.letters.changes()  # before reading: a save meanwhile counts
        letters = self.message.attempt(self.letters.listed)
        self._saved_rows = {}
        self.list.blockSignals(True)
        self.list.clear()
        for letter in letters or []:
            self.list.addItem(self._item(letter))
        self._select(self.pad.letter_id)
        self.list.blockSignals(False)
        self._show_state()

    def _item(self, letter: ListedLetter) -> QListWidgetItem:
        item = QListWidgetItem(self._row_text(letter))  # item text is never read as markup
        item.setData(ID_ROLE, letter.id)
        return item

    def _row_text(self, letter: ListedLetter) -> str:
        return f"{letter_date(letter)}\n{first_line(letter.opening) or self.tr('(no words yet)')}"

    def _row_of(self, letter_id: int | None) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == letter_id:
                return row
        return -1

    def _select(self, letter_id: int | None) -> None:
        row = self._row_of(letter_id) if letter_id is not None else -1
        self.list.setCurrentRow(row)
        if row < 0:
            self.list.clearSelection()

    def _show_state(self) -> None:
        has_letters = self.list.count() > 0
        self.empty_state.setVisible(not has_letters)
        self.list.setVisible(has_letters)
        self.side_spacer.setVisible(not has_letters)
        self.delete_button.setVisible(has_letters)
        self.delete_button.setEnabled(self.pad.letter_id is not None)

    def _letter_saved(self, letter: SavedLetter) -> None:
        self._saved_rows[letter.id] = ListedLetter.of(letter)
        self._show_saved_timer.start()

    def _show_saved(self) -> None:
        saved, self._saved_rows = self._saved_rows, {}
        self.list.blockSignals(True)
        for letter in saved.values():
            row = self._row_of(letter.id)
            if row < 0:  # the first words of a new letter: it joins the list, newest first
                self.list.insertItem(0, self._item(letter))
            else:
                self.list.item(row).setText(self._row_text(letter))
        self._select(self.pad.letter_id)
        self.list.blockSignals(False)
        self._show_state()

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        letter_id = int(item.data(ID_ROLE))
        if letter_id == self.pad.letter_id:
            return
        letter = self.message.attempt(lambda: self.letters.get(letter_id))
        if letter is None or not self.pad.open_letter(letter):
            # The pad keeps what couldn't be saved; so does the list's choice.
            self.list.blockSignals(True)
            self._select(self.pad.letter_id)
            self.list.blockSignals(False)
        self._show_state()

    # ----- actions ------------------------------------------------------------------------------

    def new_letter(self) -> None:
        if self.pad.new_letter():
            self.list.blockSignals(True)
            self._select(None)
            self.list.blockSignals(False)
            self._show_state()
        self.pad.focus_editor()

    def delete_letter(self) -> None:
        if self.pad.letter_id is None:
            return
        self.dialog = confirm(
            self,
            title=self.tr("Delete letter"),
            text=self.tr("Delete this letter?"),
            detail=self.tr("You can undo this straight after."),
            yes=self.tr("Delete"),
            no=self.tr("Keep it"),
            on_yes=self._delete,
            destructive=True,
        )

    def _delete(self) -> None:
        if not self.pad.flush():
            return
        letter_id = self.pad.letter_id
        if letter_id is None:
            return
        copy = self.message.attempt(lambda: self.letters.delete(letter_id))
        if copy is None:
            return
        self.pad.new_letter()
        self.undo_bar.offer(self.tr("Letter deleted."), lambda: self.letters.restore(copy))
        self.refresh()
        # Not the list, whose focus would open the newest letter; not the pad, which keeps
        # Ctrl+Z for its own typing. Undo is the likeliest next step.
        self.undo_bar.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        self.undo_bar.undo()

    def _undone(self, restored: SavedLetter) -> None:
        self.pad.open_letter(restored)  # the fresh page it replaces holds nothing unsaved
        self.refresh()

    # ----- events -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self.letters.changes() != self._seen_changes:
            self.refresh()  # the guide may have added a letter while this screen was hidden
