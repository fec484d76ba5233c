"""Find files under resources/: beside the package in a checkout, inside it once installed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "resources", package / "resources"):  # checkout, installed
        if (candidate / "icons").is_dir():
            return candidate
    import importlib.resources  # about 4 ms; only an unusual install (a zip) comes this far

    return Path(str(importlib.resources.files("recovery_app.resources")))


def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("journal")
