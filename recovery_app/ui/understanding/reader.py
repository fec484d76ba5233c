"""One reading, to read at ease: a column of comfortable width that scrolls with the keyboard,
the content note first (with the choice to go on or come back later), "what you can do
here" with the tools it leads to, "Mark as read", and where it comes from.

Keyboard: Esc (or Alt+Left) goes back to the list. The page takes the focus when a reading
opens, so Up, Down, Page Up, Page Down, Home and End scroll it at once; Tab then walks the
paragraphs (each one focusable, so a screen reader reads it out), the tools and the button.
"""

from __future__ import annotations

import html
from itertools import pairwise

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.reading_text import ReadingTexts, ToolButton
from recovery_app.services.readings import ReadingPage, ReadingService
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.understanding.cards import meta_line

# A line of about 70 characters reads comfortably (typographers' usual 45 to 75); the column
# is measured in the reading's own font, so it grows with a larger text size.
LINE_CHARACTERS = 70
# A touch larger than the app's labels, with air between the lines: this is text to read.
TEXT_POINTS_UP = 1
LINE_HEIGHT_PERCENT = 140
# The labels' left border and padding (the style sheet's #reading-column rule): buttons in
# the column line up with the text by this much.
TEXT_INSET = 12


def reading_text(text: str, object_name: str = "reading-text") -> QLabel:
    """A paragraph of the reading that Tab reaches and a screen reader reads out. Shown as
    escaped rich text only for its line height: the words themselves are never markup."""
    label = paragraph("", object_name)
    label.setTextFormat(Qt.TextFormat.RichText)
    set_reading_text(label, text)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + TEXT_POINTS_UP)
    label.setFont(font)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def set_reading_text(label: QLabel, text: str) -> None:
    words = html.escape(text, quote=False)
    label.setText(f'<p style="line-height:{LINE_HEIGHT_PERCENT}%">{words}</p>')
    label.setAccessibleName(text)  # what a screen reader says: the words, never the markup


