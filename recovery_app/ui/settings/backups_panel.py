"""Settings → Backups: when the last one was made (or why it wasn't), the list, "Back up
now", where they are kept, restore, and "re-key everything".

Everything that reads or writes a backup folder runs off the GUI thread (a folder may be on a
slow USB drive); answers from before a later refresh are dropped by a generation counter,
and from before a lock by the worker (its owner is gone).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.messages import backup_failure_message
from recovery_app.services.my_data_records import BackupInfo, BackupOutcome, BackupStatus
from recovery_app.services.my_data_words import folder_text, last_backup_text, size_text
from recovery_app.ui.kit.journal_tasks import JournalTasks
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.settings.backup_list_model import BackupListModel

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.services.vault_service import VaultService

GB = 1000**3  # as the desktop's file manager counts


class BackupsPanel(QGroupBox):
    changed = Signal()  # a backup was made or tried, or the folder changed: Today's line too

    def __init__(
        self,
        door: VaultService,
        journal: Journal,
        tasks: JournalTasks | None,
        stop: threading.Event,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Backups"), parent)
        self._door = door
        self._backups = journal.backups
        self._tasks = tasks
        self._stop = stop
        self._generation = 0
        self._status: BackupStatus | None = None
        self._build_ui()
        self._connect_signals()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Your journal is backed up by itself: just after it opens, every hour while "
                    "it is open, and when you close the app. Each backup is encrypted like the "
                    "journal, and checked after it is written."
                )
            )
        )
        self.status_line = paragraph(self.tr("Looking at your backups…"))
        self.status_line.setObjectName("status")
        layout.addWidget(self.status_line)
        self.failure_line = MessageLine(self._door.data_dir)
        layout.addWidget(self.failure_line)
        self.folder_line = paragraph("", "small")
        self.folder_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_line)

        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Backups, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupListModel.HOLDS, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

        self.back_up_now = QPushButton(self.tr("&Back up now"))
        self.restore_button = QPushButton(self.tr("&Restore this backup…"))
        self.restore_button.setEnabled(False)
        self.restore_button.setToolTip(self.tr("Choose a backup in the list first"))
        layout.addLayout(_row(self.back_up_now, self.restore_button))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Backing up"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.note = MessageLine(self._door.data_dir, note=True)
        layout.addWidget(self.note)

        self.open_folder = QPushButton(self.tr("&Open folder"))
        self.open_folder.setToolTip(
            self.tr("Shows the backup folder in your file manager (its files are encrypted)")
        )
        self.choose_folder = QPushButton(self.tr("C&hoose folder…"))
        self.default_folder = QPushButton(self.tr("Use the &usual folder"))
        self.default_folder.hide()
        self.restore_other = QPushButton(self.tr("Restore from &another folder…"))
        layout.addLayout(
            _row(self.open_folder, self.choose_folder, self.default_folder, self.restore_other)
        )

        cap_label = QLabel(self.tr("Keep at &most"))
        self.size_cap = QSpinBox()
        self.size_cap.setRange(1, 2000)
        self.size_cap.setSuffix(self.tr(" GB"))
        self.size_cap.setAccessibleName(self.tr("Most space the backups may take, in gigabytes"))
        cap_label.setBuddy(self.size_cap)
        layout.addLayout(_row(cap_label, self.size_cap, QLabel(self.tr("of backups in a folder"))))
        layout.addWidget(
            paragraph(
                self.tr(
                    "The app keeps the 10 newest backups, then one a day for two weeks, one a "
                    "week for two months and one a month for a year. Past this size the oldest "
                    "go first; the newest is always kept."
                ),
                "small",
            )
        )

        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("If someone may know an old password"), 1))
        layout.addWidget(
            paragraph(
                self.tr(
                    "A new password alone doesn't lock out a copy of your journal or a backup "
                    "taken earlier. Re-keying gives the journal a new key, makes a fresh backup, "
                    "and removes the backups made under the old key."
                )
            )
        )
        self.rekey_button = QPushButton(self.tr("Re-&key everything…"))
        layout.addLayout(_row(self.rekey_button))

    def _connect_signals(self) -> None:
        self.back_up_now.clicked.connect(self.start_backup)
        self.restore_button.clicked.connect(self._restore_chosen)
        self.restore_other.clicked.connect(lambda: self._open_restore(None))
        self.open_folder.clicked.connect(self._open_folder)
        self.choose_folder.clicked.connect(self._ask_for_folder)
        self.default_folder.clicked.connect(lambda: self._use_folder(None))
        self.size_cap.valueChanged.connect(self._save_size_cap)
        self.rekey_button.clicked.connect(self._open_rekey)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._restore_chosen())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # ----- what is there --------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the status and the list again, off the GUI thread."""
        self._generation += 1
        generation = self._generation
        backups = self._backups

        def read() -> tuple[BackupStatus, tuple[BackupInfo, ...], int]:
            # Every folder it can reach: with a drive unplugged, the backups at home still
            # show, and the newest of them is the last backup.
            status = backups.status()
            listed = [b for f in backups.folders() if f.is_dir() for b in backups.backups(f)]
            listed.sort(key=lambda b: b.created_at, reverse=True)
            return status, tuple(listed), backups.size_cap()

        run_in_background(
            read,
            lambda found: self._show(found) if generation == self._generation else None,
            lambda error: self.failure_line.show_error(error),
            self,
        )

    def _show(self, found: tuple[BackupStatus, tuple[BackupInfo, ...], int]) -> None:
        status, listed, cap = found
        self._status = status
        now = self._door.now()
        self.status_line.setText(last_backup_text(listed[0] if listed else None, now=now))
        self.status_line.setAccessibleName(self.status_line.text())
        if status.last_failure is not None:
            self.failure_line.say(backup_failure_message(status.last_failure))
        else:
            self.failure_line.clear()
        self.folder_line.setText(folder_text(status))
        self.default_folder.setVisible(not status.is_default_folder)
        chosen = self._chosen()
        self.model.set_backups(listed, now)
        self._fit_table()
        self._select(chosen)
        self.size_cap.blockSignals(True)  # showing the cap is not changing it
        self.size_cap.setValue(max(1, round(cap / GB)))
        self.size_cap.blockSignals(False)

    def _fit_table(self) -> None:
        """As tall as its rows, from two to six (then it scrolls): no empty box under two
        backups, no page-long list under fifty."""
        rows = min(max(self.model.rowCount(), 2), 6)
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * row_height + 2 * self.table.frameWidth() + 2)

    def _chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _select(self, backup: BackupInfo | None) -> None:
        for row in range(self.model.rowCount()):
            found = self.model.backup(row)
            if backup is not None and found is not None and found.path == backup.path:
                self.table.selectRow(row)
                return
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        self.restore_button.setEnabled(self._chosen() is not None and self._tasks is not None)

    # ----- back up now ----------------------------------------------------------------------

    def start_backup(self) -> None:
        """'Back up now' (also Today's button): one backup, checked, off the GUI thread."""
        if self.progress.isVisible():
            return
        self._busy(True, self.tr("Backing up…"))
        backups, stop = self._backups, self._stop
        run_in_background(
            lambda: backups.back_up_now(cancel=stop.is_set), self._backed_up, self._failed, self
        )

    def _backed_up(self, outcome: BackupOutcome) -> None:
        self._busy(False)
        if outcome.made is not None:
            self.note.say(
                self.tr("Backed up and checked (%1).").replace("%1", size_text(outcome.made.size))
            )
        elif outcome.failure is not None:
            self.note.clear()  # the failure line says it, in the words Today uses too
        else:
            self.note.say(
                self.tr(
                    "The journal was busy just then, so no backup was made. Please try again "
                    "in a moment."
                )
            )
        self.refresh()
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.failure_line.show_error(error)
        self.refresh()
        self.changed.emit()

    def _busy(self, busy: bool, words: str = "") -> None:
        self.progress.setVisible(busy)
        for button in (self.back_up_now, self.choose_folder, self.default_folder):
            button.setEnabled(not busy)
        self.back_up_now.setText(words if busy else self.tr("&Back up now"))

    # ----- the folder -----------------------------------------------------------------------

    def _open_folder(self) -> None:
        folder = self._backups.folder()
        if not folder.is_dir():
            if folder == self._backups.default_folder:
                self.note.say(self.tr("No backup has been made yet, so its folder isn't there."))
            else:
                self.failure_line.say(
                    self.tr(
                        "%1 isn't there just now (a drive may be unplugged). The backups made "
                        "before are kept."
                    ).replace("%1", str(folder))
                )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.note.say(
                self.tr("No file manager could open it. The folder is %1").replace(
                    "%1", str(folder)
                )
            )

    def _ask_for_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder for your backups"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOptions(QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog)
        dialog.setDirectory(str(Path.home()))
        dialog.fileSelected.connect(lambda chosen: self._use_folder(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _use_folder(self, folder: Path | None) -> None:
        """Back up to `folder` (None: the usual one) from now on, and make one there now."""
        status = self.failure_line.attempt(lambda: self._backups.choose_folder(folder))
        if status is None:
            return  # missing or not writable: said, and nothing changed
        self.note.say(
            self.tr(
                "From now on backups go to %1. The ones made before stay where they were."
            ).replace("%1", str(status.folder))
        )
        self.refresh()
        self.start_backup()

    def _save_size_cap(self, gigabytes: int) -> None:
        self.failure_line.run(lambda: self._backups.set_size_cap(gigabytes * GB))

    # ----- restore and re-key ---------------------------------------------------------------

    def _restore_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self._open_restore(chosen)

    def _open_restore(self, backup: BackupInfo | None) -> None:
        if self._tasks is None:
            return
        from recovery_app.ui.settings.restore_dialog import RestoreDialog

        folder = None if self._status is None else self._status.folder
        dialog = RestoreDialog(
            self._door,
            self._tasks,
            backup=backup,
            folder=folder,
            choose_folder=backup is None,
            parent=self,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_rekey(self) -> None:
        if self._tasks is None:
            return
        from recovery_app.ui.settings.rekey_dialog import RekeyDialog

        dialog = RekeyDialog(self._door, self._tasks, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
