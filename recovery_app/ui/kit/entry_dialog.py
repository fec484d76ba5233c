"""The frame every form shares: its fields, a message line where anything that went wrong is
said in place, Save and Cancel (named for what they do), Ctrl+Enter to save, Esc to cancel.

The fields scroll when the screen is too small for them (a 900×600 screen, or 200% scaling);
the message line and the buttons stay below them, always in reach.

A form sets its title, builds its fields into `body` and implements `save()`, which saves through
`self.message.attempt(...)` and calls `self.accept()` once it is done; if the save can't be
made, the message says why and everything typed stays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import ScrollPage


class EntryDialog(Dialog):
    def __init__(self, data_dir: Path, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 10)
        self.page = ScrollPage(margins=(20, 14, 20, 0), spacing=6)
        self._outer.addWidget(self.page, 1)
        self.body = self.page.column
        # The message line and the buttons wait in a holder of their own, joined to the form
        # only once its fields are in (see showEvent): Qt's Tab order is the order in which
        # widgets join a window, and Tab must go through the fields before the buttons.
        self._footer = QWidget()
        footer = QVBoxLayout(self._footer)
        footer.setContentsMargins(20, 0, 20, 0)
        self.message = MessageLine(data_dir)
        footer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.setText(self.tr("Save"))  # a form may name it for what it saves
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setIcon(QIcon())  # words, not a floppy disk or a red cross
        footer.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

    def save(self) -> None:
        raise NotImplementedError

    def preferred_width(self) -> int:
        return max(self.sizeHint().width(), self.minimumWidth())

    def wanted_size(self) -> tuple[int, int]:
        """Every field at once, wrapped text included, where the screen has room."""
        width = self.preferred_width()
        footer = self._footer.sizeHint().height() + self._outer.spacing()
        margins = self._outer.contentsMargins()
        return width, self.page.height_for(width) + footer + margins.top() + margins.bottom()

    def showEvent(self, event: QShowEvent) -> None:
        if self._footer.parent() is None:
            self._outer.addWidget(self._footer)  # after every field: last in the Tab order
            self._footer.show()
        super().showEvent(event)
