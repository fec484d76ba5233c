"""Settings → Backups: the last backup and the list, Back up now, the folder (chosen, missing,
opened), the size cap, and Today's line about backups with its button."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_dialogs import choose_in_file_dialog, wait_for
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    focused,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from recovery_app.services.messages import BACKUP_IS_OLD
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.settings.backup_list_model import BackupListModel
from recovery_app.ui.settings.backups_panel import GB, BackupsPanel
from recovery_app.ui.settings.screen import SettingsScreen
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import SETTINGS
from recovery_app.ui.shell.window import JournalWindow


@pytest.fixture
def unlocked(qtbot: QtBot, data_dir: Path) -> JournalWindow:
    """Open, with the backup made after unlocking already there."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    qtbot.waitUntil(
        lambda: len(list_backups(VaultPaths(data_dir).backups_dir)) == 1, timeout=WAIT_MS
    )
    schedule = window.backup_schedule
    assert schedule is not None
    qtbot.waitUntil(lambda: not schedule.running, timeout=WAIT_MS)
    return window


def _open_backups(qtbot: QtBot, window: JournalWindow) -> BackupsPanel:
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view is not None
    settings = window.main_view.pages.currentWidget()
    assert isinstance(settings, SettingsScreen)
    panel = settings.backups
    qtbot.waitUntil(lambda: panel.status_line.text().startswith(("Last", "No")), timeout=WAIT_MS)
    return panel


