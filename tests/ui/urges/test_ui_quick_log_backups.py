"""The quick log on its own backs up like the window: at its normal end, when an urge was
saved and the last backup is over an hour old; never at a quick exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_window import WAIT_MS, FakeClock, make_vault
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.quick_log_session import QuickLogSession

pytestmark = pytest.mark.usefixtures("restore_quit_on_last_window_closed")


def press(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key)


def wait_active(qtbot: QtBot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def _session(data_dir: Path) -> QuickLogSession:
    paths = VaultPaths(data_dir)
    service = VaultService(paths, KeyringSecretStore(), CHEAP_KDF)
    session = QuickLogSession(service, Preferences(paths.ui_settings), clock=FakeClock())
    session.start()
    return session


def _remembered_session(qtbot: QtBot, data_dir: Path) -> QuickLogSession:
    make_vault(data_dir)
    service = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)
    journal = service.unlock(PASSWORD)
    journal.remember()
    journal.close()
    session = _session(data_dir)
    qtbot.waitUntil(lambda: session.journal is not None, timeout=WAIT_MS)
    wait_active(qtbot, session.dialog)
    press(qtbot, Qt.Key.Key_7)
    press(qtbot, Qt.Key.Key_Return)
    assert session.dialog.saved is not None
    return session


def _backup_reasons(data_dir: Path) -> list[str]:
    from recovery_app.storage.backup_store import list_backups

    return [b.manifest.reason for b in list_backups(VaultPaths(data_dir).backups_dir)]


def test_alone_a_saved_urge_is_backed_up_once_its_last_window_closes(
    qtbot: QtBot, data_dir: Path
) -> None:
    session = _remembered_session(qtbot, data_dir)
    assert _backup_reasons(data_dir) == []  # none while the moment lasts
    qtbot.mouseClick(session.dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.journal is None, timeout=WAIT_MS)
    assert _backup_reasons(data_dir) == ["quit"]
    session.safety.unwatch(QApplication.instance())


def test_alone_quick_exit_after_saving_makes_no_backup(qtbot: QtBot, data_dir: Path) -> None:
    session = _remembered_session(qtbot, data_dir)
    session.safety.quick_exit_requested.emit()
    assert session.journal is None  # at once
    qtbot.wait(200)
    assert _backup_reasons(data_dir) == []
    session.safety.unwatch(QApplication.instance())
