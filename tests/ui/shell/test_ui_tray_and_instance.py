"""The tray icon (a neutral "Journal") and one window per data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from conftest import CHEAP_KDF
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    flush_deferred_deletes,
    make_vault,
    open_window,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from recovery_app.app import build_window
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.shell.single_instance import Claim, SingleInstance
from recovery_app.ui.shell.window import JournalWindow

# build_window(tray_available=True) changes an application-wide setting.
pytestmark = pytest.mark.usefixtures("restore_quit_on_last_window_closed")


def _tray_window(qtbot: QtBot, data_dir: Path) -> JournalWindow:
    window = open_window(qtbot, data_dir, tray_available=True)
    assert window.tray is not None
    return window


# ----- tray -----------------------------------------------------------------------------------


def test_tray_icon_is_neutral_with_four_actions(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = _tray_window(qtbot, data_dir)
    tray = window.tray
    assert tray is not None

    assert tray.isVisible()
    assert tray.toolTip() == "Journal"
    assert tray.contextMenu() is tray.menu
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert texts == ["Open", "Log an urge", "Lock", "Quit"]
    assert not QApplication.quitOnLastWindowClosed()  # quick exit hides to the tray
    close_window(window)
    assert not tray.isVisible()


def test_no_tray_when_the_desktop_has_none(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=False)

    assert window.tray is None
    close_window(window)


def test_the_desktop_is_asked_for_a_tray_once_the_window_is_drawn(
    qtbot: QtBot, data_dir: Path
) -> None:
    """As `recovery-app` starts: the question is a round trip to the display server, kept out
    of the first frame; the tray, its four actions and the reminder come right after it."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=False, start=False)
    asked: list[str] = []
    window.start()
    window.look_for_tray(lambda: asked.append("asked") or True, lambda: asked.append("added"))
    assert window.tray is None  # not before the first paint

    qtbot.waitUntil(lambda: window.tray is not None, timeout=WAIT_MS)
    assert asked == ["asked", "added"]
    assert window.tray is not None and window.tray.isVisible()
    assert window.reminder is not None
    window.tray.lock_action.trigger()  # wired as a tray made with the window is
    assert window.stack.currentWidget() is window.unlock_screen
    close_window(window)


def test_a_journal_opened_before_the_first_paint_knows_of_the_tray(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=False)
    window.hide()  # no paint comes: only the journal's opening can ask
    window.look_for_tray(lambda: True, lambda: None)
    unlock_with_password(qtbot, window)
    assert window.tray is not None
    assert window.main_view is not None and window.main_view._tray_available
    close_window(window)


def test_no_tray_is_added_where_the_desktop_says_it_has_none(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=False)
    added: list[bool] = []
    window.look_for_tray(lambda: False, lambda: added.append(True))
    window.update()
    qtbot.wait(200)
    unlock_with_password(qtbot, window)
    assert window.tray is None and not added
    close_window(window)


def test_quick_exit_with_a_tray_hides_and_open_brings_back_the_unlock_screen(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = _tray_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    tray = window.tray
    assert tray is not None

    window.quick_exit_action.trigger()
    assert window.isHidden()
    assert window.journal is None
    assert tray.isVisible()  # the app is still there, behind a neutral icon

    tray.open_action.trigger()
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.journal is None
    close_window(window)


def test_clicking_the_tray_icon_brings_the_window_back(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = _tray_window(qtbot, data_dir)
    tray = window.tray
    assert tray is not None
    window.hide()

    tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)  # right-click: menu only
    assert window.isHidden()
    tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    close_window(window)


def test_tray_lock_and_quit(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = _tray_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    tray = window.tray
    assert tray is not None

    tray.lock_action.trigger()
    assert window.journal is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.isVisible()

    unlock_with_password(qtbot, window)
    tray.quit_action.trigger()
    # A normal quit backs up first when the last backup is over an hour old (the one made
    # at unlock is minutes old), so the journal closes once that is decided.
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)
    assert window.isHidden()
    assert not tray.isVisible()
    close_window(window)


# ----- one window per data folder ------------------------------------------------------------


def test_second_instance_raises_the_first(qtbot: QtBot, data_dir: Path) -> None:
    paths = VaultPaths(data_dir)
    data_dir.mkdir(parents=True)
    first = SingleInstance(paths.data_dir, paths.instance_lock)
    second = SingleInstance(paths.data_dir, paths.instance_lock)
    try:
        assert first.claim() is Claim.OWNED
        assert paths.instance_lock.exists()
        with qtbot.waitSignal(first.show_requested, timeout=WAIT_MS):
            assert second.claim() is Claim.RAISED_OTHER
    finally:
        # Released and deleted straight away, with no event processing in between, as at quit.
        second.release()
        first.release()
        shiboken6.delete(first)
        shiboken6.delete(second)
        flush_deferred_deletes()
    assert not paths.instance_lock.exists()


def test_after_release_the_folder_can_be_claimed_again(qtbot: QtBot, data_dir: Path) -> None:
    paths = VaultPaths(data_dir)
    data_dir.mkdir(parents=True)
    first = SingleInstance(paths.data_dir, paths.instance_lock)
    assert first.claim() is Claim.OWNED
    first.release()

    again = SingleInstance(paths.data_dir, paths.instance_lock)
    try:
        with qtbot.assertNotEmitted(first.show_requested, wait=100):
            assert again.claim() is Claim.OWNED
    finally:
        again.release()


def test_a_lock_held_by_a_silent_window_is_reported(qtbot: QtBot, data_dir: Path) -> None:
    paths = VaultPaths(data_dir)
    data_dir.mkdir(parents=True)
    silent = QLockFile(str(paths.instance_lock))  # holds the lock but answers nobody
    assert silent.tryLock(0)
    instance = SingleInstance(paths.data_dir, paths.instance_lock)
    try:
        assert instance.claim() is Claim.HELD_ELSEWHERE
    finally:
        instance.release()
        silent.unlock()


def test_opening_the_app_twice_raises_the_first_window(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window, instance = build_window(data_dir, tray_available=False, kdf=CHEAP_KDF)
    assert window is not None
    assert instance is not None
    qtbot.addWidget(window, before_close_func=lambda w: w.lock())
    try:
        window.show()
        window.start()
        wait_for_unlock_screen_ready(qtbot, window)
        window.showMinimized()
        assert window.isMinimized()

        second_window, second_instance = build_window(data_dir, tray_available=False, kdf=CHEAP_KDF)
        assert second_window is None
        assert second_instance is None
        qtbot.waitUntil(lambda: not window.isMinimized(), timeout=WAIT_MS)
        assert window.isVisible()
        assert window.stack.currentWidget() is window.unlock_screen
        close_window(window)
    finally:
        flush_deferred_deletes()
        instance.release()


def test_first_run_takes_the_folder_lock_once_the_folder_exists(
    qtbot: QtBot, data_dir: Path
) -> None:
    paths = VaultPaths(data_dir)
    window, instance = build_window(data_dir, tray_available=False, kdf=CHEAP_KDF)
    assert window is not None
    assert instance is not None
    qtbot.addWidget(window, before_close_func=lambda w: w.lock())
    try:
        window.show()
        window.start()
        assert not data_dir.exists()
        screen = window.first_run
        for field in (screen.password, screen.confirm):
            qtbot.keyClicks(field, "violet tugboat marmalade")
        with qtbot.waitSignal(window.journal_opened, timeout=WAIT_MS):
            qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)

        other = QLockFile(str(paths.instance_lock))
        assert not other.tryLock(0)  # this window holds the folder now
        close_window(window)
    finally:
        instance.release()
