"""What changes without the focus moving is said aloud (ui/kit/announce.py): an undo
offered, a save acknowledged (a message line's new words), the memory the whole view opens
on, the guide's minute check and its end. Caught on their way to Qt's accessibility.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from helpers.journal import journal_over, navigation_for
from helpers.looking import Said, listen
from helpers.tour import FakeClock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.texts import guide_texts
from recovery_app.services.urges import UrgeService
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.urges.screen import UrgesScreen
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog
from recovery_app.ui.whole.remembering import WholeViewDialog, ask_what_i_remember

NOW = datetime(2026, 11, 30, 20, tzinfo=UTC)


def on_screen(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def texts(heard: list[Said]) -> list[str]:
    return [s.text for s in heard if s.text]


def test_a_message_line_says_each_new_line_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard = listen(monkeypatch)
    host = QWidget()
    note, problem = MessageLine(note=True, parent=host), MessageLine(parent=host)
    on_screen(qtbot, host)
    note.say("Saved for later.")
    note.say("Saved for later.")  # still on screen: not said twice
    problem.say("The journal is full; nothing was lost.")
    note.say("")
    note.say("Five seconds left.", aloud=False)
    assert heard == [
        Said("Saved for later.", urgent=False, source=note),
        Said("The journal is full; nothing was lost.", urgent=True, source=problem),
    ]


def test_deleting_an_urge_offers_undo_aloud(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault: Vault
) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    for hours in (1, 5):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=hours), intensity=6))
    screen = UrgesScreen(urges, navigation_for(journal_over(vault, lambda: NOW)))
    screen.resize(960, 640)
    on_screen(qtbot, screen)
    heard = listen(monkeypatch)
    screen.select_urge(urges.list_urges()[0].id)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert "Urge deleted. Undo is available." in texts(heard)
    assert QApplication.focusWidget() is screen.table  # the focus stayed: hence the words


def test_the_guide_says_its_minute_check_and_its_end(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault: Vault
) -> None:
    clock = FakeClock()
    guide = RideTheWaveDialog(
        UrgeService(vault, now=lambda: NOW),
        ReasonService(vault),
        SupportPeopleService(vault),
        LetterService(vault),
        clock=clock,
        now=lambda: NOW,
    )
    guide.minutes.setValue(2)
    on_screen(qtbot, guide)
    heard = listen(monkeypatch)
    qtbot.mouseClick(guide.start_button, Qt.MouseButton.LeftButton)
    clock.now += 30
    guide.tick()
    assert texts(heard) == []
    clock.now += 31  # a minute in: the check comes up by itself
    guide.tick()
    guide.tick()
    assert texts(heard) == [guide_texts().check]
    qtbot.mouseClick(guide.check_answer, Qt.MouseButton.LeftButton)
    clock.now += 61
    guide.tick()
    clock.now += 60  # the timer is up
    guide.tick()
    assert texts(heard)[-1] == guide_texts().time_up
    guide.reject()


def test_the_whole_view_says_it_opened_on_the_memory_chosen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault: Vault
) -> None:
    memories = MemoryService(vault, now=lambda: NOW)
    memories.add_memory(MemoryDetails(MemoryKind.GOOD, "Dinner out", parse("2022-03")))
    lake = memories.add_memory(MemoryDetails(MemoryKind.GOOD, "The lake trip", parse("2021")))
    parent = QWidget()
    on_screen(qtbot, parent)
    heard = listen(monkeypatch)
    asking = ask_what_i_remember(parent, memories, ClockService(vault, now=lambda: NOW))
    qtbot.waitUntil(asking.isActiveWindow)
    qtbot.keyClicks(asking.words, "lake")
    qtbot.keyClick(asking.words, Qt.Key.Key_Down)  # into the list, onto the one match
    qtbot.keyClick(asking.matches, Qt.Key.Key_Return)

    def the_view() -> WholeViewDialog | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, WholeViewDialog)]
        return next((w for w in shown if w.isVisible()), None)

    qtbot.waitUntil(lambda: the_view() is not None)
    qtbot.waitUntil(lambda: bool(texts(heard)))
    view = the_view()
    assert view is not None
    assert texts(heard) == ["The memory you chose is shown, with what happened around it."]
    timeline = view.view.timeline
    qtbot.waitUntil(timeline.hasFocus)
    place = timeline.index_of(lake)
    assert Said("", focus_child=place, source=timeline) in heard  # then the memory is read
    view.close()


def test_the_quick_log_says_its_note_was_saved(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault: Vault
) -> None:
    from recovery_app.ui.urges.quick_log import QuickLogDialog

    dialog = QuickLogDialog(now=lambda: NOW)
    dialog.set_urges(UrgeService(vault, now=lambda: NOW))
    on_screen(qtbot, dialog)
    heard = listen(monkeypatch)
    qtbot.keyClick(dialog, Qt.Key.Key_7)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.page() == QuickLogDialog.DONE)
    noted = f"Noted at {NOW.astimezone():%H:%M}. It took courage to notice it."
    assert texts(heard) == [noted]
    assert QApplication.focusWidget() is dialog.ride_button  # read: the offer, not the note
