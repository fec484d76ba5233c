"""Change password: current, new, again. The slow key derivation runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from recovery_app.domain.passwords import check_new_password
from recovery_app.services.errors import WrongPassword
from recovery_app.services.my_data_records import PasswordChangeResult
from recovery_app.services.vault_service import VaultService
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.widgets import PasswordField, StrengthHint, paragraph
from recovery_app.ui.kit.worker import run_in_background


class ChangePasswordDialog(EntryDialog):
    def __init__(self, service: VaultService, parent: QWidget | None = None) -> None:
        super().__init__(service.data_dir, parent=parent)
        self._service = service
        self.change: PasswordChangeResult | None = None  # once changed: what it reached
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(440)
        self.save_button.setText(self.tr("Change password"))
        self.ok_button = self.save_button
        self._build_ui()
        self.new.textChanged.connect(self.hint.update_for)

    def _build_ui(self) -> None:
        layout = self.body
        form = QFormLayout()
        self.current = PasswordField(self.tr("Current password"))
        self.new = PasswordField(self.tr("New password"))
        self.again = PasswordField(self.tr("New password again"))
        self.hint = StrengthHint()
        for text, field in (
            (self.tr("&Current password"), self.current),
            (self.tr("&New password"), self.new),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.hint)
        again_label = QLabel(self.tr("New password &again"))
        again_label.setBuddy(self.again)
        form.addRow(again_label, self.again)
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                self.tr("A forgotten password cannot be recovered. Please keep the new one safe."),
                "small",
            )
        )

    def save(self) -> None:
        current, new = self.current.text(), self.new.text()
        if not current:
            self.message.say(self.tr("Please type your current password."))
            return
        if not check_new_password(new).acceptable:
            self.message.say(self.tr("Please choose a new password of at least 8 characters."))
            return
        if self.again.text() != new:
            self.message.say(self.tr("The two new passwords are different."))
            return
        self.message.say(self.tr("Changing your password…"))
        self.ok_button.setEnabled(False)
        run_in_background(
            lambda: self._service.change_password(current, new), self._done, self._failed, self
        )

    def _done(self, result: PasswordChangeResult) -> None:
        self.change = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, WrongPassword):
            text = self.tr("That isn't your current password. Nothing was changed.")
            self.current.selectAll()
            self.current.setFocus()
        else:
            text = self.message.words_for(error)
        self.message.say(text)
