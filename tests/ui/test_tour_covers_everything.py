"""The tour (helpers/tour.py) is only worth what it covers: every dialog and window class of
the app has an entry in its table, and a run of it reaches every section, every tab and
every entry, each on screen."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from conftest import CHEAP_KDF, PASSWORD
from helpers.dialogs import BASES, DIALOGS, SCREENS, covered_classes
from helpers.tour import tour
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

import recovery_app.ui


def windows_of_the_app() -> set[type[QWidget]]:
    """Every QDialog and QMainWindow subclass under recovery_app.ui, and any other widget
    class that makes itself a window of its own."""
    found: set[type[QWidget]] = set()
    for module_info in pkgutil.walk_packages(recovery_app.ui.__path__, "recovery_app.ui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, QWidget):
                continue
            source = inspect.getsource(cls)
            own_window = "setWindowFlag" in source or "WindowType.Window" in source
            if issubclass(cls, QDialog | QMainWindow) or own_window:
                found.add(cls)
    return found


def test_every_dialog_and_window_of_the_app_has_a_place_in_the_tour() -> None:
    found = windows_of_the_app()
    assert len(found) > 15, "the walk over recovery_app.ui found too little: it is broken"
    missing = {cls.__name__ for cls in found - BASES} - {c.__name__ for c in covered_classes()}
    assert not missing, f"add these to tests/helpers/dialogs.py: {sorted(missing)}"


def test_the_tour_shows_every_section_tab_and_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[str] = []
    for sight in tour(tmp_path / "journal", kdf=CHEAP_KDF, password=PASSWORD):
        assert sight.window.isVisible(), sight.name
        assert sight.window.isActiveWindow(), sight.name
        seen.append(sight.name)
    sections = [
        "Today",
        "Urges",
        "Exercises",
        "Whole relationship",
        "Understanding",
        "Review",
        "Settings",
    ]
    for section in sections:
        assert any(name.startswith(f"screen: {section}") for name in seen), section
    for tab in ("My reasons", "People I can reach", "Letters", "Hard dates", "Timeline", "List"):
        assert any(name.endswith(f"› {tab}") for name in seen), tab
    assert "screen: Whole relationship › before you look" in seen
    assert {"screen: first run", "screen: unlock"} <= set(seen)
    for entry in DIALOGS:
        assert any(name.startswith(f"dialog: {entry.label}") for name in seen), entry.label
    assert SCREENS
