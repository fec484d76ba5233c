"""First run: an empty data folder asks for a new password and creates the journal."""

from __future__ import annotations

from pathlib import Path

from conftest import PASSWORD
from helpers.ui_window import WAIT_MS, close_window, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.shell.first_run import FirstRunScreen
from recovery_app.ui.shell.sections import TODAY


def _nothing_created(data_dir: Path) -> bool:
    paths = VaultPaths(data_dir)
    return (
        not paths.db.exists() and not paths.keyfile.exists() and not paths.db_in_progress.exists()
    )


def test_empty_folder_shows_the_welcome_screen(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)

    assert isinstance(window.stack.currentWidget(), FirstRunScreen)
    assert window.stack.currentWidget() is window.first_run
    assert window.first_run.password.hasFocus()
    assert window.windowTitle() == "Journal"
    assert not window.lock_action.isEnabled()
    assert window.journal is None
    assert not data_dir.exists()  # showing the screen creates nothing
    close_window(window)


def test_too_short_password_gets_a_kind_word_and_creates_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    screen = window.first_run

    qtbot.keyClicks(screen.password, "short")
    qtbot.keyClicks(screen.confirm, "short")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)

    assert screen.message.isVisible()
    assert screen.message.text() == "Please choose a password of at least 8 characters."
    assert screen.create_button.isEnabled()
    assert window.stack.currentWidget() is screen
    assert window.journal is None
    assert not data_dir.exists()  # not even the folder
    qtbot.keyClicks(screen.password, " a")
    assert screen.message.isVisible()  # still too short: still said
    qtbot.keyClicks(screen.password, " little longer")
    assert not screen.message.isVisible()  # long enough now: the word no longer holds
    close_window(window)
    assert not data_dir.exists() or _nothing_created(data_dir)


def test_different_passwords_get_a_message_and_the_confirmation_is_cleared(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    screen = window.first_run

    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)  # Enter moves on to the second field
    assert screen.confirm.hasFocus()
    qtbot.keyClicks(screen.confirm, PASSWORD + " typo")
    qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)

    assert screen.message.isVisible()
    assert screen.message.text() == "The two passwords are different. Please type them again."
    assert screen.confirm.text() == ""
    assert screen.confirm.hasFocus()
    qtbot.keyClicks(screen.confirm, PASSWORD[:3])
    assert screen.message.isVisible()  # not the same yet
    qtbot.keyClicks(screen.confirm, PASSWORD[3:])
    assert not screen.message.isVisible()  # the same now: nothing is wrong any more
    assert window.journal is None
    assert not data_dir.exists() or _nothing_created(data_dir)
    close_window(window)


def test_good_password_and_enter_create_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    screen = window.first_run

    with qtbot.waitSignal(window.journal_opened, timeout=WAIT_MS):
        qtbot.keyClicks(screen.password, PASSWORD)
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        qtbot.keyClicks(screen.confirm, PASSWORD)
        qtbot.keyClick(screen.confirm, Qt.Key.Key_Return)

    assert window.journal is not None
    assert window.main_view is not None
    assert window.stack.currentWidget() is window.main_view
    assert window.main_view.current_section() == TODAY
    assert window.lock_action.isEnabled()
    assert window.windowTitle() == "Journal"
    paths = VaultPaths(data_dir)
    assert paths.db.is_file()
    assert paths.keyfile.is_file()
    # What was typed is gone from the first-run screen.
    assert screen.password.text() == ""
    assert screen.confirm.text() == ""
    close_window(window)


def test_create_button_is_busy_while_the_journal_is_set_up(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    screen = window.first_run

    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClicks(screen.confirm, PASSWORD)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)

    # The click is answered at once; the slow key derivation runs in the background and its
    # result arrives by a queued signal, so nothing has opened yet.
    assert window.journal is None
    assert not screen.create_button.isEnabled()
    assert screen.create_button.text() == "Setting up your journal…"
    assert screen.progress.isVisible()
    assert not screen.password.isEnabled()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.main_view, timeout=WAIT_MS)
    assert window.journal is not None
    close_window(window)


def test_strength_hint_changes_as_you_type(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    screen = window.first_run
    hints = [screen.hint.text()]
    assert hints[0] == "A few unrelated words make a strong password you can remember."

    qtbot.keyClicks(screen.password, "abc")
    hints.append(screen.hint.text())
    assert hints[-1] == "At least 8 characters, please."

    qtbot.keyClicks(screen.password, "defgh")  # "abcdefgh": long enough, easy to guess
    hints.append(screen.hint.text())
    assert hints[-1] != "At least 8 characters, please."

    qtbot.keyClick(screen.password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.password, "violet tugboat marmalade quietly")
    hints.append(screen.hint.text())
    assert hints[-1] == "Strong."

    assert len(set(hints)) == len(hints)  # every stage said something different
    close_window(window)
