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

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING

from recovery_app.resource_files import resources_dir
from recovery_app.ui.kit.style_rules import RULES

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication


class ThemeChoice(StrEnum):
    SYSTEM = "system"  # follow the desktop's light or dark setting, live
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Palette:
    dark: bool
    window: str  # behind everything
    surface: str  # cards, fields, lists
    surface_alt: str  # alternate rows, hovered rows
    chrome: str  # toolbar, sidebar, headers
    chrome_hover: str
    border: str  # quiet lines around cards
    field_border: str  # around something to type in or choose (3:1 against the window)
    text: str
    text_muted: str  # hints, dates, small print
    text_disabled: str
    disabled_bg: str
    accent: str  # the default button, a chosen answer
    accent_hover: str
    accent_text: str
    focus: str  # the focus ring
    selection: str  # a chosen row
    selection_text: str
    note_bg: str  # a calm line about what just happened
    message_bg: str  # something went wrong
    message_text: str
    warning_text: str
    gentle_text: str  # the day's gentle line
    big_number: str  # a stretch's days
    good: str  # the kinds of memory, on the timeline and in charts
    harm: str
    apology: str
    tension: str
    other: str

    def colour(self, role: str) -> QColor:
        from PySide6.QtGui import QColor

        return QColor(str(getattr(self, role)))


LIGHT = Palette(
    dark=False,
    window="#f5f3ef",
    surface="#ffffff",
    surface_alt="#f7f5f1",
    chrome="#ece8e1",
    chrome_hover="#e2ddd5",
    border="#e3ded6",
    field_border="#8f877b",
    text="#24323a",
    text_muted="#55606a",
    text_disabled="#646464",
    disabled_bg="#e6e2dc",
    accent="#3f5f6d",
    accent_hover="#355260",
    accent_text="#ffffff",
    focus="#2f6f8a",
    selection="#d6e2e7",
    selection_text="#17262e",
    note_bg="#eef3f5",
    message_bg="#fbeee9",
    message_text="#7a2e21",
    warning_text="#6b4a1f",
    gentle_text="#3f5f6d",
    big_number="#2f4f5c",
    good="#2f7d6d",
    harm="#b0463c",
    apology="#a36a16",
    tension="#6b5b95",
    other="#6b7280",
)

DARK = Palette(
    dark=True,
    window="#1b2125",
    surface="#242c31",
    surface_alt="#2a3338",
    chrome="#20272b",
    chrome_hover="#2c363c",
    border="#36424a",
    field_border="#7d8b93",
    text="#e4eaed",
    text_muted="#aebac1",
    text_disabled="#9aa3a8",
    disabled_bg="#2e363b",
    accent="#93bccb",
    accent_hover="#a7cad7",
    accent_text="#10191e",
    focus="#9fd0e2",
    selection="#37515d",
    selection_text="#f2f7f9",
    note_bg="#243640",
    message_bg="#3f2622",
    message_text="#f4c9bf",
    warning_text="#e9c58e",
    gentle_text="#a9c9d6",
    big_number="#cfe4ec",
    good="#5cc0a8",
    harm="#ef8a7f",
    apology="#e0aa52",
    tension="#b3a3e0",
    other="#a3abb8",
)

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


def text_roles() -> list[tuple[str, str]]:
    """(text role, background role) pairs that must read at 4.5:1 or more."""
    return [
        ("text", "window"),
        ("text", "surface"),
        ("text", "surface_alt"),
        ("text", "chrome"),
        ("text", "chrome_hover"),
        ("text_muted", "window"),
        ("text_muted", "surface"),
        ("text_muted", "chrome"),
        ("text_disabled", "disabled_bg"),
        ("accent_text", "accent"),
        ("accent_text", "accent_hover"),
        ("selection_text", "selection"),
        ("text", "note_bg"),
        ("message_text", "message_bg"),
        ("warning_text", "window"),
        ("gentle_text", "window"),
        ("big_number", "surface"),
    ]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two `#rrggbb` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colour_names() -> list[str]:
    return [f.name for f in fields(Palette) if f.name != "dark"]


def style_sheet(p: Palette) -> str:
    """The look of every kind of widget the app uses, in one place, in either look."""
    marks = resources_dir() / "icons" / "look" / ("dark" if p.dark else "light")
    colours = {name: getattr(p, name) for name in colour_names()}
    return RULES.format(marks=marks.as_posix(), **colours)
