"""Automatic backups in the window: after unlock, hourly, at a normal quit when the last one
is over an hour old (never for long), and never at quick exit or auto-lock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_dialogs import click
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    make_vault,
    open_window_with_service,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from recovery_app.domain.backups import Trigger
from recovery_app.services.backups import BackupService
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.shell import backup_schedule
from recovery_app.ui.shell.window import JournalWindow


class JournalClock:
    """The journal's own clock (what its services read as now), moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _reasons(data_dir: Path) -> list[str]:
    """The backups' reasons, newest first."""
    return [b.manifest.reason for b in list_backups(VaultPaths(data_dir).backups_dir)]


def _window(qtbot: QtBot, data_dir: Path, clock: JournalClock, **options: object) -> JournalWindow:
    make_vault(data_dir)
    service = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF, now=clock)
    window = open_window_with_service(qtbot, service, **options)
    unlock_with_password(qtbot, window)
    qtbot.waitUntil(lambda: _reasons(data_dir) == ["unlock"], timeout=WAIT_MS)
    schedule = window.backup_schedule
    assert schedule is not None
    qtbot.waitUntil(lambda: not schedule.running, timeout=WAIT_MS)
    return window


@pytest.fixture
def clock() -> JournalClock:
    return JournalClock()


@pytest.fixture
def slow_quit_backup(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The backup at quit waits until the returned event is set (or it is stopped)."""
    release = threading.Event()
    original = BackupService.run

    def slow(self: BackupService, trigger: Trigger, cancel=None):  # type: ignore[no-untyped-def]
        if trigger is Trigger.QUIT:
            while not release.wait(0.02):
                if cancel is not None and cancel():
                    break
        return original(self, trigger, cancel)

    monkeypatch.setattr(BackupService, "run", slow)
    yield release
    release.set()


def test_a_backup_is_made_once_the_journal_is_open(qtbot: QtBot, data_dir: Path, clock) -> None:
    window = _window(qtbot, data_dir, clock)
    assert window.journal is not None  # made in the background, the journal open meanwhile
    close_window(window)


def test_another_comes_each_hour_while_it_stays_open(qtbot: QtBot, data_dir: Path, clock) -> None:
    window = _window(qtbot, data_dir, clock, backup_every_ms=100)
    qtbot.wait(300)  # the timer fires, but an hour hasn't passed
    assert _reasons(data_dir) == ["unlock"]
    clock.advance(minutes=61)
    qtbot.waitUntil(lambda: _reasons(data_dir) == ["hourly", "unlock"], timeout=WAIT_MS)
    close_window(window)


def test_a_normal_quit_backs_up_when_the_last_is_over_an_hour_old(
    qtbot: QtBot, data_dir: Path, clock
) -> None:
    window = _window(qtbot, data_dir, clock)
    clock.advance(hours=2)
    opened = window.journal
    assert opened is not None

    assert not window.close()  # put off for the backup
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)
    assert _reasons(data_dir) == ["quit", "unlock"]
    assert not opened.is_open and not window.isVisible()


def test_a_quit_soon_after_a_backup_makes_none(qtbot: QtBot, data_dir: Path, clock) -> None:
    window = _window(qtbot, data_dir, clock)
    clock.advance(minutes=20)
    window.close()
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)
    assert _reasons(data_dir) == ["unlock"]


def test_a_slow_backup_at_quit_says_so_and_close_now_closes_at_once(
    qtbot: QtBot, data_dir: Path, clock, slow_quit_backup
) -> None:
    window = _window(qtbot, data_dir, clock)
    clock.advance(hours=2)
    window.close()
    tasks = window.tasks
    qtbot.waitUntil(lambda: window.stack.currentWidget() is tasks.busy_page, timeout=WAIT_MS)
    page = window.stack.currentWidget()
    assert page.title.text() == "Backing up before closing…"
    assert window.main_view is not None and not window.main_view.isVisible()  # nothing shows

    click(qtbot, page, "Close now")

    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)
    assert not window.isVisible()
    qtbot.wait(100)  # the stopped backup leaves nothing behind
    assert _reasons(data_dir) == ["unlock"]
    assert not any(p.name.startswith(".") for p in VaultPaths(data_dir).backups_dir.iterdir())


def test_a_quit_never_waits_long_for_its_backup(
    qtbot: QtBot, data_dir: Path, clock, slow_quit_backup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_schedule, "QUIT_LIMIT_MS", 800)
    window = _window(qtbot, data_dir, clock)
    clock.advance(hours=2)
    window.close()
    qtbot.waitUntil(lambda: window.journal is None, timeout=3000)  # nobody clicked anything
    assert _reasons(data_dir) == ["unlock"]


def test_quick_exit_makes_no_backup_and_waits_for_none(
    qtbot: QtBot, data_dir: Path, clock, slow_quit_backup
) -> None:
    window = _window(qtbot, data_dir, clock)
    clock.advance(hours=2)
    button = window.toolbar.widgetForAction(window.quick_exit_action)
    assert isinstance(button, QToolButton)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert window.journal is None  # at once, not after a backup
    assert window.isHidden()
    qtbot.wait(200)
    assert _reasons(data_dir) == ["unlock"]


def test_quick_exit_while_quitting_stops_the_backup_and_closes(
    qtbot: QtBot, data_dir: Path, clock, slow_quit_backup
) -> None:
    window = _window(qtbot, data_dir, clock)
    clock.advance(hours=2)
    window.close()  # the backup before closing starts, and is slow
    assert window.journal is not None
    window.quick_exit()
    assert window.journal is None
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    qtbot.wait(100)
    assert _reasons(data_dir) == ["unlock"]


def test_auto_lock_makes_no_backup(qtbot: QtBot, data_dir: Path, clock) -> None:
    window = _window(qtbot, data_dir, clock)
    clock.advance(hours=2)
    window.safety.set_idle_milliseconds(150)
    qtbot.waitUntil(lambda: window.journal is None, timeout=WAIT_MS)
    qtbot.wait(200)
    assert _reasons(data_dir) == ["unlock"]
    close_window(window)


def test_no_backup_is_made_of_a_journal_that_fails_its_check(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.services.errors import VaultDamaged
    from recovery_app.services.journal import Journal

    checked: list[bool] = []

    def damaged(_self: Journal) -> None:
        checked.append(True)
        raise VaultDamaged()

    monkeypatch.setattr(Journal, "check_integrity", damaged)
    make_vault(data_dir)
    service = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)
    window = open_window_with_service(qtbot, service)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.keyClicks(window.unlock_screen.password, PASSWORD)
    qtbot.keyClick(window.unlock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(checked) and window.journal is None, timeout=WAIT_MS)
    qtbot.wait(200)
    assert _reasons(data_dir) == []
    assert "damaged" in window.unlock_screen.message.text()
    assert window.unlock_screen.restore_button.isVisible()  # the way the words point to
    close_window(window)
