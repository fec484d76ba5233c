"""A page that scrolls (up and down only) when its window is smaller than what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from recovery_app.ui.kit.lazy_qt import qt


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
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(qt().ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(*margins)
        self.column.setSpacing(spacing)
        self.setWidget(self.content)

    def wrap_to_width(self) -> None:
        """Let every word-wrapped label on the page take its height from the width it gets.
        Their own size hint assumes a narrow width, several lines tall, which makes a page
        of short lines scroll with room to spare. Call it once the page's labels are in."""
        for label in self.content.findChildren(QLabel):
            if label.wordWrap():
                policy = label.sizePolicy()
                policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
                label.setSizePolicy(policy)


def in_scroll_page(owner: QWidget, **options: object) -> ScrollPage:
    """A `ScrollPage` filling `owner` edge to edge (a screen made of one page)."""
    page = ScrollPage(**options)  # type: ignore[arg-type]
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(page)
    return page
