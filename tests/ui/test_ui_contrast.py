"""Every text on every screen reads at 4.5:1 or more, in the light and the dark look.

Measured from what is drawn (tests/helpers/contrast.py), after a person has filled the
journal a little and visited each section, the whole-relationship view's warning passed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.contrast import readings, too_faint
from helpers.ui_window import WAIT_MS, close_window, make_vault, open_window, unlock_with_password
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.journal import Journal
from recovery_app.ui.kit import theme
from recovery_app.ui.kit.theme import ThemeChoice
from recovery_app.ui.shell.window import JournalWindow


def _fill(journal: Journal) -> None:
    today = journal.clocks.today()
    sam = journal.clocks.add_clock("Sam", today - timedelta(days=40), "school pick-ups")
    journal.check_ins.save(CheckInAnswers(mood=3, no_contact=NoContactAnswer.YES, pull=6))
    for intensity in (3, 7, 5):
        journal.urges.log_urge(
            UrgeDetails(at=journal.urges.now(), intensity=intensity, outcome=UrgeOutcome.PASSED)
        )
    when = journal.memories.parse_date("summer 2021")
    for kind, title in ((MemoryKind.GOOD, "The lake trip"), (MemoryKind.HARM, "The fight")):
        journal.memories.add_memory(MemoryDetails(kind, title, when, clock_id=sam.id))
    journal.promises.add("Go for a walk")
    journal.reasons.add("I sleep again")
    assert date.today()  # the clocks above stand on the journal's own day


@pytest.fixture(params=[theme.LIGHT, theme.DARK], ids=["light", "dark"])
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[theme.Palette]:
    before = theme.current()
    yield request.param
    theme.apply(qapp, before)


def _visit_every_section(qtbot: QtBot, window: JournalWindow) -> Iterator[str]:
    view = window.main_view
    assert view is not None
    for index in range(view.sidebar.count()):
        view.sidebar.setCurrentRow(index)
        qtbot.wait(50)
        for button in window.findChildren(QPushButton):
            if button.isVisible() and button.text().replace("&", "").startswith("Show the whole"):
                button.click()  # the content warning, passed as a person would
                qtbot.wait(50)
        yield view.titles[index]


def test_every_text_on_every_screen_reads_at_4_5_to_1(
    qtbot: QtBot, data_dir: Path, qapp: QApplication, look: theme.Palette
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.journal is not None
    _fill(window.journal)
    view = window.main_view
    assert view is not None
    choice = ThemeChoice.DARK if look.dark else ThemeChoice.LIGHT
    view.show_section(view.sidebar.count() - 1)  # Settings: the look, chosen as a person would
    view.settings.theme_choices[choice].click()
    assert theme.current() is look
    window.resize(1100, 760)
    faint: dict[str, list[str]] = {}
    measured = 0
    for section in _visit_every_section(qtbot, window):
        view = window.main_view
        assert view is not None
        screen = view.section(view.current_section())
        refresh = getattr(screen, "refresh", None)
        if callable(refresh):
            refresh()
        qtbot.waitUntil(lambda: window.isVisible(), timeout=WAIT_MS)
        measured += len(readings(window))
        low = [f"{r.where}: {r.ratio}:1 ({r.ink} on {r.background})" for r in too_faint(window)]
        if low:
            faint[section] = low
    assert measured > 60  # the texts were really found and measured
    assert faint == {}
    close_window(window)


def test_the_measure_finds_faint_text_and_passes_clear_text(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    window.setStyleSheet("QWidget { background: #ffffff; }")
    column = QVBoxLayout(window)
    clear = QLabel("Clear words")
    clear.setStyleSheet("color: #24323a;")
    faint = QLabel("Faint words")
    faint.setStyleSheet("color: #d8d8d8;")
    hint = QLineEdit()
    hint.setPlaceholderText("a faint placeholder")
    hint.setStyleSheet("QLineEdit { placeholder-text-color: #e0e0e0; border: none; }")
    for widget in (clear, faint, hint):
        column.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    low = {r.where for r in too_faint(window)}
    assert low == {"QLabel 'Faint words'", "QLineEdit 'a faint placeholder'"}
    assert any(r.where == "QLabel 'Clear words'" and r.ratio > 7 for r in readings(window))
