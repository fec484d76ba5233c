"""Work for the event loop's next turn: done if its widget is still there, and never keeping
what it holds when the widget went first (PySide6's own context timer does keep it)."""

from __future__ import annotations

import gc
import weakref

from helpers.ui_window import WAIT_MS, flush_deferred_deletes
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit.next_turn import next_turn


class Held:
    """What a callback holds: a screen and what it showed."""

    def __init__(self, ran: list[str]) -> None:
        self.ran = ran

    def show(self) -> None:
        self.ran.append("shown")


def test_it_runs_on_the_next_turn_while_its_owner_is_there(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    ran: list[str] = []
    next_turn(owner, lambda: ran.append("done"))
    assert ran == []  # not at once
    qtbot.waitUntil(lambda: ran == ["done"], timeout=WAIT_MS)


def test_an_owner_gone_first_means_it_never_runs_and_nothing_is_kept(qtbot: QtBot) -> None:
    owner = QObject()
    ran: list[str] = []
    held = Held(ran)
    seen = weakref.ref(held)
    next_turn(owner, held.show)  # a bound method: what PySide's own context timer kept
    del held
    owner.deleteLater()
    flush_deferred_deletes()
    qtbot.wait(50)  # the turn comes and goes
    gc.collect()
    assert ran == []
    assert seen() is None
