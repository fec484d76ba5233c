"""Every text in every dialog and on every screen of the tour reads at 4.5:1 or more, in the
light and the dark look: measured from what is drawn (helpers/contrast.py), each dialog in
each of its steps, over a journal with a bit of everything (helpers/sample_journal.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.contrast import readings, too_faint
from helpers.tour import tour
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit.theme import ThemeChoice


@pytest.mark.parametrize("look", [ThemeChoice.LIGHT, ThemeChoice.DARK], ids=["light", "dark"])
def test_every_text_of_the_tour_reads_at_4_5_to_1(
    qtbot: QtBot, tmp_path: Path, look: ThemeChoice
) -> None:
    faint: dict[str, list[str]] = {}
    dialogs_measured = 0
    texts = 0
    for sight in tour(tmp_path / "journal", kdf=CHEAP_KDF, password=PASSWORD, look=look):
        found = readings(sight.window)
        texts += len(found)
        if sight.name.startswith("dialog:") and found:
            dialogs_measured += 1
        low = [
            f"{r.where}: {r.ratio}:1 ({r.ink} on {r.background})" for r in too_faint(sight.window)
        ]
        if low:
            faint[sight.name] = low
    assert dialogs_measured > 25  # every dialog's texts were really found and measured
    assert texts > 400
    assert faint == {}
