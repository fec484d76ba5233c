"""The app's two looks, light and dark, as named colours: one design in two palettes.

Every colour the app paints comes from a `Palette` by its role (never a hex code in a screen
or a chart). ui/kit/theme.py turns a palette into what Qt paints widgets with and knows which
one is on show; the review's charts take one as they are built; a printed report always uses
`LIGHT` (paper is light). `tests/ui/kit/test_theme.py` checks every text role against its
background for WCAG AA (4.5:1) in both looks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtGui import QColor


# A NamedTuple: on the unlock window's path, where dataclasses cost (ARCHITECTURE.md, Start-up).
class Palette(NamedTuple):
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
    return [name for name in Palette._fields if name != "dark"]
