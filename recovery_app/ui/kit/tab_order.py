"""Tab in reading order, however a screen was built.

Qt's Tab order is the order in which widgets joined their window. Rows rebuilt after a
screen first showed (promises, cards, a subclass's own row added after its frame) join at
the end, and Tab jumps about. `tab_in_order(a, b, c)` puts b right after a and c right after
b, so a screen states the order once, after each rebuild.

Call it once the widgets are in the window they show in (from a showEvent, say): a screen
not yet placed in its window has a focus chain of its own that wraps around, and Qt takes a
pair that is already in order around that wrap as needing no change.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget


def tab_in_order(*widgets: QWidget) -> None:
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
