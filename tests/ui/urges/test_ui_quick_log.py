"""The quick log: from its window opening to a saved urge in two key presses.

In the window (Ctrl+U, the tray's "Log an urge", `recovery-app quick-log` while it runs)
and on its own (`recovery-app quick-log` with no window running), locked or not.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_window import (
    WAIT_MS,
    FakeClock,
    close_window,
    key_window,
    make_vault,
    open_window,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.urges import UrgeService
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.quick_log_session import QuickLogSession
from recovery_app.ui.shell.single_instance import QUICK_LOG, SingleInstance
from recovery_app.ui.urges.quick_log import QuickLogDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

# The tray window changes an application-wide setting.
pytestmark = pytest.mark.usefixtures("restore_quit_on_last_window_closed")

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(target, text)


def quick_log_of(window) -> QuickLogDialog:
    assert window.main_view is not None
    dialog = window.main_view.urges.dialog
    assert isinstance(dialog, QuickLogDialog)
    return dialog


def wait_active(qtbot: QtBot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def saved_urges(data_dir: Path):
    journal = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).unlock(PASSWORD)
    try:
        return journal.urges.list_urges()
    finally:
        journal.close()


# ----- in the window ----------------------------------------------------------------------------


def test_ctrl_u_then_a_digit_then_enter_saves_an_urge(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    before = datetime.now(UTC)
    press(qtbot, Qt.Key.Key_U, CTRL)
    dialog = quick_log_of(window)
    qtbot.waitExposed(dialog)
    wait_active(qtbot, dialog)

    press(qtbot, Qt.Key.Key_7)  # one
    press(qtbot, Qt.Key.Key_Return)  # two

    assert dialog.saved is not None
    assert dialog.saved.details.intensity == 7
    assert before.replace(microsecond=0) <= dialog.saved.details.at <= datetime.now(UTC)
    assert dialog.page() == dialog.DONE  # the guide is offered, not started
    assert dialog.isVisible()
    close_window(window)
    (urge,) = saved_urges(data_dir)
    assert urge.details.intensity == 7


def test_the_guide_follows_only_when_asked(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    window.open_quick_log()
    dialog = quick_log_of(window)
    wait_active(qtbot, dialog)
    press(qtbot, Qt.Key.Key_5)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.saved is not None
    press(qtbot, Qt.Key.Key_Return)  # "Ride the wave" is the offer's default
    guide = window.main_view.urges.dialog
    assert isinstance(guide, RideTheWaveDialog)
    assert guide.saved == dialog.saved  # the same urge: predictions and re-rating join it
    assert not dialog.isVisible()
    guide.reject()
    close_window(window)


def test_closing_the_offer_leaves_just_the_note(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    window.open_quick_log()
    dialog = quick_log_of(window)
    wait_active(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Return)  # no number: noting the moment is enough
    assert dialog.saved is not None and dialog.saved.details.intensity is None
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.main_view.urges.dialog is dialog  # nothing else opened
    assert "this week: 1" in window.main_view.today.urge_week.text()
    close_window(window)


def test_ctrl_u_while_locked_asks_for_the_password_first(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    press(qtbot, Qt.Key.Key_U, CTRL)
    assert window.journal is None
    assert window.stack.currentWidget() is window.unlock_screen
    unlock_with_password(qtbot, window)
    dialog = quick_log_of(window)
    assert dialog.isVisible()
    close_window(window)


def test_the_tray_log_an_urge_opens_the_quick_log(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=True)
    unlock_with_password(qtbot, window)
    assert window.tray is not None
    window.tray.log_urge_action.trigger()
    assert quick_log_of(window).isVisible()
    close_window(window)


def test_the_tray_while_locked_opens_the_quick_log_after_unlocking(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=True)
    wait_for_unlock_screen_ready(qtbot, window)
    assert window.tray is not None
    window.tray.log_urge_action.trigger()
    assert window.journal is None  # it never opens without the password
    unlock_with_password(qtbot, window)
    assert quick_log_of(window).isVisible()
    close_window(window)


def test_a_lock_closes_the_quick_log(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    window.open_quick_log()
    dialog = quick_log_of(window)
    window.lock()
    assert not dialog.isVisible()
    close_window(window)


def test_quick_log_from_the_command_line_reaches_the_running_window(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    paths = VaultPaths(data_dir)
    running = SingleInstance(paths.data_dir, paths.instance_lock)
    running.claim()
    try:
        with qtbot.waitSignal(running.quick_log_requested, timeout=WAIT_MS):
            assert SingleInstance(paths.data_dir, paths.instance_lock).ask_running_instance(
                QUICK_LOG
            )
    finally:
        running.release()


# ----- the keys ---------------------------------------------------------------------------------


@pytest.fixture
def lone_dialog(qtbot: QtBot, vault) -> QuickLogDialog:
    dialog = QuickLogDialog(clock=Ticks())
    dialog.set_urges(UrgeService(vault))
    qtbot.addWidget(dialog)
    dialog.show()
    wait_active(qtbot, dialog)
    return dialog


class Ticks:
    """A clock that moves a tenth of a second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.1
        return self.now


def test_one_then_zero_makes_ten(qtbot: QtBot, lone_dialog: QuickLogDialog) -> None:
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_0)
    assert lone_dialog.intensity.value() == 10


def test_zero_alone_is_zero_and_a_later_digit_replaces(
    qtbot: QtBot, lone_dialog: QuickLogDialog
) -> None:
    press(qtbot, Qt.Key.Key_0)
    assert lone_dialog.intensity.value() == 0
    press(qtbot, Qt.Key.Key_4)
    assert lone_dialog.intensity.value() == 4


