"""Unlock: the password opens the journal; a wrong one gets a kind word and changes nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import CHEAP_KDF, PASSWORD, MemoryKeyring, vault_bytes
from helpers.ui_window import (
    WAIT_MS,
    FakeClock,
    close_window,
    make_vault,
    open_window,
    open_window_with_clock,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.shell.sections import TODAY
from recovery_app.ui.shell.unlock import UnlockScreen

WRONG_WORDS = "That password didn't open the journal. Please check it and try again."


def _type_and_enter(qtbot: QtBot, screen: UnlockScreen, password: str) -> None:
    """Select whatever is in the field, type over it and press Enter."""
    qtbot.keyClick(screen.password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def _wait_for_answer(qtbot: QtBot, screen: UnlockScreen) -> None:
    """The password is checked in the background; the field is usable again once it answers."""
    qtbot.waitUntil(
        lambda: screen.password.isEnabled() and screen.message.isVisible(), timeout=WAIT_MS
    )


def test_existing_journal_starts_on_the_unlock_screen(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)

    assert window.stack.currentWidget() is window.unlock_screen
    wait_for_unlock_screen_ready(qtbot, window)
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.journal is None
    assert window.unlock_screen.password.hasFocus()
    assert window.unlock_screen.unlock_button.isEnabled()
    assert not window.unlock_screen.remembered_button.isVisible()  # nothing remembered yet
    assert not window.lock_action.isEnabled()
    assert window.windowTitle() == "Journal"
    close_window(window)


def test_empty_password_asks_for_one(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    screen = window.unlock_screen
    wait_for_unlock_screen_ready(qtbot, window)

    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)

    assert screen.message.isVisible()
    assert screen.message.text() == "Please type your password."
    assert screen.unlock_button.isEnabled()
    assert window.journal is None
    close_window(window)


def test_wrong_password_gets_a_kind_word_and_changes_nothing_on_disk(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    paths = VaultPaths(data_dir)
    before = vault_bytes(paths)
    window = open_window(qtbot, data_dir)
    screen = window.unlock_screen
    wait_for_unlock_screen_ready(qtbot, window)

    _type_and_enter(qtbot, screen, "not my password")
    _wait_for_answer(qtbot, screen)

    assert screen.message.text() == WRONG_WORDS
    assert window.journal is None
    assert window.stack.currentWidget() is screen
    assert screen.unlock_button.isEnabled()  # the first two tries are free
    assert screen.password.hasFocus()
    assert screen.password.selectedText() == "not my password"  # ready to type over
    assert vault_bytes(paths) == before
    close_window(window)


def test_third_wrong_password_pauses_the_unlock_button(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    paths = VaultPaths(data_dir)
    before = vault_bytes(paths)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    screen = window.unlock_screen
    wait_for_unlock_screen_ready(qtbot, window)

    for attempt in range(2):
        _type_and_enter(qtbot, screen, f"wrong guess {attempt}")
        _wait_for_answer(qtbot, screen)
        assert screen.message.text() == WRONG_WORDS
        assert screen.unlock_button.isEnabled()
        clock.advance(0.5)

    _type_and_enter(qtbot, screen, "wrong guess 2")
    _wait_for_answer(qtbot, screen)
    assert not screen.unlock_button.isEnabled()
    assert screen.message.text() == WRONG_WORDS + " You can try again in 2 s."

    # Enter and clicks during the pause do nothing: no new try, nothing on disk.
    _type_and_enter(qtbot, screen, PASSWORD)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.journal is None
    assert screen.password.isEnabled()
    assert "You can try again in" in screen.message.text()

    # The on-screen countdown ends after the pause (real time, about 2 s).
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=WAIT_MS)
    assert screen.message.text() == WRONG_WORDS

    # The window checks its own clock too: 0.1 s of the pause left is still a pause.
    clock.advance(1.9)
    _type_and_enter(qtbot, screen, PASSWORD)
    assert window.journal is None
    assert screen.message.text() == "Please wait a moment. You can try again in 1 s."
    assert not screen.unlock_button.isEnabled()
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=WAIT_MS)

    clock.advance(1.0)
    assert vault_bytes(paths) == before
    _type_and_enter(qtbot, screen, PASSWORD)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.main_view
    close_window(window)


def test_right_password_opens_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)

    with qtbot.waitSignal(window.journal_opened, timeout=WAIT_MS):
        unlock_with_password(qtbot, window)

    assert window.main_view is not None
    assert window.stack.currentWidget() is window.main_view
    assert window.main_view.current_section() == TODAY
    assert window.main_view.sidebar.hasFocus()
    assert window.lock_action.isEnabled()
    assert window.unlock_screen.password.text() == ""  # nothing typed is kept around
    assert window.windowTitle() == "Journal"
    close_window(window)


def test_right_password_after_a_wrong_one_opens_and_resets_the_count(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    screen = window.unlock_screen
    wait_for_unlock_screen_ready(qtbot, window)

    _type_and_enter(qtbot, screen, "nearly right")
    _wait_for_answer(qtbot, screen)
    assert screen.message.text() == WRONG_WORDS
    _type_and_enter(qtbot, screen, PASSWORD)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.main_view

    # After a success the free tries start again: two wrong passwords cause no pause.
    window.lock()
    for attempt in range(2):
        _type_and_enter(qtbot, screen, f"wrong again {attempt}")
        _wait_for_answer(qtbot, screen)
        assert screen.unlock_button.isEnabled()
    assert screen.message.text() == WRONG_WORDS
    close_window(window)


def test_damage_found_after_unlocking_locks_and_says_so(
    qtbot: QtBot, data_dir: Path, monkeypatch
) -> None:
    """Every page is checked once per unlock, off the GUI thread; a damaged one locks the
    journal at once and names the damage, never a wrong password."""
    from recovery_app.services.errors import VaultDamaged
    from recovery_app.services.journal import Journal

    checked: list[bool] = []

    def damaged(self: Journal) -> None:
        checked.append(True)
        raise VaultDamaged()

    monkeypatch.setattr(Journal, "check_integrity", damaged)
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    _type_and_enter(qtbot, window.unlock_screen, PASSWORD)
    qtbot.waitUntil(lambda: bool(checked) and window.journal is None, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.unlock_screen
    text = window.unlock_screen.message.text()
    assert "is damaged" in text and "password is right" in text
    close_window(window)


def test_what_opening_needs_loads_from_the_first_key_typed(
    qtbot: QtBot, data_dir: Path, monkeypatch
) -> None:
    """SQL and the screens load while the password is typed, once, not after the key."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    prepared: list[str] = []
    real_prepare = window.service.prepare_unlock
    monkeypatch.setattr(
        window.service, "prepare_unlock", lambda: (prepared.append("now"), real_prepare())
    )
    screen = window.unlock_screen
    qtbot.keyClicks(screen.password, PASSWORD[:1])
    qtbot.waitUntil(lambda: prepared == ["now"], timeout=WAIT_MS)
    qtbot.keyClicks(screen.password, PASSWORD[1:])
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    assert prepared == ["now"]
    close_window(window)


def test_a_pasted_password_loads_what_opening_needs_beside_the_key(
    qtbot: QtBot, data_dir: Path, monkeypatch
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    prepared: list[str] = []
    monkeypatch.setattr(window.service, "prepare_unlock", lambda: prepared.append("now"))
    screen = window.unlock_screen
    screen.password.setText(PASSWORD)  # as a paste from a password manager: no key typed
    assert prepared == []
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    assert prepared == ["now"]
    close_window(window)


def test_the_keyring_is_asked_only_once_the_unlock_screen_is_up(
    qtbot: QtBot, data_dir: Path, monkeypatch, memory_keyring: MemoryKeyring
) -> None:
    """Where a key was remembered (else the keyring is not asked at all: test_ui_remember)."""
    service = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)
    journal = service.create(PASSWORD)
    journal.remember()
    journal.close()
    window = open_window(qtbot, data_dir, start=False)
    asked: list[str] = []
    real_status = window.service.remember_status
    monkeypatch.setattr(
        window.service, "remember_status", lambda: (asked.append("now"), real_status())[1]
    )
    window.start()
    assert asked == []  # the window shows first; the keyring loads after its first paint
    wait_for_unlock_screen_ready(qtbot, window)
    assert asked == ["now"]
    close_window(window)
