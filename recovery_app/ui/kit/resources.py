"""Icons from resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from recovery_app.resource_files import resources_dir


def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("journal")
