"""Settings → My data: export (the unencrypted-file warning first, Cancel, a quick exit
midway) and import (what would be added first, then a safety backup, then the entries)."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_dialogs import answer_question, choose_in_file_dialog
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    finish_background_work,
    focused,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.my_data_records import ExportFormat
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import export_writer
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.settings.my_data_panel import MyDataPanel
from recovery_app.ui.shell.window import JournalWindow


@pytest.fixture
def unlocked(qtbot: QtBot, data_dir: Path) -> JournalWindow:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.journal is not None
    window.journal.clocks.add_clock("Sam", date(2026, 1, 5))
    return window


def _my_data(qtbot: QtBot, window: JournalWindow) -> MyDataPanel:
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view is not None
    return window.main_view.settings.my_data


def _partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.fixture
def slow_export(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The export stalls after its first row until it is told to stop (or 5 s pass); the
    returned event is set once it has begun writing."""
    started = threading.Event()
    original = export_writer.rows_of

    def stalling(conn, table, uids, cancel):  # type: ignore[no-untyped-def]
        for row in original(conn, table, uids, cancel):
            started.set()
            deadline = time.monotonic() + 5
            while cancel is not None and not cancel() and time.monotonic() < deadline:
                time.sleep(0.01)
            yield row

    monkeypatch.setattr(export_writer, "rows_of", stalling)
    return started


@pytest.mark.parametrize(
    ("button", "name"), [("export_json", "mine.json"), ("export_csv", "mine.zip")]
)
def test_export_says_first_that_the_file_wont_be_encrypted(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path, button: str, name: str
) -> None:
    panel = _my_data(qtbot, unlocked)
    qtbot.mouseClick(getattr(panel, button), Qt.MouseButton.LeftButton)
    question = answer_question(qtbot, "Choose where to save…")
    assert question.windowTitle() == "This file won't be encrypted"
    assert question.text() == "The exported file won't be encrypted."
    assert "Anyone who can open it can read everything" in question.informativeText()
    target = tmp_path / name
    choose_in_file_dialog(qtbot, target)

    qtbot.waitUntil(lambda: panel.note.text().startswith(f"Saved to {target} ("), timeout=WAIT_MS)
    assert "It isn't encrypted" in panel.note.text()
    assert target.stat().st_size > 0 and _partials(tmp_path) == []
    if name.endswith(".json"):
        document = json.loads(target.read_text(encoding="utf-8"))
        assert document["format"] == "journal-export"
        assert [c["name"] for c in document["tables"]["clock"]] == ["Sam"]
    close_window(unlocked)


def test_cancel_at_the_warning_writes_nothing(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path
) -> None:
    panel = _my_data(qtbot, unlocked)
    before = sorted(tmp_path.iterdir())
    qtbot.mouseClick(panel.export_json, Qt.MouseButton.LeftButton)
    answer_question(qtbot, "Cancel")
    qtbot.wait(100)
    assert not panel.busy.isVisible()
    assert sorted(tmp_path.iterdir()) == before
    close_window(unlocked)


def test_an_export_under_way_stops_with_cancel(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path, slow_export: threading.Event
) -> None:
    panel = _my_data(qtbot, unlocked)
    target = tmp_path / "mine.json"
    qtbot.mouseClick(panel.export_json, Qt.MouseButton.LeftButton)
    answer_question(qtbot, "Choose where to save…")
    choose_in_file_dialog(qtbot, target)
    qtbot.waitUntil(slow_export.is_set, timeout=WAIT_MS)
    assert panel.busy.isVisible() and panel.busy_words.text() == "Exporting…"
    assert len(_partials(tmp_path)) == 1  # written under a temporary name meanwhile
    assert not panel.export_json.isEnabled()

    qtbot.mouseClick(panel.cancel_export, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: panel.note.text().startswith("Stopped."), timeout=WAIT_MS)
    assert panel.note.text() == "Stopped. Nothing was saved, and no half-written file was left."
    assert not target.exists() and _partials(tmp_path) == []
    assert panel.export_json.isEnabled() and not panel.busy.isVisible()
    close_window(unlocked)


