"""Re-key everything: for when someone may know an old password, or hold an old copy.

The password is checked here first (off the GUI thread), so a mistyped one is said while the
journal is still open; then a confirmation says what happens, and the window does it
(JournalTasks.rekey): it locks, re-keys, makes a fresh backup and opens the journal again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.journal_tasks import JournalTasks
from recovery_app.ui.kit.password_tries import PasswordTries
from recovery_app.ui.kit.widgets import PasswordField, paragraph
from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.vault_service import VaultService


class RekeyDialog(EntryDialog):
    def __init__(
        self, door: VaultService, tasks: JournalTasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(door.data_dir, parent=parent)
        self._door = door
        self._tasks = tasks
        self._tries = PasswordTries(door)
        self.setWindowTitle(self.tr("Re-key everything"))
        self.setMinimumWidth(500)
        self.save_button.setText(self.tr("Re-key everything…"))
        self.save_button.setToolTip("")
        layout = self.body
        layout.addWidget(
            paragraph(
                self.tr(
                    "Changing your password is enough when nobody else has ever had a copy of "
                    "your journal. But a copy taken earlier (or a backup) still opens with the "
                    "password it had then."
                )
            )
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "Re-keying gives your journal a new key, so no earlier copy fits it any more. "
                    "A fresh backup is made and checked, then the backups made under the old key "
                    "are removed. Backups on a drive that isn't connected now can't be reached: "
                    "they keep opening with the password they had."
                )
            )
        )
        layout.addWidget(
            paragraph(self.tr("Your password stays the same. It takes a few seconds."), "small")
        )
        label = QLabel(self.tr("Your &password"))
        self.password = PasswordField(self.tr("Your password"))
        label.setBuddy(self.password)
        layout.addWidget(label)
        layout.addWidget(self.password)
        self.finished.connect(lambda _result: self.password.clear())

    def save(self) -> None:
        password = self.password.text()
        if not password:
            self.message.say(self.tr("Please type your password."))
            return
        wait = self._tries.seconds_to_wait()
        if wait > 0:
            self.message.say(self.tr("Please wait %1 s, then try again.").replace("%1", str(wait)))
            return
        self.save_button.setEnabled(False)
        self.message.say(self.tr("Checking your password…"))
        door, tries = self._door, self._tries
        run_in_background(
            lambda: tries.attempt(lambda: door.check_password(password)),
            lambda _checked: self._checked(password),
            self._failed,
            self,
        )

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error)
        self.password.selectAll()
        self.password.setFocus()

    def _checked(self, password: str) -> None:
        self.save_button.setEnabled(True)
        self.message.clear()
        confirm(
            self,
            title=self.tr("Re-key everything?"),
            text=self.tr(
                "The journal locks while this runs, then opens again. Backups made under the "
                "old key are removed once the fresh one is checked."
            ),
            yes=self.tr("&Re-key"),
            no=self.tr("&Not now"),
            on_yes=lambda: self._go(password),
            destructive=True,
        )

    def _go(self, password: str) -> None:
        self.accept()
        tasks = self._tasks  # after the question has closed: re-keying locks the window
        QTimer.singleShot(0, lambda: tasks.rekey(password))
