"""What a screen reader is told, asked in-process on every screen and in every dialog
(helpers/tour.py): every control has a name, every single choice is a radio button in a
group named by its question, every combo box has its label (on Linux Qt names a combo box by
the text it shows; the label comes through the labelled-by relation), every timeline memory
is an item named by its title, kind and date. tests/accessibility/ counts the same from
outside, through AT-SPI, as Orca sees it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import CHEAP_KDF, PASSWORD
from helpers.looking import spoken_name
from helpers.tour import tour
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.fuzzy_dates import label
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.whole.timeline.view import TimelineView

Role = QAccessible.Role
INTERACTIVE = {
    Role.PushButton,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.Slider,
    Role.List,
    Role.Table,
    Role.Tree,
    Role.ListItem,
    Role.PageTab,
}


def name_of(interface: QAccessibleInterface) -> str:
    return interface.text(QAccessible.Text.Name).strip()


def label_of(combo: QComboBox) -> str:
    interface = QAccessible.queryAccessibleInterface(combo)
    labels = interface.relations(QAccessible.RelationFlag.Label)
    return next((name_of(target) for target, _ in labels if name_of(target)), "")


def problems_in(window: QWidget) -> tuple[list[str], int]:
    problems: list[str] = []
    asked = 0
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            continue
        asked += 1
        what = f"{type(widget).__name__} {widget.objectName()!r}"
        if interface.role() in INTERACTIVE and not name_of(interface):
            problems.append(f"a {interface.role().name} without a name: {what}")
        if interface.role() in (Role.List, Role.Tree):
            for index in range(min(interface.childCount(), 50)):
                child = interface.child(index)
                if child is not None and child.role() in INTERACTIVE and not name_of(child):
                    problems.append(f"an item without a name in {spoken_name(widget)!r}")
        if isinstance(widget, QPushButton) and isinstance(widget.parentWidget(), ChoiceRow):
            row = widget.parentWidget()
            if interface.role() is not Role.RadioButton:
                problems.append(f"{row.accessibleName()!r}: an answer read as {interface.role()}")
            if not row.accessibleName():
                problems.append(f"answers {widget.text()!r}... in a group without its question")
        if isinstance(widget, QComboBox):
            if not label_of(widget):
                problems.append(f"a combo box without a label, showing {widget.currentText()!r}")
            if widget.accessibleName() in ("", widget.currentText()):
                problems.append(f"a combo box named by its value {widget.currentText()!r}")
    return problems, asked


def timeline_problems(timeline: TimelineView) -> list[str]:
    interface = QAccessible.queryAccessibleInterface(timeline)
    memories = timeline.memories()
    problems = []
    if interface.role() is not Role.List or interface.childCount() != len(memories):
        problems.append(f"the timeline shows {len(memories)} memories, a reader finds none")
    for index, memory in enumerate(memories[: interface.childCount()]):
        item = interface.child(index)
        words = timeline.kind_words[memory.kind]
        wanted = f"{memory.details.title}, {words}, {label(memory.when)}"
        if item.role() is not Role.ListItem or name_of(item) != wanted:
            problems.append(f"the timeline's item {index} reads {name_of(item)!r}")
        if interface.indexOfChild(item) != index:
            problems.append(f"the timeline's item {index} doesn't know its place")
    return problems


def test_every_control_on_every_screen_and_dialog_is_named_for_a_screen_reader(
    qtbot: QtBot, tmp_path: Path
) -> None:
    problems: list[str] = []
    asked = timelines = 0
    for sight in tour(tmp_path / "journal", kdf=CHEAP_KDF, password=PASSWORD):
        found, count = problems_in(sight.window)
        asked += count
        problems += [f"{sight.name}: {problem}" for problem in found]
        for timeline in sight.window.findChildren(TimelineView):
            if timeline.isVisible():
                timelines += 1
                problems += [f"{sight.name}: {p}" for p in timeline_problems(timeline)]
    assert asked > 1000, "the walk asked about too little: it is broken"
    assert timelines >= 2
    assert problems == []


def test_the_walk_finds_what_a_screen_reader_would_miss(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    host = QWidget()
    column = QVBoxLayout(host)
    row = ChoiceRow([(1, "1"), (2, "2")], "Mood")
    for button in row.buttons:
        button.setAutoExclusive(False)  # as the answers were: read as check boxes
    combo = QComboBox()
    combo.addItems(["Northern seasons", "Southern seasons"])
    for widget in (row, combo, QPushButton()):
        column.addWidget(widget)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    problems, _ = problems_in(host)
    assert sum("an answer read as" in p for p in problems) == 2
    assert any("a combo box without a label" in p for p in problems)
    assert any("a combo box named by its value" in p for p in problems)
    assert any("a Button without a name" in p for p in problems)
