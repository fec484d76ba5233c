"""Passing the whole-relationship view's content warning, as a person does: the memories
are read while the warning is on screen, and show the moment they are ready."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from recovery_app.ui.whole.screen import CONTENT, WholeRelationshipScreen

WAIT_MS = 5000


def go_on(qtbot: QtBot, screen: WholeRelationshipScreen, button: QPushButton | None = None) -> None:
    """Click "show all" (or `button`) and wait for the memories to show."""
    (button or screen.show_all_button).click()
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONTENT, timeout=WAIT_MS)


def go_on_by_key(qtbot: QtBot, screen: WholeRelationshipScreen) -> None:
    qtbot.keyClick(screen.show_all_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == CONTENT, timeout=WAIT_MS)
