"""What the window shows while it works with the journal closed: a restore, a re-key, a
deletion, or the backup before closing. Words, a moving bar, and at most one button (stop,
or close now) when stopping is safe."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from recovery_app.ui.kit.widgets import centred_card, heading, paragraph


class BusyPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(12)
        self.title: QLabel = heading("")
        self.detail = paragraph("")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.button = QPushButton()
        for widget in (self.title, self.detail, self.progress, self.button):
            layout.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centred_card(content))
        self._on_button: Callable[[], None] | None = None
        self.button.clicked.connect(self._pressed)

    def show_work(
        self,
        title: str,
        detail: str = "",
        *,
        button: str = "",
        on_button: Callable[[], None] | None = None,
    ) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.progress.setAccessibleName(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._on_button = on_button
        self.button.setText(button)
        self.button.setEnabled(True)
        self.button.setVisible(bool(button) and on_button is not None)

    def _pressed(self) -> None:
        if self._on_button is not None:
            self.button.setEnabled(False)  # once: it may take a moment to stop
            self._on_button()
