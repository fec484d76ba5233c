"""Delete my journal: only with its password, after saying what goes and what it can't reach.

The password is checked and the plan read here (off the GUI thread) while the journal is
still open; the window then locks and deletes (JournalTasks.delete) and shows the first-run
screen. Enter never deletes: on the last page the default button keeps the journal.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.my_data_records import DeletionPlan
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.journal_tasks import JournalTasks
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.password_tries import PasswordTries
from recovery_app.ui.kit.widgets import PasswordField, heading, paragraph, their_words
from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.vault_service import VaultService


class DeleteJournalDialog(Dialog):
    PASSWORD, PLAN = range(2)

    def __init__(
        self, door: VaultService, tasks: JournalTasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._door = door
        self._tasks = tasks
        self._tries = PasswordTries(door)
        self._password = ""
        self.setWindowTitle(self.tr("Delete my journal"))
        self.setMinimumWidth(540)
        outer = QVBoxLayout(self)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._password_page())
        self.plan_page = QWidget()
        self.plan_lines = QVBoxLayout(self.plan_page)
        self.plan_lines.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.plan_page)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Checking your password"))
        self.progress.hide()
        outer.addWidget(self.progress)
        self.message = MessageLine(door.data_dir)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.keep_button = self.buttons.addButton(
            self.tr("Keep my journal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.next_button = self.buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        outer.addWidget(self.buttons)
        self.next_button.clicked.connect(self._next)
        self.keep_button.clicked.connect(self.reject)
        self.finished.connect(self._forget)
        self._show_page(self.PASSWORD)

    def _password_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Delete my journal"), 3))
        layout.addWidget(
            paragraph(
                self.tr(
                    "This removes your journal and everything of it the app can reach, for "
                    "good. It can't be undone. If you might want it later, export it first, or "
                    "keep a backup somewhere safe."
                )
            )
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "Only the journal's password can do this, so nobody else at this computer "
                    "can. The next step shows what will go before anything is removed."
                ),
                "small",
            )
        )
        label = QLabel(self.tr("Your &password"))
        self.password = PasswordField(self.tr("Your password"))
        label.setBuddy(self.password)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addStretch(1)
        return page

    def page(self) -> int:
        return self.pages.currentIndex()

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        on_plan = page == self.PLAN
        self.next_button.setText(self.tr("Delete everything") if on_plan else self.tr("Continue"))
        # On the last page Enter keeps the journal: deleting takes the button itself.
        self.next_button.setDefault(not on_plan)
        self.next_button.setAutoDefault(not on_plan)
        self.keep_button.setDefault(on_plan)
        self.keep_button.setAutoDefault(on_plan)
        (self.keep_button if on_plan else self.password).setFocus()

    def _next(self) -> None:
        if self.progress.isVisible():
            return
        if self.page() == self.PLAN:
            self._delete()
            return
        password = self.password.text()
        if not password:
            self.message.say(self.tr("Please type your password."))
            return
        wait = self._tries.seconds_to_wait()
        if wait > 0:
            self.message.say(self.tr("Please wait %1 s, then try again.").replace("%1", str(wait)))
            return
        from recovery_app.services.journal_deletion import JournalDeletion

        deletion, tries = JournalDeletion(self._door), self._tries
        self._set_busy(True)
        run_in_background(
            lambda: tries.attempt(lambda: deletion.plan(password)),
            lambda plan: self._planned(password, plan),
            self._failed,
            self,
        )

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(error)
        self.password.selectAll()
        self.password.setFocus()

    def _planned(self, password: str, plan: DeletionPlan) -> None:
        self._set_busy(False)
        self._password = password
        self.message.clear()
        self._show_plan(plan)
        self._show_page(self.PLAN)

    def _show_plan(self, plan: DeletionPlan) -> None:
        lines = self.plan_lines
        while lines.count():
            item = lines.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        lines.addWidget(heading(self.tr("This deletes, for good:"), 2))
        data_dir = str(self._door.data_dir)
        goes = [self.tr("Your journal and its key file, in %1").replace("%1", data_dir)]
        by_folder = Counter(str(Path(b).parent) for b in plan.backups)
        for folder, count in by_folder.items():
            words = (
                self.tr("1 backup")
                if count == 1
                else self.tr("%1 backups").replace("%1", str(count))
            )
            goes.append(self.tr("%1 in %2").replace("%1", words).replace("%2", folder))
        if plan.window_settings is not None:
            goes.append(self.tr("The window settings (its size, look and locking)"))
        if plan.remembered_key:
            goes.append(self.tr("The key remembered on this computer"))
        for line in goes:
            lines.addWidget(their_words("• " + line))  # folder names shown as typed
        lines.addSpacing(8)
        lines.addWidget(heading(self.tr("It can't reach, so it leaves:"), 2))
        stays = [
            self.tr("Backups in %1, which isn't connected now").replace("%1", str(folder))
            for folder in plan.unreachable_folders
        ]
        if plan.folders_unknown:
            stays.append(
                self.tr("Backups in a folder you chose: the journal couldn't be opened to find it")
            )
        stays += [
            self.tr("Exports you saved (JSON or CSV files)"),
            self.tr("Copies made elsewhere: another computer, a drive, a cloud folder"),
        ]
        for line in stays:
            lines.addWidget(their_words("• " + line))
        lines.addSpacing(8)
        lines.addWidget(
            paragraph(
                self.tr("The journal locks, everything above is removed, and the app starts anew."),
                "warning",
            )
        )
        lines.addStretch(1)

    def _delete(self) -> None:
        password, tasks = self._password, self._tasks
        self.accept()
        QTimer.singleShot(0, lambda: tasks.delete(password))  # deleting locks the window

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.next_button.setEnabled(not busy)
        self.password.setReadOnly(
            busy
        )  # not disabled: the focus stays, Enter keeps meaning Continue

    def _forget(self, _result: int) -> None:
        self._password = ""
        self.password.clear()
