"""Each section is made inside the window's pages, at their size, on its first visit: never
made alone and then moved in, which styles the whole screen again and lays its lists out at
a default size first."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.ui_window import close_window, make_vault, open_window, unlock_with_password
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.ui.shell.sections import (
    EXERCISES,
    REVIEW,
    SETTINGS,
    UNDERSTANDING,
    URGES,
    WHOLE,
)


def test_the_journal_and_each_section_are_made_in_their_place(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    view = window.main_view
    assert view is not None
    assert view.parent() is window.stack
    assert view.pages.currentWidget().parent() is view.pages  # Today, made at unlock

    arrived: list[tuple[bool, bool]] = []
    real_insert = view.pages.insertWidget

    def insert(index: int, screen: QWidget) -> int:
        if type(screen) is not QWidget:  # a stand-in, when an import rebuilds sections
            arrived.append((screen.parent() is view.pages, screen.size() == view.pages.size()))
        return real_insert(index, screen)

    monkeypatch.setattr(view.pages, "insertWidget", insert)
    for section in (URGES, EXERCISES, WHOLE, UNDERSTANDING, REVIEW, SETTINGS):
        view.show_section(section)
    assert arrived == [(True, True)] * 6  # already inside, already at the pages' size
    close_window(window)
