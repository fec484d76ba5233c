"""Settings' "Remember on this computer": the key in the system keyring, on or off.

The keyring is asked only when Settings is first shown, not at every unlock (a locked system
keyring can be slow or show its own prompt), and then only if a key was remembered here or
once the box is ticked (`VaultService.remembered_here`): loading `keyring` for the many who
never choose it cost 6 to 15 MiB for as long as the app ran.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from recovery_app.services.errors import SecretStoreError
from recovery_app.services.secrets import SecretStoreStatus
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import paragraph

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.services.vault_service import VaultService


class RememberPanel(QGroupBox):
    def __init__(self, door: VaultService, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Remember on this computer"), parent)
        self._door = door
        self._journal = journal
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "When this is on, the journal's key is kept in this computer's secure "
                    "password store (the system keyring). Anyone who can sign in to this computer "
                    "account can then open the journal without your password. It suits an account "
                    "that is yours alone. Your password keeps working either way."
                )
            )
        )
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        layout.addWidget(self.remember)
        self.remember_unavailable = paragraph("", "small")
        layout.addWidget(self.remember_unavailable)
        self.remember_message = MessageLine(door.data_dir, note=True)
        layout.addWidget(self.remember_message)
        self.remember.toggled.connect(self._set_remembered)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self._loaded = True
            self._load()
        super().showEvent(event)

    def _load(self) -> None:
        if not self._door.remembered_here():
            self.remember_unavailable.hide()  # offered, unticked; asked if the box is ticked
            return
        self._show_status(self._door.remember_status())

    def _show_status(self, status: SecretStoreStatus) -> None:
        self.remember.setEnabled(status.available)  # shown, so the words above make sense
        self.remember_unavailable.setText(status.reason)
        self.remember_unavailable.setVisible(not status.available)
        if status.available:
            self.remember.blockSignals(True)  # showing the state is not changing it
            self.remember.setChecked(self._journal.is_remembered())
            self.remember.blockSignals(False)

    def _set_remembered(self, on: bool) -> None:
        try:
            if on:
                self._journal.remember()
                text = self.tr(
                    "Remembered. This account now opens the journal without the password."
                )
            else:
                self._journal.forget()
                text = self.tr("Forgotten. The journal will ask for your password.")
        except SecretStoreError as error:
            text = self.remember_message.words_for(error)
            self.remember.blockSignals(True)
            self.remember.setChecked(not on)
            self.remember.blockSignals(False)
            status = self._door.remember_status()
            if not status.available:  # no keyring at all: the box goes grey, and says why
                self._show_status(status)
                return
        self.remember_message.say(text)
