"""How the checks that run over the tour look at a window: its Tab stops in order, where each
sits, what a screen reader calls it, and whether its focus ring shows.

Shared by the focus and Tab-order test and the accessibility walk (tests/ui/), which run
over every sight of tour.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from recovery_app.ui.kit.theme import contrast
from recovery_app.ui.whole.timeline.view import TimelineView

MAX_STOPS = 400
RING_CONTRAST = 3.0  # WCAG 2.4.13: a focus indicator differs 3:1 from what it replaces


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader gives `widget` (or, for a tab bar, its current tab)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    name = interface.text(QAccessible.Text.Name).strip()
    if not name:
        focused = interface.focusChild()
        name = "" if focused is None else focused.text(QAccessible.Text.Name).strip()
    return name


def is_silent_scroll_area(widget: QWidget) -> bool:
    """A scroll area (or a viewport) that takes the focus only to show nothing of its own;
    lists, tables, text and the timeline are scroll areas that are worth stopping at."""
    if widget.objectName() == "qt_scrollarea_viewport":
        return True
    meaningful = (QAbstractItemView, QPlainTextEdit, QTextEdit, TimelineView)
    return isinstance(widget, QAbstractScrollArea) and not isinstance(widget, meaningful)


def tab_cycle(window: QWidget) -> list[QWidget]:
    """Every Tab stop of `window`, pressing Tab from where the focus is until it comes back
    (or the count runs away: then the list ends there)."""
    start = QApplication.focusWidget()
    if start is None or start.window() is not window:
        QTest.keyClick(window, Qt.Key.Key_Tab)
        start = QApplication.focusWidget()
    stops: list[QWidget] = []
    current = start
    while current is not None and len(stops) < MAX_STOPS:
        stops.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QCoreApplication.processEvents()
        current = QApplication.focusWidget()
        if current is start:
            break
    return stops


@dataclass(frozen=True)
class Place:
    rect: QRect  # in the window's coordinates

    def above(self, other: Place) -> bool:
        return self.rect.bottom() < other.rect.top()

    def left_of(self, other: Place) -> bool:
        return self.rect.right() < other.rect.left()

    def shares_row(self, other: Place) -> bool:
        return self.rect.top() <= other.rect.bottom() and other.rect.top() <= self.rect.bottom()

    def shares_column(self, other: Place) -> bool:
        return self.rect.left() <= other.rect.right() and other.rect.left() <= self.rect.right()


def place(widget: QWidget) -> Place:
    """Where `widget` is in its window with every scroll area scrolled to the top: reading
    order is the order of the page, not of where it happens to be scrolled."""
    window = widget.window()
    x = y = 0
    current: QWidget | None = widget
    while current is not None and current is not window:
        parent = current.parentWidget()
        scroller = None if parent is None else parent.parentWidget()
        scrolled = isinstance(scroller, QScrollArea) and scroller.widget() is current
        if not scrolled:  # a scroll area's page is offset by the scrolling alone
            x, y = x + current.x(), y + current.y()
        current = parent
    return Place(QRect(QPoint(x, y), widget.size()))


def out_of_reading_order(before: QWidget, after: QWidget) -> bool:
    """Tab from `before` to `after` goes against reading order: up, unless up to the top of
    a column further right (a form of two columns reads the left one first), or left along
    the same row."""
    a, b = place(before), place(after)
    if b.above(a):
        return not a.left_of(b)
    return b.shares_row(a) and b.left_of(a)


def order_problems(stops: list[QWidget]) -> list[tuple[QWidget, QWidget]]:
    """Each step of the Tab order (not counting the wrap back to the start) against it."""
    return [(a, b) for a, b in pairwise(stops) if out_of_reading_order(a, b)]


def in_reading_order(stops: list[QWidget], first: QWidget | None = None) -> list[QWidget]:
    """The Tab cycle from where reading starts: `first` if given (the sidebar, in the main
    window), else the start that reads best (the fewest steps against reading order)."""
    if not stops:
        return stops
    starts = [stops.index(first)] if first in stops else range(len(stops))
    best = min(starts, key=lambda i: len(order_problems(stops[i:] + stops[:i])))
    return stops[best:] + stops[:best]


def ring_shows(widget: QWidget) -> bool:
    """The widget drawn with the focus differs from the widget drawn without it, at enough
    pixels and by enough contrast to be seen: at least one edge's length of pixels 3:1."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QCoreApplication.processEvents()
    focused = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    widget.clearFocus()
    QCoreApplication.processEvents()
    plain = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QCoreApplication.processEvents()
    return changed_clearly(plain, focused) >= max(8, min(widget.width(), widget.height()))


def changed_clearly(plain: QImage, focused: QImage) -> int:
    """How many pixels changed by a contrast of 3:1 or more."""
    if plain.size() != focused.size():
        return plain.width() * plain.height()
    count = 0
    width = plain.width()
    for y in range(plain.height()):
        row_a = bytes(plain.constScanLine(y))[: width * 4]
        row_b = bytes(focused.constScanLine(y))[: width * 4]
        if row_a == row_b:
            continue
        for x in range(0, width * 4, 4):
            if row_a[x : x + 4] != row_b[x : x + 4]:
                count += _clear_change(row_a[x : x + 3], row_b[x : x + 3])
    return count


def _clear_change(a: bytes, b: bytes) -> int:
    # Format_RGB32 is BGRA in memory on little-endian machines.
    first = f"#{a[2]:02x}{a[1]:02x}{a[0]:02x}"
    second = f"#{b[2]:02x}{b[1]:02x}{b[0]:02x}"
    return 1 if contrast(first, second) >= RING_CONTRAST else 0


def focusable_widgets(window: QWidget) -> list[QWidget]:
    """What can take the focus in `window` now: shown, enabled, taking focus itself (not
    passing it to a proxy)."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None:
            continue
        if widget.isVisible() and widget.isEnabled() and widget.window() is window:
            found.append(widget)
    return found


@dataclass(frozen=True)
class Said:
    """What went to a screen reader: an announcement, or the focus moved onto an item."""

    text: str
    urgent: bool = False
    focus_child: int | None = None  # for a focus event: the item's place in its parent
    source: object = None


def listen(monkeypatch: object) -> list[Said]:
    """Catch every announcement and focus event on its way to Qt's accessibility (which
    passes them on to a screen reader, or drops them when none listens)."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent, QAccessibleEvent

    heard: list[Said] = []
    original = QAccessible.updateAccessibility

    def spy(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            urgent = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            heard.append(Said(event.message(), urgent, source=event.object()))
        elif event.type() == QAccessible.Event.Focus and event.child() >= 0:
            heard.append(Said("", focus_child=event.child(), source=event.object()))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(spy))  # type: ignore[attr-defined]
    return heard
