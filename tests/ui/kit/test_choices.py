"""A ChoiceRow: radio buttons to a screen reader, and still a question that can be skipped.

Driven as a person would: a click or Space chooses, the same again clears, the arrows move
the focus without choosing, and `changed` comes once per change of the answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit.choices import ChoiceRow

LEFT = Qt.MouseButton.LeftButton


_hosts: list[QWidget] = []  # the windows shown, held until the test ends


def shown_row(qtbot: QtBot, options: list[tuple[str, str]] | None = None) -> ChoiceRow[str]:
    """A row between two fields, in a window on screen (kept until the end of the test)."""
    host = QWidget()
    _hosts.append(host)
    column = QVBoxLayout(host)
    before = QLineEdit()
    before.setAccessibleName("Before")
    row: ChoiceRow[str] = ChoiceRow(
        options or [("yes", "Yes"), ("no", "No"), ("skip", "Skip")], "Kept no contact today"
    )
    column.addWidget(before)
    column.addWidget(row)
    after = QLineEdit()
    after.setAccessibleName("After")
    column.addWidget(after)
    qtbot.addWidget(host, before_close_func=lambda _w: _hosts.clear())
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    return row


def count_changes(row: ChoiceRow[str]) -> list[object]:
    seen: list[object] = []
    row.changed.connect(lambda: seen.append(row.value()))
    return seen


def test_the_answers_are_radio_buttons_named_under_their_question(qtbot: QtBot) -> None:
    row = shown_row(qtbot)
    group = QAccessible.queryAccessibleInterface(row)
    assert group.text(QAccessible.Text.Name) == "Kept no contact today"
    for button, answer in zip(row.buttons, ("Yes", "No", "Skip"), strict=True):
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.role() == QAccessible.Role.RadioButton
        assert interface.text(QAccessible.Text.Name) == answer
        assert interface.parent().object() is row  # the question is the group's name
    qtbot.mouseClick(row.buttons[1], LEFT)
    state = QAccessible.queryAccessibleInterface(row.buttons[1]).state()
    assert state.checkable and state.checked


def test_scores_read_as_one_of_the_top() -> None:
    row: ChoiceRow[int] = ChoiceRow([(n, str(n)) for n in range(11)], "How strong")
    assert [b.accessibleName() for b in row.buttons[7:9]] == ["7 of 10", "8 of 10"]
    mood: ChoiceRow[int] = ChoiceRow([(n, str(n)) for n in range(1, 6)], "Mood")
    assert mood.buttons[2].accessibleName() == "3 of 5"


def test_a_click_chooses_and_the_same_click_again_clears(qtbot: QtBot) -> None:
    row = shown_row(qtbot)
    changes = count_changes(row)
    qtbot.mouseClick(row.buttons[0], LEFT)
    assert row.value() == "yes"
    qtbot.mouseClick(row.buttons[2], LEFT)  # another answer: one change, not two
    assert row.value() == "skip"
    assert [b.isChecked() for b in row.buttons] == [False, False, True]
    qtbot.mouseClick(row.buttons[2], LEFT)  # the chosen one again: no answer at all
    assert row.value() is None
    assert not any(b.isChecked() for b in row.buttons)
    assert not any(b.isDown() for b in row.buttons)
    assert changes == ["yes", "skip", None]


def test_space_chooses_and_clears_and_the_arrows_move_without_choosing(qtbot: QtBot) -> None:
    row = shown_row(qtbot)
    changes = count_changes(row)
    before = row.parentWidget().findChildren(QLineEdit)[0]
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.buttons[0]  # one Tab stop: the first
    qtbot.keyClick(row.buttons[0], Qt.Key.Key_Right)
    qtbot.keyClick(row.buttons[1], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is row.buttons[2]
    assert row.value() is None and changes == []  # moved, nothing chosen for the person
    qtbot.keyClick(row.buttons[2], Qt.Key.Key_Space)
    assert row.value() == "skip"
    qtbot.keyClick(row.buttons[2], Qt.Key.Key_Left)
    assert QApplication.focusWidget() is row.buttons[1] and row.value() == "skip"
    qtbot.keyClick(row.buttons[1], Qt.Key.Key_Right)
    qtbot.keyClick(row.buttons[2], Qt.Key.Key_Space)  # Space on the chosen one: cleared
    assert row.value() is None
    assert changes == ["skip", None]


def test_the_row_is_one_tab_stop_the_chosen_answer(qtbot: QtBot) -> None:
    row = shown_row(qtbot)
    row.set_value("no")
    before, after = row.parentWidget().findChildren(QLineEdit)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.buttons[1]
    qtbot.keyClick(row.buttons[1], Qt.Key.Key_Left)  # wander off the chosen answer...
    qtbot.keyClick(row.buttons[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # ...Tab still leaves the row at once
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is row.buttons[1]  # and comes back to the answer


def test_set_value_can_clear_an_auto_exclusive_answer_and_says_so_once(qtbot: QtBot) -> None:
    row = shown_row(qtbot)
    changes = count_changes(row)
    row.set_value("no")
    row.set_value("no")
    row.set_value(None)
    assert row.value() is None
    assert changes == ["no", None]
