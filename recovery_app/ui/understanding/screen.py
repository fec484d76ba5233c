"""Understanding: short readings about the pull, as cards to search, and a reader.

Its own sidebar entry, not a tab beside Exercises. An exercise is something to do; a reading
is something to take in, often at a different moment (on a first evening, after reaching
out), and Today's gentle line and the guide's tools lead straight to one. A tab would put
the library one more click away and make it look like part of the exercise list; its own
section gets its own Ctrl+number, and Today's "Read it" lands on it directly.

Keyboard: Ctrl+F goes to the search (from the reader too); Tab walks the cards' buttons and
Enter opens one; in the reader, Esc or Alt+Left comes back to the list, to the same card.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QStackedWidget, QWidget

from recovery_app.domain.readings import Tool
from recovery_app.services.reading_text import ToolButton, reading_texts
from recovery_app.services.readings import ReadingService
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.understanding.cards import ReadingCardView
from recovery_app.ui.understanding.reader import ReadingReader

CARD_WIDTH = 300  # a card's comfortable width: the columns follow the window's
MAX_COLUMNS = 3


class UnderstandingScreen(QStackedWidget):
    reading_opened = Signal(str)  # the reading's id
    read_changed = Signal(str, bool)  # the reading's id, read now (True) or not yet

    def __init__(
        self,
        readings: ReadingService,
        navigation: Navigation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.readings = readings
        self.navigation = navigation
        self.texts = reading_texts()
        self.cards: list[ReadingCardView] = []
        self.columns = 2
        self._notes_passed: set[str] = set()  # "Go on" chosen, until the journal locks
        self._last_opened: str | None = None
        self._seen_changes: int | None = None  # the journal's change marker when last read
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        words = self.texts.screen
        self.list_page = QWidget()
        page = in_scroll_page(self.list_page, margins=(28, 20, 28, 20), spacing=12)
        page.setAccessibleName(words["title"])  # it takes the focus to scroll: name it
        column = page.column
        column.addWidget(heading(words["title"]))
        column.addWidget(paragraph(words["intro"], "hint"))
        # A file that didn't load is the developers' business: a quiet line, never a dialog.
        self.left_out = paragraph(words["files_left_out"], "small")
        self.left_out.setVisible(bool(self.readings.library.problems))
        column.addWidget(self.left_out)
        self.suggestions_off = paragraph(self.texts.suggestions["turned_off"], "small")
        column.addWidget(self.suggestions_off)

        self.search = QLineEdit()
        self.search.setPlaceholderText(words["search_label"])
        self.search.setAccessibleName(words["search_label"])
        self.search.setToolTip(self.tr("%1 (Ctrl+F)").replace("%1", words["search_label"]))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(CARD_WIDTH * 2)
        column.addWidget(self.search)
        self.results = paragraph("", "hint")
        column.addWidget(self.results)
        self.message = MessageLine(self.readings.data_dir)
        column.addWidget(self.message)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        column.addLayout(self.grid)
        column.addStretch(1)
        self.addWidget(self.list_page)

        self.reader = ReadingReader(self.readings, self.texts)
        self.addWidget(self.reader)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _text: self._show_cards())
        self.search.returnPressed.connect(self._to_first_card)
        self.reader.back_requested.connect(self.back_to_list)
        self.reader.tool_requested.connect(self.open_tool)
        self.reader.read_changed.connect(self._read_changed)
        # Window-wide while this screen shows (a hidden widget's shortcuts never fire).
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.search.clear)

    # ----- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._seen_changes = self.message.attempt(self.readings.changes)
        enabled = self.message.attempt(self.readings.suggestions_enabled)
        self.suggestions_off.setVisible(enabled is False)
        self._show_cards()

    def _show_cards(self) -> None:
        query = self.search.text()
        found = self.message.attempt(lambda: self.readings.cards(query))
        if found is None:
            return
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()  # gone from the screen now, deleted once the event loop is back
            card.deleteLater()
        self.cards = []
        for item in found:
            card = ReadingCardView(item, self.texts)
            card.open_requested.connect(self.open_reading)
            self.cards.append(card)
        total = len(self.readings.library.readings)
        if not query.strip():
            self.results.setText("")
        elif not found:
            self.results.setText(self.texts.screen["no_results"])
        else:
            self.results.setText(self.texts.screen["results"].format(shown=len(found), total=total))
        self.results.setVisible(bool(self.results.text()))
        self.search.setAccessibleDescription(self.results.text())
        self._place_cards()

    def _place_cards(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // self.columns, index % self.columns)
            card.show()  # at once, not on the next pass of the event loop: Tab can reach it
        for index in range(MAX_COLUMNS):
            self.grid.setColumnStretch(index, 1 if index < self.columns else 0)
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Tab in the order the cards are read, from the search onwards. (Qt keeps a chain
        only among widgets of one window, so this is laid again once the screen is in it.)"""
        chain: list[QWidget] = [self.search, *(c.open_button for c in self.cards)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def card(self, reading_id: str) -> ReadingCardView:
        return next(c for c in self.cards if c.card.id == reading_id)

    def focus_search(self) -> None:
        if self.currentWidget() is not self.list_page:
            self.back_to_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _to_first_card(self) -> None:
        if self.cards:
            self.cards[0].open_button.setFocus(Qt.FocusReason.TabFocusReason)

    # ----- the reader -----------------------------------------------------------------------

    def open_reading(self, reading_id: str) -> None:
        """The reading on its own page: its content note first, unless passed already."""
        page = self.message.attempt(lambda: self.readings.page(reading_id))
        if page is None:
            self.setCurrentWidget(self.list_page)
            return
        note_first = bool(page.reading.content_note) and reading_id not in self._notes_passed
        self.reader.show_page(page, note_first=note_first)
        self._last_opened = reading_id
        self.setCurrentWidget(self.reader)
        self.reader.focus_start()
        self.reading_opened.emit(reading_id)

    def back_to_list(self) -> None:
        page = self.reader.page
        if page is not None and not self.reader.note_shown:
            self._notes_passed.add(page.reading.id)
        self.setCurrentWidget(self.list_page)
        self._show_cards()  # read, or not yet, may have changed
        opened = self._last_opened
        card = next((c for c in self.cards if c.card.id == opened), None)
        if card is not None:
            card.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_tool(self, tool: ToolButton) -> bool:
        """The place in the app a reading leads to, through the shell's navigation."""
        openers: dict[Tool, Callable[[], bool]] = {
            Tool.WHOLE_RELATIONSHIP: self.navigation.show_whole_relationship,
            Tool.EXERCISE: lambda: self.navigation.open_exercise(tool.exercise_id or ""),
            Tool.RIDE_THE_WAVE: self.navigation.ride_the_wave,
            Tool.LETTER_PAD: self.navigation.write_a_letter,
            Tool.SUPPORT_PEOPLE: self.navigation.show_support_people,
            Tool.REASONS: self.navigation.show_reasons,
        }
        page = self.reader.page
        if page is not None:
            self._notes_passed.add(page.reading.id)  # a tool chosen: the reading was read
        return openers[tool.tool]()

    def _read_changed(self, reading_id: str, read: bool) -> None:
        self.read_changed.emit(reading_id, read)

    # ----- events ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """A reading may have been marked from the command line meanwhile, or suggestions
        turned off in Settings."""
        super().showEvent(event)
        if not event.spontaneous() and self.currentWidget() is self.list_page:
            self.refresh_if_changed()
        self._chain_focus()

    def refresh_if_changed(self) -> None:
        """The cards built again only if something was saved since they were read (a
        reading marked, suggestions turned off): thirty cards are not rebuilt for nothing."""
        changes = self.message.attempt(self.readings.changes)
        if changes is None or changes != self._seen_changes:
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = max(1, min(MAX_COLUMNS, (self.width() - 80) // CARD_WIDTH))
        if columns != self.columns:
            self.columns = columns
            self._place_cards()
