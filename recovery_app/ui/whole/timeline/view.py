"""The timeline: good moments above the line, what hurt below it, the rest on it.

A painted, scrollable strip of time, zoomable from years to weeks. Only what is in view is
painted (found by bisection), so a journal of thousands of memories pans smoothly. A rough
date is drawn as a pale bar over the days it may mean; an exact day as a dot. Selecting a
good moment shades the days around it and rings the harm that lies there.

Keys: Left/Right (or Up/Down, as in any list) move to the previous/next memory, Home/End
to the first/last, Enter opens it, Ctrl+Plus/Ctrl+Minus (or Ctrl+wheel) zoom, Page Up/Down
scroll. With the focus here, the chosen memory wears a focus ring. A screen reader meets a
list with one item per memory (accessible.py), and hears each move: the item the keys land
on takes the accessibility focus. The plain list beside it carries the same information.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from recovery_app.domain.fuzzy_dates import label
from recovery_app.domain.memories import ABOVE, BELOW, Memory, MemoryKind
from recovery_app.ui.whole.timeline.accessible import (
    TimelineItems,
    install_accessible_factory,
    tell_focus,
)
from recovery_app.ui.whole.timeline.layout import (
    AXIS_GAP,
    BAR_HEIGHT,
    DOT_RADIUS,
    HIT_SLOP,
    LABEL_WIDTH,
    LANE_HEIGHT,
    MARGIN_DAYS,
    MONTHS,
    YEARS,
    ZOOMS,
    Dated,
    Placing,
    TimelineItem,
)
from recovery_app.ui.whole.timeline.look import background
from recovery_app.ui.whole.timeline.painting import Frame, paint_axis, paint_band, paint_item


class TimelineView(QAbstractScrollArea):
    selected = Signal(object)  # the Memory chosen, or None
    activated = Signal(object)  # the Memory to open (Enter, double-click)
    zoom_changed = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        kind_words: Mapping[MemoryKind, str] | None = None,  # how each kind is said
    ) -> None:
        super().__init__(parent)
        install_accessible_factory()
        self.setObjectName("timeline")  # its frame and focus ring (ui/kit/theme.py)
        self.setAccessibleName(self.tr("Timeline of memories"))
        self.setAccessibleDescription(
            self.tr("Left and Right move from one memory to the next; Enter opens it.")
        )
        self.kind_words = dict(kind_words or {})
        self.accessible_items = TimelineItems(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(260)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setMouseTracking(True)
        self._memories: list[Memory] = []  # time order, as given
        self._index: dict[int, int] = {}  # memory id: its place in `_memories`
        self._by_id: dict[int, TimelineItem] = {}
        self._dated = Dated([])
        self._placed = Placing(self._dated, date.today(), 1.0, {})
        self._origin = date.today()
        self._last_day = self._origin
        self._zoom = YEARS
        self._selected: Memory | None = None
        self._highlighted: set[int] = set()
        self._window_days = 30
        self._drag_from: QPoint | None = None
        self._metrics = QFontMetrics(self.font())
        self._dirty = True  # the layout is redone when next needed, not on every change

    # ----- data -------------------------------------------------------------------------------

    def set_memories(self, memories: Sequence[Memory]) -> None:
        """Memories in time order. The selection is kept when its memory is still there."""
        self._memories = list(memories)
        self._index = {m.id: n for n, m in enumerate(self._memories)}
        self._dated = Dated(self._memories)  # each layout of them reuses this
        if self._memories:
            first = min(m.when.start for m in self._memories)
            self._origin = first - timedelta(days=MARGIN_DAYS)
            self._last_day = max(m.when.end for m in self._memories)
        self._dirty = True
        self._update_scroll_range()
        if self._selected is not None and self._selected.id not in {m.id for m in memories}:
            self._selected = None
            self._highlighted = set()
        self.viewport().update()

    def memories(self) -> list[Memory]:
        return list(self._memories)

    def set_zoom(self, step: int, anchor_x: float | None = None) -> None:
        step = max(0, min(len(ZOOMS) - 1, step))
        if step == self._zoom:
            return
        anchor = self.viewport().width() / 2 if anchor_x is None else anchor_x
        day_at_anchor = (self.horizontalScrollBar().value() + anchor) / ZOOMS[self._zoom]
        self._zoom = step
        self._dirty = True
        self._update_scroll_range()
        if anchor_x is None and self._selected is not None:
            self.centre_on(self._selected)  # zooming from the keyboard keeps the choice in view
        else:
            self.horizontalScrollBar().setValue(round(day_at_anchor * ZOOMS[step] - anchor))
        self.viewport().update()
        self.zoom_changed.emit(step)

    def zoom(self) -> int:
        return self._zoom

    def select(self, memory: Memory | None, highlighted: Sequence[Memory] = ()) -> None:
        """Show `memory` as chosen (scrolled into view) and ring `highlighted`."""
        moved = memory != self._selected
        self._selected = memory
        self._highlighted = {m.id for m in highlighted}
        if memory is not None:
            self.ensure_visible(memory)
        self.viewport().update()
        if moved:
            tell_focus(self)

    def set_window_days(self, days: int) -> None:
        self._window_days = days
        self.viewport().update()

    def selected_memory(self) -> Memory | None:
        return self._selected

    # ----- as a screen reader meets it ----------------------------------------------------

    def index_of(self, memory: Memory | None) -> int | None:
        """Where `memory` is in time order (its item's place in the accessible list)."""
        return None if memory is None else self._index.get(memory.id)

    def item_rect(self, memory: Memory) -> QRect | None:
        """Where `memory` is drawn, in the viewport's coordinates."""
        item = self._laid_out().get(memory.id)
        if item is None:
            return None
        return self._item_rect(item, float(self.horizontalScrollBar().value())).toAlignedRect()

    def on_screen(self, memory: Memory) -> bool:
        rect = self.item_rect(memory)
        return rect is not None and rect.intersects(self.viewport().rect())

    def items_on_screen(self) -> list[Memory]:
        return [i.memory for i in self.visible_items() if self.on_screen(i.memory)]

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus ring around the chosen memory
        tell_focus(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def ensure_visible(self, memory: Memory) -> None:
        item = self._laid_out().get(memory.id)
        if item is None:
            return
        left, width = self.horizontalScrollBar().value(), self.viewport().width()
        if not left + 40 <= (item.x0 + item.x1) / 2 <= left + width - 40:
            self.centre_on(memory)

    def centre_on(self, memory: Memory) -> None:
        item = self._laid_out().get(memory.id)
        if item is not None:
            middle = (item.x0 + item.x1) / 2
            self.horizontalScrollBar().setValue(round(middle - self.viewport().width() / 2))

    # ----- layout -----------------------------------------------------------------------------

    def _laid_out(self) -> dict[int, TimelineItem]:
        """Every item by memory id, laid out for the current zoom and height."""
        placing = self._placing()
        placing.place_all()
        if len(self._by_id) != len(placing.items):
            self._by_id = {i.memory.id: i for i in placing.items}
        return self._by_id

    def _placing(self) -> Placing:
        """The layout, redone when next needed (not on every change), and placed from the
        left only as far as something asks (see layout.Placing)."""
        if self._dirty:
            self._layout()
        return self._placed

    def _layout(self) -> None:
        scale = ZOOMS[self._zoom]
        label_width = self._label_width if self._zoom >= MONTHS else None
        limits = {side: self._lane_limit(side) for side in (ABOVE, 0, BELOW)}
        self._placed = Placing(self._dated, self._origin, scale, limits, label_width)
        self._by_id = {}
        self._dirty = False

    def _label_width(self, item: TimelineItem) -> int:
        return min(LABEL_WIDTH, self._metrics.horizontalAdvance(item.title))

    def _lane_limit(self, side: int) -> int:
        half = max(1, (self.viewport().height() // 2 - AXIS_GAP - 24) // LANE_HEIGHT)
        return 3 if side == 0 else half

    def _update_scroll_range(self) -> None:
        if self._memories:
            last = self._last_day + timedelta(days=MARGIN_DAYS)
        else:
            last = self._origin + timedelta(days=365)
        total = (last - self._origin).days * ZOOMS[self._zoom]
        bar = self.horizontalScrollBar()
        bar.setRange(0, max(0, round(total - self.viewport().width())))
        bar.setPageStep(max(1, self.viewport().width()))
        bar.setSingleStep(40)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._dirty = True  # the number of lanes follows the height
        self._update_scroll_range()

    # ----- painting ---------------------------------------------------------------------------

    def _axis_y(self) -> float:
        return self.viewport().height() / 2

    def _item_rect(self, item: TimelineItem, left: float) -> QRectF:
        axis = self._axis_y()
        side = item.side
        if side == ABOVE:
            y = axis - AXIS_GAP - item.lane * LANE_HEIGHT
        elif side == BELOW:
            y = axis + AXIS_GAP + item.lane * LANE_HEIGHT
        else:
            y = axis + (0, -12, 12)[item.lane % 3]
        x0, x1 = item.x0 - left, item.x1 - left
        if x1 - x0 < 2 * DOT_RADIUS:
            middle = (x0 + x1) / 2
            return QRectF(middle - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS)
        return QRectF(x0, y - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT)

    def visible_items(self) -> list[TimelineItem]:
        left = self.horizontalScrollBar().value()
        right = left + self.viewport().width()
        placing = self._placing()
        placing.place_until(right + DOT_RADIUS)  # what can show, and everything before it
        label_reach = LABEL_WIDTH + 2 * DOT_RADIUS + 6  # a dot's label runs to its right
        # Anything starting this far left may still reach into view: the widest bar.
        low = bisect_left(placing.x0s, left - max(placing.widest, label_reach))
        high = bisect_right(placing.x0s, right + DOT_RADIUS)
        return [
            i for i in placing.items[low:high] if max(i.x1, i.x0 + label_reach) >= left - DOT_RADIUS
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left = float(self.horizontalScrollBar().value())
        size = self.viewport().size()
        painter.fillRect(self.viewport().rect(), background())
        frame = Frame(
            painter, left, self._zoom, self._origin, self.palette().text().color(), self._metrics
        )
        chosen = self._selected
        if chosen is not None and chosen.kind is MemoryKind.GOOD:
            scale = ZOOMS[self._zoom]
            start = (chosen.when.start - self._origin).days - self._window_days
            end = (chosen.when.end - self._origin).days + 1 + self._window_days
            paint_band(frame, QRectF(start * scale - left, 0, (end - start) * scale, size.height()))
        paint_axis(frame, self._axis_y(), size.width(), size.height())
        if not self._memories:
            return
        dim = chosen is not None and chosen.kind is MemoryKind.GOOD
        chosen_id = -1 if chosen is None else chosen.id
        for item in self.visible_items():
            is_chosen = item.memory.id == chosen_id
            ringed = item.memory.id in self._highlighted
            if item.covered and not (is_chosen or ringed):
                continue
            paint_item(
                frame,
                item,
                self._item_rect(item, left),
                chosen=is_chosen,
                ringed=ringed,
                dim=dim,
                focused=self.hasFocus(),
                with_labels=self._zoom >= MONTHS,
            )

    # ----- finding and moving -----------------------------------------------------------------

    def memory_at(self, point: QPoint) -> Memory | None:
        left = float(self.horizontalScrollBar().value())
        for item in self.visible_items():
            if (
                self._item_rect(item, left)
                .adjusted(-HIT_SLOP, -HIT_SLOP, HIT_SLOP, HIT_SLOP)
                .contains(QPointF(point))
            ):
                return item.memory
        return None

    def _step(self, offset: int) -> None:
        if not self._memories:
            return
        if self._selected is None:
            index = 0 if offset > 0 else len(self._memories) - 1
        else:
            ids = [m.id for m in self._memories]
            current = ids.index(self._selected.id) if self._selected.id in ids else 0
            index = max(0, min(len(ids) - 1, current + offset))
        self.selected.emit(self._memories[index])

    # ----- input ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) and not ctrl:
            self._step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up) and not ctrl:
            self._step(-1)
        elif key == Qt.Key.Key_Home and self._memories:
            self.selected.emit(self._memories[0])
        elif key == Qt.Key.Key_End and self._memories:
            self.selected.emit(self._memories[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.activated.emit(self._selected)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and ctrl:
            self.set_zoom(self._zoom + 1)
        elif key == Qt.Key.Key_Minus and ctrl:
            self.set_zoom(self._zoom - 1)
        elif key == Qt.Key.Key_PageDown:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + bar.pageStep())
        elif key == Qt.Key.Key_PageUp:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - bar.pageStep())
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        memory = self.memory_at(event.position().toPoint())
        if memory is not None:
            self.selected.emit(memory)
        self._drag_from = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (point.x() - self._drag_from.x()))
            self._drag_from = point
            return
        memory = self.memory_at(point)
        if memory is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"{memory.details.title}\n{label(memory.when)}",
                self.viewport(),
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        memory = self.memory_at(event.position().toPoint())
        if memory is not None:
            self.activated.emit(memory)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self._zoom + (1 if delta > 0 else -1), event.position().x())
            return
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() - delta)
