"""Settings: auto-lock minutes, lock on minimise, 'remember on this computer', change password."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from conftest import CHEAP_KDF, PASSWORD, MemoryKeyring, NoKeyring
from helpers.ui_window import (
    WAIT_MS,
    FakeClock,
    click_checkbox,
    close_window,
    focused,
    key_window,
    make_vault,
    open_window,
    open_window_with_clock,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.services.secrets import NO_KEYRING_REASON, KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.errors import WrongPassword
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import DEFAULT_AUTO_LOCK_MINUTES, Preferences
from recovery_app.ui.settings.change_password_dialog import ChangePasswordDialog
from recovery_app.ui.settings.screen import SettingsScreen
from recovery_app.ui.shell.sections import SETTINGS
from recovery_app.ui.shell.window import JournalWindow

NEW_PASSWORD = "lantern orchard seventeen"


def _open_settings(qtbot: QtBot, window: JournalWindow) -> SettingsScreen:
    assert window.main_view is not None
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view.current_section() == SETTINGS
    screen = window.main_view.pages.currentWidget()
    assert isinstance(screen, SettingsScreen)
    assert screen.isVisible()
    return screen


def _open_change_password(qtbot: QtBot, settings: SettingsScreen) -> ChangePasswordDialog:
    qtbot.mouseClick(settings.change_password, Qt.MouseButton.LeftButton)
    dialog = settings.findChild(ChangePasswordDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.windowTitle() == "Change password"
    return dialog


def _fill(qtbot: QtBot, dialog: ChangePasswordDialog, current: str, new: str, again: str) -> None:
    for field, text in ((dialog.current, current), (dialog.new, new), (dialog.again, again)):
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, text)


def _fresh_service(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)


@pytest.fixture
def unlocked(qtbot: QtBot, data_dir: Path) -> JournalWindow:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    return window


def test_ctrl_6_opens_settings_with_the_saved_choices(
    qtbot: QtBot, unlocked: JournalWindow, memory_keyring: MemoryKeyring
) -> None:
    settings = _open_settings(qtbot, unlocked)
    panel = settings.remember_panel

    assert settings.auto_lock.value() == DEFAULT_AUTO_LOCK_MINUTES
    assert settings.lock_minimised.isChecked()
    assert panel.remember.isVisible()
    assert not panel.remember.isChecked()
    assert not panel.remember_unavailable.isVisible()
    assert unlocked.main_view is not None
    assert unlocked.main_view.sidebar.currentRow() == SETTINGS
    close_window(unlocked)


def test_auto_lock_minutes_are_saved(qtbot: QtBot, unlocked: JournalWindow, data_dir: Path) -> None:
    settings = _open_settings(qtbot, unlocked)
    paths = VaultPaths(data_dir)

    qtbot.mouseClick(settings.auto_lock, Qt.MouseButton.LeftButton)
    qtbot.keyClick(settings.auto_lock, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(settings.auto_lock, "12")
    assert settings.auto_lock.value() == 12
    assert Preferences(paths.ui_settings).auto_lock_minutes == 12

    qtbot.keyClick(settings.auto_lock, Qt.Key.Key_Up)
    assert Preferences(paths.ui_settings).auto_lock_minutes == 13

    # Kept across a lock and a new window.
    close_window(unlocked)
    assert Preferences(paths.ui_settings).auto_lock_minutes == 13
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert _open_settings(qtbot, window).auto_lock.value() == 13
    close_window(window)


def test_auto_lock_zero_means_never(qtbot: QtBot, unlocked: JournalWindow, data_dir: Path) -> None:
    settings = _open_settings(qtbot, unlocked)

    qtbot.mouseClick(settings.auto_lock, Qt.MouseButton.LeftButton)
    for _ in range(DEFAULT_AUTO_LOCK_MINUTES):
        qtbot.keyClick(settings.auto_lock, Qt.Key.Key_Down)

    assert settings.auto_lock.value() == 0
    assert settings.auto_lock.text() == "never"
    assert Preferences(VaultPaths(data_dir).ui_settings).auto_lock_minutes == 0
    close_window(unlocked)


def test_lock_when_minimised_is_saved(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    settings = _open_settings(qtbot, unlocked)

    click_checkbox(qtbot, settings.lock_minimised)

    assert not settings.lock_minimised.isChecked()
    assert Preferences(VaultPaths(data_dir).ui_settings).lock_when_minimised is False
    click_checkbox(qtbot, settings.lock_minimised)
    assert Preferences(VaultPaths(data_dir).ui_settings).lock_when_minimised is True
    close_window(unlocked)


def test_remember_checkbox_stores_and_forgets_the_key(
    qtbot: QtBot, unlocked: JournalWindow, memory_keyring: MemoryKeyring
) -> None:
    settings = _open_settings(qtbot, unlocked)
    panel = settings.remember_panel
    assert memory_keyring.secrets == {}

    click_checkbox(qtbot, panel.remember)
    assert panel.remember.isChecked()
    assert len(memory_keyring.secrets) == 1
    assert panel.remember_message.text() == (
        "Remembered. This account now opens the journal without the password."
    )

    click_checkbox(qtbot, panel.remember)
    assert not panel.remember.isChecked()
    assert memory_keyring.secrets == {}
    assert panel.remember_message.text() == "Forgotten. The journal will ask for your password."
    close_window(unlocked)


def test_settings_show_a_key_remembered_at_unlock(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window, remember=True)

    writes: list[str] = []
    original_set = memory_keyring.set_password
    memory_keyring.set_password = lambda *args: writes.append("set") or original_set(*args)  # type: ignore[method-assign]

    settings = _open_settings(qtbot, window)

    panel = settings.remember_panel

    assert panel.remember.isChecked()
    assert len(memory_keyring.secrets) == 1
    assert writes == []  # showing the state is not changing it
    assert panel.remember_message.isHidden()
    close_window(window)


def test_without_a_keyring_settings_say_why(
    qtbot: QtBot, data_dir: Path, no_keyring: NoKeyring
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)

    settings = _open_settings(qtbot, window)

    panel = settings.remember_panel
    assert panel.remember.isEnabled()  # nothing was remembered: the keyring not asked yet
    assert not panel.remember_unavailable.isVisible()

    click_checkbox(qtbot, panel.remember)

    assert not panel.remember.isChecked()
    assert panel.remember.isVisible() and not panel.remember.isEnabled()
    assert panel.remember_unavailable.isVisible()
    assert panel.remember_unavailable.text() == NO_KEYRING_REASON
    assert panel.remember_message.isHidden()  # said once, beside the box
    close_window(window)


def test_change_password_with_a_wrong_current_password_changes_nothing(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    paths = VaultPaths(data_dir)
    key_before = paths.keyfile.read_bytes()
    settings = _open_settings(qtbot, unlocked)
    dialog = _open_change_password(qtbot, settings)

    _fill(qtbot, dialog, "not my password", NEW_PASSWORD, NEW_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.message.text().startswith("That isn't your current password"),
        timeout=WAIT_MS,
    )

    assert dialog.message.text() == "That isn't your current password. Nothing was changed."
    assert dialog.isVisible()
    assert dialog.ok_button.isEnabled()
    assert dialog.current.hasFocus()
    assert paths.keyfile.read_bytes() == key_before
    vault = _fresh_service(data_dir).unlock(PASSWORD)  # the old password still opens it
    vault.close()
    close_window(unlocked)


def test_change_password_checks_the_new_password_before_anything_else(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    key_before = VaultPaths(data_dir).keyfile.read_bytes()
    dialog = _open_change_password(qtbot, _open_settings(qtbot, unlocked))

    _fill(qtbot, dialog, PASSWORD, "short", "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Please choose a new password of at least 8 characters."

    _fill(qtbot, dialog, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The two new passwords are different."

    assert dialog.isVisible()
    assert VaultPaths(data_dir).keyfile.read_bytes() == key_before
    close_window(unlocked)


def test_change_password_replaces_the_old_one(
    qtbot: QtBot, unlocked: JournalWindow, data_dir: Path
) -> None:
    settings = _open_settings(qtbot, unlocked)
    dialog = _open_change_password(qtbot, settings)

    _fill(qtbot, dialog, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    # Its backups were re-wrapped too (at least the safety copy made just before the change).
    assert settings.password_message.text() == (
        "Your password is changed. The old one no longer opens the journal or its backups."
    )
    assert unlocked.journal is not None  # the journal stays open
    service = _fresh_service(data_dir)
    service.unlock(NEW_PASSWORD).close()
    with pytest.raises(WrongPassword):
        service.unlock(PASSWORD)

    # The window agrees after a lock.
    unlocked.lock()
    unlock_with_password(qtbot, unlocked, NEW_PASSWORD)
    close_window(unlocked)


def test_lock_closes_an_open_change_password_dialog(qtbot: QtBot, unlocked: JournalWindow) -> None:
    settings = _open_settings(qtbot, unlocked)
    dialog = _open_change_password(qtbot, settings)
    qtbot.keyClicks(dialog.current, PASSWORD)

    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        unlocked.lock()

    assert unlocked.journal is None
    assert unlocked.stack.currentWidget() is unlocked.unlock_screen
    close_window(unlocked)


def test_ctrl_l_locks_while_the_change_password_dialog_is_open(
    qtbot: QtBot, unlocked: JournalWindow
) -> None:
    settings = _open_settings(qtbot, unlocked)
    dialog = _open_change_password(qtbot, settings)
    qtbot.keyClicks(dialog.current, PASSWORD)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    assert dialog.current.hasFocus()

    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.keyClick(key_window(unlocked), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert unlocked.journal is None
    assert unlocked.stack.currentWidget() is unlocked.unlock_screen
    close_window(unlocked)


def test_shift_three_times_quick_exits_while_the_dialog_is_open(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    unlock_with_password(qtbot, window)
    dialog = _open_change_password(qtbot, _open_settings(qtbot, window))
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)

    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        for _ in range(3):
            assert focused(window).window() is dialog
            target = key_window(window)
            qtbot.keyPress(target, Qt.Key.Key_Shift)
            if shiboken6.isValid(target):  # the third press closed the dialog, window and all
                qtbot.keyRelease(target, Qt.Key.Key_Shift)
            clock.advance(0.3)

    assert window.isHidden()
    assert window.journal is None
    close_window(window)
