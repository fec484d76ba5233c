"""The Hard dates tab (Urges), driven as a person would: a date marked by keys alone, a removal
asked about and offered back, suggestions from the journal kept only with a yes or dismissed
for good, memories picked after the content warning, every control named."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.hard_date_view import (
    CTRL,
    THE_DAY,
    DayClock,
    a_month_before,
    journal_on,
    main_view_over,
    mark,
    on,
    open_dialog,
    press,
)
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.kinds import MemoryKind, PlanStep
from recovery_app.domain.memories import MemoryDetails
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.journal import Journal
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit import confirm
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import SETTINGS, TODAY, URGES
from recovery_app.ui.urges.hard_dates.date_dialog import HardDateDialog
from recovery_app.ui.urges.hard_dates.memory_picker import MemoryPickerDialog
from recovery_app.ui.urges.hard_dates.tab import HardDatesTab
from recovery_app.ui.urges.section import UrgesSection


@pytest.fixture
def clock() -> DayClock:
    return a_month_before()


@pytest.fixture
def journal(vault: Vault, clock: DayClock) -> Journal:
    return journal_on(vault, clock)


@pytest.fixture
def view(qtbot: QtBot, journal: Journal, paths: VaultPaths, tmp_path: Path) -> Iterator[MainView]:
    yield from main_view_over(qtbot, journal, paths, tmp_path)


def hard_dates_tab(qtbot: QtBot, view: MainView) -> HardDatesTab:
    view.navigation.show_hard_dates()
    tab = view.urges.hard_dates
    qtbot.waitUntil(tab.isVisible, timeout=WAIT_MS)
    return tab


def test_a_date_is_marked_by_keys_alone_and_today_speaks_of_it(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    journal.clocks.add_clock("J", date(2025, 1, 1))
    on(view, clock, THE_DAY - timedelta(days=5))
    tab = hard_dates_tab(qtbot, view)
    assert tab.empty_state.isVisible() and not tab.list.isVisible()
    tab.add_button.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = open_dialog(qtbot, tab, HardDateDialog)
    assert isinstance(dialog, HardDateDialog)
    assert dialog.day.value() == 0 and dialog.month.currentIndex() == -1  # nothing chosen for me
    qtbot.keyClicks(dialog.name, "Their birthday")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.day.hasFocus()
    qtbot.keyClicks(dialog.day, "14")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.month.hasFocus()
    qtbot.keyClicks(dialog.month, "February")
    dialog.plan.setFocus()
    qtbot.keyClicks(dialog.plan, "Dinner with my brother")
    dialog.steps[PlanStep.REASONS].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    (saved,) = journal.hard_dates.marked()
    assert (saved.details.name, saved.details.month, saved.details.day) == ("Their birthday", 2, 14)
    assert saved.details.steps == (PlanStep.REASONS,) and saved.details.year is None
    assert tab.list.count() == 1
    assert tab.list.item(0).text() == "Their birthday\n14 February, every year  ·  in 5 days"
    view.show_section(TODAY)  # Today speaks of it when it is next seen
    assert view.today.notice_card.text.text().startswith("Their birthday is in 5 days.")


def test_a_day_left_unchosen_is_asked_for_and_nothing_is_lost(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    tab = hard_dates_tab(qtbot, view)
    dialog = tab.add_date()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Court")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.text() == "Please choose the day and the month."
    assert dialog.name.text() == "Court"
    dialog.day.setValue(30)
    dialog.month.setCurrentIndex(dialog.month.findData(2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "calendar" in dialog.message.text() and dialog.isVisible()
    assert journal.hard_dates.marked() == []
    dialog.reject()


def test_a_removed_date_is_asked_about_and_offered_back(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    mark(journal)
    tab = hard_dates_tab(qtbot, view)
    tab.list.setFocus()
    confirm.set_next_answer(0)  # "Remove"
    press(qtbot, Qt.Key.Key_Delete)
    assert journal.hard_dates.marked() == []
    assert tab.undo_bar.isVisible() and tab.undo_bar.text.text() == "Date removed."
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [s.details.name for s in journal.hard_dates.marked()] == ["The day it ended"]
    assert tab.list.count() == 1


def test_a_clocks_first_day_is_suggested_and_kept_only_with_a_yes(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    journal.clocks.add_clock("Jo", date(2025, 3, 9))
    tab = hard_dates_tab(qtbot, view)
    (card,) = tab.cards
    assert "Jo" in card.sentence.text() and "9 March" in card.sentence.text()
    assert card.keep_button.accessibleName().startswith("Keep as a marked date: ")
    card.keep_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = open_dialog(qtbot, tab, HardDateDialog)
    assert isinstance(dialog, HardDateDialog)
    assert journal.hard_dates.marked() == []  # nothing yet: the form waits for Save
    assert dialog.name.text() == "The day distance from Jo began"
    assert (dialog.day.value(), dialog.month.currentData()) == (9, 3)
    assert dialog.clock.currentText() == "Jo"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert len(journal.hard_dates.marked()) == 1
    assert tab.cards == []  # marked now: not suggested again


def test_a_suggestion_dismissed_by_keys_stays_away_and_can_be_undone(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    journal.clocks.add_clock("Jo", date(2025, 3, 9))
    tab = hard_dates_tab(qtbot, view)
    (card,) = tab.cards
    card.dismiss_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert tab.cards == []
    assert tab.not_yet.isVisible()  # the clusters still need more history: said, not hidden
    assert tab.undo_bar.text.text() == "It won't be suggested again."
    tab.refresh()
    assert tab.cards == []
    tab.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(tab.cards) == 1


def test_a_cluster_is_suggested_with_the_years_and_counts_behind_it(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    clock.day = date(2026, 6, 1)
    background = [date(2023, 5, 1) + timedelta(days=n) for n in range(0, 1100, 29)]
    gathered = [date(y, 2, d) for y in (2024, 2025) for d in (12, 13, 14, 14, 15, 16)]
    for day in [d for d in background if d.month != 2 and d < clock.day] + gathered:
        at = datetime.combine(day, datetime.min.time()).replace(hour=20).astimezone()
        journal.urges.log_urge(UrgeDetails(at=at))
    tab = hard_dates_tab(qtbot, view)
    (card,) = tab.cards
    assert card.sentence.text() == "Around 14 February, urges have come more often in past years."
    assert [c.text() for c in card.counts] == [
        "2024: 6 urges in those seven days.",
        "2025: 6 urges in those seven days.",
    ]
    assert not tab.not_yet.isVisible()
    card.dismiss_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert tab.cards == []
    assert journal.hard_dates.suggestions().clusters == ()


def test_with_too_little_history_the_tab_says_how_much_is_needed(
    qtbot: QtBot, view: MainView
) -> None:
    tab = hard_dates_tab(qtbot, view)
    assert tab.not_yet.isVisible()
    assert "after about a year" in tab.not_yet.text()
    assert tab.cards == []


def test_a_memory_dated_to_the_day_is_picked_after_the_content_warning(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    journal.memories.add_memory(
        MemoryDetails(MemoryKind.HARM, "The night at the station", parse("2023-06-02"))
    )
    journal.memories.add_memory(MemoryDetails(MemoryKind.GOOD, "A summer", parse("summer-2022")))
    tab = hard_dates_tab(qtbot, view)
    tab.memory_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    picker = open_dialog(qtbot, tab, MemoryPickerDialog)
    assert isinstance(picker, MemoryPickerDialog)
    assert not picker.list.isVisible() and picker.show_button.hasFocus()
    assert not picker.pick_button.isEnabled()
    press(qtbot, Qt.Key.Key_Space)  # past the warning
    assert picker.list.isVisible() and picker.list.count() == 1  # the day-dated one only
    assert journal.memories.warning_passed()
    press(qtbot, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, tab, HardDateDialog)
    assert isinstance(dialog, HardDateDialog)
    assert dialog.name.text() == "The night at the station"
    assert (dialog.day.value(), dialog.month.currentData()) == (2, 6)
    dialog.reject()
    assert journal.hard_dates.marked() == []


def test_settings_leads_to_the_marked_dates(qtbot: QtBot, view: MainView) -> None:
    view.show_section(SETTINGS)
    settings = view.settings
    qtbot.mouseClick(settings.hard_dates_button, Qt.MouseButton.LeftButton)
    assert view.current_section() == URGES
    assert view.urges.currentIndex() == UrgesSection.HARD_DATES


def test_every_control_of_the_tab_and_the_form_has_a_name(
    qtbot: QtBot, view: MainView, journal: Journal
) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    journal.clocks.add_clock("Jo", date(2025, 3, 9))
    mark(journal)
    tab = hard_dates_tab(qtbot, view)
    dialog = tab.add_date()
    qtbot.waitExposed(dialog)
    for owner in (tab, dialog):
        for control in owner.findChildren(QWidget):
            if not control.isVisibleTo(owner):
                continue
            if isinstance(control, QAbstractButton):
                assert control.text() or control.accessibleName(), control
            elif isinstance(control, (QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
                if isinstance(control.parent(), (QComboBox, QAbstractSpinBox)):
                    continue  # the field's own inner editor: the field carries the name
                assert control.accessibleName(), control
    assert tab.list.accessibleName()
    dialog.reject()
