"""The bar that offers to undo what was just removed: "Memory deleted. [Undo]" (Ctrl+Z).

If the undo can't be done (a full disk, say), the message says why and the offer stays:
what it holds is never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from recovery_app.ui.widgets import attempt, paragraph


class UndoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo-bar")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = paragraph("")
        self.button = QPushButton(self.tr("Undo"))
        self.button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self._undo: Callable[[], Any] | None = None
        self.hide()

    def offer(self, text: str, undo: Callable[[], Any]) -> None:
        self._undo = undo
        self.text.setText(text)
        self.show()

    def has_offer(self) -> bool:
        return self._undo is not None

    def undo(self, message: QLabel, data_dir: Path) -> Any | None:
        """Run the undo; its result, or None (with the reason in `message`, offer kept)."""
        if self._undo is None:
            return None
        result = attempt(self._undo, message, data_dir)
        if result is None:
            return None
        self._undo = None
        self.hide()
        return result
