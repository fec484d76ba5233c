"""The record of one attempt in the window: versions kept on edit, files with pictures hidden
until asked for and cleared at once by a lock, a copy saved only where chosen (after the
not-encrypted warning), and the contact log exported from the contact history."""

from __future__ import annotations

import hashlib
import subprocess
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    finish_background_work,
    key_window,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit import confirm, files
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.today.contact_history_dialog import ContactHistoryDialog
from recovery_app.ui.today.contact_log_dialog import ContactLogDialog
from recovery_app.ui.today.contact_record_dialog import ContactRecordDialog
from recovery_app.ui.today.picture_viewer import PictureViewer

pytestmark = pytest.mark.usefixtures("restore_quit_on_last_window_closed")
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
HAPPENED = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)


def door(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)


def png(colour: str = "steelblue") -> bytes:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def journal_dir(data_dir: Path) -> Path:
    """A journal with one clock, one "they reached out" with words, and one of mine."""
    make_vault(data_dir)
    with closing(door(data_dir).unlock(PASSWORD)) as journal:
        clock = journal.clocks.add_clock("Sam", date.today() - timedelta(days=30))
        details = ContactDetails(ContactKind.THEM, HAPPENED, Channel.MESSAGE, words="first words")
        journal.clocks.log_contact(clock.id, details)
        journal.clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, HAPPENED))
    return data_dir


def attempts(data_dir: Path):
    with closing(door(data_dir).unlock(PASSWORD)) as journal:
        return journal.records.attempts(journal.clocks.find_clock("Sam").id)


