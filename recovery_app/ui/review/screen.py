"""Review: how far you have come, for the dates you choose. Then and now in a few plain
sentences, the figures at a glance, the milestones reached, and a panel per part (a chart
with its table a toggle away), all describing what was noted, never judging the person.

The numbers are counted off the GUI thread (`ReviewLoader`), so the screen paints at once
and fills in when they arrive; the other ranges are counted next, so changing the range is
a redraw. Each visit counts afresh (the journal may have changed meanwhile), and so does a
change made while the screen is on show (`refresh()`, from the shell). The charts take
their colours from the look on show and are drawn again when it changes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.review_range import RangeChoice
from recovery_app.drawing.parts import PARTS
from recovery_app.drawing.review_data import ReviewData, range_text
from recovery_app.drawing.summary import summary
from recovery_app.services.errors import InvalidInput, VaultError
from recovery_app.services.review import ReviewService
from recovery_app.ui.kit import theme
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.review.loader import ReviewLoader
from recovery_app.ui.review.milestones import MilestonesPanel
from recovery_app.ui.review.panels import NOT_ENOUGH, ReviewPanel
from recovery_app.ui.review.range_bar import RangeBar, RangeKey

PRESETS: tuple[RangeKey, ...] = (
    (RangeChoice.LAST_4_WEEKS, None),
    (RangeChoice.LAST_3_MONTHS, None),
    (RangeChoice.LAST_12_MONTHS, None),
    (RangeChoice.ALL, None),
)
TWO_COLUMNS_FROM = 1000  # pixels of page width
log = logging.getLogger(__name__)


def _card() -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("card")
    column = QVBoxLayout(card)
    column.setContentsMargins(18, 14, 18, 16)
    column.setSpacing(6)
    return card, column


class PanelGrid(QWidget):
    """The panels in one column, or, on a wide page, two columns that each stack their own
    panels (so a short panel leaves no hole beside a tall one); a wide panel (the year's
    calendar) takes a row of its own. The reading and Tab order stays the panels' order."""

    def __init__(self, panels: list[ReviewPanel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panels = panels
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(14)
        self.columns = 0
        self._place(1)

    def _clear(self) -> None:
        while self.outer.count():
            item = self.outer.takeAt(0)
            inner = item.layout() if item is not None else None
            if inner is not None:
                for column in (inner.itemAt(i) for i in range(inner.count())):
                    sub = column.layout() if column is not None else None
                    while sub is not None and sub.count():
                        sub.takeAt(0)
                inner.deleteLater()

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        self._clear()
        if columns == 1:
            for panel in self.panels:
                self.outer.addWidget(panel)
            return
        block: list[ReviewPanel] = []
        for panel in self.panels:
            if not panel.part.calendar:
                block.append(panel)
                continue
            if block:
                self._two_columns(block)
                block = []
            self.outer.addWidget(panel)
        if block:
            self._two_columns(block)

    def _two_columns(self, panels: list[ReviewPanel]) -> None:
        row = QHBoxLayout()
        row.setSpacing(14)
        sides = (QVBoxLayout(), QVBoxLayout())
        for index, panel in enumerate(panels):
            sides[index % 2].addWidget(panel)
        for side in sides:
            side.setSpacing(14)
            side.addStretch(1)
            row.addLayout(side, 1)
        self.outer.addLayout(row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)


class ReviewScreen(QWidget):
    filled = Signal(object)  # the RangeKey now on show, once its numbers are drawn

    def __init__(self, review: ReviewService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.review = review
        self.loader = ReviewLoader(review, self)
        self.data: ReviewData | None = None
        self.shown_key: RangeKey | None = None
        self._stale = True  # counted afresh on the next visit
        self._palette = theme.current()
        self.dialog: QWidget | None = None
        self._build_ui()
        self._connect_signals()

    # ----- building -----------------------------------------------------------------------

    def _build_ui(self) -> None:
        page = in_scroll_page(self)
        column = page.column
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(self.tr("Review")))
        titles.addWidget(
            paragraph(
                self.tr(
                    "How things have been, in what you noted. These are counts of what you "
                    "wrote down, not a measure of you."
                ),
                "hint",
            )
        )
        header.addLayout(titles, 1)
        self.tables_button = QPushButton(self.tr("Tables instead of charts"))
        self.tables_button.setCheckable(True)
        self.tables_button.setAutoDefault(False)
        self.tables_button.setToolTip(self.tr("Every chart as a plain table (Ctrl+T)"))
        header.addWidget(self.tables_button, 0, Qt.AlignmentFlag.AlignTop)
        self.report_button = QPushButton(self.tr("Make a &report…"))
        self.report_button.setAutoDefault(False)
        self.report_button.setToolTip(self.tr("A PDF to print or to give someone (Ctrl+P)"))
        header.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)
        self.range_bar = RangeBar(self.review.today())
        column.addWidget(self.range_bar)
        status = QHBoxLayout()
        self.range_line = QLabel()
        self.range_line.setObjectName("hint")
        status.addWidget(self.range_line, 1)
        self.counting = paragraph(self.tr("Counting…"), "hint")
        self.counting.hide()
        status.addWidget(self.counting)
        column.addLayout(status)
        self.message = MessageLine(self.review.data_dir)
        column.addWidget(self.message)
        self.nothing_card, nothing = _card()
        nothing.addWidget(
            paragraph(
                self.tr(
                    "Nothing to look back on in these dates yet. As you check in, note urges "
                    "and keep your clocks, this fills in."
                )
            )
        )
        self.nothing_card.hide()
        column.addWidget(self.nothing_card)
        self.then_card, self.then_column = _card()
        self.then_column.addWidget(heading(self.tr("Then and now"), 2))
        self.sentences: list[QLabel] = []
        column.addWidget(self.then_card)
        self.glance_card, self.glance_column = _card()
        self.glance_column.addWidget(heading(self.tr("At a glance"), 2))
        self.glance_lines: list[QLabel] = []
        column.addWidget(self.glance_card)
        self.milestones = MilestonesPanel()
        column.addWidget(self.milestones)
        # The milestones have a panel of their own, above, with the earlier ones too.
        self.panels = {part.key: ReviewPanel(part) for part in PARTS if part.key != "milestones"}
        self.grid = PanelGrid(list(self.panels.values()))
        column.addWidget(self.grid)
        column.addStretch(1)
        for card in (self.then_card, self.glance_card, self.milestones, self.grid):
            card.hide()

    def _connect_signals(self) -> None:
        self.range_bar.chosen.connect(self.show_range)
        self.loader.ready.connect(self._ready)
        self.loader.failed.connect(self._failed)
        self.tables_button.toggled.connect(self._all_tables)
        self.report_button.clicked.connect(self.open_report)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.tables_button.toggle)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.open_report)

    # ----- visits and changes -------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.loader.invalidate()
            self.show_range(self.range_bar.key)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self._stale = True  # another section may change what is counted

    def refresh(self) -> None:
        """The journal changed while the screen may be on show: count again."""
        self.loader.invalidate()
        if self.isVisible():
            self.show_range(self.range_bar.key)
        else:
            self._stale = True

    def show_range(self, key: RangeKey) -> None:
        if self.range_bar.key != key:
            self.range_bar.set_key(key)
        data = self.loader.request(key)
        if data is not None:
            self._show(key, data)
        else:
            self.counting.show()

    def _ready(self, key: RangeKey, data: ReviewData) -> None:
        if key == self.range_bar.key:
            self._show(key, data)
            self.loader.prefetch(p for p in PRESETS if p != key)

    def _failed(self, key: RangeKey, error: BaseException) -> None:
        if key != self.range_bar.key:
            return
        self.counting.hide()
        if not isinstance(error, (InvalidInput, VaultError)):
            # Where it happened, never what it says (it could quote the journal).
            log.error("counting the review stopped: %s", type(error).__name__)
        self.message.show_error(error)

    # ----- showing ------------------------------------------------------------------------

    def _show(self, key: RangeKey, data: ReviewData) -> None:
        self.data, self.shown_key = data, key
        self.counting.hide()
        self.message.clear()
        span = data.span
        self.range_line.setText(range_text(span) if span is not None else "")
        self.range_line.setAccessibleName(self.range_line.text())
        empty = span is None
        self.nothing_card.setVisible(empty)
        for card in (self.then_card, self.glance_card, self.milestones, self.grid):
            card.setVisible(not empty)
        if not empty:
            self._fill_lines(self.then_column, self.sentences, data.sentences)
            glance = summary(data, [s for s in ReportSection if s.value not in _OWN])
            self._fill_lines(self.glance_column, self.glance_lines, glance or [self.tr(NOT_ENOUGH)])
            self.milestones.show_data(data)
            for panel in self.panels.values():
                panel.show_data(data, self._palette)
        self.filled.emit(key)

    def _fill_lines(
        self, column: QVBoxLayout, labels: list[QLabel], lines: list[str] | tuple[str, ...]
    ) -> None:
        while len(labels) < len(lines):
            label = paragraph("")
            label.setTextFormat(Qt.TextFormat.PlainText)  # a clock's or a trigger's name
            column.addWidget(label)
            labels.append(label)
        for label, line in zip(labels, [*lines, *[""] * (len(labels) - len(lines))], strict=False):
            label.setText(line)
            label.setVisible(bool(line))

    def _all_tables(self, on: bool) -> None:
        for panel in self.panels.values():
            panel.set_table_shown(on)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._palette_changed()
        return super().event(event)

    def _palette_changed(self) -> None:
        palette = theme.current()
        if palette is self._palette:
            return
        self._palette = palette
        if self.data is not None and self.shown_key is not None:
            for panel in self.panels.values():
                panel.show_data(self.data, palette)

    # ----- the report ---------------------------------------------------------------------

    def open_report(self) -> None:
        from recovery_app.ui.review.report_dialog import ReportDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = ReportDialog(self.review, self.range_bar.key, parent=self)
        self.dialog = dialog
        dialog.open()


_OWN = {ReportSection.NOTES.value, ReportSection.MEMORIES.value, ReportSection.LETTERS.value}
