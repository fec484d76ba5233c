"""A page that scrolls (up and down only) when its window is smaller than what it shows.

The page itself is never a Tab stop: a scroll area that takes the focus is a stop where
nothing is seen or said. Tab goes straight to what is on it, and the page scrolls to
whatever has the focus.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from recovery_app.ui.kit.lazy_qt import NO_FOCUS, qt, set_focus_policy


class ScrollPage(QScrollArea):
    """Put the page's widgets in `column`; `content` is the widget that scrolls."""

    def __init__(
        self,
        margins: tuple[int, int, int, int] = (28, 20, 28, 24),
        spacing: int = 14,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        set_focus_policy(self, NO_FOCUS)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(qt().ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(*margins)
        self.column.setSpacing(spacing)
        self.setWidget(self.content)


def in_scroll_page(owner: QWidget, **options: object) -> ScrollPage:
    """A `ScrollPage` filling `owner` edge to edge (a screen made of one page)."""
    page = ScrollPage(**options)  # type: ignore[arg-type]
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(page)
    return page
