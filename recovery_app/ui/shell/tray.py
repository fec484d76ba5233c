"""A neutral tray icon ("Journal") with Open, Log an urge, Lock and Quit."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from recovery_app import APP_DISPLAY_NAME
from recovery_app.ui.kit.resources import app_icon


class TrayIcon(QSystemTrayIcon):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(app_icon(), parent)
        self.setToolTip(APP_DISPLAY_NAME)
        self.menu = QMenu(parent)
        self.open_action = self.menu.addAction(self.tr("Open"))
        self.log_urge_action = self.menu.addAction(self.tr("Log an urge"))
        self.lock_action = self.menu.addAction(self.tr("Lock"))
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Quit"))
        self.setContextMenu(self.menu)
