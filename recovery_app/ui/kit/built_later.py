"""A page built the first time it is shown (or asked for), not when its tabs are made.

A section with several tabs shows one at a time; building the others with it makes a person
wait for pages they may never open. `BuiltLater` stands in a tab's place and builds the real
page into itself, edge to edge, on its first show.

`build` is given the page's parent, and makes the page inside it, at its place's size from
the start. A page made on its own and then moved in is styled once more when it moves (the
window's style sheet), and a page laid out at its default size, then its smallest, then its
place's, wraps every row of its lists each time: 24 reasons, three times, were a third of
their tab's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Page = TypeVar("Page", bound=QWidget)


class BuiltLater(QWidget, Generic[Page]):
    def __init__(
        self,
        build: Callable[[QWidget], Page],
        on_built: Callable[[Page], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._build = build
        self._on_built = on_built
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> Page:
        """The real page, built now if it wasn't yet."""
        if self._page is None:
            page = self._build(self)
            self._page = page
            page.resize(self.size())
            self._layout.addWidget(page)
            if self._on_built is not None:
                self._on_built(page)
            if self.isVisible():
                page.show()  # now, not on the layout's queued show a frame later
                self._layout.activate()  # at its full size before its first paint
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.page  # noqa: B018 - built as it is shown, so its first frame has it
        super().showEvent(event)
