"""A window sized to what it wants, inside the screen's free area (see ui/kit/dialog.py).

Its own module, apart from `Dialog`, so the main window can fit itself before its first frame
without building PySide6's QDialog class (~2 ms) it doesn't need yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

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
