"""Answering the app's questions and Qt's own file dialogs as a person does: by typing and
clicking. A plain module, as helpers/ui_window.py."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

WAIT_MS = 5000
D = TypeVar("D", bound=QDialog)


def visible(kind: type[D]) -> D | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return shown[-1] if shown else None


def wait_for(qtbot: QtBot, kind: type[D]) -> D:
    """The open dialog of `kind` (the newest, if several), once it shows."""
    qtbot.waitUntil(lambda: visible(kind) is not None, timeout=WAIT_MS)
    found = visible(kind)
    assert found is not None
    return found


def button(parent: QWidget, words: str) -> QAbstractButton:
    """The button whose words (without the & of its mnemonic) are `words`."""
    for candidate in parent.findChildren(QAbstractButton):
        if candidate.text().replace("&", "") == words and candidate.isVisible():
            return candidate
    shown = [b.text() for b in parent.findChildren(QAbstractButton) if b.isVisible()]
    raise AssertionError(f"no button {words!r}; there are {shown}")


def click(qtbot: QtBot, parent: QWidget, words: str) -> None:
    qtbot.mouseClick(button(parent, words), Qt.MouseButton.LeftButton)


def answer_question(qtbot: QtBot, words: str) -> QMessageBox:
    """Click `words` on the question showing now; the question, for what it said."""
    box = wait_for(qtbot, QMessageBox)
    click(qtbot, box, words)
    return box


def choose_in_file_dialog(qtbot: QtBot, path: Path) -> None:
    """In Qt's own file dialog: go to the folder `path` is in, type its name, press Enter.
    (Typing a whole path key by key lets the dialog's completer rewrite it as it goes.)"""
    dialog = wait_for(qtbot, QFileDialog)
    # Qt's own, never the desktop's: a native one may note the file in the desktop's recent list.
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(path.parent))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClicks(name, path.name)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def click_row(qtbot: QtBot, table: QAbstractItemView, row: int) -> None:
    """Click the first cell of `row`, where a person clicks to choose it."""
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
