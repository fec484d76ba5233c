"""How the Review screen places its panels, and when it starts its work: after it has
painted, so a first visit shows at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from recovery_app.drawing.parts import ReviewPart
from recovery_app.ui.kit.next_turn import next_turn
from recovery_app.ui.review.panels import ReviewPanel

TWO_COLUMNS_FROM = 1000  # pixels of page width


class PanelGrid(QWidget):
    """The panels in one column, or, on a wide page, two columns that each stack their own
    panels (so a short panel leaves no hole beside a tall one); a wide panel (the year's
    calendar, the days marked) takes a row of its own. The reading and Tab order stays the
    panels' order.

    Each panel is made in the place it first takes (`fill`): made elsewhere and moved in, a
    panel is styled all over again, with every label and button it holds."""

    def __init__(self, width: int = 0, parent: QWidget | None = None) -> None:
        """`width`: the page's width now, if known, so the panels are placed once, not
        in one column and moved into two at the first resize."""
        super().__init__(parent)
        self.panels: list[ReviewPanel] = []
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(14)
        self.columns = 0
        self._width = width
        self._parts: list[ReviewPart] = []
        self._make: Callable[[ReviewPart, QWidget], ReviewPanel] | None = None

    def fill(
        self, parts: list[ReviewPart], make: Callable[[ReviewPart, QWidget], ReviewPanel]
    ) -> list[ReviewPanel]:
        """Make a panel for each part, in reading order, each inside its place."""
        self._parts = parts
        self._make = make
        self._place(_columns_for(self._width))
        self._make = None
        return self.panels

    def _put(self, index: int, layout: QVBoxLayout, holder: QWidget) -> None:
        if self._make is not None:
            panel = self._make(self._parts[index], holder)
            self.panels.append(panel)
        else:
            panel = self.panels[index]
        layout.addWidget(panel)
        panel.show()

    def _clear(self) -> None:
        for panel in self.panels:
            holder = panel.parentWidget()
            layout = holder.layout() if holder is not None else None
            if layout is not None:
                layout.removeWidget(panel)  # its layout item goes with it
            panel.setParent(self)  # out of a column about to go
        while self.outer.count():
            item = self.outer.takeAt(0)
            holder = item.widget() if item is not None else None
            if holder is not None and holder not in self.panels:
                holder.deleteLater()

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        self._clear()
        if columns == 1:
            for index in range(len(self._parts)):
                self._put(index, self.outer, self)
            return
        block: list[int] = []
        for index, part in enumerate(self._parts):
            if not part.wide:
                block.append(index)
                continue
            if block:
                self._two_columns(block)
                block = []
            self._put(index, self.outer, self)
        if block:
            self._two_columns(block)

    def _two_columns(self, indexes: list[int]) -> None:
        """Widgets, not nested layouts, hold the columns: a wrapping label's height depends
        on its width, and nested layouts keep an old answer to that when a panel grows."""
        row = QWidget(self)
        across = QHBoxLayout(row)
        across.setContentsMargins(0, 0, 0, 0)
        across.setSpacing(14)
        holders = []
        for _side in range(2):
            holder = QWidget(row)
            down = QVBoxLayout(holder)
            down.setContentsMargins(0, 0, 0, 0)
            down.setSpacing(14)
            holders.append((down, holder))
        for place, index in enumerate(indexes):  # made in reading order, placed left, right
            self._put(index, *holders[place % 2])
        for down, holder in holders:
            down.addStretch(1)
            across.addWidget(holder, 1, Qt.AlignmentFlag.AlignTop)
        self.outer.addWidget(row)
        row.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.panels:
            self._place(_columns_for(event.size().width()))


def _columns_for(width: int) -> int:
    return 2 if width >= TWO_COLUMNS_FROM else 1


class AfterFirstPaint(QObject):
    """Calls back once `watched` has painted (or after a short wait, should it not paint:
    a window that is not exposed)."""

    FALLBACK_MS = 100

    def __init__(self, watched: QWidget, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._then = then
        self._armed = False
        watched.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(self.FALLBACK_MS)
        self._fallback.timeout.connect(self._fire)

    def arm(self) -> None:
        self._armed = True
        self._fallback.start()

    def _fire(self) -> None:
        if self._armed:
            self._armed = False
            self._fallback.stop()
            self._then()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            next_turn(self, self._fire)  # once this paint is done
        return False