def test_a_quick_exit_mid_export_stops_it_and_removes_the_partial_file(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path, slow_export: threading.Event
) -> None:
    panel = _my_data(qtbot, unlocked)
    target = tmp_path / "mine.json"
    qtbot.mouseClick(panel.export_json, Qt.MouseButton.LeftButton)
    answer_question(qtbot, "Choose where to save…")
    choose_in_file_dialog(qtbot, target)
    qtbot.waitUntil(slow_export.is_set, timeout=WAIT_MS)
    assert len(_partials(tmp_path)) == 1
    button = unlocked.toolbar.widgetForAction(unlocked.quick_exit_action)
    assert isinstance(button, QToolButton)

    started_at = time.monotonic()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert unlocked.journal is None and unlocked.isHidden()
    assert time.monotonic() - started_at < 1.0  # it locked at once, not after the export
    finish_background_work()
    assert not target.exists()
    assert _partials(tmp_path) == []
    close_window(unlocked)


def _their_export(tmp_path: Path, mine: Path) -> Path:
    """Another journal that holds what `mine` holds, plus Robin's clock and an urge."""
    door = VaultService(VaultPaths(tmp_path / "other"), KeyringSecretStore(), CHEAP_KDF)
    other = door.create(PASSWORD)
    other.imports.import_document(mine)
    other.clocks.add_clock("Robin", date(2026, 2, 1))
    other.urges.log_urge(UrgeDetails(at=other.urges.now(), intensity=6))
    theirs = tmp_path / "theirs.json"
    other.exports.export(theirs)
    other.close()
    return theirs


def test_import_shows_what_would_be_added_then_brings_it_in(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path, data_dir: Path
) -> None:
    journal = unlocked.journal
    assert journal is not None
    mine = tmp_path / "mine.json"
    journal.exports.export(mine)
    theirs = _their_export(tmp_path, mine)
    panel = _my_data(qtbot, unlocked)
    main_view = unlocked.main_view
    assert main_view is not None
    today_before = main_view.today

    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    choose_in_file_dialog(qtbot, theirs)
    question = answer_question(qtbot, "Bring them in")

    assert question.text() == "1 clock, 1 urge would be added; 1 is already here."
    assert "A backup of your journal is made first" in question.informativeText()
    qtbot.waitUntil(lambda: panel.note.text().startswith("Added"), timeout=WAIT_MS)
    assert panel.note.text() == (
        "Added 1 clock, 1 urge. 1 was already here and kept as is. A backup from just before "
        "is kept."
    )
    assert sorted(c.name for c in journal.clocks.list_clocks()) == ["Robin", "Sam"]
    reasons = [b.manifest.reason for b in list_backups(VaultPaths(data_dir).backups_dir)]
    assert "before-import" in reasons
    assert main_view.today is not today_before  # built afresh: it shows the new entries
    assert len(main_view.today.summaries) == 2
    close_window(unlocked)


def test_a_file_that_isnt_an_export_is_refused_and_nothing_changes(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text('{"shopping": ["bread"]}', encoding="utf-8")
    panel = _my_data(qtbot, unlocked)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    choose_in_file_dialog(qtbot, notes)
    qtbot.waitUntil(panel.message.isVisible, timeout=WAIT_MS)
    assert panel.message.text() == "That file isn't an export from this app. Nothing was changed."
    assert unlocked.journal is not None
    assert [c.name for c in unlocked.journal.clocks.list_clocks()] == ["Sam"]
    close_window(unlocked)


def test_an_export_from_a_newer_version_is_refused_in_one_line(
    qtbot: QtBot, unlocked: JournalWindow, tmp_path: Path
) -> None:
    assert unlocked.journal is not None
    document = tmp_path / "from-a-newer-app.json"
    unlocked.journal.exports.export(document, ExportFormat.JSON)
    doc = json.loads(document.read_text(encoding="utf-8"))
    document.write_text(json.dumps({**doc, "version": doc["version"] + 1}), encoding="utf-8")
    panel = _my_data(qtbot, unlocked)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    choose_in_file_dialog(qtbot, document)
    qtbot.waitUntil(panel.message.isVisible, timeout=WAIT_MS)
    assert panel.message.text() == (
        "That was made by a newer version of the app. Please update the app to use it. "
        "Nothing was changed."
    )
    backups_dir = VaultPaths(unlocked.service.data_dir).backups_dir
    reasons = [b.manifest.reason for b in list_backups(backups_dir)]
    assert "before-import" not in reasons  # refused before any copy was made
    close_window(unlocked)
