"""'Remember on this computer': opt-in at unlock, opens by itself at start, never after a lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MemoryKeyring, NoKeyring
from helpers.ui_window import (
    WAIT_MS,
    click_checkbox,
    close_window,
    finish_background_work,
    make_vault,
    open_window,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.services.secrets import NO_KEYRING_REASON, KeyringSecretStore


def test_remember_is_off_unless_chosen(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    screen = window.unlock_screen

    assert screen.remember.isVisible()
    assert not screen.remember.isChecked()
    assert not screen.remember_unavailable.isVisible()
    unlock_with_password(qtbot, window)

    assert memory_keyring.secrets == {}
    close_window(window)


def test_remember_at_unlock_opens_the_next_window_without_a_password(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    make_vault(data_dir)
    first = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, first, remember=True)

    assert len(memory_keyring.secrets) == 1
    ((service, _user),) = memory_keyring.secrets
    assert service == "quiet-journal"  # the neutral keyring name
    close_window(first)

    second = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: second.journal is not None, timeout=WAIT_MS)
    assert second.stack.currentWidget() is second.main_view
    assert second.unlock_screen.password.text() == ""
    close_window(second)


def test_after_a_lock_the_remembered_key_needs_a_deliberate_click(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window, remember=True)
    screen = window.unlock_screen

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.journal is None
    assert window.stack.currentWidget() is screen
    assert screen.remembered_button.isVisible()
    assert screen.remembered_button.text() == "Open with the key remembered here"
    assert not screen.remember.isChecked()  # the box is reset on lock
    # It does not open by itself, however long it waits.
    qtbot.wait(300)
    assert window.journal is None
    assert window.stack.currentWidget() is screen

    qtbot.mouseClick(screen.remembered_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.main_view
    assert len(memory_keyring.secrets) == 1
    close_window(window)


def test_remembered_key_forgotten_elsewhere_falls_back_to_the_password(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window, remember=True)
    window.lock()
    screen = window.unlock_screen
    assert screen.remembered_button.isVisible()

    memory_keyring.secrets.clear()  # e.g. removed in the system's password manager
    qtbot.mouseClick(screen.remembered_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.remembered_button.isVisible(), timeout=WAIT_MS)

    assert window.journal is None
    assert screen.message.text() == (
        "Nothing is remembered on this computer now. Please use your password."
    )
    assert screen.password.isEnabled()
    assert screen.password.hasFocus()
    close_window(window)


def test_nothing_asks_the_keyring_until_remember_is_ticked(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = KeyringSecretStore.status
    monkeypatch.setattr(KeyringSecretStore, "status", lambda self: asked.append(1) or real(self))
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    screen = window.unlock_screen
    assert screen.remember.isVisible()  # offered before anything was asked
    assert asked == []

    click_checkbox(qtbot, screen.remember)

    qtbot.waitUntil(lambda: asked == [1], timeout=WAIT_MS)
    finish_background_work()
    assert screen.remember.isVisible() and screen.remember.isChecked()  # it can remember
    unlock_with_password(qtbot, window)  # with the box ticked above
    finish_background_work()
    assert len(memory_keyring.secrets) == 1
    close_window(window)


def test_without_a_keyring_ticking_remember_hides_it_with_a_reason(
    qtbot: QtBot, data_dir: Path, no_keyring: NoKeyring
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    screen = window.unlock_screen
    assert screen.remember.isVisible()  # nothing was ever remembered: not asked yet

    click_checkbox(qtbot, screen.remember)

    qtbot.waitUntil(screen.remember_unavailable.isVisible, timeout=WAIT_MS)
    assert screen.remember.isHidden()
    assert not screen.remember.isChecked()  # the password is not sent with "remember"
    assert screen.remember_unavailable.text() == NO_KEYRING_REASON
    assert "\n" not in screen.remember_unavailable.text()
    assert screen.password.hasFocus()  # ticked from the keyboard, typing goes on where it was

    # The password still opens the journal, and the reason survives a lock.
    unlock_with_password(qtbot, window)
    window.lock()
    assert screen.remember.isHidden()
    assert screen.remember_unavailable.isVisible()
    close_window(window)
