"""Two looks from one set of named colours, every text readable in both."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from recovery_app.ui.kit import theme
from recovery_app.ui.kit.theme import DARK, LIGHT, ThemeChoice, contrast, palette_for, text_roles


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_role_reads_at_4_5_to_1_on_its_background(palette: theme.Palette) -> None:
    low = {
        (fg, bg): round(contrast(getattr(palette, fg), getattr(palette, bg)), 2)
        for fg, bg in text_roles()
        if contrast(getattr(palette, fg), getattr(palette, bg)) < 4.5
    }
    assert low == {}


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_lines_and_marks_stand_out_at_3_to_1(palette: theme.Palette) -> None:
    """Field borders, the focus ring and the memory kinds are things to see (WCAG 1.4.11)."""
    for role in ("field_border", "focus", "good", "harm", "apology", "tension", "other"):
        for background in ("window", "surface"):
            assert contrast(getattr(palette, role), getattr(palette, background)) >= 3, role


def test_the_choice_and_the_desktop_decide_the_look() -> None:
    assert palette_for(ThemeChoice.SYSTEM, system_dark=True) is DARK
    assert palette_for(ThemeChoice.SYSTEM, system_dark=False) is LIGHT
    assert palette_for(ThemeChoice.LIGHT, system_dark=True) is LIGHT
    assert palette_for(ThemeChoice.DARK, system_dark=False) is DARK


def test_the_style_sheet_names_no_colour_the_palette_does_not_hold() -> None:
    import re

    for palette in (LIGHT, DARK):
        sheet = theme.style_sheet(palette)
        used = set(re.findall(r"#[0-9a-fA-F]{6}", sheet))
        assert used <= {getattr(palette, name) for name in theme.colour_names()}


def test_applying_a_look_paints_the_application_with_it(qapp: QApplication) -> None:
    before = qapp.styleSheet(), qapp.palette()
    try:
        theme.apply(qapp, DARK)
        assert theme.current() is DARK
        assert qapp.palette().window().color().name() == DARK.window
        assert DARK.surface in qapp.styleSheet()
    finally:
        theme.apply(qapp, LIGHT)
        qapp.setStyleSheet(before[0])
        qapp.setPalette(before[1])


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_the_drawn_marks_exist_in_each_look_in_its_colours(palette: theme.Palette) -> None:
    """Arrows and the tick are drawings (Qt's own would be grey blocks under a style sheet)."""
    import re
    from pathlib import Path

    sheet = theme.style_sheet(palette)
    marks = {Path(url) for url in re.findall(r'url\("([^"]+)"\)', sheet)}
    arrows = {f"arrow-{way}.svg" for way in ("down", "up", "left", "right")}
    assert {mark.name for mark in marks} == arrows | {"check.svg"}
    expected = dict.fromkeys(arrows, palette.text_muted) | {"check.svg": palette.accent_text}
    for mark in marks:
        assert re.findall(r"#[0-9a-f]{6}", mark.read_text()) == [expected[mark.name]], mark