def test_a_slow_zero_after_one_is_zero(qtbot: QtBot, lone_dialog: QuickLogDialog) -> None:
    press(qtbot, Qt.Key.Key_1)
    lone_dialog._clock.now += 5  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_0)
    assert lone_dialog.intensity.value() == 0


def test_a_full_disk_is_said_kindly_and_the_choice_stays(
    qtbot: QtBot, lone_dialog: QuickLogDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.storage.errors import DiskFull

    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(UrgeService, "log_urge", full)
    press(qtbot, Qt.Key.Key_6)
    press(qtbot, Qt.Key.Key_Return)
    assert lone_dialog.saved is None
    assert lone_dialog.message.isVisible() and "space" in lone_dialog.message.text().lower()
    assert lone_dialog.intensity.value() == 6


# ----- on its own (no window running) -----------------------------------------------------------


def _session(data_dir: Path, clock: FakeClock | None = None) -> QuickLogSession:
    paths = VaultPaths(data_dir)
    service = VaultService(paths, KeyringSecretStore(), CHEAP_KDF)
    session = QuickLogSession(service, Preferences(paths.ui_settings), clock=clock or FakeClock())
    session.start()
    return session


def _end(session: QuickLogSession) -> None:
    session.end()
    session.safety.unwatch(QApplication.instance())


def test_alone_with_the_key_remembered_it_saves_in_two_presses(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    paths = VaultPaths(data_dir)
    service = VaultService(paths, KeyringSecretStore(), CHEAP_KDF)
    journal = service.unlock(PASSWORD)
    journal.remember()
    journal.close()
    session = _session(data_dir)
    dialog = session.dialog
    qtbot.waitExposed(dialog)
    wait_active(qtbot, dialog)
    press(qtbot, Qt.Key.Key_8)
    press(qtbot, Qt.Key.Key_Return)  # may land before the journal has opened: it waits
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=WAIT_MS)
    assert dialog.saved is not None and dialog.saved.details.intensity == 8
    _end(session)
    (urge,) = saved_urges(data_dir)
    assert urge.details.intensity == 8


def test_alone_and_locked_it_asks_for_the_password_and_keeps_the_choice(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    clock = FakeClock()
    session = _session(data_dir, clock)
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.page() == dialog.PASSWORD, timeout=WAIT_MS)
    dialog.intensity.set_value(3)  # chosen before the password was asked
    wait_active(qtbot, dialog)
    type_text(qtbot, "not the password")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT_MS)
    assert "not the password" not in dialog.message.text()
    assert dialog.page() == dialog.PASSWORD

    dialog.password.clear()
    clock.advance(60)  # a wrong password asks for a short pause before the next try
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.journal is not None, timeout=WAIT_MS)
    assert dialog.page() == dialog.LOG
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.details.intensity == 3
    _end(session)


def test_alone_quick_exit_closes_everything_and_the_journal(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    session = _session(data_dir)
    qtbot.waitUntil(lambda: session.dialog.page() == session.dialog.PASSWORD, timeout=WAIT_MS)
    session.safety.quick_exit_requested.emit()
    assert not session.dialog.isVisible()
    assert session.journal is None
    session.safety.unwatch(QApplication.instance())


def test_alone_the_session_lasts_while_any_of_its_windows_is_open(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from recovery_app.ui.urges.urge_dialog import UrgeDialog

    make_vault(data_dir)
    paths = VaultPaths(data_dir)
    service = VaultService(paths, KeyringSecretStore(), CHEAP_KDF)
    journal = service.unlock(PASSWORD)
    journal.remember()
    journal.close()
    session = _session(data_dir)
    dialog = session.dialog
    qtbot.waitUntil(lambda: session.journal is not None, timeout=WAIT_MS)
    dialog.save()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    form = session.windows[-1]
    assert isinstance(form, UrgeDialog) and form.isVisible()
    assert not dialog.isVisible()
    question = QMessageBox(form)  # a window opened as the form closes, like its offer
    question.show()
    form.reject()
    qtbot.wait(20)
    assert session.journal is not None  # the question is still open
    question.reject()
    qtbot.waitUntil(lambda: session.journal is None, timeout=WAIT_MS)
    session.safety.unwatch(QApplication.instance())


def test_ctrl_u_claimed_by_a_text_field_still_logs_and_keeps_the_typed_password(
    qtbot: QtBot, data_dir: Path
) -> None:
    """On X11 a text field takes Ctrl+U ("delete the line") before any shortcut sees it. The
    key press still arrives at the window first, as sent here: the safety filter takes it
    there, before the field."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    field = QApplication.focusWidget()
    assert field is not None
    type_text(qtbot, PASSWORD)
    qtbot.keyClick(key_window(window), Qt.Key.Key_U, CTRL)
    assert field.text() == PASSWORD  # not erased
    assert window.journal is None
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.main_view is not None, timeout=WAIT_MS)
    assert quick_log_of(window).isVisible()  # asked for while locked: it opens now
    close_window(window)


@pytest.mark.parametrize("window_filter", [True, False])
def test_the_safety_filter_takes_ctrl_u_only_for_the_window(qtbot: QtBot, window_filter) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QLineEdit

    from recovery_app.ui.shell.guards import SafetyFilter

    field = QLineEdit("typed")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    safety = SafetyFilter(quick_log_key=window_filter)
    asked: list[bool] = []
    safety.quick_log_requested.connect(lambda: asked.append(True))
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_U, CTRL)
    taken = safety.eventFilter(field, event)
    assert (taken, asked) == ((True, [True]) if window_filter else (False, []))
    assert field.text() == "typed"
