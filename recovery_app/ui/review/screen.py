"""Review: how far you have come, for the dates you choose. Then and now in a few plain
sentences, the figures at a glance, the milestones reached, and a panel per part (a chart
with its table a toggle away), all describing what was noted, never judging the person.

The numbers are counted off the GUI thread (`ReviewLoader`), so the screen paints at once
and fills in when they arrive; the other ranges are counted next, so changing the range is
a redraw. A visit counts afresh when something was saved since the last count (here, in the
quick log or from the terminal: the journal's change marker says) or the day has changed,
and so does a change made while the screen is on show (`refresh()`, from the shell). The charts take
their colours from the look on show and are drawn again when it changes.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
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
from recovery_app.ui.kit.next_turn import next_turn
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.review.layout import AfterFirstPaint, PanelGrid
from recovery_app.ui.review.loader import ReviewLoader
from recovery_app.ui.review.milestones import MilestonesPanel
from recovery_app.ui.review.panels import NOT_ENOUGH, ReviewPanel
from recovery_app.ui.review.range_bar import RangeBar, RangeKey

# Counted ahead in this order: the neighbours of the first range, then the longest.
PRESETS: tuple[RangeKey, ...] = (
    (RangeChoice.LAST_3_MONTHS, None),
    (RangeChoice.LAST_12_MONTHS, None),
    (RangeChoice.LAST_4_WEEKS, None),
    (RangeChoice.ALL, None),
)
# Out of view, panels are drawn a few at a time, for up to PANEL_SLICE_S in one turn of the
# event loop: the window answers keys (and a count going on in the background gets its turn)
# between two turns, and the page is laid out once per turn rather than once per panel.
LATER_PANEL_MS = 1
PANEL_SLICE_S = 0.030
log = logging.getLogger(__name__)


def _card() -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("card")
    column = QVBoxLayout(card)
    column.setContentsMargins(18, 14, 18, 16)
    column.setSpacing(6)
    return card, column


class ReviewScreen(QWidget):
    drawn_in_view = Signal(object)  # the RangeKey: what is in view is drawn
    filled = Signal(object)  # the RangeKey now on show, once every panel is drawn

    def __init__(
        self,
        review: ReviewService,
        parent: QWidget | None = None,
        *,
        loader: ReviewLoader | None = None,  # one already counting (ui/review/ahead.py)
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.review = review
        self.loader = loader if loader is not None else ReviewLoader(review)
        self.loader.setParent(self)
        self.data: ReviewData | None = None
        self.shown_key: RangeKey | None = None
        # (change marker, day) of the numbers on show; None: counted afresh on the next visit
        self._counted: tuple[int, object] | None = None
        self._palette = theme.current()
        self.dialog: QWidget | None = None
        self._filling = 0  # each drawing of the panels; an older one stops
        self._build_ui()
        self._connect_signals()

    # ----- building -----------------------------------------------------------------------

    def _build_ui(self) -> None:
        page = in_scroll_page(self)
        self.page = page
        self._after_paint = AfterFirstPaint(page.viewport(), self._painted, self)
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
        # The milestones and the panels are made after the first paint (see `_lower_part`).
        self._lower_column = QVBoxLayout()
        self._lower_column.setSpacing(14)
        column.addLayout(self._lower_column)
        self._lower: tuple[MilestonesPanel, dict[str, ReviewPanel], PanelGrid] | None = None
        column.addStretch(1)
        for card in (self.then_card, self.glance_card):
            card.hide()

    def _lower_part(self) -> tuple[MilestonesPanel, dict[str, ReviewPanel], PanelGrid]:
        """The milestones and a panel per part, made on first need: the first paint
        doesn't wait for sixty widgets it would not show yet."""
        if self._lower is None:
            # Made in place (see MainView.section): a panel made alone is styled again as it
            # moves in, with each of its labels and buttons.
            host = self._lower_column.parentWidget()
            milestones = MilestonesPanel(host)
            # The milestones have a panel of their own, with the earlier ones too.
            grid = PanelGrid(self._lower_width(), host)
            parts = [part for part in PARTS if part.key != "milestones"]
            panels = {panel.part.key: panel for panel in grid.fill(parts, ReviewPanel)}
            for widget in (milestones, grid):
                widget.hide()
                self._lower_column.addWidget(widget)
            for panel in panels.values():
                panel.set_table_shown(self.tables_button.isChecked())
            self._lower = (milestones, panels, grid)
        return self._lower

    def _lower_width(self) -> int:
        """The width the panels will have: the page's column, inside its margins."""
        margins = self.page.column.contentsMargins()
        return self.page.viewport().width() - margins.left() - margins.right()

    @property
    def milestones(self) -> MilestonesPanel:
        return self._lower_part()[0]

    @property
    def panels(self) -> dict[str, ReviewPanel]:
        return self._lower_part()[1]

    @property
    def grid(self) -> PanelGrid:
        return self._lower_part()[2]

    def _cards(self) -> tuple[QWidget, ...]:
        return (self.then_card, self.glance_card, self.milestones, self.grid)

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
        now = self.loader.moment()
        if self._counted != now:
            self._counted = now
            self.loader.begin(now)  # what was counted ahead for this same moment is kept
            self.counting.show()
            # Counted once the screen has painted: a count started now would share the
            # processor, and Python's lock, with the painting.
            self._after_paint.arm()

    def _painted(self) -> None:
        self.show_range(self.range_bar.key)
        if self.data is None:
            # While the first numbers are counted, the GUI thread would wait idle: it lays
            # out the cards meanwhile (their first showing is most of their cost).
            next_turn(self, self._show_cards)

    def _show_cards(self) -> None:
        if self.data is None:
            for card in self._cards():
                card.show()

    def refresh(self) -> None:
        """The journal changed while the screen may be on show: count again."""
        self.loader.invalidate()
        self._filling += 1
        if self.isVisible():
            self._counted = self.loader.moment()
            self.show_range(self.range_bar.key)
        else:
            self._counted = None

    def show_range(self, key: RangeKey) -> None:
        if self.range_bar.key != key:
            self.range_bar.set_key(key)
        data = self.loader.request(key)
        if data is not None:
            self._show(key, data)
        else:
            self._filling += 1  # what is still being drawn of the last range can stop
            self.counting.show()

    def _ready(self, key: RangeKey, data: ReviewData) -> None:
        if key == self.range_bar.key:
            self._show(key, data)

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
        """The top of the page and the panels in view at once; the others a few per turn
        of the event loop, so the window answers keys meanwhile. `filled` once all are."""
        self.data, self.shown_key = data, key
        self.counting.hide()
        self.message.clear()
        span = data.span
        self.range_line.setText(range_text(span) if span is not None else "")
        self.range_line.setAccessibleName(self.range_line.text())
        empty = span is None
        self.nothing_card.setVisible(empty)
        if empty and self._lower is None:
            self.then_card.hide()
            self.glance_card.hide()
        else:
            for card in self._cards():
                card.setVisible(not empty)
        if not empty:
            self._fill_lines(self.then_column, self.sentences, data.sentences)
            glance = summary(data, [s for s in ReportSection if s.value not in _OWN])
            self._fill_lines(self.glance_column, self.glance_lines, glance or [self.tr(NOT_ENOUGH)])
            self.milestones.show_data(data)
        self._fill_panels(key, data, [] if empty else list(self.panels.values()))

    def _fill_panels(self, key: RangeKey, data: ReviewData, panels: list[ReviewPanel]) -> None:
        self._filling += 1
        filling = self._filling
        viewport = self.page.viewport()
        in_view = [p for p in panels if _in_view(p, viewport)]
        for panel in in_view:
            panel.show_data(data, self._palette)
        self.drawn_in_view.emit(key)
        waiting = [p for p in panels if p not in in_view]

        def next_one() -> None:
            if filling != self._filling:
                return  # another range (or look) is being drawn now
            if waiting:
                until = time.perf_counter() + PANEL_SLICE_S
                waiting.pop(0).show_data(data, self._palette)
                while waiting and time.perf_counter() < until:
                    waiting.pop(0).show_data(data, self._palette)
                QTimer.singleShot(LATER_PANEL_MS, self, next_one)
            else:
                self.filled.emit(key)
                # The other ranges, counted while the person reads: never while drawing,
                # which would share the processor and Python's lock with the counting.
                self.loader.prefetch(p for p in PRESETS if p != key)

        QTimer.singleShot(LATER_PANEL_MS, self, next_one)

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
        if self.data is not None and self.shown_key is not None and self.data.span is not None:
            self._fill_panels(self.shown_key, self.data, list(self.panels.values()))

    # ----- the report ---------------------------------------------------------------------

    def open_report(self) -> None:
        from recovery_app.ui.review.report_dialog import ReportDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = ReportDialog(self.review, self.range_bar.key, parent=self)
        self.dialog = dialog
        dialog.open()


def _in_view(panel: QWidget, viewport: QWidget) -> bool:
    """Part of `panel` is on screen. One never laid out yet is below the cards above it on
    a first visit: it is drawn a moment later, with the others."""
    if panel.height() == 0:
        return False
    top_left = panel.mapTo(viewport, panel.rect().topLeft())
    return top_left.y() < viewport.height() and top_left.y() + panel.height() > 0


_OWN = {ReportSection.NOTES.value, ReportSection.MEMORIES.value, ReportSection.LETTERS.value}
