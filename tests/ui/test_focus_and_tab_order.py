"""Keyboard users see where they are and move in reading order, on every screen and in every
dialog (helpers/tour.py), in the light look and the dark one.

Tab goes through every stop and back to the first, and each stop is on screen, has a name
a screen reader can say, and is not a scroll area that shows nothing of its own; from the
sidebar (the first focus after unlocking) or a dialog's best start, it moves down the page
and along each row (a second column counts as reading on). And everything that can take the
focus draws differently when it has it: at least one edge's length of pixels changes by a
contrast of 3:1 or more (WCAG 2.4.13), the filled default button and a chosen answer too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.looking import (
    focusable_widgets,
    in_reading_order,
    is_silent_scroll_area,
    order_problems,
    ring_shows,
    spoken_name,
    tab_cycle,
)
from helpers.tour import tour
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit.theme import ThemeChoice
from recovery_app.ui.shell.window import JournalWindow


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {spoken_name(widget) or widget.objectName()!r}"


def tab_problems(sight_name: str, window: QWidget) -> list[str]:
    sidebar = None
    if isinstance(window, JournalWindow) and window.main_view is not None:
        sidebar = window.main_view.sidebar
        window.main_view.focus_sidebar()  # where the focus is after unlocking
    stops = in_reading_order(tab_cycle(window), sidebar)
    problems = []
    if sidebar is not None and (not stops or stops[0] is not sidebar):
        problems.append("Tab never reaches the sidebar")
    for stop in stops:
        if not stop.isVisible():
            problems.append(f"an invisible Tab stop: {describe(stop)}")
        if not spoken_name(stop):
            problems.append(f"a Tab stop without a name: {describe(stop)}")
        if is_silent_scroll_area(stop):
            problems.append(f"a silent Tab stop: {describe(stop)}")
    for before, after in order_problems(stops):
        problems.append(f"Tab jumps back from {describe(before)} to {describe(after)}")
    return [f"{sight_name}: {problem}" for problem in problems]


@pytest.mark.parametrize("look", [ThemeChoice.LIGHT, ThemeChoice.DARK])
def test_every_screen_and_dialog_tabs_in_reading_order_with_a_ring_you_can_see(
    qtbot: QtBot, tmp_path: Path, look: ThemeChoice
) -> None:
    problems: list[str] = []
    looked_at: set[int] = set()  # a widget seen in an earlier sight is not grabbed again
    kept: list[QWidget] = []  # held, so that no id above is reused by a new widget
    sights = 0
    for sight in tour(tmp_path / "journal", kdf=CHEAP_KDF, password=PASSWORD, look=look):
        sights += 1
        problems += tab_problems(sight.name, sight.window)
        for widget in focusable_widgets(sight.window):
            if id(widget) in looked_at:
                continue
            looked_at.add(id(widget))
            kept.append(widget)
            if not ring_shows(widget):
                problems.append(f"{sight.name}: no focus ring to see on {describe(widget)}")
    assert sights > 40
    assert len(looked_at) > 150, "the walk found too little to take the focus: it is broken"
    assert problems == []


# ----- the checks themselves bite --------------------------------------------------------


def test_a_focus_ring_lost_in_the_fill_is_found(qtbot: QtBot) -> None:
    """The ring the default button had before: the focus colour on the accent, 1.2:1."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    from recovery_app.ui.kit import theme

    p = theme.LIGHT
    host = QWidget()
    host.setStyleSheet(
        f"QPushButton {{ border: 1px solid {p.accent}; background: {p.accent}; }}"
        f"QPushButton:focus {{ border: 2px solid {p.focus}; }}"
    )
    row = QHBoxLayout(host)
    lost, other = QPushButton("Save"), QPushButton("Cancel")
    row.addWidget(lost)
    row.addWidget(other)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    assert not ring_shows(lost)
    host.setStyleSheet(theme.style_sheet(p))  # the app's own look rings it
    lost.setDefault(True)
    assert ring_shows(lost)


def test_a_tab_order_against_reading_order_is_found(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QGridLayout, QLineEdit

    host = QWidget()
    grid = QGridLayout(host)
    fields = {name: QLineEdit(name) for name in ("top left", "top right", "below")}
    grid.addWidget(fields["top left"], 0, 0)
    grid.addWidget(fields["top right"], 0, 1)
    grid.addWidget(fields["below"], 1, 0)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    left, right, below = fields.values()
    assert order_problems([left, right, below]) == []  # along the row, then down
    assert order_problems([left, below, right]) == []  # down one column, then the next
    assert order_problems([below, left, right]) == [(below, left)]  # back up a column
    assert order_problems([right, left, below]) == [(right, left)]  # leftwards along a row
