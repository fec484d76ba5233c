"""About: the version, the licence and why it is free, where the journal lives, and what the
app is not. Opened from Settings; it shows nothing the person wrote."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_app import APP_DISPLAY_NAME, __version__
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.widgets import heading, paragraph


class AboutDialog(Dialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_DISPLAY_NAME))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading(APP_DISPLAY_NAME, 4))
        self.version = paragraph(self.tr("Version %1").replace("%1", __version__), "small")
        layout.addWidget(self.version)
        self.licence = paragraph(
            self.tr(
                "Free software under the GNU General Public License, version 3 or later. "
                "Anyone can read its code and check that no copy of this app ever sends your "
                "journal anywhere. The licence text comes with the app, in the file LICENSE."
            )
        )
        layout.addWidget(self.licence)
        folder_block = QVBoxLayout()
        folder_block.setSpacing(2)
        folder_block.addWidget(paragraph(self.tr("Your journal is kept in this folder:")))
        self.folder = QLabel(str(data_dir))
        self.folder.setObjectName("small")
        self.folder.setWordWrap(True)
        self.folder.setTextFormat(Qt.TextFormat.PlainText)
        # Selectable, so it can be copied into a file manager to make a backup.
        self.folder.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.folder.setAccessibleName(self.tr("Journal folder: %1").replace("%1", str(data_dir)))
        folder_block.addWidget(self.folder)
        layout.addLayout(folder_block)
        layout.addWidget(paragraph(self.tr("Nothing you write leaves this computer."), "small"))
        self.not_therapy = paragraph(
            self.tr(
                "This app is a companion for your own work, not therapy or a crisis service. "
                "If you are in danger, please contact your local emergency number or a "
                "helpline you trust."
            )
        )
        layout.addWidget(self.not_therapy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Without a desktop theme Qt puts an icon on Close that the style's padding overlaps.
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setIcon(QIcon())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
