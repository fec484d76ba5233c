"""A page that scrolls (up and down only) when its window is smaller than what it shows.

The page itself is never a Tab stop: a scroll area that takes the focus is a stop where
nothing is seen or said. Tab goes straight to what is on it, and the page scrolls to
whatever has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from recovery_app.ui.kit.lazy_qt import NO_FOCUS, qt, set_focus_policy


class ScrollPage(QScrollArea):
    """Put the page's widgets in `column`; `content` is the widget that scrolls.

    With the focus on the page itself, the arrows and Page Up/Down scroll it (Qt's own), and
    Home and End go to its top and bottom, as in a document."""

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
        # Not a Tab stop of its own (a silent one, to a screen reader); a page meant to be
        # read with the keys (a reading) asks for the focus itself.
        self.setFocusPolicy(qt().FocusPolicy.NoFocus)
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

    def sizeHint(self) -> QSize:
        """All of the page where there is room (Qt's own hint stops at 24 lines), with room
        for the scroll bar so nothing is pushed sideways when it appears."""
        content = self.content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.width() + bar, content.height())

    def minimumSizeHint(self) -> QSize:
        """Never narrower than what it shows: it scrolls up and down only, so a narrower
        page would cut its words and buttons at the right."""
        bar = self.verticalScrollBar().sizeHint().width()
        width = self.content.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(width, super().minimumSizeHint().height())

    def height_for(self, width: int) -> int:
        """How tall the page is at `width`, wrapped text included."""
        bar = self.verticalScrollBar().sizeHint().width()
        hint = self.content.sizeHint().height()
        if self.content.hasHeightForWidth():
            return max(self.content.heightForWidth(width - bar), hint)
        return hint

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if event.key() == qt().Key.Key_Home and not event.modifiers():
            bar.setValue(bar.minimum())
        elif event.key() == qt().Key.Key_End and not event.modifiers():
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)


def in_scroll_page(owner: QWidget, **options: object) -> ScrollPage:
    """A `ScrollPage` filling `owner` edge to edge (a screen made of one page)."""
    page = ScrollPage(**options)  # type: ignore[arg-type]
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(page)
    return page
