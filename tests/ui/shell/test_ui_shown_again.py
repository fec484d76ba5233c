"""A screen shown again reads the journal again only when something was saved meanwhile:
by another screen, the command line or the quick-log window (the journal's change marker).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers.ui_window import close_window, make_vault, open_window, unlock_with_password
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from recovery_app.domain.urges import UrgeDetails
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import (
    EXERCISES,
    SETTINGS,
    TODAY,
    UNDERSTANDING,
    URGES,
    WHOLE,
)
from recovery_app.ui.shell.window import JournalWindow


def _count_calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls: list[int] = []
    real: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _opened(qtbot: QtBot, data_dir: Path) -> tuple[JournalWindow, MainView]:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.main_view is not None
    return window, window.main_view


def _urge_from_elsewhere(window: JournalWindow) -> None:
    """Saved as the command line saves it: through the journal's service, no screen told."""
    assert window.journal is not None
    window.journal.urges.log_urge(UrgeDetails(at=datetime.now(UTC), intensity=4))


@pytest.mark.parametrize(
    ("section", "service", "method"),
    [
        (URGES, "urges", "count_urges"),
        (EXERCISES, "hunches", "figures"),
        (WHOLE, "memories", "timeline"),
        (TODAY, "clocks", "summaries"),
        (UNDERSTANDING, "readings", "cards"),
    ],
    ids=["urges", "exercises", "whole relationship", "today", "understanding"],
)
def test_shown_again_with_nothing_saved_it_reads_nothing(
    qtbot: QtBot,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    section: int,
    service: str,
    method: str,
) -> None:
    window, view = _opened(qtbot, data_dir)
    assert window.journal is not None
    calls = _count_calls(monkeypatch, getattr(window.journal, service), method)
    view.show_section(section)
    read_on_first_visit = len(calls)
    view.show_section(SETTINGS)
    view.show_section(section)
    assert len(calls) == read_on_first_visit  # nothing saved: what is shown is still true

    _urge_from_elsewhere(window)  # touches every screen's marker, whatever it counts
    view.show_section(SETTINGS)
    view.show_section(section)
    assert len(calls) == read_on_first_visit + 1
    close_window(window)


def test_today_hidden_reads_an_urge_saved_elsewhere_once_shown(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view = _opened(qtbot, data_dir)
    assert window.journal is not None
    view.show_section(URGES)
    week = _count_calls(monkeypatch, window.journal.urges, "week_comparison")
    urges = view.urges
    urges.open_quick_log()
    dialog = urges.dialog
    assert dialog is not None
    dialog.save()
    dialog.accept()  # the list is read again at once; Today, hidden, is not
    assert len(week) == 1
    view.show_section(TODAY)
    assert len(week) == 2  # shown: the urge is counted in its week
    close_window(window)


def test_coming_back_to_the_window_reads_what_the_command_line_saved(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view = _opened(qtbot, data_dir)
    assert window.journal is not None
    view.show_section(URGES)
    counted = _count_calls(monkeypatch, window.journal.urges, "count_urges")
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert counted == []  # nothing new: nothing read
    _urge_from_elsewhere(window)
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert len(counted) == 1
    assert view.urges.moments.model.total == 1
    close_window(window)
