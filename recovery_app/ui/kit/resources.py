"""Icons from resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from recovery_app.resource_files import resources_dir
from recovery_app.ui.kit import theme


def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def look_icon(name: str) -> QIcon:
    """An icon drawn in the colours of the look on show (resources/icons/look/<look>/)."""
    look = "dark" if theme.current().dark else "light"
    return QIcon(str(resources_dir() / "icons" / "look" / look / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("journal")
