"""F1 (or Ctrl+?) lists every shortcut, and every shortcut the app has is on the list."""

from __future__ import annotations

from pathlib import Path

from helpers.ui_window import WAIT_MS, close_window, make_vault, open_window, unlock_with_password
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.ui.shell.shortcuts_sheet import ShortcutsSheet, shortcuts


def _keys_of(root: QWidget) -> set[str]:
    """Every key sequence a shortcut or an action under `root` answers to."""
    found: set[str] = set()
    for shortcut in root.findChildren(QShortcut):
        found |= {k.toString(QKeySequence.SequenceFormat.PortableText) for k in shortcut.keys()}  # noqa: SIM118 (a Qt method)
    for action in [*root.findChildren(QAction), *root.actions()]:
        found |= {k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()}
    return found - {""}


def test_f1_shows_every_shortcut_and_esc_closes_it(qtbot: QtBot, data_dir: Path) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    view = window.main_view
    assert view is not None
    for index in range(view.sidebar.count()):  # every section built, as after a visit
        view.show_section(index)
    for keys in (Qt.Key.Key_F1, Qt.Key.Key_Question):
        modifier = Qt.KeyboardModifier.NoModifier
        if keys == Qt.Key.Key_Question:
            modifier = Qt.KeyboardModifier.ControlModifier
        qtbot.keyClick(QApplication.focusWidget() or window, keys, modifier)
        qtbot.waitUntil(lambda: isinstance(view.shortcuts_sheet, ShortcutsSheet), timeout=WAIT_MS)
        sheet = view.shortcuts_sheet
        assert isinstance(sheet, ShortcutsSheet)
        qtbot.waitUntil(sheet.isVisible, timeout=WAIT_MS)
        shown = " ".join(label.text() for label in sheet.findChildren(QLabel))
        for name in view.titles:
            assert f"Ctrl+{view.titles.index(name) + 1} {name}" in shown
        assert "Ctrl+L" in shown and "quick exit" in shown
        qtbot.keyClick(sheet, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda s=sheet: not s.isVisible(), timeout=WAIT_MS)
        view.shortcuts_sheet = None

    listed = {key for entry in shortcuts(view.titles) for key in entry.sequences}
    assert _keys_of(window) - listed == set()  # a shortcut left off the sheet fails here
    close_window(window)


def test_a_forms_own_shortcuts_are_on_the_sheet(qtbot: QtBot, tmp_path: Path) -> None:
    from recovery_app.ui.kit.entry_dialog import EntryDialog

    listed = {key for entry in shortcuts(["a"]) for key in entry.sequences}
    form = EntryDialog(tmp_path)
    qtbot.addWidget(form)
    assert _keys_of(form) == {"Ctrl+Return", "Ctrl+Enter"}
    assert _keys_of(form) <= listed
