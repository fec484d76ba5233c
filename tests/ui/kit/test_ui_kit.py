"""The kit every screen shares: the message line, the undo bar, the question before
something is destroyed, the form frame and the scrolling page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.services.errors import DiskFull, InvalidInput
from recovery_app.ui.kit import confirm as confirm_module
from recovery_app.ui.kit.confirm import Answer, ask, confirm, set_next_answer
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.undo_bar import UndoBar

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def no_answers_left() -> Iterator[None]:
    yield
    confirm_module._next_answers.clear()


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
    return widget


# ----- the message line -------------------------------------------------------------------------


def test_a_message_line_says_kind_words_never_what_the_error_carries(qtbot: QtBot) -> None:
    line = MessageLine(Path("/journal"))
    qtbot.addWidget(line)
    assert line.isHidden()

    def fails() -> None:
        raise DiskFull("a secret sentence")

    assert line.attempt(fails) is None
    assert "disk is full" in line.text() and "secret" not in line.text()
    assert line.accessibleName() == line.text()  # read aloud as it changes
    assert line.attempt(lambda: 7) == 7
    assert line.text() == "" and line.isHidden()  # a success clears it
    assert not line.run(lambda: (_ for _ in ()).throw(InvalidInput("Please choose one.")))
    assert line.text() == "Please choose one."
    assert line.run(lambda: None)


def test_an_unexpected_error_is_not_hidden_by_the_message_line(qtbot: QtBot) -> None:
    line = MessageLine()
    qtbot.addWidget(line)
    with pytest.raises(ZeroDivisionError):  # it reaches the app's last-resort handler
        line.attempt(lambda: 1 / 0)


# ----- the undo bar -----------------------------------------------------------------------------


def test_undo_gives_back_and_a_failed_undo_keeps_its_offer(qtbot: QtBot) -> None:
    host = QWidget()
    message = MessageLine(Path("/journal"), parent=host)
    bar = UndoBar(message, parent=host)
    bar.bind_shortcut(host)
    shown(qtbot, host)
    tries = iter([DiskFull("x"), "restored"])

    def undo() -> str:
        step = next(tries)
        if isinstance(step, BaseException):
            raise step
        return step

    bar.offer("Memory deleted.", undo)
    assert bar.isVisible() and bar.text.text() == "Memory deleted."
    assert bar.text.accessibleName() == "Memory deleted."
    qtbot.keyClick(host, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bar.has_offer() and bar.isVisible()  # the disk was full: nothing is dropped
    assert "disk is full" in message.text()
    with qtbot.waitSignal(bar.undone) as undone:
        qtbot.mouseClick(bar.button, LEFT)
    assert undone.args == ["restored"]
    assert not bar.has_offer() and not bar.isVisible()
    assert bar.undo() is None  # nothing left to undo


# ----- asking first -----------------------------------------------------------------------------


def test_a_destructive_question_names_its_buttons_and_keeps_no_as_the_default(
    qtbot: QtBot,
) -> None:
    parent = shown(qtbot, QWidget())
    removed: list[str] = []
    box = confirm(
        parent,
        title="Remove clock",
        text="Remove this clock?",
        detail="You can undo this straight after.",
        yes="Remove",
        no="Keep it",
        on_yes=lambda: removed.append("yes"),
        destructive=True,
    )
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert sorted(b.text() for b in box.buttons()) == ["Keep it", "Remove"]
    assert all(b.icon().isNull() for b in box.buttons())
    assert box.defaultButton().text() == "Keep it"  # Enter in a hurry destroys nothing
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert removed == []
    box = confirm(
        parent, title="t", text="x", yes="Remove", no="Keep it", on_yes=lambda: removed.append("y")
    )
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Remove"), LEFT)
    qtbot.waitUntil(lambda: removed == ["y"], timeout=WAIT_MS)


def test_a_test_can_answer_the_next_question_in_advance(qtbot: QtBot) -> None:
    answers: list[int | None] = []
    set_next_answer(1)
    set_next_answer(None)
    for _ in range(2):
        assert (
            ask(
                None,
                title="Go on?",
                text="Go on where you left off?",
                answers=[Answer("Go on"), Answer("Start afresh"), Answer("Cancel")],
                default=0,
                escape=2,
                on_answer=answers.append,
            )
            is None  # answered at once, never shown
        )
    assert answers == [1, None]
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


# ----- the form frame ---------------------------------------------------------------------------


class NameForm(EntryDialog):
    def __init__(self) -> None:
        super().__init__(Path("/journal"))
        self.setWindowTitle("Name")
        self.save_button.setText("Add name")
        self.name = QLineEdit()
        self.other = QLineEdit()
        self.body.addWidget(self.name)
        self.body.addWidget(self.other)
        self.saved: list[str] = []

    def save(self) -> None:
        text = self.name.text()

        def keep() -> None:
            if not text:
                raise InvalidInput("Please give it a name.")
            self.saved.append(text)

        if self.message.run(keep):
            self.accept()


def test_a_form_tabs_through_its_fields_first_and_saves_with_ctrl_enter(qtbot: QtBot) -> None:
    form = shown(qtbot, NameForm())
    assert isinstance(form, NameForm)
    assert QApplication.focusWidget() is form.name  # a field, never the Save button
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.other
    qtbot.keyClick(form.other, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (form.save_button, form.cancel_button)
    assert all(b.icon().isNull() for b in form.buttons.buttons())
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible() and form.message.text() == "Please give it a name."
    qtbot.keyClicks(form.name, "Sam")
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    assert form.saved == ["Sam"]


def test_escape_cancels_a_form_and_saves_nothing(qtbot: QtBot) -> None:
    form = shown(qtbot, NameForm())
    assert isinstance(form, NameForm)
    qtbot.keyClicks(form.name, "Sam")
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    assert form.saved == []


# ----- the scrolling page -----------------------------------------------------------------------


def test_a_page_scrolls_up_and_down_only(qtbot: QtBot) -> None:
    page = ScrollPage()
    for n in range(60):
        page.column.addWidget(QLineEdit(f"line {n}"))
    page.resize(400, 300)
    shown(qtbot, page)
    assert page.verticalScrollBar().maximum() > 0
    assert page.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


class LongForm(NameForm):
    """A form taller than any screen: forty fields."""

    def __init__(self) -> None:
        super().__init__()
        self.extra = [QLineEdit() for _ in range(40)]
        for field in self.extra:
            self.body.addWidget(field)


def test_a_form_taller_than_the_screen_scrolls_with_its_buttons_in_reach(qtbot: QtBot) -> None:
    form = shown(qtbot, LongForm())
    assert isinstance(form, LongForm)
    screen = form.screen().availableGeometry()
    assert form.frameGeometry().bottom() <= screen.bottom()  # the whole dialog is on screen
    assert form.height() < form.page.content.sizeHint().height()  # so its fields scroll
    save = form.save_button
    assert save.isVisible()
    assert form.rect().contains(save.mapTo(form, save.rect().bottomRight()))
    form.extra[-1].setFocus()
    form.page.ensureWidgetVisible(form.extra[-1])
    assert form.page.verticalScrollBar().value() > 0  # the last field is reached by scrolling


def test_a_short_form_takes_the_room_it_needs_and_no_more(qtbot: QtBot) -> None:
    form = shown(qtbot, NameForm())
    assert form.page.verticalScrollBar().maximum() == 0  # nothing hidden below
    assert form.height() < form.screen().availableGeometry().height() / 2


def test_an_acknowledgement_comes_into_view_and_goes_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_app.ui.kit import message_line

    monkeypatch.setattr(message_line, "ACKNOWLEDGED_MS", 50)
    page = ScrollPage()
    page.resize(300, 200)
    for _ in range(30):
        page.column.addWidget(QLineEdit())
    note = MessageLine(note=True)
    page.column.addWidget(note)  # far below what shows
    shown(qtbot, page)
    note.acknowledge("Saved.")
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() > 0, timeout=WAIT_MS)
    assert note.isVisible() and note.accessibleName() == "Saved."
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=WAIT_MS)
    note.acknowledge("Saved.")
    note.say("Something else.")  # said since: not taken away with the old word
    qtbot.wait(120)
    assert note.text() == "Something else."


def test_a_flow_row_wraps_when_narrow_and_never_cuts_a_control(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout

    from recovery_app.ui.kit.flow import FlowLayout, group

    host = QWidget()
    column = QVBoxLayout(host)
    holder = QWidget()
    row = FlowLayout(holder)
    combos = []
    for name in ("Everyone", "Northern seasons", "Warn before hard memories"):
        combo = QComboBox()
        combo.addItem(name)
        combos.append(combo)
        row.addWidget(group(QLabel("Label"), combo))
    column.addWidget(holder)
    column.addStretch(1)
    shown(qtbot, host)
    host.resize(1200, 300)
    qtbot.waitUntil(lambda: len({c.mapTo(host, c.rect().topLeft()).y() for c in combos}) == 1)
    host.resize(300, 300)  # too narrow for one line: they wrap, each at its full size
    qtbot.waitUntil(lambda: len({c.mapTo(host, c.rect().topLeft()).y() for c in combos}) == 3)
    for combo in combos:
        assert combo.width() >= combo.sizeHint().width()
        right = combo.mapTo(host, combo.rect().topRight()).x()
        assert right < host.width()
