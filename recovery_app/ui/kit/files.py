"""Choosing a file or a folder: always Qt's own dialog, opened with `open()`.

Qt's own dialog (never the desktop's) so the same window shows on every desktop and nothing
of the journal passes through another program; opened with `open()`, never `exec()`, so a
lock can close it at any moment, like every other dialog here. The answer comes back through
`on_chosen`; closing the dialog chooses nothing.

Tests can answer the next choice in advance, as `confirm.set_next_answer` does:
`set_next_choice(path)` (None: closed without choosing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_next_choices: list[Path | None] = []


def set_next_choice(path: Path | None) -> None:
    """For tests: the next file dialog answers with `path` and is never shown."""
    _next_choices.append(path)


def _answered_in_advance(on_chosen: Callable[[Path], None]) -> bool:
    if not _next_choices:
        return False
    chosen = _next_choices.pop(0)
    if chosen is not None:
        on_chosen(chosen)
    return True


def _dialog(parent: QWidget | None, title: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setDirectory(str(Path.home()))
    return dialog


def choose_file_to_add(
    parent: QWidget | None, title: str, on_chosen: Callable[[Path], None]
) -> QFileDialog | None:
    if _answered_in_advance(on_chosen):
        return None
    dialog = _dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
    dialog.open()
    return dialog


def choose_file_to_save(
    parent: QWidget | None,
    title: str,
    suggested_name: str,
    name_filter: str,
    on_chosen: Callable[[Path], None],
) -> QFileDialog | None:
    """A new file's path (the dialog itself asks before a file there is replaced)."""
    if _answered_in_advance(on_chosen):
        return None
    dialog = _dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.selectFile(suggested_name)
    dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
    dialog.open()
    return dialog


def choose_folder(
    parent: QWidget | None, title: str, on_chosen: Callable[[Path], None]
) -> QFileDialog | None:
    if _answered_in_advance(on_chosen):
        return None
    dialog = _dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
    dialog.open()
    return dialog
