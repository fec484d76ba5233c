"""Restore from a backup: choose it, give the password, see what it holds beside the journal,
and confirm. The restore itself is the window's (JournalTasks.restore): it locks first.

Opened from Settings → Backups (a backup chosen in the list, or another folder), and from
the unlock and first-run screens, for when the journal itself is damaged or gone. Opening
the backup (the key derivation, a read of every page) runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.errors import OlderPasswordNeeded, WrongPassword
from recovery_app.services.my_data_records import BackupInfo
from recovery_app.services.vault_service import VaultState
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.journal_tasks import JournalTasks
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.password_tries import PasswordTries
from recovery_app.ui.kit.widgets import PasswordField, heading, paragraph
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.settings.backup_list_model import BackupListModel
from recovery_app.ui.settings.restore_preview import RestorePreviewView

if TYPE_CHECKING:
    from recovery_app.services.restore import RestorePlan, RestoreService
    from recovery_app.services.vault_service import VaultService


class RestoreDialog(Dialog):
    CHOOSE, PASSWORD, PREVIEW = range(3)

    def __init__(
        self,
        door: VaultService,
        tasks: JournalTasks,
        *,
        backup: BackupInfo | None = None,
        folder: Path | None = None,
        choose_folder: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._door = door
        self._tasks = tasks
        self._tries = PasswordTries(door)
        self._folder = folder or door.paths.backups_dir
        self._chosen = backup
        self._plan: RestorePlan | None = None
        self._journal_here = door.state() is VaultState.PRESENT
        self._older_needed = False
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(560)
        self._build_ui()
        self._connect_signals()
        if backup is not None:
            self._show_page(self.PASSWORD)
        else:
            self._show_page(self.CHOOSE)
            self._list_folder(self._folder)
            if choose_folder:
                self._ask_for_folder()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._password_page())
        self.pages.addWidget(self._preview_page())
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Opening the backup"))
        self.progress.hide()
        outer.addWidget(self.progress)
        self.message = MessageLine(self._door.data_dir)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(
            self.tr("Back"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.next_button = self.buttons.addButton(
            self.tr("Next"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        outer.addWidget(self.buttons)
        # Never the default, not even with focus: Enter in a field must never cancel.
        for button in (self.back_button, self.cancel_button):
            button.setAutoDefault(False)

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Choose a backup"), 3))
        self.folder_line = paragraph("", "small")
        layout.addWidget(self.folder_line)
        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Backups found, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(180)
        layout.addWidget(self.table, 1)
        self.other_folder = QPushButton(self.tr("Look in &another folder…"))
        self.other_folder.setAutoDefault(False)
        layout.addWidget(self.other_folder, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _password_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Open the backup"), 3))
        self.chosen_line = paragraph("")
        layout.addWidget(self.chosen_line)
        if self._journal_here:
            words = self.tr("Your journal's &password")
            why = self.tr(
                "It shows this is your journal, and opens the backup to show what it holds. "
                "Nothing changes yet."
            )
        else:
            words = self.tr("The backup's &password")
            why = self.tr(
                "The password your journal had when this backup was made. Nothing changes yet."
            )
        label = QLabel(words)
        self.password = PasswordField(words.replace("&", ""))
        label.setBuddy(self.password)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addWidget(paragraph(why, "small"))
        self.older_label = QLabel(self.tr("Your &older password"))
        self.older_password = PasswordField(self.tr("Your older password"))
        self.older_label.setBuddy(self.older_password)
        for widget in (self.older_label, self.older_password):
            widget.hide()
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("What this backup holds"), 3))
        self.preview = RestorePreviewView()
        layout.addWidget(self.preview)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Restoring puts this backup in place of your journal. Your journal as it "
                    "is now is kept first, as a safety backup, so you can go back to it."
                )
            )
        )
        layout.addStretch(1)
        return page

    def _connect_signals(self) -> None:
        self.next_button.clicked.connect(self._next)
        self.back_button.clicked.connect(self._back)
        self.cancel_button.clicked.connect(self.reject)
        self.other_folder.clicked.connect(self._ask_for_folder)
        self.table.doubleClicked.connect(lambda _index: self._next())
        self.finished.connect(self._forget)

    # ----- moving through -------------------------------------------------------------------

    def page(self) -> int:
        return self.pages.currentIndex()

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.message.clear()
        self.back_button.setVisible(page != self.CHOOSE)
        self.next_button.setText(
            (self.tr("Next"), self.tr("Show what it holds"), self.tr("Restore this backup…"))[page]
        )
        # Enter never restores by itself: on the last page the button must be chosen.
        self.next_button.setDefault(page != self.PREVIEW)
        self.next_button.setAutoDefault(page != self.PREVIEW)
        if page == self.PASSWORD:
            self._describe_chosen()
            self.password.setFocus()
        elif page == self.CHOOSE:
            self.table.setFocus()

    def _next(self) -> None:
        if self.progress.isVisible():
            return
        page = self.page()
        if page == self.CHOOSE:
            rows = self.table.selectionModel().selectedRows()
            chosen = self.model.backup(rows[0].row()) if rows else None
            if chosen is None:
                self.message.say(self.tr("Please choose a backup in the list."))
                return
            self._chosen = chosen
            self._show_page(self.PASSWORD)
        elif page == self.PASSWORD:
            self._open_backup()
        else:
            self._confirm_restore()

    def _back(self) -> None:
        if self.progress.isVisible():
            return
        self._plan = None
        self._show_page(self.page() - 1)
        if self.page() == self.CHOOSE and self.model.rowCount() == 0:
            self._list_folder(self._folder)

    def _describe_chosen(self) -> None:
        chosen = self._chosen
        if chosen is None:
            return
        from recovery_app.services.my_data_words import reason_text, size_text, when_text

        self.chosen_line.setText(
            self.tr("The backup made %1 (%2, %3).")
            .replace("%1", when_text(chosen.created_at, now=self._door.now()))
            .replace("%2", reason_text(chosen.reason))
            .replace("%3", size_text(chosen.size))
        )

    # ----- the folder -----------------------------------------------------------------------

    def _ask_for_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the folder that holds your backups"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOptions(QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(str(self._folder if self._folder.is_dir() else Path.home()))
        dialog.fileSelected.connect(lambda chosen: self._list_folder(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _list_folder(self, folder: Path) -> None:
        """The backups in `folder`; a backup's own folder chosen is taken as that backup."""
        from recovery_app.services.restore import RestoreService

        is_one = (folder / "manifest.json").is_file()
        where = folder.parent if is_one else folder
        self._folder = where
        self.folder_line.setText(self.tr("Looking in %1…").replace("%1", str(where)))
        restorer = RestoreService(self._door)
        self._background(
            lambda: restorer.find(where),
            lambda found: self._listed(where, found, folder if is_one else None),
        )

    def _listed(self, folder: Path, found: tuple[BackupInfo, ...], chosen: Path | None) -> None:
        self.model.set_backups(found, self._door.now())
        self.table.setColumnHidden(BackupListModel.HOLDS, True)  # sealed: known once opened
        if not found:
            none_here = self.tr("No backups were found in %1.")
            self.folder_line.setText(none_here.replace("%1", str(folder)))
            return
        self.folder_line.setText(self.tr("Backups in %1:").replace("%1", str(folder)))
        row = next((i for i, b in enumerate(found) if b.path == chosen), 0)
        self.table.selectRow(row)
        if chosen is not None:
            self._chosen = found[row]
            self._show_page(self.PASSWORD)

    # ----- opening the backup ---------------------------------------------------------------

    def _open_backup(self) -> None:
        chosen = self._chosen
        password = self.password.text()
        older = self.older_password.text() if self._older_needed else None
        if chosen is None:
            return
        if not password or older == "":
            self.message.say(self.tr("Please type the password."))
            return
        wait = self._tries.seconds_to_wait()
        if wait > 0:
            self.message.say(self.tr("Please wait %1 s, then try again.").replace("%1", str(wait)))
            return
        restorer = self._restorer()
        self._background(
            lambda: self._tries.attempt(lambda: restorer.prepare(chosen.path, password, older)),
            lambda plan: self._opened(plan),
        )

    def _restorer(self) -> RestoreService:
        from recovery_app.services.restore import RestoreService

        return RestoreService(self._door)

    def _opened(self, plan: RestorePlan) -> None:
        self._plan = plan
        self.preview.show_preview(
            plan.preview, now=self._door.now(), journal_here=self._journal_here
        )
        self._show_page(self.PREVIEW)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, OlderPasswordNeeded):
            self._older_needed = True
            self.older_label.show()
            self.older_password.show()
            self.older_password.setFocus()
        elif isinstance(error, WrongPassword):
            field = self.older_password if self._older_needed else self.password
            field.selectAll()
            field.setFocus()
        self.message.show_error(error)

    def _confirm_restore(self) -> None:
        plan = self._plan
        if plan is None:
            return
        reopen = None
        if plan.preview.replaces_key_file:
            reopen = self.older_password.text() or self.password.text()
        confirm(
            self,
            title=self.tr("Restore this backup?"),
            text=self.tr(
                "The journal locks, and a safety backup of it as it is now is made first. Then "
                "this backup takes its place, and the journal opens again."
            ),
            yes=self.tr("&Restore"),
            no=self.tr("&Keep my journal as it is"),
            on_yes=lambda: self._restore(plan, reopen),
            destructive=True,
        )

    def _restore(self, plan: RestorePlan, reopen: str | None) -> None:
        self.accept()
        tasks = self._tasks  # after the question has closed: the restore locks the window
        QTimer.singleShot(0, lambda: tasks.restore(plan, reopen))

    # ----- helpers --------------------------------------------------------------------------

    def _background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        def finished(result: Any) -> None:
            self._set_busy(False)
            done(result)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._failed(error)

        run_in_background(work, finished, failed, self)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.next_button, self.back_button, self.other_folder):
            widget.setEnabled(not busy)
        # Read-only rather than disabled: the focus stays where it is.
        self.password.setReadOnly(busy)
        self.older_password.setReadOnly(busy)

    def _forget(self, _result: int) -> None:
        """Closed either way: the passwords and the plan (it holds the backup's key) go."""
        self._plan = None
        self.password.clear()
        self.older_password.clear()
