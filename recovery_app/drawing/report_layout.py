"""Laying a report out on pages: text that wraps and breaks across pages, tables whose
header repeats on every page, and pictures (charts, the calendar) that never split.

Laying out only measures (with the PDF writer's own font metrics) and records what to
paint where; painting comes after, page by page, once the number of pages is known (so
every page can say "Page 2 of 5"), and can stop between two pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QTextLayout

from recovery_app.drawing.palette import Palette
from recovery_app.drawing.tables import Table

Paint = Callable[[QPainter], None]
PaintIn = Callable[[QPainter, QRectF], None]


@dataclass(frozen=True)
class Fonts:
    body: QFont
    small: QFont
    bold: QFont
    heading: QFont
    title: QFont


def without_ligatures(font: QFont) -> QFont:
    """The same font drawing "fi" as two letters: one glyph for both reads back as "ﬁ"
    when a PDF's text is copied, searched or read aloud."""
    plain = QFont(font)
    for tag in ("liga", "clig"):
        feature = QFont.Tag.fromString(tag)
        if feature is not None:
            plain.setFeature(feature, 0)
    return plain


def make_fonts(points: float = 10.0) -> Fonts:
    def font(size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        made = QFont("DejaVu Sans")
        made.setPointSizeF(size)
        made.setWeight(weight)
        return without_ligatures(made)

    return Fonts(
        body=font(points),
        small=font(points * 0.8),
        bold=font(points, QFont.Weight.DemiBold),
        heading=font(points * 1.4, QFont.Weight.DemiBold),
        title=font(points * 2.2, QFont.Weight.DemiBold),
    )


def wrap(text: str, font: QFont, width: float, device: QPagedPaintDevice) -> list[str]:
    """The lines `text` breaks into at `width` (its own line breaks kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font, device)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].rstrip())
        layout.endLayout()
    return lines


class PageFlow:
    """Content placed top to bottom in `body` on as many pages as it takes."""

    def __init__(self, device: QPagedPaintDevice, body: QRectF, palette: Palette) -> None:
        self.device = device
        self.body = body
        self.palette = palette
        self.pages: list[list[Paint]] = [[]]
        self.y = body.top()

    @property
    def room(self) -> float:
        return self.body.bottom() - self.y

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def colour(self, role: str) -> QColor:
        return QColor(str(getattr(self.palette, role)))

    def new_page(self) -> None:
        if self.pages[-1] or self.y > self.body.top():
            self.pages.append([])
        self.y = self.body.top()

    def ensure(self, height: float) -> None:
        """Room for `height` on this page, or a new page (unless this one is still empty)."""
        if height > self.room and self.y > self.body.top():
            self.new_page()

    def space(self, height: float) -> None:
        self.y = min(self.y + height, self.body.bottom())

    def _place(self, paint: Paint) -> None:
        self.pages[-1].append(paint)

    def text(
        self,
        text: str,
        font: QFont,
        *,
        role: str = "text",
        after: float = 0.4,
        keep_with: float = 0.0,
        bullet: str = "",
    ) -> None:
        """Plain text (never markup), wrapped; `keep_with`: room wanted below the first
        line too, so a heading never ends a page alone; `after`: space below, in lines;
        `bullet`: written before the first line, the others indented under the text."""
        metrics = self.metrics(font)
        height = metrics.lineSpacing()
        indent = metrics.horizontalAdvance(bullet) if bullet else 0.0
        lines = wrap(text, font, self.body.width() - indent, self.device)
        self.ensure(height + keep_with)
        colour = self.colour(role)
        for number, line in enumerate(lines):
            self.ensure(height)
            if bullet and number == 0:
                at = QPointF(self.body.left(), self.y + metrics.ascent())
                self._place(_text_painter(at, bullet, font, colour))
            baseline = QPointF(self.body.left() + indent, self.y + metrics.ascent())
            self._place(_text_painter(baseline, line, font, colour))
            self.y += height
        self.space(height * after)

    def picture(self, height: float, paint: PaintIn, *, after: float = 0.0) -> None:
        """Something drawn whole (a chart, the calendar); never split across pages."""
        height = min(height, self.body.height())
        self.ensure(height)
        rect = QRectF(self.body.left(), self.y, self.body.width(), height)
        self._place(lambda painter: paint(painter, rect))
        self.y += height
        self.space(after)

    def table(self, table: Table, font: QFont, bold: QFont) -> None:
        metrics = self.metrics(font)
        pad = metrics.height() * 0.35
        widths = self._column_widths(table, font, bold, pad)
        header = [
            wrap(h, bold, w - 2 * pad, self.device)
            for h, w in zip(table.headers, widths, strict=True)
        ]
        header_height = max(len(h) for h in header) * self.metrics(bold).lineSpacing() + 2 * pad

        def put_header() -> None:
            top = self.y
            rect = QRectF(self.body.left(), top, self.body.width(), header_height)
            self._place(_fill_painter(rect, self.colour("chrome")))
            self._cells(header, widths, top, pad, bold, table, "text")
            self.y += header_height

        self.ensure(header_height + metrics.lineSpacing() + 2 * pad)
        put_header()
        for index, row in enumerate(table.rows):
            cells = [
                wrap(c, font, w - 2 * pad, self.device) for c, w in zip(row, widths, strict=True)
            ]
            height = max(len(c) for c in cells) * metrics.lineSpacing() + 2 * pad
            if height > self.room:
                self.new_page()
                put_header()
            if index % 2:
                rect = QRectF(self.body.left(), self.y, self.body.width(), height)
                self._place(_fill_painter(rect, self.colour("surface_alt")))
            self._cells(cells, widths, self.y, pad, font, table, "text")
            line = QRectF(self.body.left(), self.y + height - 1, self.body.width(), 1.5)
            self._place(_fill_painter(line, self.colour("border")))
            self.y += height
        self.space(metrics.lineSpacing() * 0.8)

    def _cells(
        self,
        cells: list[list[str]],
        widths: list[float],
        top: float,
        pad: float,
        font: QFont,
        table: Table,
        role: str,
    ) -> None:
        metrics = self.metrics(font)
        x = self.body.left()
        colour = self.colour(role)
        for column, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            for n, line in enumerate(lines):
                y = top + pad + n * metrics.lineSpacing() + metrics.ascent()
                left = x + pad
                if table.is_numeric(column):
                    left = x + width - pad - metrics.horizontalAdvance(line)
                self._place(_text_painter(QPointF(left, y), line, font, colour))
            x += width

    def _column_widths(self, table: Table, font: QFont, bold: QFont, pad: float) -> list[float]:
        """Each column as wide as its longest cell wants, shared out to fit the page."""
        metrics, bold_metrics = self.metrics(font), self.metrics(bold)
        wanted = []
        for column, heading in enumerate(table.headers):
            cells = [row[column] for row in table.rows[:400]]
            longest = max((metrics.horizontalAdvance(c) for c in cells), default=0.0)
            heading_width = min(bold_metrics.horizontalAdvance(heading), self.body.width() / 4)
            wanted.append(max(longest, heading_width) + 2 * pad)
        total = sum(wanted)
        if total <= self.body.width():
            spare = (self.body.width() - total) / len(wanted)
            return [w + spare for w in wanted]
        floor = self.body.width() / len(wanted) / 2
        capped = [max(w * self.body.width() / total, min(w, floor)) for w in wanted]
        scale = self.body.width() / sum(capped)
        return [w * scale for w in capped]


def _text_painter(at: QPointF, text: str, font: QFont, colour: QColor) -> Paint:
    def paint(painter: QPainter) -> None:
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(at, text)

    return paint


def _fill_painter(rect: QRectF, colour: QColor) -> Paint:
    def paint(painter: QPainter) -> None:
        painter.fillRect(rect, colour)

    return paint


def draw_line(
    painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor, align: Qt.AlignmentFlag
) -> None:
    """One line of plain text, in a header or a footer."""
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(
        rect, int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine), text
    )
