"""The year's calendar painted with a QPainter: on the screen (a widget's paintEvent) and in
the report (onto the PDF), at whatever size it is given.

Weeks are columns, Monday is the top row. A day with a check-in is filled, more strongly
for a better mood (a check-in without a mood is filled lightly); a day without one is an
empty outline, never a low mood; a day before the journal began is not drawn. Contacts are
marked by kind, each with its own shape as well as its colour, so no one needs colour to
tell them apart: a dot for "I reached out", a ring for "they reached out", a bar for
unavoidable contact.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from recovery_app.domain.review_calendar import WEEKS, CalendarDay, YearCalendar
from recovery_app.drawing.palette import Palette
from recovery_app.drawing.review_data import tr
from recovery_app.drawing.tables import WEEKDAYS

LEGEND_ROWS = 2
_LEGEND_DAY = date(2000, 1, 1)  # any day: the legend draws a sample cell


def _colour(palette: Palette, role: str, alpha: float = 1.0) -> QColor:
    colour = QColor(str(getattr(palette, role)))
    colour.setAlphaF(alpha)
    return colour


def fill_for(day: CalendarDay, palette: Palette) -> QColor | None:
    if not day.checked_in:
        return None
    strength = 0.25 if day.mood is None else 0.25 + 0.75 * (day.mood - 1) / 4
    return _colour(palette, "accent", strength)


def _mark(painter: QPainter, day: CalendarDay, cell: QRectF, palette: Palette) -> None:
    """The contacts of the day, in the cell's corner, by kind."""
    size = cell.width() * 0.42
    centre = QPointF(cell.right() - size * 0.62, cell.top() + size * 0.62)
    if day.reached_out:
        painter.setPen(QPen(_colour(palette, "surface"), size * 0.18))
        painter.setBrush(QBrush(_colour(palette, "text")))
        painter.drawEllipse(centre, size / 2, size / 2)
    elif day.they_reached_out:
        painter.setPen(QPen(_colour(palette, "apology"), size * 0.28))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, size / 2.4, size / 2.4)
    if day.unavoidable:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(_colour(palette, "other")))
        painter.drawRect(
            QRectF(
                cell.left() + cell.width() * 0.15,
                cell.bottom() - cell.height() * 0.28,
                cell.width() * 0.7,
                cell.height() * 0.16,
            )
        )


def layout(rect: QRectF, font_height: float) -> tuple[float, QRectF]:
    """The cell size and the grid's rectangle inside `rect` (weekday names on the left,
    month names above, the legend below)."""
    label_width = font_height * 2.6
    top = font_height * 1.5
    legend = font_height * 1.6 * LEGEND_ROWS
    cell = min((rect.width() - label_width) / WEEKS, (rect.height() - top - legend) / 7)
    grid = QRectF(rect.left() + label_width, rect.top() + top, cell * WEEKS, cell * 7)
    return cell, grid


def height_for(width: float, font_height: float) -> float:
    """How tall the picture is at `width`, its cells square."""
    label_width = font_height * 2.6
    cell = (width - label_width) / WEEKS
    return font_height * 1.5 + cell * 7 + font_height * 1.6 * LEGEND_ROWS


def paint_year(
    painter: QPainter, rect: QRectF, calendar: YearCalendar, palette: Palette, font: QFont
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics_height = painter.fontMetrics().height()
    cell, grid = layout(rect, metrics_height)
    gap = max(cell * 0.12, 1.0)
    muted = _colour(palette, "text_muted")
    painter.setPen(muted)
    for weekday in (0, 2, 4, 6):
        row = QRectF(rect.left(), grid.top() + weekday * cell, grid.left() - rect.left() - 4, cell)
        painter.drawText(
            row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, WEEKDAYS[weekday]
        )
    last_month = None
    for week in range(WEEKS):
        monday = calendar.span.first + timedelta(weeks=week)
        if monday.month != last_month and week < WEEKS - 2:
            last_month = monday.month
            painter.setPen(muted)
            painter.drawText(
                QRectF(grid.left() + week * cell, rect.top(), cell * 4, grid.top() - rect.top()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{monday:%b}",
            )
        for weekday in range(7):
            day = calendar.at(week, weekday)
            if day is None:
                continue
            box = QRectF(
                grid.left() + week * cell + gap / 2,
                grid.top() + weekday * cell + gap / 2,
                cell - gap,
                cell - gap,
            )
            fill = fill_for(day, palette)
            painter.setPen(
                QPen(
                    _colour(palette, "border" if fill else "field_border", 1.0),
                    max(cell * 0.05, 0.5),
                )
            )
            painter.setBrush(QBrush(fill) if fill else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, cell * 0.15, cell * 0.15)
            if day.has_contact:
                _mark(painter, day, box, palette)
    _legend(
        painter,
        QRectF(
            grid.left(),
            grid.bottom() + metrics_height * 0.4,
            grid.width(),
            metrics_height * 1.6 * LEGEND_ROWS,
        ),
        cell,
        palette,
    )
    painter.restore()


def _legend(painter: QPainter, rect: QRectF, cell: float, palette: Palette) -> None:
    height = painter.fontMetrics().height()
    size = min(cell, height)
    x, y = rect.left(), rect.top()

    def item(text: str, draw: Callable[[QRectF], None]) -> None:
        nonlocal x, y
        width = size + 6 + painter.fontMetrics().horizontalAdvance(text) + size * 2
        if x + width > rect.right() and x > rect.left():
            x, y = rect.left(), y + height * 1.5
        box = QRectF(x, y + (height - size) / 2, size, size)
        draw(box)
        painter.setPen(_colour(palette, "text_muted"))
        painter.drawText(
            QRectF(box.right() + 6, y, width, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += width

    def square(fill: QColor | None) -> Callable[[QRectF], None]:
        def draw(box: QRectF) -> None:
            painter.setPen(QPen(_colour(palette, "border" if fill else "field_border"), 1))
            painter.setBrush(QBrush(fill) if fill else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, size * 0.15, size * 0.15)

        return draw

    def contact(**kinds: int) -> Callable[[QRectF], None]:
        def draw(box: QRectF) -> None:
            square(None)(box)
            _mark(painter, CalendarDay(_LEGEND_DAY, True, None, **kinds), box, palette)

        return draw

    item(tr("Checked in (stronger: a better mood)"), square(_colour(palette, "accent", 0.8)))
    item(tr("No check-in"), square(None))
    item(tr("I reached out"), contact(reached_out=1))
    item(tr("They reached out"), contact(they_reached_out=1))
    item(tr("Unavoidable contact"), contact(unavoidable=1))
