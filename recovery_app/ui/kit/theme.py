"""The app's two looks, light and dark, from one set of named colours.

Every colour a screen shows comes from a `Palette` by its role (never a hex code in a screen),
so the light and the dark look are the same design. `style_sheet()` and `qt_palette()` turn a
palette into what Qt paints with; `apply()` sets both on the application and remembers the
palette as `current()`, which painted widgets (the timeline, the pacer, charts) read when they
paint. `tests/ui/kit/test_theme.py` checks every text role against its background for WCAG AA
(4.5:1) in both looks.

Focus is drawn so that it shows on anything, the filled default button and a chosen answer
too: there the ring is a double line in the focus colour with the window's colour between
it and the fill (a ring of the focus colour alone was lost against the accent). Border and
padding add up to the same as without focus, so nothing moves when the focus arrives.
tests/ui/test_focus_and_tab_order.py checks that every Tab stop changes when focused.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

# The named colours themselves live below the window, where the printed report and the
# command line can reach them too; they are re-exported here by name.
from recovery_app.drawing.palette import (
    DARK,
    LIGHT,
    Palette,
    colour_names,
    contrast,
    text_roles,
)
from recovery_app.resource_files import resources_dir
from recovery_app.ui.kit.style_rules import RULES

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

__all__ = [
    "DARK",
    "LIGHT",
    "Palette",
    "ThemeChoice",
    "apply",
    "colour_names",
    "contrast",
    "current",
    "palette_for",
    "qt_palette",
    "style_sheet",
    "text_roles",
]


class ThemeChoice(StrEnum):
    SYSTEM = "system"  # follow the desktop's light or dark setting, live
    LIGHT = "light"
    DARK = "dark"


_current = LIGHT


def current() -> Palette:
    """The palette on show: painted widgets read their colours from it as they paint."""
    return _current


def palette_for(choice: ThemeChoice, system_dark: bool) -> Palette:
    if choice is ThemeChoice.SYSTEM:
        return DARK if system_dark else LIGHT
    return DARK if choice is ThemeChoice.DARK else LIGHT


def apply(app: QApplication, palette: Palette) -> None:
    """Paint the whole application with `palette`; every widget restyles itself."""
    global _current
    _current = palette
    app.setPalette(qt_palette(palette))
    app.setStyleSheet(style_sheet(palette))


def qt_palette(p: Palette) -> QPalette:
    """The same colours for what Qt paints itself (text in fields, placeholders, menus)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for name, value in (
        (role.Window, p.window),
        (role.WindowText, p.text),
        (role.Base, p.surface),
        (role.AlternateBase, p.surface_alt),
        (role.Text, p.text),
        (role.PlaceholderText, p.text_muted),
        (role.Button, p.surface),
        (role.ButtonText, p.text),
        (role.Highlight, p.selection),
        (role.HighlightedText, p.selection_text),
        (role.ToolTipBase, p.surface),
        (role.ToolTipText, p.text),
        (role.Link, p.accent if p.dark else p.focus),
        (role.BrightText, p.message_text),
        (role.Mid, p.border),
        (role.Dark, p.field_border),
        (role.Light, p.surface),
    ):
        palette.setColor(name, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, name, QColor(p.text_disabled))
    return palette


def style_sheet(p: Palette) -> str:
    """The look of every kind of widget the app uses, in one place, in either look."""
    marks = resources_dir() / "icons" / "look" / ("dark" if p.dark else "light")
    colours = {name: getattr(p, name) for name in colour_names()}
    return RULES.format(marks=marks.as_posix(), **colours)
