"""The frame every form shares: its fields, a message line where anything that went wrong is
said in place, Save and Cancel (named for what they do), Ctrl+Enter to save, Esc to cancel.

A form sets its title, builds its fields into `body` and implements `save()`, which saves through
`self.message.attempt(...)` and calls `self.accept()` once it is done; if the save can't be
made, the message says why and everything typed stays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import ScrollPage


class EntryDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        *,
        scrolls: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outer = QVBoxLayout(self)
        if scrolls:  # long forms: the fields scroll, the buttons always stay in reach
            self._outer.setContentsMargins(0, 0, 0, 10)
            self.page: ScrollPage | None = ScrollPage(margins=(20, 12, 20, 0), spacing=6)
            self._outer.addWidget(self.page, 1)
            self.body = self.page.column
        else:
            self.page = None
            self.body = QVBoxLayout()
            self._outer.addLayout(self.body)
        # The message line and the buttons wait in a holder of their own, joined to the form
        # only once its fields are in (see showEvent): Qt's Tab order is the order in which
        # widgets join a window, and Tab must go through the fields before the buttons.
        self._footer = QWidget()
        footer = QVBoxLayout(self._footer)
        footer.setContentsMargins(20 if scrolls else 0, 0, 20 if scrolls else 0, 0)
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

    def showEvent(self, event: QShowEvent) -> None:
        if self._footer.parent() is None:
            self._outer.addWidget(self._footer)  # after every field: last in the Tab order
            self._footer.show()
        super().showEvent(event)