def wait_active(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def open_history(qtbot: QtBot, window) -> ContactHistoryDialog:
    today = window.main_view.today
    qtbot.waitUntil(today.isVisible, timeout=WAIT_MS)
    today.show_history(today.summaries[0].clock_id)
    history = today.dialog
    assert isinstance(history, ContactHistoryDialog)
    wait_active(qtbot, history)
    return history


def open_record(qtbot: QtBot, window) -> ContactRecordDialog:
    history = open_history(qtbot, window)
    rows = [history.list.item(i).text() for i in range(history.list.count())]
    row = next(i for i, text in enumerate(rows) if "They reached out" in text)
    assert "exact words kept" in rows[row]
    history.list.setCurrentRow(row)
    history.list.setFocus()
    qtbot.keyClick(history.list, Qt.Key.Key_Return)  # Enter on contact from them: its record
    record = history.record_dialog
    assert isinstance(record, ContactRecordDialog)
    qtbot.waitUntil(record.isVisible, timeout=WAIT_MS)
    wait_active(qtbot, record)
    return record


def test_an_edit_keeps_the_first_version_and_says_when_it_was_edited(
    qtbot: QtBot, journal_dir: Path
) -> None:
    window = open_window(qtbot, journal_dir)
    unlock_with_password(qtbot, window)
    record = open_record(qtbot, window)
    assert record.words.toPlainText() == "first words"
    assert not record.edited.isVisible() and not record.versions_heading.isVisible()
    qtbot.mouseClick(record.edit_button, LEFT)
    form = record.edit_dialog
    assert isinstance(form, ContactDialog)
    wait_active(qtbot, form)
    assert form.words.toPlainText() == "first words"
    form.words.selectAll()
    qtbot.keyClicks(form.words, "the words, corrected")
    qtbot.keyClick(form.words, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    assert record.words.toPlainText() == "the words, corrected"
    assert record.edited.isVisible() and record.edited.text().startswith("Edited on")
    assert record.versions_heading.isVisible()
    (entry,) = attempts(journal_dir)
    (first,) = entry.versions
    assert first.words == "first words" and entry.contact.edited
    record.reject()
    close_window(window)


@pytest.mark.parametrize("leave", ["lock", "quick exit"])
def test_pictures_stay_hidden_until_asked_and_a_lock_clears_them_at_once(
    qtbot: QtBot, journal_dir: Path, tmp_path: Path, leave: str
) -> None:
    window = open_window(qtbot, journal_dir)
    unlock_with_password(qtbot, window)
    record = open_record(qtbot, window)
    panel = record.files
    assert panel is not None
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(png())
    files.set_next_choice(shot)
    qtbot.mouseClick(panel.add_button, LEFT)
    assert panel.list.count() == 1
    assert "screenshot.png" in panel.list.item(0).text()
    assert hashlib.sha256(shot.read_bytes()).hexdigest() in panel.fingerprint.text()
    assert panel.thumbnails == [] and not panel.pictures.isVisible()  # hidden until asked

    qtbot.mouseClick(panel.show_button, LEFT)
    (thumb,) = panel.thumbnails
    assert not thumb.icon().isNull() and thumb.accessibleName().startswith("Picture:")
    qtbot.mouseClick(thumb, LEFT)
    viewer = panel.viewer
    assert isinstance(viewer, PictureViewer) and viewer.has_picture()
    assert viewer.windowTitle() == "Picture"

    wait_active(qtbot, viewer)
    if leave == "lock":
        qtbot.keyClick(key_window(window), Qt.Key.Key_L, CTRL)  # every picture goes
    else:
        window.quick_exit_action.trigger()  # the window hides and locks: the pictures go too
        assert window.isHidden()
    qtbot.waitUntil(lambda: window.main_view is None, timeout=WAIT_MS)
    assert panel.thumbnails == []
    # The viewer is emptied, or gone altogether with the screens.
    assert not shiboken6.isValid(viewer) or not (viewer.has_picture() or viewer.isVisible())
    assert not shiboken6.isValid(record) or not record.isVisible()
    close_window(window)


def test_a_copy_is_saved_only_where_chosen_after_the_warning(
    qtbot: QtBot, journal_dir: Path, tmp_path: Path
) -> None:
    with closing(door(journal_dir).unlock(PASSWORD)) as journal:
        (entry,) = journal.records.attempts(journal.clocks.find_clock("Sam").id)
        journal.records.add_attachment(entry.contact.id, "chat.png", png("tan"))
    window = open_window(qtbot, journal_dir)
    unlock_with_password(qtbot, window)
    record = open_record(qtbot, window)
    panel = record.files
    folder = tmp_path / "chosen"
    folder.mkdir()
    asked: list[str] = []
    real_confirm = confirm.confirm

    def answering(*args: object, **kwargs: object):  # the warning is asked, then answered
        asked.append(str(kwargs["detail"]))
        confirm.set_next_answer(0)
        return real_confirm(*args, **kwargs)  # type: ignore[arg-type]

    import recovery_app.ui.today.attachments_panel as panel_module

    panel_module.confirm = answering  # type: ignore[assignment]
    try:
        files.set_next_choice(folder)
        qtbot.mouseClick(panel.save_button, LEFT)
    finally:
        panel_module.confirm = real_confirm  # type: ignore[assignment]
    assert "won't be encrypted" in asked[0]
    assert [p.name for p in folder.iterdir()] == ["chat.png"]
    assert (folder / "chat.png").read_bytes() == png("tan")
    assert "isn't encrypted" in panel.note.text()
    record.reject()
    close_window(window)


def test_removing_a_file_asks_marks_the_entry_edited_and_can_be_undone(
    qtbot: QtBot, journal_dir: Path
) -> None:
    with closing(door(journal_dir).unlock(PASSWORD)) as journal:
        (entry,) = journal.records.attempts(journal.clocks.find_clock("Sam").id)
        journal.records.add_attachment(entry.contact.id, "chat.png", png())
    window = open_window(qtbot, journal_dir)
    unlock_with_password(qtbot, window)
    record = open_record(qtbot, window)
    panel = record.files
    confirm.set_next_answer(0)  # "Remove"
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert panel.list.count() == 0 and panel.undo_bar.isVisible()
    assert record.edited.isVisible()
    qtbot.mouseClick(panel.undo_bar.button, LEFT)
    assert panel.list.count() == 1 and not record.edited.isVisible()
    record.reject()
    close_window(window)


def test_the_contact_log_is_exported_with_only_what_was_ticked(
    qtbot: QtBot, journal_dir: Path, tmp_path: Path
) -> None:
    with closing(door(journal_dir).unlock(PASSWORD)) as journal:
        (entry,) = journal.records.attempts(journal.clocks.find_clock("Sam").id)
        kept = journal.records.add_attachment(entry.contact.id, "chat.png", png())
    window = open_window(qtbot, journal_dir)
    unlock_with_password(qtbot, window)
    history = open_history(qtbot, window)
    qtbot.mouseClick(history.log_button, LEFT)
    dialog = history.log_dialog
    assert isinstance(dialog, ContactLogDialog)
    wait_active(qtbot, dialog)
    assert not dialog.with_files.isChecked() and not dialog.with_notes.isChecked()
    assert not dialog.from_day.isEnabled()
    target = tmp_path / "out" / "log"
    target.parent.mkdir()
    files.set_next_choice(target)  # the suffix is added
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS * 2)
    finish_background_work()
    assert dialog.written == target.with_name("log.pdf")
    text = subprocess.run(
        ["pdftotext", str(dialog.written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "first words" in text and "Entry 1 of 1" in text  # no "ﬁ" ligature: words as typed
    assert kept.sha256 not in text and "1 attachment, not included" in text

    dialog.with_files.setChecked(True)
    files.set_next_choice(tmp_path / "out" / "with files.pdf")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.written.name == "with files.pdf", timeout=WAIT_MS * 2)
    text = subprocess.run(
        ["pdftotext", str(dialog.written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert kept.sha256 in text and "chat.png" in text
    assert sorted(p.name for p in target.parent.iterdir()) == ["log.pdf", "with files.pdf"]
    dialog.reject()
    close_window(window)


def test_nothing_of_a_record_reaches_a_notification(
    qtbot: QtBot, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import time

    said: list[tuple[object, ...]] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *args: said.append(args))
    window = open_window(qtbot, journal_dir, tray_available=True)
    unlock_with_password(qtbot, window)
    with closing(door(journal_dir).unlock(PASSWORD)) as journal:
        (entry,) = journal.records.attempts(journal.clocks.find_clock("Sam").id)
        journal.records.add_attachment(entry.contact.id, "chat.png", png())
    record = open_record(qtbot, window)
    qtbot.mouseClick(record.files.show_button, LEFT)  # a picture on show, words on show
    window.preferences.reminder_enabled = True
    window.preferences.reminder_time = time(0, 0)
    assert window.reminder is not None and window.reminder.check(datetime.now())
    assert said == [("Journal", "Time for your journal")]  # its fixed words, nothing else
    assert window.windowTitle() == "Journal" and record.windowTitle() == "Contact record"
    record.reject()
    close_window(window)


def test_no_notification_anywhere_in_the_app_says_anything_but_fixed_words() -> None:
    package = Path(__file__).resolve().parents[3] / "recovery_app"
    calls = [
        (path.name, line.strip())
        for path in package.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "showMessage(" in line
    ]
    assert calls == [
        (
            "daily_reminder.py",
            "self._tray.showMessage(APP_DISPLAY_NAME, "
            'self._hinted() or self.tr("Time for your journal"))',
        )
    ]  # the hint is the hard dates' fixed "A day you marked is coming up", never a name