def _cell(panel: BackupsPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def test_backups_says_when_the_last_one_was_made_and_lists_them(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    panel = _open_backups(qtbot, unlocked)
    made = list_backups(VaultPaths(data_dir).backups_dir)[0]
    at = made.manifest.created_at.astimezone().strftime("%H:%M")
    assert panel.status_line.text() == f"Last backup: today {at}, checked."
    assert not panel.failure_line.isVisible()
    assert panel.folder_line.text().startswith(
        f"Backups are kept in {VaultPaths(data_dir).backups_dir}: 1 backup, "
    )
    assert panel.model.rowCount() == 1
    assert _cell(panel, 0, BackupListModel.MADE) == f"today {at}"
    assert _cell(panel, 0, BackupListModel.WHY) == "after opening"
    assert _cell(panel, 0, BackupListModel.SIZE).endswith("KB")
    assert _cell(panel, 0, BackupListModel.HOLDS) == "0 entries"
    close_window(unlocked)


def test_back_up_now_makes_a_checked_backup_off_the_gui_thread(
    qtbot: QtBot, unlocked: JournalWindow
) -> None:
    panel = _open_backups(qtbot, unlocked)
    qtbot.mouseClick(panel.back_up_now, Qt.MouseButton.LeftButton)
    assert panel.back_up_now.text() == "Backing up…"  # the GUI thread is free meanwhile
    assert not panel.back_up_now.isEnabled() and panel.progress.isVisible()

    qtbot.waitUntil(
        lambda: panel.note.text().startswith("Backed up and checked ("), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)
    assert _cell(panel, 0, BackupListModel.WHY) == "made by you"
    assert panel.back_up_now.isEnabled() and not panel.progress.isVisible()
    close_window(unlocked)


def test_a_missing_folder_is_said_plainly_and_the_earlier_backups_are_kept(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    panel = _open_backups(qtbot, unlocked)

    qtbot.mouseClick(panel.choose_folder, Qt.MouseButton.LeftButton)
    choose_in_file_dialog(qtbot, drive)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)  # one made there now
    assert len(list_backups(drive)) == 1
    assert panel.default_folder.isVisible()

    shutil.move(drive, tmp_path / "in-a-drawer")  # the drive is unplugged
    qtbot.mouseClick(panel.back_up_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.failure_line.isVisible, timeout=WAIT_MS)
    assert panel.failure_line.text() == (
        f"The last backup couldn't be made: {drive} isn't there (a drive may be unplugged). "
        "The backups made before are kept."
    )
    qtbot.waitUntil(
        lambda: (
            panel.folder_line.text() == f"New backups go to {drive} once it is connected again."
        ),
        timeout=WAIT_MS,
    )
    assert panel.model.rowCount() == 1  # the one at home still shows
    assert panel.status_line.text().startswith("Last backup: today ")

    # Today says it calmly, and its button leads here.
    main_view = unlocked.main_view
    assert main_view is not None
    unlocked.activateWindow()  # the file dialog had the keyboard
    qtbot.waitUntil(unlocked.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(focused(unlocked), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    card = main_view.today.notice_card
    assert card.isVisible() and card.text.text() == panel.failure_line.text()
    assert card.action_button.text() == "Backups…"
    qtbot.mouseClick(card.action_button, Qt.MouseButton.LeftButton)
    assert main_view.current_section() == SETTINGS

    qtbot.mouseClick(panel.default_folder, Qt.MouseButton.LeftButton)  # back to the usual one
    qtbot.waitUntil(lambda: not panel.failure_line.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)
    assert not card.isVisible()  # Today has nothing more to say
    close_window(unlocked)


def test_a_folder_gone_by_the_time_it_is_chosen_changes_nothing(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path
) -> None:
    panel = _open_backups(qtbot, unlocked)
    qtbot.mouseClick(panel.choose_folder, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, QFileDialog)
    gone = tmp_path / "usb-stick"
    # Qt's dialog only offers folders that are there; this one was unplugged right after.
    dialog.fileSelected.emit(str(gone))
    dialog.reject()
    assert panel.failure_line.text() == (
        f"The backup folder {gone} isn't there (a drive may be unplugged). Your journal is safe "
        "and the backups made before are kept. Please connect it or choose another folder."
    )
    assert unlocked.journal is not None
    assert unlocked.journal.backups.folder() == unlocked.journal.backups.default_folder
    close_window(unlocked)


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_folder_shows_the_backup_folder_in_the_file_manager(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "show")  # instead of a real file manager
    try:
        panel = _open_backups(qtbot, unlocked)
        qtbot.mouseClick(panel.open_folder, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(VaultPaths(data_dir).backups_dir)]
    close_window(unlocked)


def test_the_size_cap_is_kept(qtbot: QtBot, unlocked: JournalWindow) -> None:
    panel = _open_backups(qtbot, unlocked)
    assert panel.size_cap.value() == 2
    qtbot.mouseClick(panel.size_cap, Qt.MouseButton.LeftButton)
    qtbot.keyClick(panel.size_cap, Qt.Key.Key_Up)
    assert unlocked.journal is not None
    assert unlocked.journal.backups.size_cap() == 3 * GB
    close_window(unlocked)


class _Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def test_todays_line_about_an_old_backup_offers_back_up_now(qtbot: QtBot, data_dir: Path) -> None:
    clock = _Clock()
    make_vault(data_dir)
    door = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF, now=clock)
    journal = door.unlock(PASSWORD)
    assert journal.backups.back_up_now().made is not None
    clock.now += timedelta(days=8)
    view = MainView(door, journal, Preferences(VaultPaths(data_dir).ui_settings), lambda: None)
    qtbot.addWidget(view)
    view.show()
    card = view.today.notice_card
    assert card.text.text() == BACKUP_IS_OLD
    assert card.action_button.text() == "Back up now"

    qtbot.mouseClick(card.action_button, Qt.MouseButton.LeftButton)

    assert view.current_section() == SETTINGS
    panel = view.settings.backups
    # Begun off the GUI thread: the click returned with the backup still running, shown.
    assert panel.progress.isVisible() and not panel.back_up_now.isEnabled()
    assert panel.back_up_now.text() == "Backing up…"
    qtbot.waitUntil(lambda: panel.note.text().startswith("Backed up and checked"), timeout=WAIT_MS)
    assert panel.back_up_now.isEnabled() and not panel.progress.isVisible()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)  # the list read again
    assert not card.isVisible()
    view.close()
    journal.close()
