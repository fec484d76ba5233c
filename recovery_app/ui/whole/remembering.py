"""From a craving to the whole picture: "What am I remembering?"

During an urge, a good memory often does the pulling. This finds it among the good moments
already noted (or adds it, with a rough date), then opens the whole-relationship view
centred on it, in its own window above the guide or the urge form, so nothing there is
lost. The view's content warning still comes first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
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
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.next_turn import next_turn
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.whole.memory_table_model import MEMORY_ROLE
from recovery_app.ui.whole.screen import WholeRelationshipScreen


class RememberingDialog(Dialog):
    """Find the good moment (typing narrows the list) or add it; `chosen` is the result.

    Nothing is chosen for the person: the list highlights no memory until one is picked
    (with a click, or Down from the words and Enter), so Enter never opens one nobody chose.
    """

    memory_chosen = Signal(int)  # the id of the memory chosen or just added

    def __init__(
        self, memories: MemoryService, clocks: ClockService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._memories = memories
        self.chosen: Memory | None = None
        self._clocks = clocks
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
        self.matches.setObjectName("entries")  # rows with room and a line between them
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
        # Bound methods, not lambdas over `self`: this dialog is deleted on close, and a
        # connection holding the last reference to it would free it a second time.
        self.matches.itemActivated.connect(self._item_activated)
        self.matches.currentRowChanged.connect(self._update_buttons)
        self.show_button.clicked.connect(self.show_chosen)
        self.add_button.clicked.connect(self.add_and_show)
        self.close_button.clicked.connect(self.reject)
        # The dialog's own method, not a closure: a closure holding the window underneath
        # can hold its last reference, and dropping it while this dialog is deleted (it is,
        # on close) deletes this dialog a second time.
        self.memory_chosen.connect(self._show_whole)
        self.words.installEventFilter(self)
        self._search()
        self.words.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the words goes into the list, onto its first memory: the person's move.
        if (
            watched is self.words
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.matches.count()
        ):
            self.matches.setFocus(Qt.FocusReason.TabFocusReason)
            if self.matches.currentRow() < 0:
                self.matches.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def _search(self) -> None:
        found = self.message.attempt(lambda: self._memories.find_good_moments(self.words.text()))
        self.matches.clear()
        for memory in reversed(found or []):  # the most recent first
            item = QListWidgetItem(f"{memory.details.title} · {label(memory.when)}")
            item.setData(MEMORY_ROLE, memory)
            self.matches.addItem(item)
        self.nothing.setVisible(self.matches.count() == 0)
        self._update_buttons()

    def _show_whole(self, memory_id: int) -> None:
        view = WholeViewDialog(self._memories, self._clocks, memory_id, self.parentWidget())
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()

    def _item_activated(self, _item: QListWidgetItem) -> None:
        self.show_chosen()

    def _update_buttons(self, _row: int = -1) -> None:
        self.show_button.setEnabled(self.matches.currentItem() is not None)

    def show_chosen(self) -> None:
        item = self.matches.currentItem()
        if item is not None:
            self.chosen = item.data(MEMORY_ROLE)
            self.accept()
            self.memory_chosen.emit(self.chosen.id)

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
            self.memory_chosen.emit(added.id)


class WholeViewDialog(Dialog):
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
            next_turn(self, self._say_what_is_shown)  # once the window is there

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
    """Open the question; once a memory is chosen or added, open the view on it, above the
    same window the question was asked from."""
    dialog = RememberingDialog(memories, clocks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
