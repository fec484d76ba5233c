"""Reasons for distance, people to reach instead, and unsent letters, driven as a person would.

Letters save as the person types: a save waits for a pause in the typing. Tests that wait for
that pause shorten it (SAVE_DELAY_MS) rather than sleep; tests of the other saves (focus out,
hide, switching letters, closing the dialog) keep the real delay to show they don't need it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest
import shiboken6
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_app.domain.support import SupportPersonDetails
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit.theme import LIGHT, style_sheet
from recovery_app.ui.urges import letter_pad
from recovery_app.ui.urges.letter_pad import LetterPad, LetterPadDialog
from recovery_app.ui.urges.letters_screen import FIRST_LINE_CHARS, LettersScreen
from recovery_app.ui.urges.reasons_editor import ReasonDialog, ReasonsEditor
from recovery_app.ui.urges.support_people_editor import PersonDialog, SupportPeopleEditor

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)


# ----- helpers --------------------------------------------------------------------------------


class StepClock:
    """'Now' for the services: each letter started a minute after the one before."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 20, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def reasons(vault: Vault, clock: StepClock) -> ReasonService:
    return ReasonService(vault, now=clock)


@pytest.fixture
def people(vault: Vault, clock: StepClock) -> SupportPeopleService:
    return SupportPeopleService(vault, now=clock)


@pytest.fixture
def letters(vault: Vault, clock: StepClock) -> LetterService:
    return LetterService(vault, now=clock)


@pytest.fixture
def styled() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(style_sheet(LIGHT))
    yield
    app.setStyleSheet(before)


@pytest.fixture
def quick_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause before a save while typing, made short so a test can wait for it."""
    monkeypatch.setattr(letter_pad, "SAVE_DELAY_MS", 20)


def show(qtbot: QtBot, widget: W, width: int = 760, height: int = 560) -> W:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    return widget


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """The offscreen platform has no window manager: make the window active by hand."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def type_in(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(widget, text)


def rows(editor: ReasonsEditor | SupportPeopleEditor | LettersScreen) -> list[str]:
    return [editor.list.item(i).text() for i in range(editor.list.count())]


def dialog_of(qtbot: QtBot, owner: ReasonsEditor | SupportPeopleEditor, kind: type[W]) -> W:
    dialog = owner.dialog
    assert isinstance(dialog, kind), f"expected a {kind.__name__}, found {dialog!r}"
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def save_button(dialog: QWidget) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    save = box.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    return save


def reason_texts(reasons: ReasonService) -> list[str]:
    return [r.text for r in reasons.reasons()]


def names(people: SupportPeopleService) -> list[str]:
    return [p.details.name for p in people.people()]


def bodies(letters: LetterService) -> list[str]:
    return [letter.body for letter in letters.letters()]


# ----- reasons --------------------------------------------------------------------------------


def test_reasons_start_empty_with_a_gentle_prompt_and_an_example(
    qtbot: QtBot, reasons: ReasonService
) -> None:
    editor = show(qtbot, ReasonsEditor(reasons))
    assert editor.empty_state.isVisible()
    assert not editor.list.isVisible()
    assert "I sleep through the night now" in editor.new_reason.placeholderText()
    assert not editor.remove_button.isVisible()


def test_reasons_are_added_by_typing_and_enter(qtbot: QtBot, reasons: ReasonService) -> None:
    editor = show(qtbot, ReasonsEditor(reasons))

    type_in(qtbot, editor.new_reason, "I sleep through the night now")
    press(qtbot, Qt.Key.Key_Return)
    assert reason_texts(reasons) == ["I sleep through the night now"]
    assert editor.new_reason.text() == ""
    assert editor.new_reason.hasFocus()  # ready for the next one

    qtbot.keyClicks(editor.new_reason, "<b>My friends</b> came back")
    press(qtbot, Qt.Key.Key_Enter)
    assert reason_texts(reasons) == ["I sleep through the night now", "<b>My friends</b> came back"]
    assert rows(editor) == reason_texts(reasons)  # as typed, never read as markup
    assert editor.list.isVisible()
    assert not editor.empty_state.isVisible()
    assert editor.list.currentRow() == 1  # the new one, at the end


