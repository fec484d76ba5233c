"""Understanding, driven as a person would: the section by its shortcut, a reading opened by
keys (its note first), searched, marked read, its tools opening the app's own places, and a
reader that scrolls by keyboard at a readable width at 900×600 and 1280×800, with every
control named for a screen reader."""

from __future__ import annotations

import pytest
from helpers.main_view import WAIT_MS, FakeNow, focus, open_main_view, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from recovery_app.domain.readings import Tool
from recovery_app.services.readings import load_readings
from recovery_app.ui.exercises.runner import ExerciseRunner
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import EXERCISES, UNDERSTANDING, URGES, WHOLE
from recovery_app.ui.understanding.screen import UnderstandingScreen
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
LIBRARY = load_readings()


@pytest.fixture
def view(qtbot: QtBot, service, vault) -> MainView:
    return open_main_view(qtbot, service, vault, FakeNow())


def understanding(qtbot: QtBot, view: MainView) -> UnderstandingScreen:
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert view.current_section() == UNDERSTANDING
    return view.understanding


def open_by_keys(qtbot: QtBot, screen: UnderstandingScreen, reading_id: str) -> None:
    """Ctrl+F, the reading's title typed, Tab to its card, Enter."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focus() is screen.search
    reading = LIBRARY.get(reading_id)
    assert reading is not None
    qtbot.keyClicks(screen.search, reading.title)
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is screen.cards[0].open_button
    assert screen.cards[0].card.id == reading_id
    press(qtbot, Qt.Key.Key_Return)
    assert screen.currentWidget() is screen.reader


def test_a_reading_opens_by_keys_its_note_first_and_esc_comes_back(
    qtbot: QtBot, view: MainView
) -> None:
    screen = understanding(qtbot, view)
    assert [c.card.id for c in screen.cards] == [r.id for r in LIBRARY.readings]
    press(qtbot, Qt.Key.Key_F, CTRL)
    press(qtbot, Qt.Key.Key_Tab)  # from the search to the first card
    first = screen.cards[0]
    assert focus() is first.open_button
    assert first.open_button.accessibleName() == "Read: What a trauma bond is"
    assert "Content note" in first.open_button.accessibleDescription()
    press(qtbot, Qt.Key.Key_Return)

    reader = screen.reader
    assert screen.currentWidget() is reader
    assert reader.title.text() == "What a trauma bond is"
    assert reader.note_shown and not reader.body.isVisible()  # the note first, and only it
    assert reader.note_text.text() == LIBRARY.readings[0].content_note
    assert focus() is reader.go_on_button
    press(qtbot, Qt.Key.Key_Return)  # "Go on to the reading"
    assert not reader.note_shown and reader.body.isVisible()
    assert focus() is reader.scroll_page
    press(qtbot, Qt.Key.Key_Tab)
    first_paragraph = focus()
    assert isinstance(first_paragraph, QLabel)
    assert first_paragraph.accessibleName() == LIBRARY.readings[0].paragraphs[0]

    press(qtbot, Qt.Key.Key_Escape)
    assert screen.currentWidget() is screen.list_page
    assert focus() is screen.card("trauma_bond").open_button  # back where the person was
    press(qtbot, Qt.Key.Key_Return)
    assert not reader.note_shown  # "Go on" was chosen once; it isn't asked again this time
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back, as in a browser
    assert screen.currentWidget() is screen.list_page


def test_not_now_on_the_note_goes_back_without_reading(qtbot: QtBot, view: MainView) -> None:
    screen = understanding(qtbot, view)
    open_by_keys(qtbot, screen, "the_cycle")
    assert screen.reader.note_shown
    qtbot.mouseClick(screen.reader.not_now_button, LEFT)
    assert screen.currentWidget() is screen.list_page
    screen.open_reading("the_cycle")
    assert screen.reader.note_shown  # not gone on: the note comes first again


def test_search_by_word_and_esc_clears_it(qtbot: QtBot, view: MainView) -> None:
    screen = understanding(qtbot, view)
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(screen.search, "cup of tea")
    assert [c.card.id for c in screen.cards] == ["several_tries"]
    assert screen.results.text() == "1 of 11 readings have those words."
    assert screen.search.accessibleDescription() == screen.results.text()
    screen.search.clear()
    qtbot.keyClicks(screen.search, "zebra crossing")
    assert screen.cards == []
    assert screen.results.isVisible()
    assert screen.results.text().startswith("No reading has all of those words.")
    press(qtbot, Qt.Key.Key_Escape)
    assert screen.search.text() == ""
    assert len(screen.cards) == len(LIBRARY.readings)
    assert not screen.results.isVisible()


def test_marking_read_is_kept_in_the_journal_and_shown_on_the_card(
    qtbot: QtBot, view: MainView
) -> None:
    screen = understanding(qtbot, view)
    open_by_keys(qtbot, screen, "withdrawal")  # no note: straight to the reading
    reader = screen.reader
    assert reader.body.isVisible()
    assert reader.mark_button.text() == "Mark as read"
    assert "Not read yet" in reader.meta.text()
    qtbot.mouseClick(reader.mark_button, LEFT)
    assert screen.readings.read_ids() == {"withdrawal"}
    assert reader.status.isVisible() and reader.status.text().startswith("Marked as read.")
    assert reader.mark_button.text() == "Mark as not read yet"
    assert reader.meta.text().startswith("About 2 minutes · Read")
    press(qtbot, Qt.Key.Key_Escape)
    screen.search.clear()
    card = screen.card("withdrawal")
    assert card.open_button.text() == "Read again"
    assert "· Read" in card.meta.text()
    assert screen.card("grief").open_button.text() == "Read"

    qtbot.mouseClick(card.open_button, LEFT)
    qtbot.mouseClick(reader.mark_button, LEFT)  # and back to not read yet
    assert screen.readings.read_ids() == frozenset()
    assert reader.mark_button.text() == "Mark as read"


def first_with(tool: Tool) -> str:
    return next(r.id for r in LIBRARY.readings if any(t.tool is tool for t in r.tools))


def click_tool(qtbot: QtBot, screen: UnderstandingScreen, reading_id: str, tool: Tool) -> None:
    screen.open_reading(reading_id)
    if screen.reader.note_shown:
        qtbot.mouseClick(screen.reader.go_on_button, LEFT)
    page = screen.reader.page
    assert page is not None
    index = next(i for i, b in enumerate(page.tools) if b.tool is tool)
    button = screen.reader.tool_buttons[index]
    assert button.text() == page.tools[index].label
    button.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter on a tool opens it


def test_whole_relationship_opens_from_a_reading(qtbot: QtBot, view: MainView) -> None:
    screen = understanding(qtbot, view)
    click_tool(qtbot, screen, first_with(Tool.WHOLE_RELATIONSHIP), Tool.WHOLE_RELATIONSHIP)
    assert view.current_section() == WHOLE
    assert view.pages.currentWidget() is view.whole


def test_an_exercise_opens_by_its_id_from_a_reading(qtbot: QtBot, view: MainView) -> None:
    screen = understanding(qtbot, view)
    click_tool(qtbot, screen, "withdrawal", Tool.EXERCISE)
    assert view.current_section() == EXERCISES
    runner = view.exercises.dialog
    assert isinstance(runner, ExerciseRunner)
    qtbot.waitExposed(runner)
    assert runner.exercise.id == "prediction_check"
    runner.reject()


def test_ride_the_wave_opens_over_the_reading(qtbot: QtBot, view: MainView) -> None:
    screen = understanding(qtbot, view)
    click_tool(qtbot, screen, "withdrawal", Tool.RIDE_THE_WAVE)
    guide = view.urges.dialog
    assert isinstance(guide, RideTheWaveDialog)
    qtbot.waitExposed(guide)
    assert view.current_section() == UNDERSTANDING  # the reading is there when it closes
    guide.reject()
    assert screen.currentWidget() is screen.reader


@pytest.mark.parametrize(
    ("tool", "tab"),
    [(Tool.LETTER_PAD, "LETTERS"), (Tool.SUPPORT_PEOPLE, "PEOPLE"), (Tool.REASONS, "REASONS")],
)
def test_the_urges_tools_open_on_their_tab(
    qtbot: QtBot, view: MainView, tool: Tool, tab: str
) -> None:
    screen = understanding(qtbot, view)
    click_tool(qtbot, screen, first_with(tool), tool)
    assert view.current_section() == URGES
    urges = view.urges
    assert urges.currentIndex() == getattr(urges, tab)
    if tool is Tool.LETTER_PAD:
        assert urges.letters.pad.letter_id is None  # a fresh page
        assert urges.letters.isAncestorOf(focus())  # the cursor in it, ready to write


@pytest.mark.parametrize("size", [(900, 600), (1280, 800)], ids=["900x600", "1280x800"])
def test_the_reader_scrolls_by_keyboard_at_a_readable_width(
    qtbot: QtBot, service, vault, size: tuple[int, int]
) -> None:
    view = open_main_view(qtbot, service, vault, FakeNow(), size=size)
    screen = understanding(qtbot, view)
    open_by_keys(qtbot, screen, "grief")
    reader = screen.reader
    bar = reader.scroll_page.verticalScrollBar()
    assert focus() is reader.scroll_page
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)  # laid out: longer than the window
    assert bar.value() == 0
    press(qtbot, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    press(qtbot, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    press(qtbot, Qt.Key.Key_Home)
    assert bar.value() == 0
    press(qtbot, Qt.Key.Key_Down)
    assert bar.value() > 0

    viewport = reader.scroll_page.viewport().width()
    texts = [w for w in reader.measure.findChildren(QLabel) if w.isVisible()]
    assert texts
    for label in texts:
        assert label.width() <= viewport  # nothing cut off at the side
        # A readable line, however wide the window: the text inside the label's inset (its
        # focus bar and padding) is at most about 72 characters of its own font.
        if label.objectName() == "reading-text":
            inset = 3 + 9 + 6
            assert label.width() - inset <= label.fontMetrics().averageCharWidth() * 72
    # Tab walks into the text; the page follows the focus.
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Tab)
    focused = focus()
    assert isinstance(focused, QLabel) and reader.measure.isAncestorOf(focused)
    assert not focused.visibleRegion().isEmpty()


def test_every_control_is_named_and_the_text_is_reachable(qtbot: QtBot, view: MainView) -> None:
    screen = understanding(qtbot, view)
    search = screen.search
    assert isinstance(search, QLineEdit) and search.accessibleName() == "Search the readings"
    for card in screen.cards:
        assert card.open_button.accessibleName().endswith(card.card.title)
    open_by_keys(qtbot, screen, "several_tries")
    reader = screen.reader
    buttons = [b for b in screen.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 5  # back, three tools, mark as read
    for button in buttons:
        name = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
        assert name.strip(), button.objectName()
    paragraphs = [
        w for w in reader.measure.findChildren(QLabel) if w.objectName() == "reading-text"
    ]
    page = reader.page
    assert page is not None
    for text in (*page.reading.paragraphs, page.reading.do_here):
        label = next(w for w in paragraphs if w.accessibleName() == text)
        shown = QTextDocument()
        shown.setHtml(label.text())
        assert shown.toPlainText() == text  # shown as its words, never read as markup
        assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Tab reaches it
        name = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
        assert name == text  # and a screen reader reads it out
    assert reader.scroll_page.accessibleName() == page.reading.title
    assert QApplication.focusWidget() is reader.scroll_page


def test_without_the_main_windows_sections_no_tool_is_opened(qtbot: QtBot, vault) -> None:
    """The quick-log window on its own has no sections: asking opens nothing and says so."""
    from helpers.journal import journal_over, navigation_for

    navigation = navigation_for(journal_over(vault))
    assert not navigation.show_whole_relationship()
    assert not navigation.open_exercise("reality_check")
    assert not navigation.ride_the_wave()
    assert not navigation.write_a_letter()
    assert not navigation.show_support_people()
    assert not navigation.show_reasons()
    assert QApplication.topLevelWidgets() == [] or all(
        not w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_a_screen_reader_meets_the_reading_in_reading_order(qtbot: QtBot, view: MainView) -> None:
    """Its list of the reader's parts follows the page, not the order they were made in."""
    screen = understanding(qtbot, view)
    screen.open_reading("grief")
    screen.open_reading("several_tries")  # made anew for a second reading, still in order
    body = QAccessible.queryAccessibleInterface(screen.reader.body)

    def name(node: QAccessibleInterface) -> str:  # a row holding a button: the button's
        own = node.text(QAccessible.Text.Name)
        if own or not node.childCount():
            return own
        return node.child(0).text(QAccessible.Text.Name)

    names = [name(body.child(i)) for i in range(body.childCount())]
    page = screen.reader.page
    assert page is not None
    paragraphs = [names.index(p) for p in page.reading.paragraphs]
    assert paragraphs == sorted(paragraphs)
    tools = [names.index(b.label) for b in page.tools]
    assert max(paragraphs) < names.index("What you can do here") < min(tools)
    assert max(tools) < names.index("Mark as read") < names.index("Where this comes from")
