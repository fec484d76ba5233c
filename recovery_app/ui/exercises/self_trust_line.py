"""The self-trust line: the share of promises kept, week by week, drawn as a simple line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from recovery_app.domain.promises import WeekShare

LINE = QColor("#3f5f6d")
GRID = QColor("#e3ded6")
TEXT = QColor("#55606a")


class SelfTrustLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[WeekShare] = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_weeks(self, weeks: list[WeekShare]) -> None:
        self.weeks = weeks[-12:]  # the last twelve weeks with a promise marked
        parts = [
            self.tr("Week of %1: %2 of %3 kept")
            .replace("%1", f"{w.monday.day} {w.monday:%B}")
            .replace("%2", str(w.kept))
            .replace("%3", str(w.decided))
            for w in self.weeks
        ]
        self.setAccessibleName(self.tr("Self-trust line"))
        self.setAccessibleDescription("; ".join(parts))
        self.setToolTip("\n".join(parts))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance("100%") + 10
        area = QRectF(left, 8, self.width() - left - 16, self.height() - 8 - metrics.height() - 10)
        painter.setPen(QPen(GRID, 1))
        for share in (0.0, 0.5, 1.0):
            y = area.bottom() - share * area.height()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{round(share * 100)}%",
            )
            painter.setPen(QPen(GRID, 1))
        if not self.weeks:
            return
        count = len(self.weeks)
        step = area.width() / max(count - 1, 1)
        points = [
            QPointF(
                area.left() + (n * step if count > 1 else area.width() / 2),
                area.bottom() - w.share * area.height(),
            )
            for n, w in enumerate(self.weeks)
        ]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(LINE, 2.5))
        painter.drawPath(path)
        painter.setBrush(LINE)
        for point in points:
            painter.drawEllipse(point, 4, 4)
        painter.setPen(TEXT)
        baseline = area.bottom() + 6
        first, last = self.weeks[0].monday, self.weeks[-1].monday
        height = metrics.height()
        painter.drawText(
            QRectF(area.left(), baseline, 200, height),
            Qt.AlignmentFlag.AlignLeft,
            f"{first.day} {first:%b}",
        )
        if count > 1:
            painter.drawText(
                QRectF(area.right() - 200, baseline, 200, height),
                Qt.AlignmentFlag.AlignRight,
                f"{last.day} {last:%b}",
            )
