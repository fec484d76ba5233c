"""Restore in the window: from Settings → Backups, and from the unlock and first-run screens
(a journal damaged, lost, or on another computer), with the preview, the password (or the
older one), the confirmation, and the journal opening again."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_dialogs import answer_question, choose_in_file_dialog, click, click_row, wait_for
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    finish_background_work,
    focused,
    make_vault,
    open_window,
    unlock_with_password,
    wait_for_unlock_screen_ready,
)
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.services.rekey import RekeyService
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.backup_store import list_backups
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.settings.restore_dialog import RestoreDialog
from recovery_app.ui.shell.sections import SETTINGS
from recovery_app.ui.shell.window import JournalWindow

NEW_PASSWORD = "lantern orchard seventeen"


def _door(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)


def _backed_up_with_sam_then_robin(data_dir: Path) -> Path:
    """A journal whose backup holds Sam's clock; Robin's was added after. The backup's path."""
    make_vault(data_dir)
    journal = _door(data_dir).unlock(PASSWORD)
    journal.clocks.add_clock("Sam", date(2026, 1, 5))
    made = journal.backups.back_up_now().made
    assert made is not None
    journal.clocks.add_clock("Robin", date(2026, 2, 1))
    journal.close()
    return made.path


def _clock_names(window: JournalWindow) -> list[str]:
    assert window.journal is not None
    return sorted(c.name for c in window.journal.clocks.list_clocks())


def _type_password(
    qtbot: QtBot, dialog: RestoreDialog, password: str, *, older: bool = False
) -> None:
    field = dialog.older_password if older else dialog.password
    field.setFocus()
    qtbot.keyClicks(field, password)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _restore_and_wait(qtbot: QtBot, window: JournalWindow, dialog: RestoreDialog) -> str:
    """Restore from the preview page; the question's words."""
    qtbot.waitUntil(lambda: dialog.page() == RestoreDialog.PREVIEW, timeout=WAIT_MS)
    before = window.journal
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    question = answer_question(qtbot, "Restore").text()
    qtbot.waitUntil(lambda: window.journal not in (None, before), timeout=WAIT_MS)
    return question


def test_restore_a_backup_chosen_in_settings(qtbot: QtBot, data_dir: Path) -> None:
    _backed_up_with_sam_then_robin(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert _clock_names(window) == ["Robin", "Sam"]
    qtbot.keyClick(focused(window), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.main_view is not None
    panel = window.main_view.settings.backups
    # The backup made by hand a moment ago is the only one (the unlock's waits an hour).
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    assert not panel.restore_button.isEnabled()
    click_row(qtbot, panel.table, 0)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)

    dialog = wait_for(qtbot, RestoreDialog)
    assert dialog.page() == RestoreDialog.PASSWORD
    assert "made by you" in dialog.chosen_line.text()
    _type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.page() == RestoreDialog.PREVIEW, timeout=WAIT_MS)
    shown = dialog.preview.text_shown().splitlines()
    assert shown[:2] == ["This backup", "Your journal now"]
    assert "Clocks" in shown and shown[shown.index("Clocks") + 1 : shown.index("Clocks") + 3] == [
        "1",
        "2",
    ]
    assert "1 January" not in shown  # entries from 5 January: the clock's own day is not one
    assert not dialog.next_button.isDefault()  # Enter never restores by itself

    question = _restore_and_wait(qtbot, window, dialog)

    assert "safety backup" in question
    assert _clock_names(window) == ["Sam"]
    main_view = window.main_view
    assert main_view is not None and main_view.current_section() == SETTINGS
    note = main_view.settings.backups.note.text()
    assert note.startswith("Restored: the backup made today ") and "before a restore" in note
    reasons = [b.manifest.reason for b in list_backups(VaultPaths(data_dir).backups_dir)]
    assert "before-restore" in reasons
    close_window(window)


def test_restore_from_the_unlock_screen_with_the_older_password(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    backup = _backed_up_with_sam_then_robin(data_dir)
    drive = tmp_path / "drive"
    shutil.copytree(backup, drive / backup.name)  # away during the change and the re-key
    door = _door(data_dir)
    door.change_password(PASSWORD, NEW_PASSWORD)
    RekeyService(door).rekey_everything(NEW_PASSWORD)

    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.mouseClick(window.unlock_screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RestoreDialog)
    assert dialog.page() == RestoreDialog.CHOOSE
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)  # the re-key's own
    click(qtbot, dialog, "Look in another folder…")
    choose_in_file_dialog(qtbot, drive)
    qtbot.waitUntil(lambda: dialog.folder_line.text() == f"Backups in {drive}:", timeout=WAIT_MS)
    assert dialog.model.rowCount() == 1
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)

    _type_password(qtbot, dialog, NEW_PASSWORD)
    qtbot.waitUntil(dialog.older_password.isVisible, timeout=WAIT_MS)
    assert "older password" in dialog.message.text()
    _type_password(qtbot, dialog, "not the older one", older=True)
    qtbot.waitUntil(lambda: "didn't open" in dialog.message.text(), timeout=WAIT_MS)
    dialog.older_password.clear()
    _type_password(qtbot, dialog, PASSWORD, older=True)
    _restore_and_wait(qtbot, window, dialog)

    assert _clock_names(window) == ["Sam"]
    close_window(window)
    door.unlock(NEW_PASSWORD).close()  # the journal kept today's password