def button_row(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(TEXT_INSET, 0, 0, 0)
    row.addWidget(button)
    row.addStretch(1)
    return row


class ReadingColumn(QWidget):
    """The column the reading sits in, at a fixed width (`ReadingReader._fit_measure`).

    It asks for the height its wrapped paragraphs need at that width. Left to Qt, the
    minimum height was worked out for each label at a much narrower width, and the page
    kept a tall empty space below its end."""

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        width = self.minimumWidth()
        if layout is None or width <= 0:
            return super().minimumSizeHint()
        return QSize(width, layout.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


class ReadingReader(QWidget):
    back_requested = Signal()
    tool_requested = Signal(object)  # the ToolButton
    read_changed = Signal(str, bool)  # the reading's id, read now (True) or not yet

    def __init__(
        self, readings: ReadingService, texts: ReadingTexts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._readings = readings
        self._texts = texts
        self.page: ReadingPage | None = None
        self._changing: list[QWidget] = []  # what one reading adds, taken away for the next
        self.tool_buttons: list[QPushButton] = []
        self._build_ui()
        self._connect_signals()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(28, 14, 28, 4)
        self.back_button = QPushButton(self.tr("Back to the readings"))
        self.back_button.setToolTip(self.tr("Back to the readings (Esc)"))
        self.back_button.setAutoDefault(True)
        top.addWidget(self.back_button)
        top.addStretch(1)
        outer.addLayout(top)

        self.scroll_page = ScrollPage(margins=(28, 8, 28, 28))
        self.scroll_page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer.addWidget(self.scroll_page, 1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        self.measure = ReadingColumn()
        self.measure.setObjectName("reading-column")
        column = QVBoxLayout(self.measure)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        centred.addWidget(self.measure, 100)
        centred.addStretch(1)
        self.scroll_page.column.addLayout(centred)
        self.scroll_page.column.addStretch(1)
        self._fit_measure()

        self.title = heading("")
        column.addWidget(self.title)
        self.meta = paragraph("", "small")
        column.addWidget(self.meta)
        self.summary = paragraph("", "hint")
        column.addWidget(self.summary)

        self.note_card = QFrame()
        self.note_card.setObjectName("card")
        note = QVBoxLayout(self.note_card)
        note.setContentsMargins(20, 16, 20, 16)
        note.setSpacing(10)
        note.addWidget(heading(self._texts.reader["content_note"], 2))
        self.note_text = paragraph("", "note")
        note.addWidget(self.note_text)
        note.addWidget(paragraph(self._texts.reader["go_on_hint"], "hint"))
        note_row = QHBoxLayout()
        self.go_on_button = QPushButton(self.tr("Go on to the reading"))
        self.go_on_button.setAutoDefault(True)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setAccessibleName(self.tr("Not now: back to the readings"))
        self.not_now_button.setAutoDefault(True)
        note_row.addWidget(self.go_on_button)
        note_row.addWidget(self.not_now_button)
        note_row.addStretch(1)
        note.addLayout(note_row)
        inset = QHBoxLayout()
        inset.setContentsMargins(TEXT_INSET, 0, 0, 0)
        inset.addWidget(self.note_card)
        column.addLayout(inset)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 4, 0, 0)
        body.setSpacing(12)
        self.paragraphs = QVBoxLayout()
        self.paragraphs.setSpacing(12)
        body.addLayout(self.paragraphs)
        body.addSpacing(6)
        self.do_here_heading = heading(self._texts.reader["do_here"], 3)
        body.addWidget(self.do_here_heading)
        self.do_here = reading_text("")
        body.addWidget(self.do_here)
        self.tools = QVBoxLayout()
        self.tools.setSpacing(8)
        body.addLayout(self.tools)
        body.addSpacing(6)
        self.mark_button = QPushButton()
        self.mark_button.setAutoDefault(True)
        body.addLayout(button_row(self.mark_button))
        self.status = MessageLine(note=True)
        body.addWidget(self.status)
        self.message = MessageLine(self._readings.data_dir)
        body.addWidget(self.message)
        body.addSpacing(6)
        body.addWidget(heading(self._texts.reader["sources"], 2))
        self.sources = reading_text("", "reading-source")
        body.addWidget(self.sources)
        self.not_therapy = paragraph("", "small")
        body.addWidget(self.not_therapy)
        column.addWidget(self.body)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.not_now_button.clicked.connect(self.back_requested)
        self.go_on_button.clicked.connect(self.go_on)
        self.mark_button.clicked.connect(self._toggle_read)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Back)):
            back = QShortcut(keys, self)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            back.activated.connect(self.back_requested)

    def _fit_measure(self) -> None:
        """The column's width, fixed: at most a readable line, less in a narrow window.
        Fixed rather than a maximum, so the wrapped paragraphs' height is worked out for
        the width they get (a maximum alone left a tall empty space below the end)."""
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + TEXT_POINTS_UP)
        readable = QFontMetrics(font).averageCharWidth() * LINE_CHARACTERS + TEXT_INSET + 6
        margins = self.scroll_page.column.contentsMargins()
        room = self.scroll_page.viewport().width() - margins.left() - margins.right()
        self.measure.setFixedWidth(max(200, min(readable, room)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_measure()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    # ----- showing --------------------------------------------------------------------------

    def show_page(self, page: ReadingPage, *, note_first: bool) -> None:
        """The reading from its top; with `note_first`, only its note until "Go on"."""
        self.page = page
        reading = page.reading
        self.title.setText(reading.title)
        self.title.setAccessibleName(reading.title)
        self.summary.setText(reading.summary)
        self.note_text.setText(reading.content_note)
        self.go_on_button.setAccessibleDescription(reading.content_note)
        set_reading_text(self.do_here, reading.do_here)
        set_reading_text(self.sources, reading.sources)
        self.not_therapy.setText(page.not_therapy)
        self.status.clear()
        self.message.clear()
        for widget in self._changing:
            widget.hide()
            widget.deleteLater()
        self._changing = []
        self.tool_buttons = []
        for text in reading.paragraphs:
            label = reading_text(text)
            self.paragraphs.addWidget(label)
            label.show()  # at once, not on the event loop's next pass: Tab can reach it
            # A screen reader lists a widget's children in the order they were made; put
            # each paragraph where it is read, before "What you can do here".
            label.stackUnder(self.do_here_heading)
            self._changing.append(label)
        for tool in page.tools:
            self._changing.append(self._tool_button(tool))
        self._show_read_state()
        self.scroll_page.setAccessibleName(reading.title)
        self.scroll_page.setAccessibleDescription(reading.summary)
        self.note_card.setVisible(note_first)
        self.body.setVisible(not note_first)
        self._chain_focus()
        self.scroll_page.verticalScrollBar().setValue(0)

    def _tool_button(self, tool: ToolButton) -> QWidget:
        button = QPushButton(tool.label)
        button.setAutoDefault(True)
        button.clicked.connect(lambda: self.tool_requested.emit(tool))
        holder = QWidget()
        holder.setLayout(button_row(button))
        self.tools.addWidget(holder)
        holder.stackUnder(self.mark_button)  # in reading order for a screen reader too
        holder.show()
        self.tool_buttons.append(button)
        return holder

    def focus_start(self) -> None:
        """Where the keyboard begins: "Go on" when a note comes first, else the page."""
        target = self.go_on_button if self.note_card.isVisibleTo(self) else self.scroll_page
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_on(self) -> None:
        self.note_card.hide()
        self.body.show()
        self.scroll_page.verticalScrollBar().setValue(0)
        self.scroll_page.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def note_shown(self) -> bool:
        return self.note_card.isVisibleTo(self)

    def _chain_focus(self) -> None:
        """Tab in reading order: the widgets of one reading are made anew, so the chain is
        laid out again each time rather than left to the order they were made in."""
        chain: list[QWidget] = [self.back_button, self.go_on_button, self.not_now_button]
        chain += [self.scroll_page]
        chain += [w for w in self._changing if isinstance(w, QLabel)]  # the paragraphs
        chain += [self.do_here, *self.tool_buttons, self.mark_button, self.sources]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----- read, not yet read ---------------------------------------------------------------

    def _show_read_state(self) -> None:
        page = self.page
        if page is None:
            return
        reading = page.reading
        self.mark_button.setText(
            self._texts.screen["mark_not_read"] if page.read else self._texts.screen["mark_read"]
        )
        self.mark_button.setAccessibleDescription(reading.title)
        self.meta.setText(
            meta_line(
                self._texts,
                minutes=reading.minutes,
                read=page.read,
                content_note=bool(reading.content_note),
            )
        )

    def _toggle_read(self) -> None:
        page = self.page
        if page is None:
            return
        reading_id = page.reading.id
        if page.read:
            done = self.message.run(lambda: self._readings.mark_not_read(reading_id))
        else:
            done = self.message.run(lambda: self._readings.mark_read(reading_id))
        if not done:
            return
        fresh = self.message.attempt(lambda: self._readings.page(reading_id))
        if fresh is None:
            return
        self.page = fresh
        self._show_read_state()
        key = "marked_read" if fresh.read else "marked_not_read"
        self.status.say(self._texts.reader[key])
        self.read_changed.emit(reading_id, fresh.read)
