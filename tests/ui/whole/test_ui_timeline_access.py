"""The timeline by keyboard and by screen reader: the arrow keys move from memory to memory
(each move said: the item they land on takes the accessibility focus), Enter opens the
memory, the chosen one wears a focus ring you can see, and a reader finds one item per
memory, named by its title, kind and date, where it is drawn."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers.looking import Said, changed_clearly, listen
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.memories import Memory, MemoryDetails, MemoryKind
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService
from recovery_app.storage.vault import Vault
from recovery_app.ui.whole.memory_dialog import MemoryDialog
from recovery_app.ui.whole.screen import CONTENT, WholeRelationshipScreen
from recovery_app.ui.whole.timeline.layout import WEEKS
from recovery_app.ui.whole.timeline.painting import FOCUS_GAP

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
NAME = QAccessible.Text.Name


@pytest.fixture
def seeded(vault: Vault) -> tuple[MemoryService, list[Memory]]:
    memories = MemoryService(vault, now=lambda: NOW)
    made = [
        memories.add_memory(MemoryDetails(kind, title, parse(when)))
        for kind, title, when in (
            (MemoryKind.GOOD, "Picnic", "2021-07-01"),
            (MemoryKind.APOLOGY, "Flowers", "2021-07-22"),
            (MemoryKind.GOOD, "Holiday", "summer 2023"),
        )
    ]
    return memories, made


@pytest.fixture
def screen(qtbot: QtBot, vault: Vault, seeded) -> WholeRelationshipScreen:
    memories, _ = seeded
    shown = WholeRelationshipScreen(memories, ClockService(vault, now=lambda: NOW))
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=WAIT_MS)
    assert shown.pages.currentIndex() == CONTENT
    return shown


def test_a_reader_finds_one_item_per_memory_named_and_placed(screen, seeded) -> None:
    timeline = screen.timeline
    view = QAccessible.queryAccessibleInterface(timeline)
    assert view.role() == QAccessible.Role.List
    assert view.text(NAME) == "Timeline of memories"
    assert view.childCount() == 3
    names = [view.child(i).text(NAME) for i in range(3)]
    assert names == [
        "Picnic, A good moment, 1 July 2021",
        "Flowers, An apology or making up, 22 July 2021",
        "Holiday, A good moment, Summer 2023",
    ]
    for index in range(3):
        item = view.child(index)
        assert item.role() == QAccessible.Role.ListItem
        assert item.parent().object() is timeline
        assert view.indexOfChild(item) == index
        where = item.rect()
        assert QRect(timeline.viewport().mapToGlobal(timeline.viewport().rect().topLeft()),
                     timeline.viewport().size()).intersects(where)  # fmt: skip
        assert view.childAt(where.center().x(), where.center().y()).text(NAME) == names[index]
    timeline.set_zoom(WEEKS)  # zoomed in on one memory, the others are out of view
    timeline.select(seeded[1][2])
    out_of_view = [i for i in range(3) if view.child(i).state().offscreen]
    assert out_of_view and 2 not in out_of_view


def test_the_arrow_keys_move_between_memories_and_each_move_is_said(
    qtbot: QtBot, screen, seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, made = seeded
    timeline = screen.timeline
    view = QAccessible.queryAccessibleInterface(timeline)
    timeline.setFocus()
    heard = listen(monkeypatch)
    for key, expected in (
        (Qt.Key.Key_Right, 0),  # nothing chosen yet: the first
        (Qt.Key.Key_Down, 1),  # Down too: to a screen reader this is a list
        (Qt.Key.Key_End, 2),
        (Qt.Key.Key_Up, 1),
        (Qt.Key.Key_Left, 0),
    ):
        qtbot.keyClick(timeline, key)
        assert timeline.selected_memory() == made[expected]
        assert heard[-1] == Said("", focus_child=expected, source=timeline)
        focused = view.focusChild()
        assert focused is not None and focused.state().focused and focused.state().selected
        assert view.indexOfChild(focused) == expected
    assert len([s for s in heard if s.focus_child is not None]) == 5  # one for each move


def test_enter_opens_the_chosen_memory(qtbot: QtBot, screen, seeded) -> None:
    _, made = seeded
    screen.timeline.setFocus()
    qtbot.keyClick(screen.timeline, Qt.Key.Key_Home)
    qtbot.keyClick(screen.timeline, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, MemoryDialog) and screen.dialog.isVisible())
    assert isinstance(screen.dialog, MemoryDialog)
    assert screen.dialog.title.text() == made[0].details.title
    screen.dialog.reject()


def test_the_chosen_memory_wears_a_focus_ring_while_the_timeline_has_the_focus(
    qtbot: QtBot, screen, seeded
) -> None:
    _, made = seeded
    timeline = screen.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    rect = timeline.item_rect(made[0])
    assert rect is not None
    around = rect.adjusted(*(d * (FOCUS_GAP + 3) for d in (-1, -1, 1, 1)))

    def picture() -> QImage:
        QApplication.processEvents()
        image = timeline.viewport().grab(around).toImage()
        return image.convertToFormat(QImage.Format.Format_RGB32)

    focused = picture()
    screen.add_button.setFocus()
    plain = picture()
    assert changed_clearly(plain, focused) >= 2 * around.width()  # a ring, not a speck
