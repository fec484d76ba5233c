"""The unlocked window's MainView over a test's own vault, on a clock the test moves: what the
window builds after an unlock, without the unlock. A plain module, as helpers/ui_window.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from helpers.journal import journal_over
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.main_view import MainView

WAIT_MS = 5000


class FakeNow:
    """The journal's wall clock, starting at the real now (the forms' own date fields do),
    moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def open_main_view(
    qtbot: QtBot,
    door: VaultService,
    vault: Vault,
    now: Callable[[], datetime],
    *,
    size: tuple[int, int] = (900, 600),
    first_run: bool = False,
) -> MainView:
    journal = journal_over(vault, now=now)
    if first_run:
        journal.reading_suggestions.note_first_run()  # as the window does after creating it
    view = MainView(door, journal, Preferences(door.paths.ui_settings), lambda: None)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    activate(qtbot, view)
    view.focus_sidebar()
    return view


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make the widget's window the active one (offscreen has no window manager)."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def focus() -> QWidget | None:
    return QApplication.focusWidget()
