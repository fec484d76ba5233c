"""From a craving to the whole picture: "What am I remembering?"

During an urge, a good memory often does the pulling. This finds it among the good moments
already noted (or adds it, with a rough date), then opens the whole-relationship view
centred on it, in its own window above the guide or the urge form, so nothing there is
lost. The view's content warning still comes first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.fuzzy_dates import label
from recovery_app.domain.memories import Memory, MemoryDetails, MemoryKind
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService
from recovery_app.ui.kit.announce import announce
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.whole.memory_table_model import MEMORY_ROLE
from recovery_app.ui.whole.screen import WholeRelationshipScreen


class RememberingDialog(QDialog):
    """Find the good moment (typing narrows the list) or add it; `chosen` is the result."""

    def __init__(self, memories: MemoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._memories = memories
        self.chosen: Memory | None = None
        self.setWindowTitle(self.tr("What am I remembering?"))
        self.setMinimumSize(560, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(heading(self.tr("What am I remembering?"), 3))
        layout.addWidget(
            paragraph(
                self.tr(
                    "A good memory can pull hard. Type a few words about it. If it's already "
                    "here, choose it; if not, add it with a rough date."
                ),
                "hint",
            )
        )
        self.words = QLineEdit()
        self.words.setAccessibleName(self.tr("A few words about the memory"))
        self.words.setPlaceholderText(self.tr("e.g. the lake, our first holiday"))
        layout.addWidget(self.words)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Good moments you noted"))
        layout.addWidget(self.matches, 1)
        self.nothing = paragraph(self.tr("No good moment you noted matches yet."), "small")
        layout.addWidget(self.nothing)
        self.show_button = QPushButton(self.tr("&Show it whole"))
        self.show_button.setDefault(True)
        add_row = QHBoxLayout()
        self.when = QLineEdit()
        self.when.setAccessibleName(self.tr("Roughly when, for a new memory"))
        self.when.setPlaceholderText(self.tr("Roughly when? e.g. summer 2021"))
        self.add_button = QPushButton(self.tr("&Add it and show it whole"))
        add_row.addWidget(self.when, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.message = MessageLine(memories.data_dir)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Not now"))
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.show_button)
        layout.addLayout(buttons)
        self.words.textChanged.connect(self._search)
        self.matches.itemActivated.connect(lambda _: self.show_chosen())
        self.matches.currentRowChanged.connect(lambda _: self._update_buttons())
        self.show_button.clicked.connect(self.show_chosen)
        self.add_button.clicked.connect(self.add_and_show)
        self.close_button.clicked.connect(self.reject)
        self._search()
        self.words.setFocus()

    def _search(self) -> None:
        found = self.message.attempt(lambda: self._memories.find_good_moments(self.words.text()))
        self.matches.clear()
        for memory in reversed(found or []):  # the most recent first
            item = QListWidgetItem(f"{memory.details.title} · {label(memory.when)}")
            item.setData(MEMORY_ROLE, memory)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self.nothing.setVisible(self.matches.count() == 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.show_button.setEnabled(self.matches.currentItem() is not None)

    def show_chosen(self) -> None:
        item = self.matches.currentItem()
        if item is not None:
            self.chosen = item.data(MEMORY_ROLE)
            self.accept()

    def add_and_show(self) -> None:
        def add() -> Memory:
            when = self._memories.parse_date(self.when.text())
            return self._memories.add_memory(
                MemoryDetails(MemoryKind.GOOD, self.words.text(), when)
            )

        added = self.message.attempt(add)
        if added is not None:
            self.chosen = added
            self.accept()


class WholeViewDialog(QDialog):
    """The whole-relationship view in a window of its own, centred on one memory."""

    def __init__(
        self,
        memories: MemoryService,
        clocks: ClockService,
        memory_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Whole relationship"))
        self.setObjectName("whole-view")
        self.resize(1040, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        self.view = WholeRelationshipScreen(memories, clocks)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.clicked.connect(self.accept)
        row.addWidget(self.back_button)
        row.setContentsMargins(0, 0, 16, 0)
        layout.addLayout(row)
        self.view.focus_memory(memory_id)
        self._announced = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._announced:
            self._announced = True
            QTimer.singleShot(0, self._say_what_is_shown)  # once the window is there to say it

    def _say_what_is_shown(self) -> None:
        """Said as the view opens on the memory chosen; the memory itself is then read from
        the timeline, where the focus is on it. (Behind the content warning, the warning's
        own button takes the focus and is said instead.)"""
        if self.view.timeline.selected_memory() is None or not self.view.timeline.isVisible():
            return
        announce(self, self.tr("The memory you chose is shown, with what happened around it."))


def ask_what_i_remember(
    parent: QWidget, memories: MemoryService, clocks: ClockService
) -> RememberingDialog:
    """Open the question; once a memory is chosen or added, open the view on it."""
    dialog = RememberingDialog(memories, parent)

    def chosen() -> None:
        if dialog.chosen is not None:
            view = WholeViewDialog(memories, clocks, dialog.chosen.id, parent)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.open()

    dialog.accepted.connect(chosen)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
