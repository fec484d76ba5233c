"""A Qt application for drawing without a window: the command line's report needs one
(QtCharts and QPdfWriter want a QApplication), and starts it only for that command."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def drawing_application() -> QCoreApplication:
    """The running application, or a new one off screen (QT_QPA_PLATFORM, when the person
    set it, is left as it is)."""
    existing = QApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(["recovery-app"])
