"""Review made ready while Today is read: its first range counted ahead, in the loader the
screen then uses, kept only while nothing was saved since; nothing counted ahead for a
journal with nothing in it; a lock before the count answers leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    finish_background_work,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.review import ahead, loader
from recovery_app.ui.review.range_bar import DEFAULT_RANGE
from recovery_app.ui.review.screen import ReviewScreen
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import REVIEW
from recovery_app.ui.shell.window import JournalWindow


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, Any]]:
    """The ranges counted from here on, in order, as (choice, custom)."""
    ranges: list[tuple[Any, Any]] = []
    real: Callable[..., Any] = loader.load_review_data

    def counting(service: Any, choice: Any, custom: Any = None, *args: Any, **kw: Any) -> Any:
        ranges.append((choice, custom))
        return real(service, choice, custom, *args, **kw)

    monkeypatch.setattr(loader, "load_review_data", counting)
    return ranges


def _journal_with_urges(data_dir: Path) -> None:
    journal = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).create(PASSWORD)
    now = datetime.now(UTC)
    for days_ago in range(0, 60, 3):
        journal.urges.log_urge(UrgeDetails(at=now - timedelta(days=days_ago), intensity=5))
    journal.close()


def _opened(qtbot: QtBot, data_dir: Path) -> tuple[JournalWindow, MainView]:
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window, PASSWORD)
    assert window.main_view is not None
    return window, window.main_view


def _counting_ahead(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[JournalWindow, MainView, list[tuple[Any, Any]]]:
    """A journal with urges, unlocked, once the range Review opens on is being counted
    ahead; the ranges counted from the start, in order."""
    _journal_with_urges(tmp_path)
    counted = _counted(monkeypatch)
    window, main_view = _opened(qtbot, tmp_path)
    qtbot.waitUntil(lambda: counted == [DEFAULT_RANGE], timeout=WAIT_MS)
    return window, main_view, counted


def _click_review(qtbot: QtBot, main_view: MainView) -> ReviewScreen:
    sidebar = main_view.sidebar
    row = sidebar.visualItemRect(sidebar.item(REVIEW)).center()
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=row)
    screen = main_view.review
    qtbot.waitUntil(
        lambda: screen.shown_key == DEFAULT_RANGE and screen.counting.isHidden(),
        timeout=WAIT_MS,
    )
    return screen


def test_the_first_range_is_counted_ahead_and_the_visit_shows_that_count(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, main_view, counted = _counting_ahead(qtbot, tmp_path, monkeypatch)
    finish_background_work()
    assert REVIEW not in main_view._built  # counted, but the screen is not made before asked
    assert ahead.warm_charts() is False  # the charts were made ready once already

    screen = _click_review(qtbot, main_view)

    assert counted[0] == DEFAULT_RANGE
    assert DEFAULT_RANGE not in counted[1:]  # the visit used the count made ahead
    assert screen.data is not None and screen.data.review.span is not None
    assert not screen.nothing_card.isVisibleTo(screen)
    close_window(window)


def test_something_saved_after_the_count_ahead_is_counted_again_on_the_visit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, main_view, counted = _counting_ahead(qtbot, tmp_path, monkeypatch)
    finish_background_work()
    assert window.journal is not None
    window.journal.urges.log_urge(UrgeDetails(at=datetime.now(UTC), intensity=7))

    _click_review(qtbot, main_view)

    assert counted[:2] == [DEFAULT_RANGE, DEFAULT_RANGE]  # the stale count was not shown
    close_window(window)


def test_a_journal_with_nothing_in_it_counts_nothing_ahead(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(tmp_path, PASSWORD)
    counted = _counted(monkeypatch)
    window, main_view = _opened(qtbot, tmp_path)
    qtbot.waitUntil(lambda: main_view.review_ahead.looked, timeout=WAIT_MS)
    finish_background_work()
    assert counted == []
    assert main_view.review_ahead.loader is None

    screen = _click_review(qtbot, main_view)

    assert counted[:1] == [DEFAULT_RANGE]  # counted on the visit, as ever: nothing yet
    assert screen.nothing_card.isVisibleTo(screen)
    close_window(window)


def test_a_lock_while_counting_ahead_drops_the_count_with_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _main_view, _counted_ranges = _counting_ahead(qtbot, tmp_path, monkeypatch)

    window.lock()  # the count may still be running
    finish_background_work()

    assert window.main_view is None
    assert window.stack.currentWidget() is window.unlock_screen
    close_window(window)
