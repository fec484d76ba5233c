"""Review made ready while the person reads Today, before it is first opened.

On a journal with years in it, the first click on Review waited for two things no later
click waits for: the first count (SQLAlchemy compiles each of its queries the first time
it runs one, about 40 ms of the first count's 60 on the heavy benchmark journal, against
20 for every count after it) and the first chart (QtCharts sets up its themes and its
scene's machinery once, 10-25 ms). `count_ahead`, called by the shell once the window has
been quiet a moment after unlock, makes one small chart off screen and lets it go, and
counts the range Review opens on, off the GUI thread, in the loader the screen will use
when it is made (`ReviewScreen(loader=...)`). The screen keeps that count if nothing was
saved since and the day is the same (`ReviewLoader.begin`), else counts afresh. An empty
journal's count is a few milliseconds and its Review shows no chart: it gains little and
pays little. Nothing of the person's is kept anywhere new: the count lives in the loader,
which goes with the window at lock, as the screen's own does.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QPainter

from recovery_app.services.review import ReviewService
from recovery_app.ui.review.loader import ReviewLoader
from recovery_app.ui.review.range_bar import DEFAULT_RANGE

_charts_warmed = False


def count_ahead(review: ReviewService, parent: QObject) -> ReviewLoader:
    """The charts warmed, and a loader counting the range Review opens on, for `parent`
    to hand to the screen when it is made."""
    warm_charts()
    loader = ReviewLoader(review, parent)
    loader.begin(loader.moment())
    loader.request(DEFAULT_RANGE)
    return loader


def warm_charts() -> bool:
    """Make and drop one chart of the kinds the screen uses, once per process. True if this
    call made it."""
    global _charts_warmed
    if _charts_warmed:
        return False
    _charts_warmed = True
    view = QChartView()
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart = QChart()
    line = QLineSeries()
    line.append([QPointF(0, 1), QPointF(1, 2)])
    bars = QBarSeries()
    bars.append(QBarSet(""))
    chart.addSeries(line)
    chart.addSeries(bars)
    values, days = QValueAxis(), QCategoryAxis()
    days.append("", 1)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
    for series in (line, bars):
        series.attachAxis(values)
        series.attachAxis(days)
    view.setChart(chart)  # the view owns the chart from here
    view.resize(240, 120)
    view.grab()  # drawn once, into a pixmap: never on screen
    view.deleteLater()
    return True
