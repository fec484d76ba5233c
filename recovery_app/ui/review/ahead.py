"""Review made ready while the person reads Today, before it is first opened.

On a journal with years in it, the first click on Review waited for two things no later
click waits for: the first count (SQLAlchemy compiles each of its queries the first time
it runs one, about 40 ms of the first count's 60 on the heavy benchmark journal, against
20 for every count after it) and the first chart (QtCharts sets up its themes and its
scene's machinery once, 10-25 ms). `ReviewAhead`, which the shell starts once the first
section has drawn, waits for the window to be quiet a moment (a click in the sidebar starts
the wait again), asks off the GUI thread whether the journal holds anything Review counts,
and if it does, `count_ahead` makes one small chart off screen and lets it go, and counts
the range Review opens on, off the GUI thread, in the loader the screen will be given when
it is made (`ReviewScreen(loader=...)`). The screen keeps that count if nothing was saved
since and the day is the same (`ReviewLoader.begin`), else counts afresh. An empty journal
counts nothing ahead: its count is a few milliseconds and its Review shows no chart. Nothing
of the person's is kept anywhere new: the count lives in the loader, which goes with the
window at lock, as the screen's own does.

This module loads light (the shell imports it at unlock); QtCharts and the review's
counting load only once there is something to count.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.review import ReviewService
    from recovery_app.ui.review.loader import ReviewLoader

# Quiet after the first section has drawn (or after the last click in the sidebar) before
# Review is made ready.
AHEAD_MS = 300

_charts_warmed = False


class ReviewAhead(QObject):
    def __init__(
        self,
        review: Callable[[], ReviewService],
        review_built: Callable[[], bool],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._review = review
        self._review_built = review_built
        self.looked = False  # the journal was asked whether there is anything to count
        self.loader: ReviewLoader | None = None  # counting ahead, for the screen to take
        self._started = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(AHEAD_MS)
        self._quiet.timeout.connect(self._look)

    def start(self) -> None:
        """The first section has drawn: wait for a quiet moment (once; later calls do nothing)."""
        if not self._started:
            self._started = True
            self._quiet.start()

    def postpone(self) -> None:
        """A click in the sidebar: the quiet starts again, if it is still awaited."""
        if self._quiet.isActive():
            self._quiet.start()

    def take_loader(self) -> ReviewLoader | None:
        """The loader counting ahead, if any, for the screen being made now."""
        loader, self.loader = self.loader, None
        return loader

    def _look(self) -> None:
        if self._review_built() or self.looked:
            return
        self.looked = True
        run_in_background(
            self._review().journal_first,
            self._count,
            lambda _error: None,  # the visit counts, and says what went wrong, itself
            owner=self,
        )

    def _count(self, first: date | None) -> None:
        if first is None or self._review_built():
            return  # nothing to count or chart: the first visit is quick without
        self.loader = count_ahead(self._review(), self)


def count_ahead(review: ReviewService, parent: QObject) -> ReviewLoader:
    """The charts warmed, and a loader counting the range Review opens on, for `parent`
    to hand to the screen when it is made."""
    from recovery_app.ui.review.loader import ReviewLoader
    from recovery_app.ui.review.range_bar import DEFAULT_RANGE

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
    from PySide6.QtCharts import (
        QBarSeries,
        QBarSet,
        QCategoryAxis,
        QChart,
        QChartView,
        QLineSeries,
        QValueAxis,
    )
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QPainter

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
