"""Window size is remembered; nothing a person typed ever reaches the settings file or the title."""

from __future__ import annotations

from pathlib import Path

from conftest import PASSWORD, MemoryKeyring, vault_bytes
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    make_vault,
    open_window,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.screen_fit import FRAME_ALLOWANCE
from recovery_app.ui.shell.window import DEFAULT_SIZE

WRONG_PASSWORD = "my wrong secret phrase"


def test_window_size_is_restored_in_a_new_window(qtbot: QtBot, data_dir: Path) -> None:
    # 780 x 700 rather than 1000 x 700: the offscreen test screen is 800 x 800, and Qt fits a
    # restored window inside the screen (see the next test).
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    # The default size, but never larger than the screen (the test screen is narrower).
    room = window.screen().availableGeometry().size() - QSize(*FRAME_ALLOWANCE)
    assert window.size() == QSize(*DEFAULT_SIZE).boundedTo(room)

    window.resize(780, 700)
    qtbot.waitUntil(lambda: window.size() == QSize(780, 700), timeout=WAIT_MS)
    close_window(window)

    again = open_window(qtbot, data_dir)
    assert again.size() == QSize(780, 700)
    close_window(again)


def test_a_size_too_big_for_this_screen_is_fitted_to_it(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.size() == QSize(1000, 700), timeout=WAIT_MS)
    close_window(window)

    again = open_window(qtbot, data_dir)
    available = again.screen().availableGeometry()
    assert available.width() < 1000  # the offscreen test screen (800 x 800)
    assert again.width() <= available.width()  # all of the window can be reached
    assert again.width() >= available.width() - 10  # as wide as the screen allows
    assert again.height() == 700  # what fits is kept as it was
    close_window(again)


def test_closing_on_first_run_creates_no_folder(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.resize(1000, 700)

    close_window(window)

    assert not data_dir.exists()  # not even for the window's size


def test_settings_file_holds_no_password(
    qtbot: QtBot, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    make_vault(data_dir)
    paths = VaultPaths(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    screen = window.unlock_screen

    qtbot.keyClicks(screen.password, WRONG_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.message.isVisible() and screen.password.isEnabled(), timeout=WAIT_MS
    )
    qtbot.keyClick(screen.password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.password, Qt.Key.Key_Delete)
    unlock_with_password(qtbot, window, remember=True)
    window.resize(1000, 700)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.journal is None
    close_window(window)

    settings_file = paths.ui_settings.read_bytes()
    assert settings_file  # the window's size was written
    for secret in (PASSWORD, WRONG_PASSWORD):
        assert secret.encode() not in settings_file
        for name, content in vault_bytes(paths).items():
            assert secret.encode() not in content, name
        assert all(secret not in stored for stored in memory_keyring.secrets.values())


def test_title_is_always_just_journal(qtbot: QtBot, data_dir: Path) -> None:
    titles = []
    window = open_window(qtbot, data_dir)
    titles.append(window.windowTitle())
    screen = window.first_run
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClicks(screen.confirm, PASSWORD)
    qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    titles.append(window.windowTitle())
    window.lock()
    titles.append(window.windowTitle())
    unlock_with_password(qtbot, window)
    titles.append(window.windowTitle())
    window.quick_exit_action.trigger()
    titles.append(window.windowTitle())

    assert titles == ["Journal"] * 5
    close_window(window)
