"""From a craving to the whole picture: "What am I remembering?" from the ride-the-wave guide
and from an urge's form finds (or adds) the good moment and opens the view centred on it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers.journal import journal_over, navigation_for
from helpers.whole import go_on
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.urges import UrgeService
from recovery_app.ui.urges.urge_dialog import UrgeDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog
from recovery_app.ui.whole.remembering import RememberingDialog, WholeViewDialog
from recovery_app.ui.whole.screen import CONTENT, WARNING

NOW = datetime(2026, 11, 30, 20, tzinfo=UTC)


@pytest.fixture
def memories(vault) -> MemoryService:
    service = MemoryService(vault, now=lambda: NOW)
    service.add_memory(MemoryDetails(MemoryKind.GOOD, "The lake trip", parse("summer 2021")))
    service.add_memory(MemoryDetails(MemoryKind.HARM, "The fight after", parse("2021-07-15")))
    service.add_memory(MemoryDetails(MemoryKind.GOOD, "Dinner out", parse("2022-03")))
    return service


@pytest.fixture
def clocks(vault) -> ClockService:
    return ClockService(vault, now=lambda: NOW)


def shown(qtbot: QtBot, kind: type) -> object:
    found: list[object] = []

    def visible() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if type(w) is kind and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible)
    return found[-1]


def the_guide(qtbot: QtBot, vault, memories, clocks) -> RideTheWaveDialog:
    dialog = RideTheWaveDialog(
        UrgeService(vault, now=lambda: NOW),
        ReasonService(vault),
        SupportPeopleService(vault),
        LetterService(vault),
        navigation=navigation_for(journal_over(vault, lambda: NOW)),
        now=lambda: NOW,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_from_the_guide_a_remembered_moment_is_found_and_shown_whole(
    qtbot: QtBot, vault, memories: MemoryService, clocks: ClockService
) -> None:
    guide = the_guide(qtbot, vault, memories, clocks)
    panel = guide.companions
    panel.setCurrentIndex(panel.MEMORY)
    qtbot.mouseClick(panel.remembering_button, Qt.MouseButton.LeftButton)
    asking = shown(qtbot, RememberingDialog)
    assert isinstance(asking, RememberingDialog)
    assert asking.matches.count() == 2  # every good moment, before anything is typed
    qtbot.keyClicks(asking.words, "lake")
    assert asking.matches.count() == 1
    assert asking.matches.currentItem() is None  # nothing chosen for the person
    qtbot.keyClick(asking.words, Qt.Key.Key_Return)
    assert asking.isVisible() and not asking.show_button.isEnabled()  # Enter opened nothing
    qtbot.keyClick(asking.words, Qt.Key.Key_Down)  # into the list, onto the one match
    assert asking.matches.currentRow() == 0 and asking.show_button.isEnabled()
    qtbot.keyClick(asking.matches, Qt.Key.Key_Return)
    view = shown(qtbot, WholeViewDialog)
    assert isinstance(view, WholeViewDialog)
    screen = view.view
    assert screen.pages.currentIndex() == WARNING  # the content warning still comes first
    go_on(qtbot, screen)
    assert screen.pages.currentIndex() == CONTENT
    chosen = screen.timeline.selected_memory()
    assert chosen is not None and chosen.details.title == "The lake trip"
    assert [screen.around_panel.around.item(0).text()] == ["15 July 2021 · The fight after"]
    view.back_button.click()
    assert guide.isVisible()  # the guide waits underneath, as it was


def test_a_memory_not_noted_yet_is_added_with_a_rough_date(
    qtbot: QtBot, vault, memories: MemoryService, clocks: ClockService
) -> None:
    guide = the_guide(qtbot, vault, memories, clocks)
    guide.open_remembering()
    asking = shown(qtbot, RememberingDialog)
    assert isinstance(asking, RememberingDialog)
    qtbot.keyClicks(asking.words, "Our first flat")
    assert asking.matches.count() == 0 and asking.nothing.isVisible()
    assert not asking.show_button.isEnabled()
    qtbot.keyClicks(asking.when, "someday")
    asking.add_button.click()
    assert "wasn't understood" in asking.message.text()
    assert asking.isVisible() and asking.words.text() == "Our first flat"  # nothing lost
    asking.when.setText("2019")
    asking.add_button.click()
    view = shown(qtbot, WholeViewDialog)
    assert isinstance(view, WholeViewDialog)
    added = [m for m in memories.list_memories() if m.details.title == "Our first flat"]
    assert len(added) == 1 and added[0].kind is MemoryKind.GOOD
    go_on(qtbot, view.view)
    assert view.view.timeline.selected_memory() == added[0]


def test_the_urge_form_offers_it_only_when_memories_are_at_hand(
    qtbot: QtBot, vault, memories: MemoryService, clocks: ClockService
) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=7))
    plain = UrgeDialog(urges, saved=saved)
    qtbot.addWidget(plain)
    assert plain.remembering_button is None
    form = UrgeDialog(urges, navigation_for(journal_over(vault, lambda: NOW)), saved=saved)
    qtbot.addWidget(form)
    form.show()
    assert form.remembering_button is not None
    qtbot.mouseClick(form.remembering_button, Qt.MouseButton.LeftButton)
    asking = shown(qtbot, RememberingDialog)
    assert isinstance(asking, RememberingDialog)
    asking.close_button.click()
    assert form.isVisible()


def test_the_guide_without_memories_hides_the_step(qtbot: QtBot, vault) -> None:
    dialog = RideTheWaveDialog(
        UrgeService(vault, now=lambda: NOW),
        ReasonService(vault),
        SupportPeopleService(vault),
        LetterService(vault),
        now=lambda: NOW,
    )
    qtbot.addWidget(dialog)
    assert not dialog.companions.isTabVisible(dialog.companions.MEMORY)
