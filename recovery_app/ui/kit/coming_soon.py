"""A screen whose feature is not built yet says so in one honest line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from recovery_app.ui.kit.widgets import heading, paragraph


class ComingSoonScreen(QWidget):
    def __init__(self, title: str, what_will_be_here: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(heading(title))
        line = paragraph(what_will_be_here + " " + self.tr("This part isn't built yet."))
        line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(line)
        layout.addStretch(1)
