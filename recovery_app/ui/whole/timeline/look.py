"""The timeline's colours, one per kind of memory (from the theme), and the pens and brushes
made from them.

The colours differ in lightness as well as hue, and position on the timeline (above, on or
below the line) says the kind too, so colour is never the only sign.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QBrush, QColor, QPen

from recovery_app.domain.memories import MemoryKind
from recovery_app.ui.kit import theme

_ROLE = {
    MemoryKind.GOOD: "good",
    MemoryKind.HARM: "harm",
    MemoryKind.APOLOGY: "apology",
    MemoryKind.TENSION: "tension",
    MemoryKind.OTHER: "other",
}


def background() -> QColor:
    return theme.current().colour("surface")


def colour_of(kind: MemoryKind) -> QColor:
    return theme.current().colour(_ROLE[kind])


def look(kind: MemoryKind, exact: bool, dimmed: bool) -> tuple[QPen, QBrush]:
    """The pen and brush for one kind of dot in the look on show."""
    return _look(theme.current(), kind, exact, dimmed)


@cache
def _look(
    palette: theme.Palette, kind: MemoryKind, exact: bool, dimmed: bool
) -> tuple[QPen, QBrush]:
    """Made once per look: a frame may paint hundreds."""
    colour = palette.colour(_ROLE[kind])
    if dimmed:
        colour.setAlpha(70)
    fill = QColor(colour)
    if not exact:
        fill.setAlpha(min(fill.alpha(), 110))  # a rough date: pale over the days it may mean
    return QPen(colour, 1), QBrush(fill)
