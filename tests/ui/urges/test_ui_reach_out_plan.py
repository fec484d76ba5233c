"""My plan for when they reach out, edited in its tab like the reasons, by keyboard; and the
moment it is shown, with the next steps one key away and out of the way in one key."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.kinds import PlanPart
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.services.reach_out_plan import ReachOutPlanService
from recovery_app.services.support import SupportPeopleService
from recovery_app.services.texts import guide_texts, reach_out_texts
from recovery_app.storage.vault import Vault
from recovery_app.ui.urges.reach_out_moment import ReachOutMomentDialog
from recovery_app.ui.urges.reach_out_plan_editor import PlanLineDialog, ReachOutPlanEditor

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)


@pytest.fixture
def plan(vault: Vault) -> ReachOutPlanService:
    return ReachOutPlanService(vault, now=lambda: NOW)


def show(qtbot: QtBot, widget: QWidget, width: int = 900, height: int = 600) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def rows(editor) -> list[str]:
    return [editor.list.item(i).text() for i in range(editor.list.count())]


def test_the_plan_starts_from_the_suggestions_and_is_edited_by_keyboard(
    qtbot: QtBot, plan: ReachOutPlanService
) -> None:
    editor = ReachOutPlanEditor(plan)
    show(qtbot, editor)
    steps = editor.steps
    suggested = list(reach_out_texts().suggested_steps)
    assert rows(steps) == suggested
    assert rows(editor.answers) == [] and editor.answers.empty_state.isVisible()
    for field in (steps.new_line, steps.list, editor.answers.new_line, editor.answers.list):
        assert field.accessibleName()

    # A step of my own, typed and added with Enter, goes at the end.
    steps.new_line.setFocus()
    qtbot.keyClicks(steps.new_line, "Phone face down, then text Jo.")
    press(qtbot, Qt.Key.Key_Return)
    assert rows(steps)[-1] == "Phone face down, then text Jo."
    assert steps.new_line.text() == ""

    # Moved to the top with Alt+Up, as the reasons are.
    steps.list.setFocus()
    steps.list.setCurrentRow(steps.list.count() - 1)
    for _ in range(len(suggested)):
        press(qtbot, Qt.Key.Key_Up, ALT)
    assert rows(steps)[0] == "Phone face down, then text Jo."
    assert next(line.text for line in plan.lines(PlanPart.STEP)) == "Phone face down, then text Jo."

    # Reworded with F2.
    steps.list.setCurrentRow(1)
    press(qtbot, Qt.Key.Key_F2)
    dialog = steps.dialog
    assert isinstance(dialog, PlanLineDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    assert QApplication.focusWidget() is dialog.text
    dialog.text.selectAll()
    qtbot.keyClicks(dialog.text, "Notice it. Breathe out.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert rows(steps)[1] == "Notice it. Breathe out."

    # A suggestion I don't want: Delete, then Ctrl+Z brings it back.
    show(qtbot, editor)
    steps.list.setFocus()
    steps.list.setCurrentRow(2)
    removed = rows(steps)[2]
    press(qtbot, Qt.Key.Key_Delete)
    assert removed not in rows(steps)
    assert steps.undo_bar.isVisible()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert rows(steps)[2] == removed


def test_if_i_have_to_answer_lines_are_a_list_of_their_own(
    qtbot: QtBot, plan: ReachOutPlanService
) -> None:
    editor = ReachOutPlanEditor(plan)
    show(qtbot, editor)
    answers = editor.answers
    assert answers.new_line.placeholderText().startswith("For example:")
    assert answers.intro.isVisible()
    answers.new_line.setFocus()
    qtbot.keyClicks(answers.new_line, "Please email me about the school run.")
    press(qtbot, Qt.Key.Key_Return)
    assert rows(answers) == ["Please email me about the school run."]
    assert [line.text for line in plan.lines(PlanPart.ANSWER)] == rows(answers)
    assert "Please email me about the school run." not in rows(editor.steps)
    # An empty line is refused kindly, and nothing else changes.
    answers.new_line.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert answers.message.isVisible() and "few words" in answers.message.text()


def moment(qtbot: QtBot, plan: ReachOutPlanService, vault: Vault) -> ReachOutMomentDialog:
    people = SupportPeopleService(vault, now=lambda: NOW)
    people.add(SupportPersonDetails("Jo", reach="07700 900123", note="any time"))
    dialog = ReachOutMomentDialog(plan.plan(), people.people(), guide_texts().helplines)
    show(qtbot, dialog, 600, 560)
    return dialog


def test_the_moment_shows_my_steps_and_people_one_key_away(
    qtbot: QtBot, plan: ReachOutPlanService, vault: Vault
) -> None:
    plan.add(PlanPart.ANSWER, "Email only, please.")
    dialog = moment(qtbot, plan, vault)
    assert dialog.windowTitle() == "They reached out"
    shown = [label.text() for label in dialog.steps]
    assert shown == [*reach_out_texts().suggested_steps, "Email only, please."]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.steps)
    assert not dialog.people.isVisible()
    press(qtbot, Qt.Key.Key_P)
    assert dialog.people.isVisible() and dialog.people_button.isChecked()
    names = [label.text() for label in dialog.people.findChildren(QLabel)]
    assert "Jo" in names and "07700 900123\nany time" in names
    press(qtbot, Qt.Key.Key_P)
    assert not dialog.people.isVisible()
    for button in (dialog.ride_button, dialog.people_button, dialog.record_button):
        assert button.text().startswith("&")


@pytest.mark.parametrize(
    ("key", "signal"), [(Qt.Key.Key_R, "ride_requested"), (Qt.Key.Key_K, "record_requested")]
)
def test_each_next_step_is_one_key(
    qtbot: QtBot, plan: ReachOutPlanService, vault: Vault, key: Qt.Key, signal: str
) -> None:
    dialog = moment(qtbot, plan, vault)
    with qtbot.waitSignal(getattr(dialog, signal), timeout=WAIT_MS):
        press(qtbot, key)
    assert not dialog.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_the_moment_is_skipped_in_one_key_and_asks_nothing(
    qtbot: QtBot, plan: ReachOutPlanService, vault: Vault, key: Qt.Key
) -> None:
    dialog = moment(qtbot, plan, vault)
    asked: list[str] = []
    dialog.ride_requested.connect(lambda: asked.append("ride"))
    dialog.record_requested.connect(lambda: asked.append("record"))
    press(qtbot, key)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert asked == []


def test_an_emptied_plan_says_where_to_write_one(
    qtbot: QtBot, plan: ReachOutPlanService, vault: Vault
) -> None:
    for line in plan.lines(PlanPart.STEP):
        plan.remove(line.id)
    dialog = moment(qtbot, plan, vault)
    assert dialog.steps == []
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert reach_out_texts().moment["no_plan"] in texts
