"""Every window the app opens over the main one opens inside the screen's free area.

A dialog as tall as its content may be taller than a small or scaled screen (a 900×600
screen, or 1280×800 at 200%): it is then made as tall as the screen allows, and its content
must scroll (`EntryDialog` and the long dialogs keep their fields in a `ScrollPage`) so the
buttons stay in reach.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

# The desktop's frame (a title bar, borders) isn't known before the window is first shown.
FRAME_ALLOWANCE = (8, 40)


def fit_to_screen(window: QWidget, wanted_width: int = 0, wanted_height: int = 0) -> None:
    """Size `window` to what it wants (or keeps), no larger than the free area, and move it
    inside that area."""
    screen = window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width() or FRAME_ALLOWANCE[0]
    extra_h = frame.height() - window.height() or FRAME_ALLOWANCE[1]
    room_w, room_h = area.width() - extra_w, area.height() - extra_h
    minimum = window.minimumSize()
    if minimum.width() > room_w or minimum.height() > room_h:
        window.setMinimumSize(min(minimum.width(), room_w), min(minimum.height(), room_h))
    width = min(max(wanted_width, window.width()), room_w)
    height = min(max(wanted_height, window.height()), room_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    left = min(max(window.x(), area.left()), area.left() + room_w - width)
    top = min(max(window.y(), area.top()), area.top() + room_h - height)
    if (left, top) != (window.x(), window.y()):
        window.move(left, top)


class Dialog(QDialog):
    """A dialog that fits itself on the screen the first time it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            width, height = self.wanted_size()
            fit_to_screen(self, width, height)
        super().showEvent(event)

    def wanted_size(self) -> tuple[int, int]:
        """The size this dialog would take on a screen large enough (0: as Qt sized it)."""
        return 0, 0
