"""The review's charts, built with QtCharts from one range's numbers and one palette.

The screen puts each in a QChartView and builds it again when the look changes; the report
puts it in a QGraphicsScene and renders it onto the PDF as vectors. A builder returns None
when its part has nothing to draw. Every colour comes from the palette by role. QtCharts
reads its labels as rich text, so every label goes through `label()`: a trigger named
"<b>" shows as typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen

from recovery_app.drawing.marked_days import add_marks, mark_positions
from recovery_app.drawing.palette import Palette
from recovery_app.drawing.report_layout import without_ligatures
from recovery_app.drawing.review_data import (
    ReviewData,
    Step,
    day_text,
    short_day_text,
    step_for,
    tr,
)
from recovery_app.drawing.tables import WEEKDAYS

MOST_STRETCHES = 10
MOST_TRIGGERS = 8
AXIS_LABELS = 6  # dates along the bottom, evenly spaced


def label(text: str) -> str:
    """Text for a QtCharts label, shown exactly as written (never read as markup)."""
    return f"<span>{html.escape(text)}</span>"


def _colour(palette: Palette, role: str) -> QColor:
    return QColor(str(getattr(palette, role)))


def _chart(palette: Palette, *, legend: bool = True) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(_colour(palette, "surface")))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.legend().setVisible(legend)
    chart.legend().setLabelColor(_colour(palette, "text"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.legend().setFont(without_ligatures(chart.legend().font()))
    return chart


def _style_axis(axis: QAbstractAxis, palette: Palette) -> None:
    axis.setLabelsColor(_colour(palette, "text_muted"))
    axis.setLinePen(QPen(_colour(palette, "field_border"), 1))
    axis.setGridLinePen(QPen(_colour(palette, "border"), 1))
    axis.setTitleBrush(QBrush(_colour(palette, "text_muted")))
    axis.setLabelsFont(without_ligatures(axis.labelsFont()))
    axis.setTitleFont(without_ligatures(axis.labelsFont()))


def _add(chart: QChart, series: QAbstractSeries, *axes: QAbstractAxis) -> None:
    chart.addSeries(series)
    for axis in axes:
        series.attachAxis(axis)


def _value_axis(
    chart: QChart, palette: Palette, top: float, align: Qt.AlignmentFlag, *, bottom: float = 0
) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(bottom, max(top, bottom + 1))
    axis.setLabelFormat("%d")
    if top - bottom <= 10:
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(bottom)
        axis.setTickInterval(1 if top - bottom <= 5 else 2)
    else:
        axis.applyNiceNumbers()
    _style_axis(axis, palette)
    chart.addAxis(axis, align)
    return axis


def _date_axis(
    chart: QChart, palette: Palette, firsts: Sequence[date], step: Step
) -> QCategoryAxis:
    """Bars or points at 0, 1, 2...; a few of their dates written along the bottom."""
    axis = QCategoryAxis()
    axis.setRange(-0.5, len(firsts) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    count = len(firsts)
    wanted = min(AXIS_LABELS, count)
    picks = sorted({round(i * (count - 1) / max(wanted - 1, 1)) for i in range(wanted)})
    for index in picks:
        day = firsts[index]
        if step is Step.MONTH:  # the year below the month: "Dec 2025" on one line is cut
            text = f"{label(f'{day:%b}')}<br>{label(str(day.year))}"
        else:
            text = label(short_day_text(day))
        axis.append(text, index)
    axis.setGridLineVisible(False)
    _style_axis(axis, palette)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    return axis


def _bar_set(name: str, values: Sequence[float], colour: QColor) -> QBarSet:
    bars = QBarSet(label(name))
    bars.append([float(v) for v in values])
    bars.setColor(colour)
    bars.setBorderColor(colour)
    return bars


def stretches_chart(data: ReviewData, palette: Palette) -> QChart | None:
    """The most recent stretches of these dates, each a bar as long as its days."""
    several = len([c for c in data.review.clocks if c.stretches]) > 1
    found = [
        (
            s.since,
            (f"{clock.name}: " if several else "")
            + f"{day_text(s.since)} – "
            + (tr("now") if s.running else day_text(s.until)),
            s.days,
        )
        for clock in data.review.clocks
        for s in clock.stretches
    ]
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    shown = found[-MOST_STRETCHES:][::-1]  # QtCharts draws the first category at the bottom
    chart = _chart(palette, legend=False)
    series = QHorizontalBarSeries()
    series.setBarWidth(0.7)
    series.append(_bar_set(tr("Days"), [days for _, _, days in shown], _colour(palette, "accent")))
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
    series.barSets()[0].setLabelColor(_colour(palette, "accent_text"))
    names = QCategoryAxis()  # not QBarCategoryAxis: two stretches may read the same
    names.setRange(-0.5, len(shown) - 0.5)
    names.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for index, (_, text, _) in enumerate(shown):
        names.append(label(text) + "&#8203;" * index, index)
    names.setGridLineVisible(False)
    _style_axis(names, palette)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    days = _value_axis(chart, palette, max(d for _, _, d in shown), Qt.AlignmentFlag.AlignBottom)
    days.setTitleText(label(tr("days")))
    _add(chart, series, names, days)
    return chart


def urges_chart(data: ReviewData, palette: Palette) -> QChart | None:
    review = data.review
    if not review.urge_weeks:
        return None
    step = step_for(len(review.urge_weeks))
    periods = review.urge_weeks if step is Step.WEEK else review.urge_months
    chart = _chart(palette, legend=False)
    series = QBarSeries()
    series.setBarWidth(0.8)
    series.append(
        _bar_set(tr("Urges noted"), [p.count for p in periods], _colour(palette, "accent"))
    )
    x = _date_axis(chart, palette, [p.first for p in periods], step)
    y = _value_axis(chart, palette, max(p.count for p in periods), Qt.AlignmentFlag.AlignLeft)
    y.setTitleText(label(tr("urges a week") if step is Step.WEEK else tr("urges a month")))
    _add(chart, series, x, y)
    add_marks(chart, palette, mark_positions(data, [(p.first, p.last) for p in periods]), x, y)
    return chart


def weekday_hour_chart(data: ReviewData, palette: Palette) -> QChart | None:
    """A dot for each weekday and hour, larger and stronger where more urges came."""
    grid = data.review.weekday_hour
    if not grid:
        return None
    counts = sorted({n for row in grid for n in row if n})
    chart = _chart(palette, legend=False)
    hours = QValueAxis()
    hours.setRange(-0.5, 23.5)
    hours.setTickType(QValueAxis.TickType.TicksDynamic)
    hours.setTickAnchor(0)
    hours.setTickInterval(3)
    hours.setLabelFormat("%02d:00")
    hours.setGridLineVisible(False)
    _style_axis(hours, palette)
    chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
    days = QCategoryAxis()
    days.setRange(-0.5, 6.5)
    days.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for value in range(7):  # a category axis takes its values in rising order
        days.append(label(WEEKDAYS[6 - value]), value)  # Monday at the top
    days.setGridLineVisible(False)
    _style_axis(days, palette)
    chart.addAxis(days, Qt.AlignmentFlag.AlignLeft)
    levels = 4
    accent = _colour(palette, "accent")
    for level in range(levels):
        low = counts[len(counts) * level // levels]
        high = counts[min(len(counts) * (level + 1) // levels, len(counts)) - 1]
        series = QScatterSeries()
        series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        series.setMarkerSize(6 + level * 4)
        colour = QColor(accent)
        colour.setAlphaF(0.35 + 0.65 * level / (levels - 1))
        series.setColor(colour)
        series.setBorderColor(colour)
        for weekday, row in enumerate(grid):
            for hour, count in enumerate(row):
                if count and low <= count <= high:
                    series.append(QPointF(hour, 6 - weekday))
        if series.count():
            _add(chart, series, hours, days)
    return chart


def triggers_chart(data: ReviewData, palette: Palette) -> QChart | None:
    triggers = data.review.triggers
    if triggers is None or not triggers.triggers:
        return None
    shown = list(triggers.triggers[:MOST_TRIGGERS])[::-1]
    chart = _chart(palette)
    series = QHorizontalBarSeries()
    series.setBarWidth(0.75)
    then_words = (
        tr("Then: %1 – %2")
        .replace("%1", short_day_text(triggers.then.first))
        .replace("%2", day_text(triggers.then.last))
    )
    now_words = (
        tr("Now: %1 – %2")
        .replace("%1", short_day_text(triggers.now.first))
        .replace("%2", day_text(triggers.now.last))
    )
    series.append(_bar_set(then_words, [t.then for t in shown], _colour(palette, "tension")))
    series.append(_bar_set(now_words, [t.now for t in shown], _colour(palette, "accent")))
    names = QCategoryAxis()
    names.setRange(-0.5, len(shown) - 0.5)
    names.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for index, trigger in enumerate(shown):
        names.append(label(trigger.name), index)
    names.setGridLineVisible(False)
    _style_axis(names, palette)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    top = max(max(t.then, t.now) for t in shown)
    urges = _value_axis(chart, palette, top, Qt.AlignmentFlag.AlignBottom)
    urges.setTitleText(label(tr("urges with this trigger")))
    _add(chart, series, names, urges)
    return chart


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The values split where there is a gap: a gap is never drawn as a line through zero."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((index, value))
    if current:
        runs.append(current)
    return runs


MOST_SEGMENTS = 80  # beyond this many pieces, dots alone read better than lines


def _line_with_gaps(
    chart: QChart,
    name: str,
    values: Sequence[float | None],
    colour: QColor,
    axes: tuple[QAbstractAxis, QAbstractAxis],
) -> None:
    runs = _runs(values)
    dots = QScatterSeries()
    dots.setName(label(name))
    dots.setMarkerSize(6)
    dots.setColor(colour)
    dots.setBorderColor(colour)
    for run in runs:
        for index, value in run:
            dots.append(QPointF(index, value))
    _add(chart, dots, *axes)
    if len(runs) > MOST_SEGMENTS:
        return
    for run in runs:
        if len(run) < 2:
            continue
        line = QLineSeries()
        line.setPen(QPen(colour, 2))
        for index, value in run:
            line.append(QPointF(index, value))
        _add(chart, line, *axes)
        for marker in chart.legend().markers(line):
            marker.setVisible(False)


def mood_chart(data: ReviewData, palette: Palette) -> QChart | None:
    """Mood (1-5, left) and pull (0-10, right), day by day or as averages; a day or a week
    without a check-in is left as a gap."""
    review = data.review
    series = review.check_ins
    if series is None:
        return None
    step = step_for(len(review.check_in_weeks), len(series))
    if step is Step.DAY:
        firsts = [series.day(i) for i in range(len(series))]
        spans = [(day, day) for day in firsts]
        moods: Sequence[float | None] = series.moods
        pulls: Sequence[float | None] = series.pulls
    else:
        periods = review.check_in_weeks if step is Step.WEEK else review.check_in_months
        firsts = [p.first for p in periods]
        spans = [(p.first, p.last) for p in periods]
        moods = [p.mean_mood for p in periods]
        pulls = [p.mean_pull for p in periods]
    if all(v is None for v in (*moods, *pulls)):
        return None
    chart = _chart(palette)
    x = _date_axis(chart, palette, firsts, step)
    mood_axis = _value_axis(chart, palette, 5, Qt.AlignmentFlag.AlignLeft, bottom=1)
    mood_axis.setTitleText(label(tr("mood")))
    pull_axis = _value_axis(chart, palette, 10, Qt.AlignmentFlag.AlignRight)
    pull_axis.setTitleText(label(tr("pull")))
    pull_axis.setGridLineVisible(False)
    _line_with_gaps(chart, tr("Mood (1–5)"), moods, _colour(palette, "accent"), (x, mood_axis))
    _line_with_gaps(chart, tr("Pull (0–10)"), pulls, _colour(palette, "tension"), (x, pull_axis))
    add_marks(chart, palette, mark_positions(data, spans), x, pull_axis)
    return chart


def promises_chart(data: ReviewData, palette: Palette) -> QChart | None:
    review = data.review
    if not review.promise_weeks:
        return None
    step = step_for(len(review.promise_weeks))
    periods = review.promise_weeks if step is Step.WEEK else review.promise_months
    chart = _chart(palette)
    series = QStackedBarSeries()
    series.setBarWidth(0.8)
    series.append(_bar_set(tr("Kept"), [p.kept for p in periods], _colour(palette, "good")))
    series.append(
        _bar_set(tr("Not kept"), [p.not_kept for p in periods], _colour(palette, "other"))
    )
    series.append(_bar_set(tr("Let go"), [p.let_go for p in periods], _colour(palette, "apology")))
    series.append(
        _bar_set(tr("Not marked yet"), [p.open for p in periods], _colour(palette, "field_border"))
    )
    x = _date_axis(chart, palette, [p.first for p in periods], step)
    top = max(p.kept + p.not_kept + p.let_go + p.open for p in periods)
    y = _value_axis(chart, palette, top, Qt.AlignmentFlag.AlignLeft)
    y.setTitleText(label(tr("promises")))
    _add(chart, series, x, y)
    return chart
