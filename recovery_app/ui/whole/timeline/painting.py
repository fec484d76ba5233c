"""Painting one frame of the timeline: the band around a chosen good moment, the axis with its
ticks, and each memory as a dot or a bar with its label. The view decides what is where; these
draw it in the look on show (look.py, the theme)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from recovery_app.ui.kit import theme
from recovery_app.ui.whole.timeline.layout import (
    DOT_RADIUS,
    LABEL_WIDTH,
    ZOOMS,
    TimelineItem,
    ticks,
)
from recovery_app.ui.whole.timeline.look import background, colour_of, look

FOCUS_GAP = 4  # between a memory and its focus ring
BAND_ALPHA = 28  # the days around a chosen good moment, a faint wash of the accent


@dataclass(frozen=True)
class Frame:
    """What every part of one frame is drawn with."""

    painter: QPainter
    left: float  # the scrolled-to x
    zoom: int
    origin: date
    text: QColor
    metrics: QFontMetrics


def paint_band(frame: Frame, band: QRectF) -> None:
    wash = theme.current().colour("accent")
    wash.setAlpha(BAND_ALPHA)
    frame.painter.fillRect(band, wash)


def paint_axis(frame: Frame, axis: float, width: int, height: int) -> None:
    painter = frame.painter
    painter.setPen(QPen(frame.text, 1.5))
    painter.drawLine(QPointF(0, axis), QPointF(width, axis))
    scale = ZOOMS[frame.zoom]
    first = frame.origin + timedelta(days=int(frame.left / scale))
    last = frame.origin + timedelta(days=int((frame.left + width) / scale) + 1)
    muted = QColor(frame.text)
    muted.setAlpha(150)
    painter.setPen(QPen(muted, 1))
    for tick, caption in ticks(first, last, frame.zoom):
        x = (tick - frame.origin).days * scale - frame.left
        painter.drawLine(QPointF(x, axis - 4), QPointF(x, axis + 4))
        painter.drawText(QPointF(x + 3, height - 8), caption)


def paint_item(
    frame: Frame,
    item: TimelineItem,
    rect: QRectF,
    *,
    chosen: bool,
    ringed: bool,
    dim: bool,
    focused: bool,
    with_labels: bool,
) -> None:
    """One memory; `chosen` wears the focus ring while the timeline has the focus."""
    painter = frame.painter
    memory = item.memory
    pen, brush = look(memory.kind, memory.when.is_exact, dim and not (chosen or ringed))
    if chosen or ringed:
        pen = QPen(frame.text if chosen else colour_of(memory.kind).darker(140), 3)
    painter.setBrush(brush)
    painter.setPen(pen)
    is_dot = rect.width() <= 2 * DOT_RADIUS + 0.5
    if is_dot:
        painter.drawEllipse(rect)
    else:
        painter.drawRoundedRect(rect, 4, 4)
    if chosen and focused:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(theme.current().colour("focus"), 2))
        gap = FOCUS_GAP
        painter.drawRoundedRect(rect.adjusted(-gap, -gap, gap, gap), 6, 6)
    if not (with_labels or chosen or ringed):
        return
    text = frame.metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
    # A long bar's label starts where the bar comes into view.
    x = rect.right() + 6 if is_dot else max(rect.left(), 4.0)
    y = rect.bottom() - 1 if is_dot else rect.top() - 3
    if chosen or ringed:  # on a plain ground, so it reads over its neighbours
        box = QRectF(frame.metrics.boundingRect(text)).translated(x, y)
        painter.fillRect(box.adjusted(-3, -1, 3, 1), background())
    painter.setPen(frame.text)
    painter.drawText(QPointF(x, y), text)
