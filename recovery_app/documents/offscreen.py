"""Qt's painter needs a running QGuiApplication for its fonts. The window has one; a command
that draws a PDF starts one on the offscreen platform, so it needs no display and shows
nothing. Only that command pays for it: nothing else on the command line loads Qt."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication


def gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one that draws offscreen."""
    from PySide6.QtGui import QGuiApplication

    running = QGuiApplication.instance()
    if isinstance(running, QGuiApplication):
        return running
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # this process draws a file, never a window
    return QGuiApplication(["recovery-app"])
