"""About, opened from Settings by a click: version, licence and why, the folder, not therapy."""

from __future__ import annotations

from pathlib import Path

from helpers.ui_window import (
    WAIT_MS,
    close_window,
    focused,
    key_window,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from recovery_app import __version__
from recovery_app.ui.settings.about_dialog import AboutDialog
from recovery_app.ui.settings.screen import SettingsScreen


def test_about_opens_from_settings_and_closes(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view is not None
    settings = window.main_view.pages.currentWidget()
    assert isinstance(settings, SettingsScreen)

    qtbot.mouseClick(settings.about_button, Qt.MouseButton.LeftButton)
    dialog = settings.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.windowTitle() == "About Journal"
    assert dialog.version.text() == f"Version {__version__}"
    assert "GNU General Public License, version 3 or later" in dialog.licence.text()
    assert "no copy of this app ever sends your journal anywhere" in dialog.licence.text()
    assert dialog.folder.text() == str(data_dir)
    assert dialog.folder.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert "not therapy or a crisis service" in dialog.not_therapy.text()
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal

    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    close_window(window)


def test_about_locks_away_with_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    """Ctrl+L while About is open locks and takes the dialog with the screens."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view is not None
    settings = window.main_view.pages.currentWidget()
    assert isinstance(settings, SettingsScreen)
    qtbot.mouseClick(settings.about_button, Qt.MouseButton.LeftButton)
    dialog = settings.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)  # where a person's keys go now
    qtbot.keyClick(key_window(window), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.main_view is None, timeout=WAIT_MS)
    assert window.journal is None
    assert not any(
        isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    close_window(window)
