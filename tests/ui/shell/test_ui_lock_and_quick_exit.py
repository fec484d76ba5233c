"""Lock (Ctrl+L), auto-lock when idle, lock on minimise, and quick exit (button or Shift x3)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from conftest import PASSWORD, MemoryKeyring
from helpers.ui_window import (
    WAIT_MS,
    FakeClock,
    click_checkbox,
    close_window,
    finish_background_work,
    flush_deferred_deletes,
    focused,
    key_window,
    make_vault,
    open_window,
    open_window_with_clock,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton
from pytestqt.qtbot import QtBot

from recovery_app.storage.vault import Vault
from recovery_app.ui.shell.sections import SETTINGS
from recovery_app.ui.shell.window import JournalWindow


def _press_shift(qtbot: QtBot, window: JournalWindow) -> None:
    """Shift pressed and let go on its own, where a real key press arrives."""
    target = key_window(window)
    qtbot.keyPress(target, Qt.Key.Key_Shift)
    if shiboken6.isValid(target):  # a popup closes with the quick exit
        qtbot.keyRelease(target, Qt.Key.Key_Shift)


def _quick_exit_button(window: JournalWindow) -> QToolButton:
    button = window.toolbar.widgetForAction(window.quick_exit_action)
    assert isinstance(button, QToolButton)
    assert button.text() == "Quick exit"
    return button


# ----- lock ---------------------------------------------------------------------------------


def test_ctrl_l_locks_and_destroys_the_journal_view(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    old_view = window.main_view
    assert old_view is not None
    opened = window.journal
    assert opened is not None
    assert opened.is_open

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.journal is None
    assert not opened.is_open  # engine disposed, key forgotten
    assert window.main_view is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.unlock_screen.password.text() == ""
    assert window.unlock_screen.password.hasFocus()
    assert not window.lock_action.isEnabled()
    assert window.stack.indexOf(old_view) == -1
    flush_deferred_deletes()
    assert not shiboken6.isValid(old_view)
    close_window(window)


def test_ctrl_l_works_from_anywhere_in_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.main_view is not None
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    settings = window.main_view.pages.widget(SETTINGS)
    assert window.main_view.current_section() == SETTINGS
    qtbot.mouseClick(settings.auto_lock, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert settings.auto_lock.hasFocus()  # type: ignore[attr-defined]

    qtbot.keyClick(key_window(window), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert window.journal is None
    assert window.stack.currentWidget() is window.unlock_screen
    close_window(window)


def test_lock_button_on_the_toolbar_locks(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    lock_button = window.toolbar.widgetForAction(window.lock_action)
    assert isinstance(lock_button, QToolButton)
    assert not lock_button.isEnabled()  # nothing to lock yet
    unlock_with_password(qtbot, window)
    assert lock_button.isEnabled()

    qtbot.mouseClick(lock_button, Qt.MouseButton.LeftButton)

    assert window.journal is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert not lock_button.isEnabled()
    close_window(window)


def test_the_password_opens_it_again_after_a_lock(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    first_view = window.main_view
    window.lock()

    unlock_with_password(qtbot, window)

    assert window.main_view is not None
    assert window.main_view is not first_view  # a fresh view, built at unlock
    close_window(window)


# ----- auto-lock ----------------------------------------------------------------------------


def test_auto_lock_after_no_activity(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)

    opened = window.journal
    assert opened is not None

    window.safety.set_idle_milliseconds(200)
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)

    assert not opened.is_open

    assert window.main_view is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.isVisible()  # auto-lock locks; it does not hide
    close_window(window)


def test_key_presses_keep_the_journal_open(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)

    window.safety.set_idle_milliseconds(1000)
    for step in range(8):  # 1.6 s of typing, longer than the idle time
        qtbot.wait(200)
        # Keys that move nothing: a section built on its first visit could take longer than
        # the idle time on a busy machine, and the test is about the keys, not the build.
        key = Qt.Key.Key_Right if step % 2 == 0 else Qt.Key.Key_Left
        qtbot.keyClick(key_window(window), key)
        assert window.journal is not None

    assert window.stack.currentWidget() is window.main_view
    # Once the typing stops, it locks.
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)
    close_window(window)


def test_no_auto_lock_while_locked_or_after_lock(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    window.safety.set_idle_milliseconds(100)
    window.lock()

    # The idle timer stops at a lock; locking again would only wipe what is being typed.
    qtbot.keyClicks(window.unlock_screen.password, "half typed")
    qtbot.wait(400)
    assert window.unlock_screen.password.text() == "half typed"
    close_window(window)


# ----- lock on minimise ---------------------------------------------------------------------


def test_minimising_locks_by_default(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)

    opened = window.journal
    assert opened is not None

    window.showMinimized()
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)

    assert not opened.is_open

    assert window.main_view is None
    assert window.stack.currentWidget() is window.unlock_screen
    close_window(window)


def test_minimising_does_not_lock_when_turned_off_in_settings(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.main_view is not None
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    settings = window.main_view.pages.widget(SETTINGS)
    box = settings.lock_minimised  # type: ignore[attr-defined]
    assert box.isChecked()

    click_checkbox(qtbot, box)
    assert not box.isChecked()
    assert window.preferences.lock_when_minimised is False

    window.showMinimized()
    qtbot.wait(200)  # long enough for a deferred lock to have run
    assert window.isMinimized()
    assert window.journal is not None
    assert window.main_view is not None
    close_window(window)


# ----- quick exit ---------------------------------------------------------------------------


def test_quick_exit_button_hides_and_locks(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    old_view = window.main_view
    opened = window.journal
    assert opened is not None

    qtbot.mouseClick(_quick_exit_button(window), Qt.MouseButton.LeftButton)

    assert window.isHidden()
    assert window.journal is None
    assert not opened.is_open
    assert window.main_view is None
    flush_deferred_deletes()
    assert not shiboken6.isValid(old_view)
    close_window(window)


def test_quick_exit_button_works_on_the_unlock_screen_too(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.keyClicks(window.unlock_screen.password, "half typed")

    qtbot.mouseClick(_quick_exit_button(window), Qt.MouseButton.LeftButton)

    assert window.isHidden()
    assert window.journal is None
    assert window.unlock_screen.password.text() == ""
    close_window(window)


def test_shift_three_times_within_two_seconds_is_a_quick_exit(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    unlock_with_password(qtbot, window)

    with qtbot.waitSignal(window.safety.quick_exit_requested, timeout=WAIT_MS):
        for _ in range(3):
            assert window.journal is not None
            _press_shift(qtbot, window)
            clock.advance(0.6)

    assert window.isHidden()
    assert window.journal is None
    assert window.main_view is None
    close_window(window)


def test_shift_three_times_spread_over_more_than_two_seconds_does_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    unlock_with_password(qtbot, window)

    with qtbot.assertNotEmitted(window.safety.quick_exit_requested):
        for _ in range(3):
            _press_shift(qtbot, window)
            clock.advance(1.1)  # first to third press: 2.2 s

    assert window.isVisible()
    assert window.journal is not None
    assert window.stack.currentWidget() is window.main_view
    close_window(window)


def test_typing_capitals_never_triggers_quick_exit(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    wait_for_unlock_screen_ready(qtbot, window)
    field = window.unlock_screen.password
    assert field.hasFocus()

    with qtbot.assertNotEmitted(window.safety.quick_exit_requested):
        for letter in "ABC":
            assert focused(window) is field
            target = key_window(window)
            qtbot.keyPress(target, Qt.Key.Key_Shift)
            qtbot.keyClick(target, letter, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyRelease(target, Qt.Key.Key_Shift)
            clock.advance(0.2)

    assert field.text() == "ABC"

    # Shift held down once for a whole capitalised word.
    with qtbot.assertNotEmitted(window.safety.quick_exit_requested):
        for _ in range(3):
            target = key_window(window)
            qtbot.keyPress(target, Qt.Key.Key_Shift)
            for letter in "DEF":
                qtbot.keyClick(target, letter, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyRelease(target, Qt.Key.Key_Shift)
            clock.advance(0.2)

    assert field.text() == "ABC" + "DEF" * 3
    assert window.isVisible()
    assert window.stack.currentWidget() is window.unlock_screen
    close_window(window)


def test_shift_quick_exit_also_works_before_unlocking(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.keyClicks(window.unlock_screen.password, PASSWORD[:5])

    for _ in range(3):
        _press_shift(qtbot, window)
        clock.advance(0.1)

    assert window.isHidden()
    assert window.journal is None
    assert window.unlock_screen.password.text() == ""
    close_window(window)


# ----- a lock wins over a journal still opening ----------------------------------------------


class _Gate:
    """Holds a background call until the test lets it go, and keeps what it returned."""

    def __init__(self, call: Callable[..., Vault | None]) -> None:
        self._call = call
        self._open = threading.Event()
        self.started = threading.Event()
        self.returned: list[Vault | None] = []

    def __call__(self, *args: object) -> Vault | None:
        self.started.set()
        assert self._open.wait(WAIT_MS / 1000)
        result = self._call(*args)
        self.returned.append(result)
        return result

    def release(self) -> None:
        self._open.set()


def test_quick_exit_while_the_password_is_checked_keeps_it_locked(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=True)
    wait_for_unlock_screen_ready(qtbot, window)
    gate = _Gate(window.service.unlock)
    monkeypatch.setattr(window.service, "unlock", gate)
    screen = window.unlock_screen

    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert gate.started.wait(WAIT_MS / 1000)
    assert not screen.password.isEnabled()  # "Opening…"
    qtbot.mouseClick(_quick_exit_button(window), Qt.MouseButton.LeftButton)
    assert window.isHidden()
    gate.release()
    finish_background_work()

    (opened,) = gate.returned
    assert opened is not None
    assert not opened.is_open  # it finished opening after the quick exit, and was closed
    assert window.journal is None
    assert window.main_view is None
    # Back from the tray: the unlock screen, empty and ready.
    assert window.tray is not None
    window.tray.open_action.trigger()
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert window.stack.currentWidget() is screen
    assert screen.password.isEnabled()
    assert screen.password.text() == ""
    close_window(window)


def test_quick_exit_during_the_remembered_key_check_keeps_it_locked(
    qtbot: QtBot,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_vault(data_dir)
    first = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, first, remember=True)
    close_window(first)
    assert memory_keyring.secrets

    window = open_window(qtbot, data_dir, tray_available=True, start=False)
    gate = _Gate(window.service.unlock_remembered)
    monkeypatch.setattr(window.service, "unlock_remembered", gate)
    window.start()
    # The check begins once the unlock screen has painted (the event loop must run).
    qtbot.waitUntil(gate.started.is_set, timeout=WAIT_MS)
    qtbot.mouseClick(_quick_exit_button(window), Qt.MouseButton.LeftButton)
    gate.release()
    finish_background_work()

    (opened,) = gate.returned
    assert opened is not None
    assert not opened.is_open
    assert window.journal is None
    assert window.main_view is None
    assert window.isHidden()
    close_window(window)


def test_shift_three_times_is_a_quick_exit_while_a_list_has_dropped_down(
    qtbot: QtBot, data_dir: Path
) -> None:
    """A popup (a list dropped down, a menu) has the keys: its own window becomes the focus
    window, where they arrive."""
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    unlock_with_password(qtbot, window)
    choices = QComboBox(window.main_view)
    choices.addItems(["one", "two"])
    choices.show()
    choices.setFocus()
    choices.showPopup()
    popup = choices.view().window()
    qtbot.waitUntil(lambda: focused(window).window() is popup, timeout=WAIT_MS)
    # The popup's own window takes the keys once it is the focus window.
    qtbot.waitUntil(lambda: key_window(window) != window.windowHandle(), timeout=WAIT_MS)

    with qtbot.waitSignal(window.safety.quick_exit_requested, timeout=WAIT_MS):
        for _ in range(3):
            _press_shift(qtbot, window)
            clock.advance(0.3)

    assert window.isHidden()
    assert window.journal is None
    close_window(window)


def test_a_key_sent_to_a_widget_alone_is_not_seen(qtbot: QtBot, data_dir: Path) -> None:
    """The filter watches windows, not every object: a key that skips the window (as no
    real key does) is not counted, so the window is where the tests send theirs."""
    make_vault(data_dir)
    clock = FakeClock()
    window = open_window_with_clock(qtbot, data_dir, clock)
    unlock_with_password(qtbot, window)
    with qtbot.assertNotEmitted(window.safety.quick_exit_requested):
        for _ in range(3):
            qtbot.keyClick(focused(window), Qt.Key.Key_Shift)
            clock.advance(0.3)
    assert window.journal is not None
    close_window(window)
