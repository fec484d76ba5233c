"""Settings' last group, kept apart from the rest: delete my journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.ui.kit.journal_tasks import JournalTasks
from recovery_app.ui.kit.widgets import paragraph

if TYPE_CHECKING:
    from recovery_app.services.vault_service import VaultService


class DeletePanel(QGroupBox):
    def __init__(
        self, door: VaultService, tasks: JournalTasks | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Delete my journal"), parent)
        self.setObjectName("danger-zone")
        self._door = door
        self._tasks = tasks
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Removes your journal, its key file, the backups the app can reach, the "
                    "window settings and any key remembered on this computer. It needs your "
                    "password, shows what will go first, and can't be undone."
                )
            )
        )
        self.delete_button = QPushButton(self.tr("&Delete my journal…"))
        self.delete_button.setEnabled(tasks is not None)
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.delete_button.clicked.connect(self._open)

    def _open(self) -> None:
        if self._tasks is None:
            return
        from recovery_app.ui.settings.delete_dialog import DeleteJournalDialog

        dialog = DeleteJournalDialog(self._door, self._tasks, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
