"""What a person sees, measured: the contrast of every text in a window, from its pixels.

The window is drawn once, as Qt draws it on screen (style sheet, palette, cards behind labels,
the default button's colours and all); each piece of text is then looked at where it sits:
its background is the colour most of the area has, and its ink the pixel that stands out most
from that background. Ink against background must read at 4.5:1 (WCAG AA), placeholders and
hints included.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from recovery_app.ui.kit.theme import contrast

AA = 4.5


@dataclass(frozen=True)
class Reading:
    where: str
    ratio: float
    ink: str
    background: str


def _luminance_contrast(a: QColor, b: QColor) -> float:
    return contrast(a.name(), b.name())


def _area_reading(image: QImage, area: QRect, where: str) -> Reading | None:
    """Background = the commonest colour in `area`; ink = the pixel most unlike it."""
    area = area.intersected(image.rect())
    if area.width() < 4 or area.height() < 4:
        return None
    counts: Counter[int] = Counter()
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    ink = max(
        (QColor.fromRgb(rgb) for rgb in counts), key=lambda c: _luminance_contrast(c, background)
    )
    ratio = _luminance_contrast(ink, background)
    if ratio < 1.05:
        return None  # no text drawn here (an empty field, a hidden word)
    return Reading(where, round(ratio, 2), ink.name(), background.name())


def _text_area(widget: QWidget) -> QRect | None:
    """Where the widget's words are drawn, in its own coordinates, borders left out."""
    rect = widget.rect()
    if isinstance(widget, QLabel):
        return rect if widget.text().strip() and not widget.pixmap() else None
    if isinstance(widget, QCheckBox | QRadioButton):
        return rect.adjusted(26, 2, -2, -2) if widget.text() else None
    if isinstance(widget, QAbstractButton):
        return rect.adjusted(4, 4, -4, -4) if widget.text() else None
    if isinstance(widget, QLineEdit):
        shown = widget.text() or widget.placeholderText()
        return rect.adjusted(4, 4, -4, -4) if shown else None
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        shown = widget.toPlainText() or widget.placeholderText()
        return widget.viewport().geometry().adjusted(2, 2, -2, -2) if shown else None
    if isinstance(widget, QComboBox):
        return rect.adjusted(4, 4, -28, -4) if widget.currentText() else None
    if isinstance(widget, QAbstractSpinBox):
        return rect.adjusted(4, 4, -24, -4) if widget.text() else None
    return None


def readings(window: QWidget) -> list[Reading]:
    """Every visible text in `window`, measured as drawn."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.width() / max(window.width(), 1)
    found: list[Reading] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        areas: list[tuple[QRect, str]] = []
        if isinstance(widget, QTabBar):
            areas = [
                (widget.tabRect(i).adjusted(6, 6, -6, -2), f"tab {widget.tabText(i)!r}")
                for i in range(widget.count())
                if widget.isTabVisible(i)
            ]
        else:
            area = _text_area(widget)
            if area is not None:
                text = getattr(widget, "text", lambda: "")()
                if not text and isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
                    text = widget.placeholderText()
                label = text if isinstance(text, str) and text else widget.accessibleName()
                areas = [(area, f"{type(widget).__name__} {label[:40]!r}")]
        seen = widget.visibleRegion().boundingRect()  # scrolled out of view: not drawn
        for area, where in areas:
            area = area.intersected(seen)
            if area.isEmpty():
                continue
            top_left = widget.mapTo(window, area.topLeft())
            on_window = QRect(top_left * ratio, area.size() * ratio)
            reading = _area_reading(image, on_window, where)
            if reading is not None:
                found.append(reading)
    return found


def too_faint(window: QWidget) -> list[Reading]:
    return [r for r in readings(window) if r.ratio < AA]
