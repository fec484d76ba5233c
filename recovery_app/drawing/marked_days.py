"""The days the person marked (Urges, "Hard dates"), in the review: a mark on the urges and
the mood-and-pull charts where each fell, and a plain table of the pull and the urges in the
seven days either side of each, beside the person's usual level on the other days.

The numbers are domain/hard_date_review.py's. They say what was noted around a day, never
that a day "caused" anything, and a week without a check-in has no pull, not a low one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import QAbstractAxis, QChart, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen

from recovery_app.domain.hard_date_review import AROUND_DAYS, Level
from recovery_app.drawing.palette import Palette
from recovery_app.drawing.review_data import ReviewData, day_text, days_text, mean_text, tr
from recovery_app.drawing.tables import Table

MARKED_TITLE = tr("Days you marked")
# Amber: apart from the urges' and the pull's own colours in both looks.
MARKED_ROLE = "apology"
# Beyond this many marks on one chart, a line each would hide the bars: the marks alone.
MOST_MARK_LINES = 60


def marked_days_table(data: ReviewData) -> Table | None:
    """A row per time a marked day fell in these dates, then the usual level."""
    marked = data.marked
    if marked is None or not marked.days:
        return None

    def cells(level: Level) -> tuple[str, str, str, str]:
        return (
            mean_text(level.pull),
            f"{level.pull_days:,}",
            _per_week(level),
            mean_text(level.intensity),
        )

    rows = [(around.name, day_text(around.day), *cells(around.level)) for around in marked.days]
    rows.append((tr("Your usual level"), tr("the other days"), *cells(marked.usual)))
    return Table(
        (
            tr("Day you marked"),
            tr("Date"),
            tr("Average\npull"),
            tr("Check-\nins"),
            tr("Urges\na week"),
            tr("Average\nstrength"),
        ),
        tuple(rows),
        (False, False, True, True, True, True),
    )


def _per_week(level: Level) -> str:
    """Urges a week, once a week or more of days was noted; fewer days say their count as
    it is (three urges on the one day noted are not "21 a week")."""
    if level.urges_per_week is None:
        return "—"
    if level.urge_days >= 7:
        return mean_text(level.urges_per_week)
    return (
        tr("%1 in %2").replace("%2", days_text(level.urge_days)).replace("%1", f"{level.urges:,}")
    )


MARKED_ABOUT = tr(
    "The %1 days either side of each day you marked that fell in these dates, beside your "
    "usual level on the other days (pull and strength from 0 to 10). What you noted, not "
    "what the day did."
).replace("%1", str(AROUND_DAYS))
MARKED_EMPTY = tr(
    "None of the days you marked falls in these dates. You can mark the days that may be "
    "hard in Urges, under Hard dates."
)


def mark_positions(data: ReviewData, periods: Sequence[tuple[date, date]]) -> list[float]:
    """Where each marked day falls along a chart of `periods` (bars or points at 0, 1,
    2...): inside its period, by its day, so a mark in a month sits where in the month."""
    marked = data.marked
    if marked is None or not periods:
        return []
    firsts = [first for first, _ in periods]
    found = []
    for around in marked.days:
        index = bisect.bisect_right(firsts, around.day) - 1
        if index < 0 or around.day > periods[index][1]:
            continue
        first, last = periods[index]
        length = (last - first).days + 1
        found.append(index - 0.5 + ((around.day - first).days + 0.5) / length)
    return found


def add_marks(
    chart: QChart,
    palette: Palette,
    positions: Sequence[float],
    x: QAbstractAxis,
    y: QValueAxis,
) -> None:
    """A dashed line and a small triangle at the top for each position, one legend entry."""
    if not positions:
        return
    colour = QColor(str(getattr(palette, MARKED_ROLE)))
    top, bottom = y.max(), y.min()
    if len(positions) <= MOST_MARK_LINES:
        pen = QPen(colour, 1.5, Qt.PenStyle.DashLine)
        for position in positions:
            line = QLineSeries()
            line.setPen(pen)
            line.append(QPointF(position, bottom))
            line.append(QPointF(position, top))
            chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y)
            for marker in chart.legend().markers(line):
                marker.setVisible(False)
    tops = QScatterSeries()
    tops.setName(f"<span>{MARKED_TITLE}</span>")
    tops.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
    tops.setMarkerSize(11)
    tops.setColor(colour)
    tops.setBorderColor(colour)
    for position in positions:
        tops.append(QPointF(position, top))
    chart.addSeries(tops)
    tops.attachAxis(x)
    tops.attachAxis(y)
    chart.legend().setVisible(True)
