"""One panel per part of the review: its title, what it shows, and its chart with the same
numbers as a plain table a toggle away. With nothing to show yet, the panel says so in one
line instead ("Not enough yet: this fills in as you go") and shows no empty axes.

Charts are built when there is something to draw and built again when the look changes
(their colours come from the palette on show); the views are made on first use, so the
screen paints before any chart exists.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.review_calendar import YearCalendar
from recovery_app.drawing import year_picture
from recovery_app.drawing.palette import Palette
from recovery_app.drawing.parts import ReviewPart
from recovery_app.drawing.review_data import ReviewData
from recovery_app.drawing.tables import Table
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.review.table_view import PlainTableView

CHART_HEIGHT = 260
NOT_ENOUGH = "Not enough yet: this fills in as you go."


class YearCalendarView(QWidget):
    """The year's calendar, painted by the same code as the report's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar: YearCalendar | None = None
        self.palette_: Palette | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_calendar(self, calendar: YearCalendar, palette: Palette) -> None:
        self.calendar, self.palette_ = calendar, palette
        self.updateGeometry()
        self.update()

    def height_for(self, width: int) -> int:
        return int(year_picture.height_for(width, self.fontMetrics().height())) + 4

    def sizeHint(self) -> QSize:
        return QSize(600, self.height_for(max(self.width(), 320)))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.height_for(320))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Its height follows its width (square days), set as a fixed height rather than
        # through heightForWidth, which nested layouts (two columns) answer from a stale
        # cache.
        super().resizeEvent(event)
        wanted = self.height_for(event.size().width())
        if self.height() != wanted:
            self.setFixedHeight(wanted)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.calendar is None or self.palette_ is None:
            return
        painter = QPainter(self)
        year_picture.paint_year(
            painter, self.rect().toRectF(), self.calendar, self.palette_, self.font()
        )


class ReviewPanel(QFrame):
    table_toggled = Signal(bool)

    def __init__(self, part: ReviewPart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 16)
        column.setSpacing(6)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = heading(part.title, 2)
        titles.addWidget(self.title)
        self.about = paragraph(part.about, "hint")
        titles.addWidget(self.about)
        top.addLayout(titles, 1)
        self.has_picture = part.chart is not None or part.calendar
        self.toggle = QPushButton(self.tr("Show as a table"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(False)
        self.toggle.setAccessibleName(self.tr("Show %1 as a table").replace("%1", part.title))
        self.toggle.setVisible(False)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        empty = part.empty or self.tr(NOT_ENOUGH)
        self.not_enough = paragraph(empty, "hint")
        self.not_enough.setAccessibleName(f"{part.title}: {empty}")
        column.addWidget(self.not_enough)
        self.body = QVBoxLayout()  # the chart (or the calendar) and the table, one shown
        self.body.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.body)
        self.filled = False
        self.table: Table | None = None  # what the table shows, made into a view when shown
        self.chart_view: QChartView | None = None
        self.calendar_view: YearCalendarView | None = None
        self.table_view: PlainTableView | None = None
        self.toggle.toggled.connect(self._toggled)

    # ----- filling ------------------------------------------------------------------------

    def show_data(self, data: ReviewData, palette: Palette) -> bool:
        """Fill the panel for `data`; False (and "Not enough yet") when it has nothing."""
        table = self.table = self.part.table(data)
        if table is None:
            self.filled = False
            self.toggle.hide()
            self.not_enough.show()
            self._set_chart(None)
            self._show_page()
            return False
        self.not_enough.hide()
        self._ensure_picture()
        if self.table_view is not None:
            self.table_view.set_table(table)
        if self.part.chart is not None:
            self._set_chart(self.part.chart(data, palette))
        elif self.part.calendar and data.calendar is not None:
            assert self.calendar_view is not None
            self.calendar_view.set_calendar(data.calendar, palette)
        self.toggle.setVisible(self.has_picture)
        self.filled = True
        self._show_page()
        return True

    def _ensure_picture(self) -> None:
        if self.chart_view is not None or self.calendar_view is not None:
            return
        if self.part.chart is not None:
            self.chart_view = QChartView()
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setFixedHeight(CHART_HEIGHT)
            self.chart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table is for keys
            self.chart_view.setAccessibleName(self.tr("%1, chart").replace("%1", self.part.title))
            self.chart_view.setAccessibleDescription(
                self.tr("The same numbers are in the table: press the Show as a table button.")
            )
            self.chart_view.setFrameShape(QFrame.Shape.NoFrame)
            # The card shows through (a style sheet of its own would cost each view a
            # style of its own, several milliseconds each).
            self.chart_view.setBackgroundBrush(QBrush(Qt.GlobalColor.transparent))
            self.chart_view.viewport().setAutoFillBackground(False)
            self.body.addWidget(self.chart_view)
        elif self.part.calendar:
            self.calendar_view = YearCalendarView()
            self.calendar_view.setAccessibleName(self.part.title)
            self.body.addWidget(self.calendar_view)

    def _ensure_table_view(self) -> PlainTableView:
        """Made the first time the table is shown: a table view is the costliest widget of a
        panel, and most people look at the charts."""
        if self.table_view is None:
            self.table_view = PlainTableView(self.part.title)
            self.body.addWidget(self.table_view)
            # Made late, it would come last in Tab's order: it goes after its own button.
            QWidget.setTabOrder(self.toggle, self.table_view)
            if self.table is not None:
                self.table_view.set_table(self.table)
        return self.table_view

    def _set_chart(self, chart: QChart | None) -> None:
        if self.chart_view is None:
            return
        old = self.chart_view.chart()
        self.chart_view.setChart(chart if chart is not None else QChart())
        if old is not None:
            old.deleteLater()

    # ----- chart or table -----------------------------------------------------------------

    def set_table_shown(self, shown: bool) -> None:
        self.toggle.setChecked(shown)

    @property
    def table_shown(self) -> bool:
        return self.toggle.isChecked() or not self.has_picture

    def _toggled(self, on: bool) -> None:
        self.toggle.setText(self.tr("Show as a chart") if on else self.tr("Show as a table"))
        self.toggle.setAccessibleName(
            (self.tr("Show %1 as a chart") if on else self.tr("Show %1 as a table")).replace(
                "%1", self.part.title
            )
        )
        self._show_page()
        self.table_toggled.emit(on)

    def _show_page(self) -> None:
        table = self.filled and self.table_shown
        if table:
            self._ensure_table_view()
        if self.table_view is not None:
            self.table_view.setVisible(table)
        for picture in (self.chart_view, self.calendar_view):
            if picture is not None:
                picture.setVisible(self.filled and not table)
