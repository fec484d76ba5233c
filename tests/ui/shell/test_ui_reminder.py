"""The optional daily reminder: off until turned on in Settings, neutral, once a day."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from helpers.ui_window import (
    click_checkbox,
    close_window,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from recovery_app.ui.settings.screen import SettingsScreen
from recovery_app.ui.shell.sections import SETTINGS
from recovery_app.ui.shell.window import JournalWindow

# build_window(tray_available=True) changes an application-wide setting.
pytestmark = pytest.mark.usefixtures("restore_quit_on_last_window_closed")


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    from recovery_app.ui.shell.tray import TrayIcon

    monkeypatch.setattr(
        TrayIcon, "showMessage", lambda self, title, text, *a: shown.append((title, text))
    )
    return shown


def _settings(window: JournalWindow) -> SettingsScreen:
    assert window.main_view is not None
    window.main_view.show_section(SETTINGS)
    screen = window.main_view.pages.currentWidget()
    assert isinstance(screen, SettingsScreen)
    return screen


def test_the_reminder_is_off_until_turned_on(qtbot: QtBot, data_dir, shown_messages) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=True)
    unlock_with_password(qtbot, window)
    settings = _settings(window)
    assert not settings.reminder.isChecked()
    assert not settings.reminder_time.isEnabled()
    assert window.reminder is not None
    assert not window.reminder.check(datetime(2026, 11, 23, 21, 0))
    assert shown_messages == []
    close_window(window)


def test_turned_on_it_reminds_once_a_day_with_neutral_words_even_locked(
    qtbot: QtBot, data_dir, shown_messages
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=True)
    unlock_with_password(qtbot, window)
    settings = _settings(window)
    click_checkbox(qtbot, settings.reminder)
    assert settings.reminder_time.isEnabled()
    settings.reminder_time.setFocus()
    settings.reminder_time.setTime(QTime(19, 30))
    assert window.preferences.reminder_enabled
    assert window.preferences.reminder_time == time(19, 30)

    window.lock()
    assert window.reminder is not None
    assert not window.reminder.check(datetime(2026, 11, 23, 19, 29))
    assert window.reminder.check(datetime(2026, 11, 23, 19, 30))
    assert not window.reminder.check(datetime(2026, 11, 23, 22, 0))
    assert window.reminder.check(datetime(2026, 11, 24, 19, 45))
    assert shown_messages == [("Journal", "Time for your journal")] * 2
    close_window(window)


def test_without_a_tray_the_reminder_says_why_it_cannot_be_turned_on(
    qtbot: QtBot, data_dir
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir, tray_available=False)
    unlock_with_password(qtbot, window)
    settings = _settings(window)
    assert not settings.reminder.isEnabled()
    assert "tray icon" in settings.reminder_note.text()
    close_window(window)


def test_a_marked_date_near_changes_the_words_never_to_its_name(
    qtbot: QtBot, data_dir, shown_messages
) -> None:
    from datetime import date, timedelta

    from conftest import CHEAP_KDF, PASSWORD

    from recovery_app.domain.marked_dates import HardDateDetails
    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths

    make_vault(data_dir)
    journal = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).unlock(PASSWORD)
    soon = date.today() + timedelta(days=3)
    journal.hard_dates.add(HardDateDetails("Their wedding day", soon.month, soon.day))
    journal.close()
    window = open_window(qtbot, data_dir, tray_available=True)
    unlock_with_password(qtbot, window)
    window.preferences.reminder_enabled = True
    window.preferences.reminder_time = time(19, 30)
    assert window.reminder is not None
    today = datetime.combine(date.today(), time(19, 31))
    assert window.reminder.check(today)
    window.lock()
    assert window.reminder.check(today + timedelta(days=1))
    assert shown_messages == [
        ("Journal", "A day you marked is coming up."),
        ("Journal", "Time for your journal"),  # locked: nothing of the journal is read
    ]
    assert not any("wedding" in text for _, text in shown_messages)
    close_window(window)
