"""Work off the GUI thread: the answer reaches its owner on the GUI thread, a gone owner gets
none, and once answered nothing of the job keeps its owner (a closed journal's screen)."""

from __future__ import annotations

import gc
import weakref

from helpers.ui_window import WAIT_MS, flush_deferred_deletes
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit.worker import run_in_background


class Owner(QObject):
    """A screen's stand-in: what it was shown is its own."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[object] = []


def test_the_answer_reaches_its_owner_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = Owner()
    threads: list[QThread] = []

    def arrived(value: object) -> None:
        threads.append(QThread.currentThread())
        owner.shown.append(value)

    run_in_background(lambda: "a figure", arrived, lambda _error: None, owner)
    qtbot.waitUntil(lambda: owner.shown == ["a figure"], timeout=WAIT_MS)
    assert threads == [owner.thread()]


def test_a_failure_is_answered_too(qtbot: QtBot) -> None:
    owner = Owner()

    def fails() -> None:
        raise OSError("the disk")

    run_in_background(fails, owner.shown.append, owner.shown.append, owner)
    qtbot.waitUntil(lambda: len(owner.shown) == 1, timeout=WAIT_MS)
    assert isinstance(owner.shown[0], OSError)


def test_once_answered_the_job_keeps_nothing_of_its_owner(qtbot: QtBot) -> None:
    owner = Owner()
    seen, shown = weakref.ref(owner), owner.shown
    run_in_background(lambda: 1, shown.append, shown.append, owner)
    qtbot.waitUntil(lambda: shown == [1], timeout=WAIT_MS)
    del owner
    flush_deferred_deletes()
    gc.collect()
    assert seen() is None
