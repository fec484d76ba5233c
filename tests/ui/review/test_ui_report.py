"""Making a report in the window: sections chosen by clicks, the pages previewed from memory,
the plain warning before saving, Qt's own file dialog, a file that appears only once whole,
and a quick exit or a lock in the middle of writing that leaves nothing behind."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import pytest
from helpers.report import fill_with_marker, needs_pdftotext, pdf_text
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    finish_background_work,
    key_window,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from recovery_app.domain.kinds import ReportSection
from recovery_app.ui.kit.confirm import set_next_answer
from recovery_app.ui.review.report_dialog import ReportDialog
from recovery_app.ui.shell.window import JournalWindow

pytestmark = needs_pdftotext
CTRL = Qt.KeyboardModifier.ControlModifier


def _files(*folders: Path) -> set[Path]:
    return {p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()}


def _open_report(qtbot: QtBot, window: JournalWindow) -> ReportDialog:
    view = window.main_view
    assert view is not None
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    review = view.review
    qtbot.waitUntil(lambda: review.shown_key is not None, timeout=WAIT_MS)
    qtbot.keyClick(review, Qt.Key.Key_P, CTRL)
    dialog = review.dialog
    assert isinstance(dialog, ReportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _preview(qtbot: QtBot, dialog: ReportDialog) -> None:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=WAIT_MS * 2)
    qtbot.waitUntil(lambda: len(dialog.preview.pages) > 0, timeout=WAIT_MS)


def _choose_file(qtbot: QtBot, dialog: ReportDialog, target: Path) -> None:
    """In Qt's own file dialog: go to the folder, type the name, click Save. (Typing a
    whole path a letter at a time makes the dialog select each folder on the way.)"""
    qtbot.waitUntil(lambda: dialog.file_dialog is not None, timeout=WAIT_MS)
    files = dialog.file_dialog
    assert isinstance(files, QFileDialog)
    assert files.testOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.waitExposed(files)
    name = files.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    files.setDirectory(str(target.parent))
    name.selectAll()
    qtbot.keyClicks(name, target.name)
    completer = name.completer()
    if completer is not None and completer.popup().isVisible():
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)  # the names it offers
    buttons = files.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None and save.isEnabled()
    qtbot.waitUntil(lambda: save.height() > 0, timeout=WAIT_MS)  # laid out, clickable
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


@pytest.fixture
def window_with_marker(qtbot: QtBot, data_dir: Path) -> tuple[JournalWindow, str]:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.journal is not None
    marker = f"MARKER{uuid.uuid4().hex[:12]}"
    fill_with_marker(window.journal, marker)
    return window, marker


def test_the_preview_is_made_in_memory_and_writes_no_file(
    qtbot: QtBot,
    window_with_marker: tuple[JournalWindow, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _marker = window_with_marker
    dialog = _open_report(qtbot, window)
    boxes = dialog.section_boxes
    assert not boxes[ReportSection.LETTERS].isChecked()
    assert not boxes[ReportSection.MEMORIES].isChecked()
    assert not boxes[ReportSection.NOTES].isChecked()
    assert "your own words" in boxes[ReportSection.LETTERS].text()
    temp = tmp_path / "temp"  # where Qt and Python would put a temporary file
    temp.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    journal_files = window.journal.data_dir if window.journal else tmp_path
    before = {p for p in _files(tmp_path) if journal_files not in p.parents}
    _preview(qtbot, dialog)
    finish_background_work()
    # Nothing new but the journal's own (encrypted) files, which reading may add to.
    assert {p for p in _files(tmp_path) if journal_files not in p.parents} == before
    assert list(temp.iterdir()) == []
    assert dialog.preview.pages[0].accessibleName().startswith("Page 1 of ")
    assert dialog.status.text().endswith("pages.")
    close_window(window)


def test_saving_warns_first_then_writes_where_chosen_with_the_chosen_sections(
    qtbot: QtBot, window_with_marker: tuple[JournalWindow, str], tmp_path: Path
) -> None:
    window, marker = window_with_marker
    dialog = _open_report(qtbot, window)
    qtbot.mouseClick(dialog.section_boxes[ReportSection.LETTERS], Qt.MouseButton.LeftButton)
    assert dialog.section_boxes[ReportSection.LETTERS].isChecked()
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    target = chosen / "for-my-session.pdf"
    set_next_answer(0)  # "Choose where to save", after the word about encryption
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # makes it first
    _choose_file(qtbot, dialog, target)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert sorted(p.name for p in chosen.iterdir()) == ["for-my-session.pdf"]
    assert dialog.note.text().startswith("Saved as for-my-session.pdf")
    text = pdf_text(target)
    assert "At a glance" in text
    assert "Unsent letters" in text and f"Dear you, {marker}" in text
    assert f"Title {marker}" not in text  # memories were not chosen
    assert target.stat().st_mode & 0o077 == 0
    close_window(window)


def test_not_now_at_the_warning_writes_nothing(
    qtbot: QtBot, window_with_marker: tuple[JournalWindow, str], tmp_path: Path
) -> None:
    window, _ = window_with_marker
    dialog = _open_report(qtbot, window)
    _preview(qtbot, dialog)
    # The journal's own -wal and -shm come and go with SQLite's connections (the screen
    # counts the other ranges meanwhile): what matters is every other file.
    journal_files = window.journal.data_dir if window.journal else tmp_path
    before = {p for p in _files(tmp_path) if journal_files not in p.parents}
    set_next_answer(1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.file_dialog is None
    assert {p for p in _files(tmp_path) if journal_files not in p.parents} == before
    close_window(window)


@pytest.mark.parametrize("how", ["quick exit", "auto-lock"])
def test_a_quick_exit_or_a_lock_while_writing_stops_it_and_removes_the_partial_file(
    qtbot: QtBot, window_with_marker: tuple[JournalWindow, str], tmp_path: Path, how: str
) -> None:
    window, _ = window_with_marker
    dialog = _open_report(qtbot, window)
    dialog.chunk_bytes = 512  # many pieces, so there is a middle to stop in
    _preview(qtbot, dialog)
    assert dialog.pdf is not None and len(dialog.pdf) > 4 * 512
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    target = chosen / "review.pdf"
    seen: list[list[str]] = []

    def stop_half_way(written: int) -> None:
        if not seen:
            seen.append(sorted(p.name for p in chosen.iterdir()))
            assert 0 < written < len(dialog.pdf or b"")
            if how == "quick exit":  # Shift pressed alone three times, wherever the focus is
                for _ in range(3):
                    qtbot.keyPress(key_window(window), Qt.Key.Key_Shift)
                    qtbot.keyRelease(key_window(window), Qt.Key.Key_Shift)
            else:
                window.lock()  # as the idle timer, or minimising, locks

    dialog.writing.connect(stop_half_way)
    set_next_answer(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _choose_file(qtbot, dialog, target)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    (partial,) = seen[0]
    assert partial.startswith(".review.pdf.") and partial.endswith(".part")
    assert window.journal is None
    assert list(chosen.iterdir()) == []
    finish_background_work()
    assert list(chosen.iterdir()) == []
    close_window(window)
