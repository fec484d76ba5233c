"""The timeline as a screen reader meets it: a list, with one item per memory in time order,
named "The lake trip, A good moment, 20 June 2024", placed where it is drawn, focused as
the arrow keys move (view.py sends the focus event, which Orca reads).

The view paints its memories itself, so Qt knows nothing of them; an accessibility factory
gives the view an interface of its own with a child interface per memory.

Who owns what matters, since these interfaces are Python objects that Qt's accessibility
cache points to: a Python interface let go while the cache still holds it is freed under
the cache, and the next screen-reader question crashes the app. So every interface made
here is kept in `_kept` until Qt itself has deleted it (the cache deletes the view's own
when the view goes; the items are taken out of the cache, and so deleted, when the view is
destroyed, or at exit for a view still alive then). Only then is the dead wrapper dropped.

(PySide's stubs say these methods never return None; Qt takes a null pointer for "none",
hence the `type: ignore[override]` on them.)
"""

from __future__ import annotations

import atexit
import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget, QApplication

from recovery_app.domain.fuzzy_dates import label
from recovery_app.domain.memories import Memory

if TYPE_CHECKING:
    from recovery_app.ui.whole.timeline.view import TimelineView

_kept: list[QAccessibleInterface] = []  # every interface made here, until Qt deleted it
_live: weakref.WeakSet[TimelineItems] = weakref.WeakSet()


def _keep(interface: QAccessibleInterface) -> None:
    _kept.append(interface)


def _drop_deleted() -> None:
    _kept[:] = [interface for interface in _kept if shiboken6.isValid(interface)]


class TimelineItems:
    """One view's memory items, made as a screen reader asks for them."""

    def __init__(self, view: TimelineView) -> None:
        self.view: TimelineView | None = view
        self._items: dict[int, MemoryItem] = {}  # by position in time order
        self._ids: list[int] = []
        _live.add(self)
        view.destroyed.connect(lambda _view=None, items=self: items.release())

    def item(self, index: int) -> MemoryItem:
        made = self._items.get(index)
        if made is None:
            made = MemoryItem(self, index)
            _keep(made)
            self._items[index] = made
            self._ids.append(QAccessible.registerAccessibleInterface(made))
        return made

    def release(self) -> None:
        """The view is going: its items leave the cache (Qt deletes them), then Python."""
        self.view = None
        ids, self._ids = self._ids, []
        for unique_id in ids:
            QAccessible.deleteAccessibleInterface(unique_id)
        self._items.clear()
        _drop_deleted()


@atexit.register
def _release_all() -> None:
    """Before Python frees what it holds, Qt deletes what it still points to."""
    if QApplication.instance() is None:
        return
    for items in list(_live):
        items.release()
    for interface in _kept:
        if shiboken6.isValid(interface):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))
    _drop_deleted()


class TimelineAccessible(QAccessibleWidget):
    """The view: a list whose children are its memories."""

    def __init__(self, view: TimelineView, items: TimelineItems) -> None:
        super().__init__(view, QAccessible.Role.List)
        self._items = items

    def _view(self) -> TimelineView | None:
        return self._items.view

    def childCount(self) -> int:
        view = self._view()
        return 0 if view is None else len(view.memories())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        if not 0 <= index < self.childCount():
            return None
        return self._items.item(index)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return child.index if isinstance(child, MemoryItem) and child.isValid() else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        view = self._view()
        if view is None:
            return None
        memory = view.memory_at(view.viewport().mapFromGlobal(QPoint(x, y)))
        index = view.index_of(memory)
        return None if index is None else self._items.item(index)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        view = self._view()
        if view is None or not view.hasFocus():
            return None
        index = view.index_of(view.selected_memory())
        return None if index is None else self._items.item(index)


class MemoryItem(QAccessibleInterface):
    """One memory on the timeline: an item of the list, read by its title, kind and date."""

    def __init__(self, items: TimelineItems, index: int) -> None:
        super().__init__()
        self._items = items
        self.index = index

    def _view(self) -> TimelineView | None:
        view = self._items.view
        return view if view is not None and self.index < len(view.memories()) else None

    def isValid(self) -> bool:
        return self._view() is not None

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        view = self._view()
        return None if view is None else view.window().windowHandle()

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        view = self._items.view
        return None if view is None else QAccessible.queryAccessibleInterface(view)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        view = self._view()
        if view is None or kind != QAccessible.Text.Name:
            return ""
        return spoken(view, view.memories()[self.index])

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass  # read-only

    def rect(self) -> QRect:
        view = self._view()
        if view is None:
            return QRect()
        local = view.item_rect(view.memories()[self.index])
        if local is None:
            return QRect()
        return QRect(view.viewport().mapToGlobal(local.topLeft()), local.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        view = self._view()
        if view is None:
            state.invalid = True
            return state
        memory = view.memories()[self.index]
        state.selectable = True
        state.focusable = True
        chosen = view.selected_memory()
        if chosen is not None and chosen.id == memory.id:
            state.selected = True
            state.focused = view.hasFocus()
        if not view.isVisible():
            state.invisible = True
        elif not view.on_screen(memory):
            state.offscreen = True
        return state


def spoken(view: TimelineView, memory: Memory) -> str:
    """A memory's item, as read: "The lake trip, A good moment, 20 June 2024"."""
    kind = view.kind_words.get(memory.kind, memory.kind.value)
    return f"{memory.details.title}, {kind}, {label(memory.when)}"


def tell_focus(view: TimelineView) -> None:
    """The chosen memory takes the accessibility focus, so a screen reader says it (and says
    each move of the arrow keys)."""
    index = view.index_of(view.selected_memory())
    if index is None or not view.hasFocus():
        return
    event = QAccessibleEvent(view, QAccessible.Event.Focus)
    event.setChild(index)
    QAccessible.updateAccessibility(event)


_factory_installed = False


def install_accessible_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(timeline_factory)
        _factory_installed = True


def timeline_factory(class_name: str, target: QObject) -> QAccessibleInterface | None:
    """Asked about every object a screen reader meets; answers only for a timeline."""
    from recovery_app.ui.whole.timeline.view import TimelineView

    if class_name != "TimelineView" or not isinstance(target, TimelineView):
        return None
    interface = TimelineAccessible(target, target.accessible_items)
    _keep(interface)  # Qt's cache deletes it with the view; Python lets go only after that
    return interface
