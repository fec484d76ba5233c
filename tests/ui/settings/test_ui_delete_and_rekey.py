"""Delete my journal (only with its password, after naming what goes and what can't be
reached), and re-key everything, both from Settings, both with the journal locked first."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, MemoryKeyring
from helpers.ui_dialogs import answer_question, click, wait_for
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    focused,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.settings.delete_dialog import DeleteJournalDialog
from recovery_app.ui.settings.rekey_dialog import RekeyDialog
from recovery_app.ui.settings.screen import SettingsScreen
from recovery_app.ui.shell.window import JournalWindow


@pytest.fixture
def unlocked(qtbot: QtBot, data_dir: Path) -> JournalWindow:
    """Open and remembered on this computer, with the backup made after unlocking."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window, remember=True)
    schedule = window.backup_schedule
    assert schedule is not None
    qtbot.waitUntil(
        lambda: len(list_backups(VaultPaths(data_dir).backups_dir)) == 1, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: not schedule.running, timeout=WAIT_MS)
    return window


def _settings(qtbot: QtBot, window: JournalWindow) -> SettingsScreen:
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view is not None
    return window.main_view.settings


def _type(qtbot: QtBot, field: QLabel, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _plan_words(dialog: DeleteJournalDialog) -> list[str]:
    return [label.text() for label in dialog.plan_page.findChildren(QLabel)]


def _to_the_plan(qtbot: QtBot, window: JournalWindow) -> DeleteJournalDialog:
    settings = _settings(qtbot, window)
    qtbot.mouseClick(settings.delete_panel.delete_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, DeleteJournalDialog)
    _type(qtbot, dialog.password, "someone guessing")
    qtbot.waitUntil(lambda: "didn't open" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.page() == DeleteJournalDialog.PASSWORD
    _type(qtbot, dialog.password, PASSWORD)
    qtbot.waitUntil(lambda: dialog.page() == DeleteJournalDialog.PLAN, timeout=WAIT_MS)
    return dialog


def test_delete_my_journal_names_what_goes_then_removes_all_of_it(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = _to_the_plan(qtbot, unlocked)
    words = _plan_words(dialog)
    assert words[0] == "This deletes, for good:"
    assert f"• Your journal and its key file, in {data_dir}" in words
    assert f"• 1 backup in {VaultPaths(data_dir).backups_dir}" in words
    assert "• The key remembered on this computer" in words
    assert "It can't reach, so it leaves:" in words
    assert "• Exports you saved (JSON or CSV files)" in words
    assert dialog.keep_button.isDefault() and not dialog.next_button.isDefault()
    assert memory_keyring.secrets

    click(qtbot, dialog, "Delete everything")

    first_run = unlocked.first_run
    qtbot.waitUntil(lambda: unlocked.stack.currentWidget() is first_run, timeout=WAIT_MS)
    assert unlocked.journal is None
    assert first_run.note.text() == (
        "Your journal is deleted. Exports you saved and copies elsewhere were not touched."
    )
    assert not data_dir.exists()
    assert not memory_keyring.secrets
    close_window(unlocked)
    assert not data_dir.exists()  # closing the window wrote nothing back (no window.ini)


def test_enter_on_the_last_page_keeps_the_journal(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    dialog = _to_the_plan(qtbot, unlocked)
    qtbot.keyClick(dialog.keep_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert unlocked.journal is not None and unlocked.journal.is_open
    assert VaultPaths(data_dir).db.exists()
    close_window(unlocked)


def test_rekey_everything_gives_a_new_key_and_opens_the_journal_again(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    door = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)
    key_before = door.check_password(PASSWORD).data_key
    old_backup = list_backups(VaultPaths(data_dir).backups_dir)[0].path
    settings = _settings(qtbot, unlocked)
    qtbot.mouseClick(settings.backups.rekey_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RekeyDialog)
    _type(qtbot, dialog.password, "not it")
    qtbot.waitUntil(lambda: "didn't open" in dialog.message.text(), timeout=WAIT_MS)
    before = unlocked.journal

    _type(qtbot, dialog.password, PASSWORD)
    question = answer_question(qtbot, "Re-key")

    assert "locks while this runs" in question.text()
    qtbot.waitUntil(lambda: unlocked.journal not in (None, before), timeout=WAIT_MS)
    main_view = unlocked.main_view
    assert main_view is not None
    note = main_view.settings.backups.note.text()
    assert note == (
        "Your journal has a new key. Copies made before no longer fit it. A fresh backup was "
        "made and checked, and the one backup made under the old key was removed."
    )
    assert door.check_password(PASSWORD).data_key != key_before
    assert not old_backup.exists()
    assert [b.manifest.reason for b in list_backups(VaultPaths(data_dir).backups_dir)] == [
        "after-rekey"
    ]
    close_window(unlocked)
