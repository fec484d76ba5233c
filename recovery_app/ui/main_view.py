"""The unlocked journal: a sidebar of screens. Built at unlock, destroyed at lock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from recovery_app.services.check_ins import CheckInService
from recovery_app.services.clocks import ClockService
from recovery_app.services.exercises import ExerciseService, load_library
from recovery_app.services.hunches import HunchService
from recovery_app.services.memories import MemoryService
from recovery_app.services.promises import PromiseService
from recovery_app.services.urges import UrgeService
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.vault import Vault
from recovery_app.ui.coming_soon import ComingSoonScreen
from recovery_app.ui.exercises_screen import ExercisesScreen
from recovery_app.ui.preferences import Preferences
from recovery_app.ui.sections import TODAY
from recovery_app.ui.settings_screen import SettingsScreen
from recovery_app.ui.today_screen import TodayScreen
from recovery_app.ui.urges_section import UrgesSection
from recovery_app.ui.whole_relationship_screen import WholeRelationshipScreen

SIDEBAR_ROW_HEIGHT = 38


class MainView(QWidget):
    def __init__(
        self,
        service: VaultService,
        vault: Vault,
        preferences: Preferences,
        on_locking_changed: Callable[[], None],
        parent: QWidget | None = None,
        *,
        tray_available: bool = False,
    ) -> None:
        super().__init__(parent)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(200)
        self.pages = QStackedWidget()
        self.today = TodayScreen(ClockService(vault), CheckInService(vault), UrgeService(vault))
        self.urges = UrgesSection(vault, lambda: preferences.reduce_motion)
        self.urges.urges_changed.connect(self.today.refresh)
        self.urges.contact_logged.connect(self.today.refresh)
        self.exercises = ExercisesScreen(
            ExerciseService(vault, load_library()), PromiseService(vault), HunchService(vault)
        )
        self.whole = WholeRelationshipScreen(MemoryService(vault), ClockService(vault))
        screens: list[tuple[str, QWidget]] = [
            (self.tr("Today"), self.today),
            (self.tr("Urges"), self.urges),
            (self.tr("Exercises"), self.exercises),
            (self.tr("Whole relationship"), self.whole),
            (
                self.tr("Review"),
                ComingSoonScreen(
                    self.tr("Review"),
                    self.tr(
                        "Your milestones and how things are changing, as charts and a printable "
                        "report, will be here."
                    ),
                ),
            ),
            (
                self.tr("Settings"),
                SettingsScreen(
                    service, vault, preferences, on_locking_changed, tray_available=tray_available
                ),
            ),
        ]
        for index, (title, screen) in enumerate(screens):
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(0, SIDEBAR_ROW_HEIGHT))  # stylesheet padding doesn't grow rows
            item.setToolTip(
                self.tr("%1 (Ctrl+%2)").replace("%1", title).replace("%2", str(index + 1))
            )
            self.sidebar.addItem(item)
            self.pages.addWidget(screen)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.show_section(i))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(TODAY)

    def show_section(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def current_section(self) -> int:
        return self.pages.currentIndex()

    def focus_sidebar(self) -> None:
        self.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)
