"""Every window the app opens over the main one opens inside the screen's free area.

A dialog as tall as its content may be taller than a small or scaled screen (a 900×600
screen, or 1280×800 at 200%): it is then made as tall as the screen allows, and its content
must scroll (`EntryDialog` and the long dialogs keep their fields in a `ScrollPage`) so the
buttons stay in reach.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from recovery_app.ui.kit.screen_fit import fit_to_screen


class Dialog(QDialog):
    """A dialog that fits itself on the screen the first time it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            width, height = self.wanted_size()
            fit_to_screen(self, width, height)
        super().showEvent(event)

    def wanted_size(self) -> tuple[int, int]:
        """The size this dialog would take on a screen large enough (0: as Qt sized it)."""
        return 0, 0