def test_a_damaged_journal_is_restored_from_the_unlock_screen(qtbot: QtBot, data_dir: Path) -> None:
    _backed_up_with_sam_then_robin(data_dir)
    db = VaultPaths(data_dir).db
    data = bytearray(db.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 200] ^= 0xFF
    db.write_bytes(bytes(data))
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    screen = window.unlock_screen
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "damaged" in screen.message.text(), timeout=WAIT_MS)
    assert "copies may be in" in screen.message.text()

    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.page() == RestoreDialog.PREVIEW, timeout=WAIT_MS)
    assert "can't be read" in dialog.preview.text_shown()
    _restore_and_wait(qtbot, window, dialog)

    assert _clock_names(window) == ["Sam"]
    set_aside = [p for p in VaultPaths(data_dir).backups_dir.iterdir() if "unopened" in p.name]
    assert len(set_aside) == 1  # the damaged files, kept whole
    close_window(window)


def test_a_journal_is_brought_back_on_a_computer_that_has_none(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    backup = _backed_up_with_sam_then_robin(data_dir)
    drive = tmp_path / "drive"
    shutil.copytree(backup.parent, drive)
    fresh = tmp_path / "new-computer"
    window = open_window(qtbot, fresh)
    assert window.stack.currentWidget() is window.first_run

    qtbot.mouseClick(window.first_run.restore_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RestoreDialog)
    qtbot.waitUntil(lambda: "No backups were found" in dialog.folder_line.text(), timeout=WAIT_MS)
    click(qtbot, dialog, "Look in another folder…")
    choose_in_file_dialog(qtbot, drive)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.page() == RestoreDialog.PREVIEW, timeout=WAIT_MS)
    assert "There is no journal here now" in dialog.preview.text_shown()
    _restore_and_wait(qtbot, window, dialog)

    assert _clock_names(window) == ["Sam"]
    close_window(window)
    _door(fresh).unlock(PASSWORD).close()


def test_a_wrong_password_in_the_restore_dialog_changes_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    _backed_up_with_sam_then_robin(data_dir)
    before = VaultPaths(data_dir).db.read_bytes()
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.mouseClick(window.unlock_screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _type_password(qtbot, dialog, "someone guessing")
    qtbot.waitUntil(lambda: "didn't open" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.page() == RestoreDialog.PASSWORD
    click(qtbot, dialog, "Cancel")
    assert VaultPaths(data_dir).db.read_bytes() == before
    assert window.journal is None
    close_window(window)


def test_a_quick_exit_during_a_restore_stops_it_and_keeps_the_journal(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    from recovery_app.storage import restore as restore_steps

    started = threading.Event()
    original = restore_steps.stage

    def slow_stage(backup_db, backup_key, paths, journal_key, cancel):  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 5
        while cancel is not None and not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return original(backup_db, backup_key, paths, journal_key, cancel)

    monkeypatch.setattr(restore_steps, "stage", slow_stage)
    _backed_up_with_sam_then_robin(data_dir)
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.mouseClick(window.unlock_screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.page() == RestoreDialog.PREVIEW, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    answer_question(qtbot, "Restore")
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    busy = window.tasks.busy_page
    assert busy is not None and window.stack.currentWidget() is busy
    assert busy.title.text() == "Restoring your backup…"

    window.quick_exit()

    assert window.isHidden() or not window.isVisible()
    finish_background_work()
    assert window.journal is None  # nothing opened behind the quick exit
    assert not VaultPaths(data_dir).db_restoring.exists()
    journal = _door(data_dir).unlock(PASSWORD)
    try:
        assert sorted(c.name for c in journal.clocks.list_clocks()) == ["Robin", "Sam"]
    finally:
        journal.close()
    close_window(window)


def test_a_backup_from_a_newer_version_is_refused_in_one_line_and_nothing_changes(
    qtbot: QtBot, data_dir: Path
) -> None:
    import json

    made = _backed_up_with_sam_then_robin(data_dir)
    manifest = made / "manifest.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "app_version": "9.0.0"}))
    before = VaultPaths(data_dir).db.read_bytes()
    window = open_window(qtbot, data_dir)
    wait_for_unlock_screen_ready(qtbot, window)
    qtbot.mouseClick(window.unlock_screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: "newer version" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.message.text() == (
        "That was made by a newer version of the app. Please update the app to use it. "
        "Nothing was changed."
    )
    assert dialog.page() == RestoreDialog.PASSWORD  # no preview of what it can't read
    click(qtbot, dialog, "Cancel")
    assert VaultPaths(data_dir).db.read_bytes() == before
    assert list(VaultPaths(data_dir).backups_dir.iterdir()) == [made]  # no safety copy either
    close_window(window)
