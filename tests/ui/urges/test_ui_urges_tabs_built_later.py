"""The Urges section opens on the urges noted; each other tab is built the first time a person
chooses it, with its content there on its first frame, and a change made elsewhere (a
date's plan changed from Today) reaches a tab only once it exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.hard_date_view import a_month_before, journal_on, main_view_over, mark
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.services.journal import Journal
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit.lists import WrappedRows
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import URGES
from recovery_app.ui.urges.hard_dates.tab import HardDatesTab
from recovery_app.ui.urges.letters_screen import LettersScreen
from recovery_app.ui.urges.reach_out_plan_editor import ReachOutPlanEditor
from recovery_app.ui.urges.reasons_editor import ReasonsEditor
from recovery_app.ui.urges.support_people_editor import SupportPeopleEditor

LATER = (ReasonsEditor, ReachOutPlanEditor, SupportPeopleEditor, LettersScreen, HardDatesTab)


@pytest.fixture
def journal(vault: Vault) -> Journal:
    return journal_on(vault, a_month_before())


@pytest.fixture
def view(qtbot: QtBot, journal: Journal, paths: VaultPaths, tmp_path: Path) -> Iterator[MainView]:
    yield from main_view_over(qtbot, journal, paths, tmp_path)


def test_only_the_urges_noted_are_built_until_another_tab_is_chosen(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    journal.reasons.add("I sleep through the night now")
    view.show_section(URGES)
    section = view.urges
    qtbot.waitUntil(section.moments.isVisible, timeout=WAIT_MS)
    assert all(section.findChildren(kind) == [] for kind in LATER)

    bar = section.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(section.REASONS).center())
    (editor,) = section.findChildren(ReasonsEditor)
    qtbot.waitUntil(editor.isVisible, timeout=WAIT_MS)
    assert editor.list.count() == 1  # the reason is there as the tab first shows
    assert editor.geometry().size() == section.currentWidget().size()  # edge to edge
    assert section.findChildren(LettersScreen) == []  # still only what was chosen

    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Right)  # the tab bar's own arrow keys build the next one
    (plan,) = section.findChildren(ReachOutPlanEditor)
    qtbot.waitUntil(plan.isVisible, timeout=WAIT_MS)
    assert section.plan is plan

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(section.MOMENTS).center())
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(section.REASONS).center())
    assert section.findChildren(ReasonsEditor) == [editor]  # built once, kept


def test_a_date_changed_from_today_reaches_the_tab_only_once_it_is_built(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    mark(journal, name="Their birthday")
    view.show_section(URGES)
    section = view.urges
    section.hard_dates_changed_elsewhere()
    assert section.findChildren(HardDatesTab) == []  # not built for a tab nobody opened

    view.navigation.show_hard_dates()
    tab = section.hard_dates
    qtbot.waitUntil(tab.isVisible, timeout=WAIT_MS)
    assert tab.list.count() == 1
    mark(journal, name="The day we met")
    section.hard_dates_changed_elsewhere()
    assert tab.list.count() == 2


def test_a_tab_is_made_in_its_place_so_its_rows_are_wrapped_at_the_width_they_get(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    for n in range(30):
        journal.reasons.add(f"Reason {n}: I can be at peace in my own home, and sleep through")
    view.show_section(URGES)
    section = view.urges
    qtbot.waitUntil(section.moments.isVisible, timeout=WAIT_MS)
    widths: list[int] = []
    real_size_hint = WrappedRows.sizeHint

    def size_hint(rows: WrappedRows, option: object, index: object) -> object:
        widths.append(rows.parent().viewport().width())
        return real_size_hint(rows, option, index)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WrappedRows, "sizeHint", size_hint)
        bar = section.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(section.REASONS).center())
        (editor,) = section.findChildren(ReasonsEditor)
        qtbot.waitUntil(editor.isVisible, timeout=WAIT_MS)
        qtbot.wait(50)
    assert editor.parent() is section.currentWidget()  # made there, never moved in
    # Wrapped at its full width, and again once its scroll bar takes some of it: never at a
    # default or a smallest size first, each a wrapping of every row.
    assert editor.list.viewport().width() in widths
    assert min(widths) == editor.list.viewport().width()
    assert len(set(widths)) <= 2