def test_an_empty_reason_is_refused_kindly(qtbot: QtBot, reasons: ReasonService) -> None:
    editor = show(qtbot, ReasonsEditor(reasons))
    type_in(qtbot, editor.new_reason, "   ")
    press(qtbot, Qt.Key.Key_Return)
    assert reason_texts(reasons) == []
    assert editor.message.isVisible()
    assert editor.message.text() == "A reason needs a few words."

    qtbot.keyClicks(editor.new_reason, "I can breathe")
    qtbot.mouseClick(editor.add_button, LEFT)
    assert reason_texts(reasons) == ["I can breathe"]
    assert not editor.message.isVisible()


def test_a_reason_is_reworded_in_its_own_small_dialog(qtbot: QtBot, reasons: ReasonService) -> None:
    reasons.add("I sleep")
    reasons.add("My friends")
    editor = show(qtbot, ReasonsEditor(reasons))
    editor.list.setFocus()
    editor.list.setCurrentRow(0)

    press(qtbot, Qt.Key.Key_F2)
    dialog = dialog_of(qtbot, editor, ReasonDialog)
    assert dialog.text.toPlainText() == "I sleep"
    assert dialog.text.hasFocus()
    qtbot.keyClicks(dialog.text, " through the night now")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert reason_texts(reasons) == ["I sleep through the night now", "My friends"]
    assert rows(editor)[0] == "I sleep through the night now"
    assert editor.list.currentRow() == 0

    # Emptied, it is refused kindly and the dialog stays; Cancel leaves the reason as it was.
    activate(qtbot, editor)
    editor.list.setCurrentRow(1)
    qtbot.mouseClick(editor.edit_button, LEFT)
    dialog = dialog_of(qtbot, editor, ReasonDialog)
    dialog.text.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert dialog.isVisible()
    assert dialog.message.text() == "A reason needs a few words."
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert reason_texts(reasons) == ["I sleep through the night now", "My friends"]


def test_reasons_are_reordered_with_alt_arrows_and_buttons(
    qtbot: QtBot, reasons: ReasonService
) -> None:
    for text in ("one", "two", "three"):
        reasons.add(text)
    editor = show(qtbot, ReasonsEditor(reasons))
    editor.list.setFocus()
    editor.list.setCurrentRow(2)
    assert not editor.down_button.isEnabled()

    press(qtbot, Qt.Key.Key_Up, ALT)
    assert reason_texts(reasons) == ["one", "three", "two"]
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert reason_texts(reasons) == ["three", "one", "two"]
    assert rows(editor) == ["three", "one", "two"]
    assert editor.list.currentItem().text() == "three"  # the moved reason stays chosen
    assert not editor.up_button.isEnabled()
    press(qtbot, Qt.Key.Key_Up, ALT)  # already at the top: nothing changes
    assert reason_texts(reasons) == ["three", "one", "two"]
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert reason_texts(reasons) == ["one", "three", "two"]

    qtbot.mouseClick(editor.down_button, LEFT)
    assert reason_texts(reasons) == ["one", "two", "three"]
    # The button just went grey at the bottom: the focus goes back to the list, not astray.
    assert editor.list.hasFocus()
    qtbot.mouseClick(editor.up_button, LEFT)
    assert reason_texts(reasons) == ["one", "three", "two"]


def test_a_removed_reason_comes_back_in_its_place_with_ctrl_z(
    qtbot: QtBot, reasons: ReasonService
) -> None:
    for text in ("one", "two", "three"):
        reasons.add(text)
    editor = show(qtbot, ReasonsEditor(reasons))
    editor.list.setFocus()
    editor.list.setCurrentRow(1)

    press(qtbot, Qt.Key.Key_Delete)
    assert reason_texts(reasons) == ["one", "three"]
    assert editor.undo_bar.isVisible()
    assert editor.undo_bar.text.text() == "Reason removed."
    assert editor.list.hasFocus()
    assert editor.list.currentItem().text() == "three"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert reason_texts(reasons) == ["one", "two", "three"]
    assert not editor.undo_bar.isVisible()
    assert editor.list.currentItem().text() == "two"

    # With the button too, down to an empty list and back.
    for _ in range(3):
        editor.list.setCurrentRow(0)
        qtbot.mouseClick(editor.remove_button, LEFT)
    assert reason_texts(reasons) == []
    assert editor.empty_state.isVisible()
    assert editor.new_reason.hasFocus()
    qtbot.mouseClick(editor.undo_bar.button, LEFT)
    assert reason_texts(reasons) == ["three"]  # the last one removed


