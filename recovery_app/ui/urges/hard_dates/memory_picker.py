"""Pick a memory dated to the day, to mark that day of the year.

The list can hold memories of what hurt, so the whole-relationship view's content warning
comes first here too, unless it was passed since unlocking or turned off. Picking a memory
only fills in the form: nothing is marked until the person saves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import MemoryKind
from recovery_app.services.hard_date_suggestions import DayMemory
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.memories import MemoryService
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.lists import ID_ROLE, entry_list
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import paragraph

WARNING, LIST = range(2)


class MemoryPickerDialog(Dialog):
    def __init__(
        self,
        hard_dates: HardDateService,
        memories: MemoryService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._memories = memories
        self.chosen: DayMemory | None = None
        self.setWindowTitle(self.tr("Mark the day of a memory"))
        self.setMinimumSize(480, 380)
        self.message = MessageLine(hard_dates.data_dir)
        found = self.message.attempt(hard_dates.day_memories)
        self._found = found or []
        self._build_ui()
        self._connect_signals()
        warn = (
            any(m.kind is MemoryKind.HARM for m in self._found)
            and not memories.warning_passed()
            and bool(self.message.attempt(lambda: memories.settings().content_warning))
        )
        self.pages.setCurrentIndex(WARNING if warn else LIST)
        (self.show_button if warn else self.list).setFocus()
        self._update_buttons()

    def _build_ui(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(
            paragraph(
                self.tr(
                    "Memories with an exact day. Pick one to mark that day every year; you can "
                    "change the name and the rest before saving."
                ),
                "hint",
            )
        )
        column.addWidget(self.message)
        self.pages = QStackedWidget()
        warning = QWidget()
        warning_column = QVBoxLayout(warning)
        warning_column.addWidget(
            paragraph(
                self.tr(
                    "Some of these are memories of what hurt. Take your time; you can stop at "
                    "any point."
                )
            )
        )
        self.show_button = QPushButton(self.tr("Show my memories"))
        self.show_button.setAutoDefault(False)
        warning_column.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        warning_column.addStretch(1)
        self.pages.addWidget(warning)

        listing = QWidget()
        list_column = QVBoxLayout(listing)
        list_column.setContentsMargins(0, 0, 0, 0)
        self.list = entry_list(self.tr("Memories dated to the day, the most recent first"))
        for memory in self._found:
            item = QListWidgetItem(
                f"{memory.title}\n{memory.day.day} {memory.day:%B} {memory.day.year}"
            )
            item.setData(ID_ROLE, memory.id)
            self.list.addItem(item)
        if self._found:
            self.list.setCurrentRow(0)
        self.empty = paragraph(
            self.tr(
                "No memory is dated to the day yet. A memory with an exact date, like "
                "14 May 2023, can be marked from here."
            ),
            "gentle",
        )
        self.empty.setVisible(not self._found)
        self.list.setVisible(bool(self._found))
        list_column.addWidget(self.empty)
        list_column.addWidget(self.list, 1)
        self.pages.addWidget(listing)
        column.addWidget(self.pages, 1)

        self.buttons = QDialogButtonBox()
        self.pick_button = self.buttons.addButton(
            self.tr("Mark this day…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        column.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.show_button.clicked.connect(self._pass_warning)
        self.buttons.accepted.connect(self.pick)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.pick())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())

    def _pass_warning(self) -> None:
        self._memories.pass_warning()
        self.pages.setCurrentIndex(LIST)
        self.list.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.pick_button.setEnabled(
            self.pages.currentIndex() == LIST and self.list.currentItem() is not None
        )

    def pick(self) -> None:
        item = self.list.currentItem()
        if self.pages.currentIndex() != LIST or item is None:
            return
        memory_id = item.data(ID_ROLE)
        self.chosen = next((m for m in self._found if m.id == memory_id), None)
        if self.chosen is not None:
            self.accept()
