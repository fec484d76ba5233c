"""What background work freed goes back to the system once the last job has answered and the
app has been quiet a moment: once for several answers in a row, never while work still runs."""

from __future__ import annotations

import platform
import threading

import pytest
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit import free_memory
from recovery_app.ui.kit.free_memory import QUIET_MS, give_back_free_memory
from recovery_app.ui.kit.worker import run_in_background


@pytest.fixture
def trims(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every call of the C library's trim, counted instead of made."""
    calls: list[int] = []

    def trim(pad: int) -> int:
        calls.append(pad)
        return 1

    monkeypatch.setattr(free_memory, "_trim", trim)
    monkeypatch.setattr(free_memory, "_looked", True)
    return calls


def test_after_the_last_answer_and_a_quiet_moment_the_memory_goes_back(
    qtbot: QtBot, trims: list[int]
) -> None:
    owner = QObject()
    answers: list[object] = []
    run_in_background(lambda: "counted", answers.append, answers.append, owner)
    qtbot.waitUntil(lambda: answers == ["counted"], timeout=WAIT_MS)
    assert trims == []  # not inside the answer's own frame
    qtbot.waitUntil(lambda: trims == [0], timeout=WAIT_MS)


def test_answers_in_a_row_give_back_once(qtbot: QtBot, trims: list[int]) -> None:
    owner = QObject()
    answers: list[object] = []
    for n in range(3):
        run_in_background(lambda n=n: n, answers.append, answers.append, owner)
        qtbot.waitUntil(lambda n=n: len(answers) == n + 1, timeout=WAIT_MS)
    qtbot.wait(QUIET_MS * 3)
    assert trims == [0]


def test_nothing_goes_back_while_work_still_runs(qtbot: QtBot, trims: list[int]) -> None:
    owner = QObject()
    answers: list[object] = []
    go_on = threading.Event()
    run_in_background(lambda: go_on.wait(WAIT_MS / 1000), answers.append, answers.append, owner)
    free_memory.give_back_soon(lambda: not go_on.is_set())  # as if another job had answered
    qtbot.wait(QUIET_MS * 2)
    assert trims == []
    go_on.set()
    qtbot.waitUntil(lambda: answers == [True], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: trims == [0], timeout=WAIT_MS)


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's; elsewhere the allocator returns memory on its own",
)
def test_on_glibc_the_free_pages_are_handed_back() -> None:
    assert give_back_free_memory() is True