# ----- support people -------------------------------------------------------------------------


def test_people_start_empty_with_a_warm_prompt_and_a_helpline_pointer(
    qtbot: QtBot, people: SupportPeopleService
) -> None:
    editor = show(qtbot, SupportPeopleEditor(people))
    assert editor.empty_state.isVisible()
    assert "Who could you talk to instead?" in editor.empty_state.text()

    line = editor.helpline
    assert line.isVisible()
    assert "findahelpline.com" in line.text()
    assert not re.search(r"\d", line.text())  # no country's number is assumed
    # Selectable plain text, never a link: nothing is opened, dialled or sent.
    assert line.textFormat() == Qt.TextFormat.PlainText
    assert not line.openExternalLinks()
    flags = line.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not flags & Qt.TextInteractionFlag.LinksAccessibleByMouse
    assert not flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    for label in editor.findChildren(QLabel):
        assert "href" not in label.text()
        assert not label.openExternalLinks()


def test_someone_is_added_edited_moved_and_removed_with_undo(
    qtbot: QtBot, people: SupportPeopleService
) -> None:
    people.add(SupportPersonDetails("Ana", "call any time"))
    editor = show(qtbot, SupportPeopleEditor(people))

    # Add: Ctrl+N, type, Tab between fields, Ctrl+Enter saves.
    editor.list.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = dialog_of(qtbot, editor, PersonDialog)
    assert dialog.name.hasFocus()
    qtbot.keyClicks(dialog.name, "Sam")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "text after 6pm: 07700 900123")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Knows the whole story")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    [ana, sam] = people.people()
    assert sam.details == SupportPersonDetails(
        "Sam", "text after 6pm: 07700 900123", "Knows the whole story"
    )
    assert rows(editor)[1] == "Sam  ·  text after 6pm: 07700 900123\nKnows the whole story"
    assert editor.list.currentRow() == 1

    # Edit: the name can't be left empty; the rest changes.
    activate(qtbot, editor)
    qtbot.mouseClick(editor.edit_button, LEFT)
    dialog = dialog_of(qtbot, editor, PersonDialog)
    assert dialog.name.text() == "Sam"
    dialog.name.clear()
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert dialog.isVisible()
    assert "name" in dialog.message.text()
    qtbot.keyClicks(dialog.name, "Sam R.")
    dialog.reach.clear()
    qtbot.mouseClick(save_button(dialog), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert people.people()[1].details == SupportPersonDetails("Sam R.", "", "Knows the whole story")

    # Move: Alt+Up in the list, then the Move down button.
    activate(qtbot, editor)
    editor.list.setFocus()
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert names(people) == ["Sam R.", "Ana"]
    qtbot.mouseClick(editor.down_button, LEFT)
    assert names(people) == ["Ana", "Sam R."]

    # Remove, and bring back with Ctrl+Z.
    editor.list.setFocus()
    editor.list.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert names(people) == ["Sam R."]
    assert editor.undo_bar.isVisible()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert names(people) == ["Ana", "Sam R."]
    assert people.people()[0].details == ana.details
    assert not editor.undo_bar.isVisible()


def test_adding_someone_can_be_cancelled(qtbot: QtBot, people: SupportPeopleService) -> None:
    editor = show(qtbot, SupportPeopleEditor(people))
    qtbot.mouseClick(editor.add_button, LEFT)
    dialog = dialog_of(qtbot, editor, PersonDialog)
    qtbot.keyClicks(dialog.name, "Sam")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert people.people() == []
    assert editor.empty_state.isVisible()


# ----- letters: saving as the person types ----------------------------------------------------


def test_typing_saves_after_a_pause_and_the_letter_joins_the_list(
    qtbot: QtBot, letters: LetterService, quick_saves: None
) -> None:
    screen = show(qtbot, LettersScreen(letters))
    pad = screen.pad
    assert screen.empty_state.isVisible()
    assert not pad.feeling_box.isVisible()  # asked only after writing
    assert pad.when.text() == "New letter"

    type_in(qtbot, pad.editor, "Dear you")
    # Mid-typing: nothing is written to the journal yet, and the pad says it's on its way.
    assert pad.save_timer.isActive()
    assert pad.status.text() == "Saving…"
    assert letters.letters() == []

    qtbot.waitUntil(lambda: bodies(letters) == ["Dear you"], timeout=WAIT_MS)
    assert pad.status.text() == "Saved"
    qtbot.waitUntil(lambda: rows(screen) == ["1 March 2025, 20:00\nDear you"], timeout=WAIT_MS)
    assert screen.list.currentRow() == 0
    assert pad.feeling_box.isVisible()
    assert pad.when.text() == "Started 1 March 2025, 20:00"

    qtbot.keyClicks(pad.editor, ",")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(pad.editor, "I wanted to say")
    qtbot.waitUntil(lambda: bodies(letters) == ["Dear you,\nI wanted to say"], timeout=WAIT_MS)
    assert len(letters.letters()) == 1  # the same letter, not a new one per save
    qtbot.waitUntil(lambda: rows(screen) == ["1 March 2025, 20:00\nDear you,"], timeout=WAIT_MS)


def test_leaving_the_editor_or_hiding_the_screen_saves_at_once(
    qtbot: QtBot, letters: LetterService
) -> None:
    host = QWidget()
    layout = QVBoxLayout(host)
    screen = LettersScreen(letters)
    layout.addWidget(screen)
    show(qtbot, host)
    pad = screen.pad

    type_in(qtbot, pad.editor, "First words")
    press(qtbot, Qt.Key.Key_Tab)  # the focus leaves the letter
    assert bodies(letters) == ["First words"]
    assert not pad.save_timer.isActive()

    type_in(qtbot, pad.editor, " and more")
    assert bodies(letters) == ["First words"]
    # Locking hides the journal's screens, then destroys them and closes the vault.
    host.hide()
    assert bodies(letters) == ["First words and more"]


def test_switching_letters_keeps_both(
    qtbot: QtBot, letters: LetterService, clock: StepClock
) -> None:
    screen = show(qtbot, LettersScreen(letters))
    pad = screen.pad
    type_in(qtbot, pad.editor, "Letter one")
    press(qtbot, Qt.Key.Key_N, CTRL)  # before any pause: switching saves first
    assert bodies(letters) == ["Letter one"]
    assert pad.editor.toPlainText() == ""
    assert pad.editor.hasFocus()
    qtbot.waitUntil(lambda: screen.list.count() == 1, timeout=WAIT_MS)

    clock.advance()
    qtbot.keyClicks(pad.editor, "Letter two, unfinished")
    # Choose the first letter in the list: the second is saved before the first opens.
    first = screen.list.item(screen.list.count() - 1)
    rect = screen.list.visualItemRect(first)
    qtbot.mouseClick(screen.list.viewport(), LEFT, pos=rect.center())
    assert bodies(letters) == ["Letter two, unfinished", "Letter one"]
    assert pad.editor.toPlainText() == "Letter one"  # the one clicked, not the one now on top
    qtbot.waitUntil(lambda: screen.list.count() == 2, timeout=WAIT_MS)
    assert screen.list.currentRow() == 1

    qtbot.keyClicks(pad.editor, ", reread and carried on")
    screen.list.setCurrentRow(0)
    assert bodies(letters) == ["Letter two, unfinished", "Letter one, reread and carried on"]
    assert pad.editor.toPlainText() == "Letter two, unfinished"


def test_an_untouched_new_letter_leaves_nothing_behind(
    qtbot: QtBot, letters: LetterService, quick_saves: None
) -> None:
    screen = show(qtbot, LettersScreen(letters))
    pad = screen.pad
    qtbot.mouseClick(screen.new_button, LEFT)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.mouseClick(screen.new_button, LEFT)

    # Typed and taken back before the pause: still nothing.
    type_in(qtbot, pad.editor, "ab")
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    assert not pad.save_timer.isActive()  # nothing left to save
    qtbot.wait(60)  # and past the (shortened) pause, still nothing
    screen.hide()
    assert letters.letters() == []
    assert screen.list.count() == 0
    assert pad.status.text() == ""


def test_the_pad_saves_even_as_it_is_destroyed(qtbot: QtBot, letters: LetterService) -> None:
    pad = LetterPad(letters)
    qtbot.keyClicks(pad.editor, "Never shown, still kept")
    assert letters.letters() == []
    shiboken6.delete(pad)
    assert bodies(letters) == ["Never shown, still kept"]


def test_how_i_feel_now_is_optional_saved_and_clearable(
    qtbot: QtBot, letters: LetterService, styled: None
) -> None:
    screen = show(qtbot, LettersScreen(letters))
    pad = screen.pad
    type_in(qtbot, pad.editor, "It's done.")
    press(qtbot, Qt.Key.Key_Tab)
    assert pad.feeling_box.isVisible()
    [letter] = letters.letters()
    assert letter.feeling_after is None  # nothing chosen in advance

    qtbot.mouseClick(pad.feeling.buttons[7], LEFT)
    assert letters.get(letter.id).feeling_after == 7
    qtbot.mouseClick(pad.feeling.buttons[0], LEFT)
    assert letters.get(letter.id).feeling_after == 0
    qtbot.mouseClick(pad.feeling.buttons[0], LEFT)  # again: cleared
    assert letters.get(letter.id).feeling_after is None

    # Reopened later, the letter shows the feeling it was saved with.
    pad.feeling.buttons[10].click()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert pad.feeling.value() is None
    qtbot.waitUntil(lambda: screen.list.count() == 1, timeout=WAIT_MS)
    screen.list.setCurrentRow(0)
    assert pad.feeling.value() == 10
    # All eleven answers fit beside the list, none clipped.
    for button in pad.feeling.buttons:
        assert button.width() >= button.minimumSizeHint().width()


def test_letters_are_listed_newest_first_with_date_and_first_line(
    qtbot: QtBot, letters: LetterService, clock: StepClock
) -> None:
    letters.start("\n\nYou never asked how I was.\nNot once.")
    clock.advance(60 * 24 * 5)
    letters.start("I miss you. " * 20)
    clock.advance(60 * 24 * 5)
    letters.start("   ")
    screen = show(qtbot, LettersScreen(letters))
    assert rows(screen) == [
        "11 March 2025, 20:00\n(no words yet)",
        "6 March 2025, 20:00\n" + ("I miss you. " * 5).strip() + "…",
        "1 March 2025, 20:00\nYou never asked how I was.",
    ]
    assert screen.list.currentRow() == -1  # it opens on a fresh page
    assert screen.pad.letter_id is None


def test_each_letter_row_is_a_date_and_one_line_cut_with_an_ellipsis(
    qtbot: QtBot, letters: LetterService, clock: StepClock
) -> None:
    letters.start("Short.")
    clock.advance()
    opening = "A first line far too long for the narrow list beside the pad, and more"
    letters.start(opening)
    screen = show(qtbot, LettersScreen(letters))
    assert screen.list.uniformItemSizes()  # one row is measured, not two hundred
    assert screen.list.textElideMode() == Qt.TextElideMode.ElideRight
    assert not screen.list.wordWrap()
    heights = {screen.list.visualItemRect(screen.list.item(r)).height() for r in range(2)}
    [height] = heights
    line = screen.list.fontMetrics().lineSpacing()
    assert 2 * line <= height < 3 * line + 20  # two lines and the row's padding, never three
    # What a screen reader hears is the whole row, not the cut one on screen.
    assert screen.list.item(0).text().endswith(opening[: FIRST_LINE_CHARS - 1].rstrip() + "…")


def test_a_letter_is_deleted_after_asking_and_comes_back_with_ctrl_z(
    qtbot: QtBot, letters: LetterService, clock: StepClock
) -> None:
    letters.start("older")
    clock.advance()
    letters.start("newer")
    screen = show(qtbot, LettersScreen(letters))
    assert not screen.delete_button.isEnabled()  # a fresh page has nothing to delete
    screen.list.setFocus()
    screen.list.setCurrentRow(1)
    assert screen.pad.editor.toPlainText() == "older"
    qtbot.keyClicks(screen.pad.editor, ", and a last line")

    qtbot.mouseClick(screen.delete_button, LEFT)
    box = screen.dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert box.defaultButton().text() == "Keep it"
    [delete] = [b for b in box.buttons() if b.text() == "Delete"]
    qtbot.mouseClick(delete, LEFT)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert bodies(letters) == ["newer"]
    assert rows(screen) == ["1 March 2025, 20:01\nnewer"]
    assert screen.pad.letter_id is None
    assert screen.undo_bar.isVisible()
    assert screen.undo_bar.text.text() == "Letter deleted."

    activate(qtbot, screen)
    assert screen.undo_bar.button.hasFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert bodies(letters) == ["newer", "older, and a last line"]  # with what was typed last
    assert not screen.undo_bar.isVisible()
    assert screen.pad.editor.toPlainText() == "older, and a last line"
    assert screen.list.currentRow() == 1


def test_keeping_a_letter_when_asked_deletes_nothing(qtbot: QtBot, letters: LetterService) -> None:
    letters.start("keep me")
    screen = show(qtbot, LettersScreen(letters))
    screen.list.setFocus()
    screen.list.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    box = screen.dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert bodies(letters) == ["keep me"]
    assert not screen.undo_bar.isVisible()


# ----- the letter pad dialog (from the guide) -------------------------------------------------


@pytest.fixture
def open_pad_dialog(qtbot: QtBot, letters: LetterService) -> Callable[[], LetterPadDialog]:
    owner = show(qtbot, QWidget(), 400, 300)  # as the guide would be

    def build() -> LetterPadDialog:
        dialog = LetterPadDialog(letters, parent=owner)
        dialog.open()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
        assert dialog.pad.editor.hasFocus()
        return dialog

    return build


@pytest.mark.parametrize("how", ["escape", "done", "rejected by locking", "window closed"])
def test_closing_the_pad_dialog_mid_sentence_keeps_the_letter(
    qtbot: QtBot,
    letters: LetterService,
    open_pad_dialog: Callable[[], LetterPadDialog],
    how: str,
) -> None:
    dialog = open_pad_dialog()
    qtbot.keyClicks(dialog.pad.editor, "I wanted to tell you that I")
    assert letters.letters() == []
    if how == "escape":
        press(qtbot, Qt.Key.Key_Escape)
    elif how == "done":
        qtbot.mouseClick(dialog.done_button, LEFT)
    elif how == "rejected by locking":
        dialog.reject()
    else:
        dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert bodies(letters) == ["I wanted to tell you that I"]
    letter = dialog.letter()
    assert letter is not None
    assert letter.body == "I wanted to tell you that I"


def test_a_pad_dialog_closed_untouched_leaves_nothing(
    qtbot: QtBot, letters: LetterService, open_pad_dialog: Callable[[], LetterPadDialog]
) -> None:
    dialog = open_pad_dialog()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert letters.letters() == []
    assert dialog.letter() is None


def test_the_pad_dialog_asks_how_i_feel_after_writing(
    qtbot: QtBot, letters: LetterService, open_pad_dialog: Callable[[], LetterPadDialog]
) -> None:
    dialog = open_pad_dialog()
    assert not dialog.pad.feeling_box.isVisible()
    qtbot.keyClicks(dialog.pad.editor, "That's all.")
    press(qtbot, Qt.Key.Key_Tab)  # on to the feeling row
    assert dialog.pad.feeling_box.isVisible()
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() in dialog.pad.feeling.buttons, timeout=WAIT_MS
    )
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    [letter] = letters.letters()
    assert letter.feeling_after == 2
    assert letter.body == "That's all."
