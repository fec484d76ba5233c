"""The timeline's colours, one per kind of memory, and the pens and brushes made from them.

The colours differ in lightness as well as hue, and position on the timeline (above, on or
below the line) says the kind too, so colour is never the only sign.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QBrush, QColor, QPen

from recovery_app.domain.memories import MemoryKind

BACKGROUND = QColor("#ffffff")
COLOURS = {
    MemoryKind.GOOD: QColor("#2f7d6d"),
    MemoryKind.HARM: QColor("#b0463c"),
    MemoryKind.APOLOGY: QColor("#b7791f"),
    MemoryKind.TENSION: QColor("#6b5b95"),
    MemoryKind.OTHER: QColor("#6b7280"),
}


@cache
def look(kind: MemoryKind, exact: bool, dimmed: bool) -> tuple[QPen, QBrush]:
    """The pen and brush for one kind of dot, made once: a frame may paint hundreds."""
    colour = QColor(COLOURS[kind])
    if dimmed:
        colour.setAlpha(70)
    fill = QColor(colour)
    if not exact:
        fill.setAlpha(min(fill.alpha(), 110))  # a rough date: pale over the days it may mean
    return QPen(colour, 1), QBrush(fill)
