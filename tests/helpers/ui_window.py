"""Shared helpers for the window tests: build, unlock and tidy up a JournalWindow.

Kept as a plain module (tests/ui has no __init__.py, and no conftest of its own so that
`from conftest import ...` keeps meaning tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CHEAP_KDF, PASSWORD
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.app import build_window
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.window import JournalWindow

WAIT_MS = 5000


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_vault(data_dir: Path, password: str = PASSWORD) -> None:
    """An existing journal on disk, closed again, as after an earlier session."""
    VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).create(password).close()


def open_window(
    qtbot: QtBot, data_dir: Path, *, tray_available: bool = False, start: bool = True
) -> JournalWindow:
    """The window as the app builds it, shown and (unless told otherwise) started."""
    window, instance = build_window(
        data_dir, tray_available=tray_available, kdf=CHEAP_KDF, single_instance=False
    )
    assert window is not None
    assert instance is None
    return _show_and_start(qtbot, window, start=start)


def open_window_with_clock(
    qtbot: QtBot, data_dir: Path, clock: Callable[[], float], *, tray_available: bool = False
) -> JournalWindow:
    """Like build_window, but with a clock the test controls."""
    paths = VaultPaths(data_dir)
    service = VaultService(paths, KeyringSecretStore(), CHEAP_KDF)
    window = JournalWindow(
        service, Preferences(paths.ui_settings), tray_available=tray_available, clock=clock
    )
    return _show_and_start(qtbot, window)


def open_window_with_service(
    qtbot: QtBot, service: VaultService, **options: object
) -> JournalWindow:
    """A window over a door the test built (its own clock for the journal, say), with the
    window's own options (`backup_every_ms`...)."""
    window = JournalWindow(
        service,
        Preferences(service.paths.ui_settings),
        tray_available=False,
        **options,  # type: ignore[arg-type]
    )
    return _show_and_start(qtbot, window)


def _show_and_start(qtbot: QtBot, window: JournalWindow, *, start: bool = True) -> JournalWindow:
    qtbot.addWidget(window, before_close_func=lambda w: w.lock())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    if start:
        window.start()
    return window


def wait_for_unlock_screen_ready(qtbot: QtBot, window: JournalWindow) -> None:
    """The remembered-key check at start runs in the background; wait until it has answered."""
    qtbot.waitUntil(
        lambda: (
            window.stack.currentWidget() is window.main_view
            or window.unlock_screen.password.isEnabled()
        ),
        timeout=WAIT_MS,
    )


def unlock_with_password(
    qtbot: QtBot, window: JournalWindow, password: str = PASSWORD, *, remember: bool = False
) -> None:
    """Type the password and press Enter, as a person would; wait for the journal."""
    screen = window.unlock_screen
    wait_for_unlock_screen_ready(qtbot, window)
    assert window.stack.currentWidget() is screen
    if remember:
        click_checkbox(qtbot, screen.remember)
        assert screen.remember.isChecked()
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=WAIT_MS)
    assert window.main_view is not None
    assert window.stack.currentWidget() is window.main_view


def click_checkbox(qtbot: QtBot, box: QCheckBox) -> None:
    """Click on the box and its words, where a person clicks (not the empty space beside)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    area = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, box)
    assert area.isValid()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=area.center())


def focused(window: QWidget) -> QWidget:
    """Where a real key press would go: the focus widget, or the window itself."""
    widget = QApplication.focusWidget()
    return widget if widget is not None else window


def key_window(window: QWidget) -> QWindow:
    """Where a person's key press arrives: the focus window (as X11 hands it over; a
    popup's own while one is open), which passes it to its focus widget. The safety keys
    (Shift three times, Ctrl+L over a dialog, Ctrl+U in a field) and the idle timer are
    watched there, so a test sends them here; a key sent straight to a widget skips the
    window, as no real key does."""
    handle = QGuiApplication.focusWindow() or window.windowHandle()
    assert handle is not None, "no window has the focus"
    return handle


def flush_deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def finish_background_work() -> None:
    assert QThreadPool.globalInstance().waitForDone(WAIT_MS)
    QCoreApplication.processEvents()


def close_window(window: JournalWindow) -> None:
    """Lock and close at the end of a test, so no vault stays open."""
    window.lock()
    window.close()
    finish_background_work()
    assert window.journal is None
