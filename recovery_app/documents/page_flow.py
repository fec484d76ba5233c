"""Text and pictures flowed down A4 (or Letter) pages, line by line, for a PDF.

A paragraph is laid out with QTextLayout and drawn one line at a time, so a long one (the
exact words of a long message) goes on across pages instead of being cut. The same flow runs
twice: once without drawing, to count the pages ("page 2 of 7"), then to draw them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

RESOLUTION = 300  # dots per inch: crisp text, thumbnails that print well
MM = RESOLUTION / 25.4
INK = QColor(Qt.GlobalColor.black)
QUIET_INK = QColor(Qt.GlobalColor.darkGray)


@dataclass(frozen=True)
class Style:
    size: float = 10.0  # points
    bold: bool = False
    italic: bool = False
    mono: bool = False
    quiet: bool = False  # grey small print
    indent: float = 0.0  # mm
    after: float = 1.5  # mm of space below


class PageFlow:
    """Where the next line goes, on which page. `painter` None: measure only."""

    def __init__(self, writer: QPdfWriter, painter: QPainter | None, footer: str) -> None:
        self._writer = writer
        self._painter = painter
        self._footer = footer
        rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.width = float(rect.width())
        self.footer_height = 8 * MM
        self.bottom = float(rect.height()) - self.footer_height
        self.y = 0.0
        self.page = 1
        self.pages_in_all = 0  # known on the second run; 0 draws "Page n" alone

    # ----- pages ----------------------------------------------------------------------------

    def new_page(self) -> None:
        self._draw_footer()
        if self._painter is not None:
            self._writer.newPage()
        self.page += 1
        self.y = 0.0

    def finish(self) -> None:
        self._draw_footer()

    def room_left(self) -> float:
        return self.bottom - self.y

    def keep(self, height_mm: float) -> None:
        """Start a new page unless `height_mm` fits on this one (a block kept together)."""
        if self.y > 0 and self.room_left() < height_mm * MM:
            self.new_page()

    def space(self, mm: float) -> None:
        self.y = min(self.bottom, self.y + mm * MM)

    def _draw_footer(self) -> None:
        if self._painter is None:
            return
        of = f" of {self.pages_in_all}" if self.pages_in_all else ""
        text = f"{self._footer} · page {self.page}{of}"
        font = self.font(Style(size=8, quiet=True))
        self._painter.setFont(font)
        self._painter.setPen(QUIET_INK)
        box = QRectF(0, self.bottom + 3 * MM, self.width, self.footer_height - 3 * MM)
        self._painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), text)

    # ----- text -----------------------------------------------------------------------------

    def font(self, style: Style) -> QFont:
        if style.mono:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        else:
            font = QFont()
        font.setPointSizeF(style.size)
        font.setBold(style.bold)
        font.setItalic(style.italic)
        # No ligatures: "fi" drawn as one glyph reads back as "ﬁ", and someone's exact words
        # must copy out of the PDF exactly as they were written.
        for feature in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(feature), 0)
        return font

    def paragraph(self, text: str, style: Style = Style()) -> None:
        """`text`, wrapped to the page's width; its own line breaks kept."""
        for part in text.split("\n"):
            self._lines(part, style)
        self.space(style.after)

    def _lines(self, text: str, style: Style, width: float | None = None, x: float = 0) -> None:
        layout = self._layout(text, style, width or self.width - style.indent * MM)
        left = x + style.indent * MM
        if self._painter is not None:
            self._painter.setPen(QUIET_INK if style.quiet else INK)
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            if self.y + line.height() > self.bottom:
                self.new_page()
                if self._painter is not None:
                    self._painter.setPen(QUIET_INK if style.quiet else INK)
            if self._painter is not None:
                line.draw(self._painter, QPointF(left, self.y - line.y()))
            self.y += line.height()

    def _layout(self, text: str, style: Style, width: float) -> QTextLayout:
        layout = QTextLayout(text or " ", self.font(style), self._writer)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        top = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, top))
            top += line.height()
        layout.endLayout()
        return layout

    def text_height(self, text: str, style: Style, width: float) -> float:
        layout = self._layout(text, style, width)
        return sum(layout.lineAt(i).height() for i in range(layout.lineCount()))

    def rule(self) -> None:
        if self._painter is not None:
            self._painter.setPen(QPen(QUIET_INK, 0.3 * MM))
            self._painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        self.space(3)

    # ----- pictures -------------------------------------------------------------------------

    def picture_beside(
        self, image: QImage | None, box_mm: tuple[float, float], lines: list[tuple[str, Style]]
    ) -> None:
        """A picture (scaled into `box_mm`, or an empty frame) with lines of text to its
        right; kept together on one page."""
        box_w, box_h = box_mm[0] * MM, box_mm[1] * MM
        gap = 4 * MM
        text_w = self.width - box_w - gap
        scaled = None
        if image is not None and not image.isNull():
            scaled = image.scaled(
                int(box_w),
                int(box_h),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        picture_h = float(scaled.height()) if scaled is not None else box_h / 2
        text_h = sum(self.text_height(t, s, text_w) + s.after * MM for t, s in lines)
        needed = max(picture_h, text_h)
        if self.y > 0 and self.y + needed > self.bottom:
            self.new_page()
        top = self.y
        if self._painter is not None:
            if scaled is not None:
                self._painter.drawImage(QPointF(0, top), scaled)
            else:
                self._painter.setPen(QPen(QUIET_INK, 0.2 * MM, Qt.PenStyle.DashLine))
                self._painter.drawRect(QRectF(0, top, box_w, picture_h))
        for text, style in lines:
            self._lines(text, style, text_w, box_w + gap)
            self.y += style.after * MM
        self.y = max(top + picture_h, self.y) + 2 * MM


def new_writer(buffer: QBuffer, *, title: str, letter: bool) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Journal")
    size = QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 18, 20, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def open_buffer() -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer
