"""The whole-relationship view: each remembered good moment beside the harm around it.

A timeline and, with the same information, a plain list; beside them the chosen memory with
what happened around it, and the pattern counted. Before anything hurtful is shown, a
content warning (once per unlock, and it can be turned off). The view's settings (how many
days count as "around", the hemisphere for seasons, the warning) are saved in the vault.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.memories import Memory, MemoryKind
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService, Timeline, ViewSettings
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import centred_card, heading, paragraph
from recovery_app.ui.whole.memory_dialog import MemoryDialog, kind_words
from recovery_app.ui.whole.memory_table_model import MemoryTableModel
from recovery_app.ui.whole.pages import (
    EmptyCard,
    HiddenNote,
    MemoryTable,
    ViewControls,
    WarningCard,
    legend,
)
from recovery_app.ui.whole.panels import side_panels
from recovery_app.ui.whole.prefetch import TimelinePrefetch
from recovery_app.ui.whole.timeline.view import TimelineView

EMPTY, WARNING, CONTENT = range(3)
TIMELINE_TAB, LIST_TAB = range(2)


class WholeRelationshipScreen(QWidget):
    def __init__(
        self, memories: MemoryService, clocks: ClockService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.memories = memories
        self.clocks = clocks
        self.words = kind_words(self)
        self.timeline_data: Timeline | None = None
        self.settings = ViewSettings()
        self.dialog: MemoryDialog | None = None
        self._harm_hidden = False  # "only the good moments for now"
        self._pending_focus: int | None = None
        self._clock_names: dict[int, str] = {}
        self._seen_changes: int | None = None  # the journal's change marker when last read
        self.model = MemoryTableModel(self.words, {}, self)
        self._prefetch = TimelinePrefetch(memories, self)
        self._refresh_waiting = False  # for the memories being read while the warning shows
        self._afterwards: list[Callable[[], None]] = []  # to do once they show
        self._build_ui()
        self._connect_signals()
        self._first_look()

    # ----- building -----------------------------------------------------------------------

    def _build_ui(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(10)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(self.tr("Whole relationship")))
        titles.addWidget(
            paragraph(
                self.tr(
                    "Good moments are real, and so is what happened around them. Here you can "
                    "see both together."
                ),
                "hint",
            )
        )
        header.addLayout(titles, 1)
        self.add_button = QPushButton(self.tr("Add a memory"))
        self.add_button.setToolTip(self.tr("Add a memory (Ctrl+N)"))
        header.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)
        self.message = MessageLine(self.memories.data_dir)
        column.addWidget(self.message)
        self.saved_note = MessageLine(note=True)  # every save is answered, and announced
        column.addWidget(self.saved_note)
        self.undo_bar = UndoBar(self.message)
        column.addWidget(self.undo_bar)
        self.pages = QStackedWidget()
        self.empty = EmptyCard()
        self.warning = WarningCard()
        self.empty_add_button = self.empty.add_button
        self.show_all_button = self.warning.show_all_button
        self.good_only_button = self.warning.good_only_button
        self.skip_warning = self.warning.skip_warning
        self.pages.addWidget(centred_card(self.empty))
        self.pages.addWidget(centred_card(self.warning))
        self.pages.addWidget(self._content_page())
        column.addWidget(self.pages, 1)

    def _content_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.controls = ViewControls()
        layout.addWidget(self.controls)
        # The controls by name, as the rest of the screen (and its tests) use them.
        self.person, self.zoom = self.controls.person, self.controls.zoom
        self.window_days, self.hemisphere = self.controls.window_days, self.controls.hemisphere
        self.warning_box = self.controls.warning_box
        self.hidden_note = HiddenNote()
        self.reveal_button = self.hidden_note.reveal_button
        layout.addWidget(self.hidden_note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.timeline = TimelineView(kind_words=self.words)
        self.table = MemoryTable(self.model)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.table, self.tr("List"))
        splitter.addWidget(self.tabs)
        side, self.around_panel, self.pattern_panel = side_panels(self.words)
        self.delete_button = self.around_panel.delete_button
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.legend = legend()
        layout.addWidget(self.legend)
        return page

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(lambda: self.add_memory())
        self.empty_add_button.clicked.connect(lambda: self.add_memory())
        self.show_all_button.clicked.connect(lambda: self._pass_warning(hide_harm=False))
        self.good_only_button.clicked.connect(lambda: self._pass_warning(hide_harm=True))
        self.reveal_button.clicked.connect(lambda: self._pass_warning(hide_harm=False))
        self.timeline.selected.connect(self.select_memory)
        self.timeline.activated.connect(self.edit_memory)
        self.timeline.zoom_changed.connect(self.zoom.setValue)
        self.zoom.valueChanged.connect(self.timeline.set_zoom)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._table_row_chosen(current.row())
        )
        self.table.activated.connect(
            lambda index: self.edit_memory(self.model.memory_at(index.row()))
        )
        self.around_panel.memory_chosen.connect(self.select_memory)
        self.around_panel.edit_button.clicked.connect(
            lambda: self.edit_memory(self.timeline.selected_memory())
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.pattern_panel.memory_chosen.connect(self.select_memory)
        self.person.currentIndexChanged.connect(lambda _: self.refresh())
        self.window_days.editingFinished.connect(self._settings_changed)
        self.hemisphere.currentIndexChanged.connect(lambda _: self._settings_changed())
        self.warning_box.toggled.connect(lambda _: self._settings_changed())
        self.undo_bar.undone.connect(self._undone)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(lambda: self.add_memory())
        self.undo_bar.bind_shortcut(self)
        for target in (self.timeline, self.table):
            delete = QShortcut(QKeySequence.StandardKey.Delete, target)
            delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            delete.activated.connect(self.delete_selected)

    # ----- showing ------------------------------------------------------------------------

    def _first_look(self) -> None:
        """Before anything hurtful shows, the warning, with the memories read meanwhile
        (ui/whole/prefetch.py); otherwise everything at once."""
        overview = self.message.attempt(self.memories.overview)
        if overview is None or not overview.warning_first or self.memories.warning_passed():
            self.refresh()
            return
        self._seen_changes = self.memories.changes()
        clocks = self.message.attempt(self.clocks.list_clocks) or []
        self._fill_people([(c.id, c.name) for c in clocks if c.id is not None])
        self._show_settings(overview.settings)
        self.pages.setCurrentIndex(WARNING)
        self.show_all_button.setFocus()
        self._prefetch.start_after_paint(self.warning, None)

    def refresh(self, select_id: int | None = None) -> None:
        """Read the memories again, keeping the person chosen and the memory selected."""
        self._seen_changes = changes = self.memories.changes()
        chosen = self.timeline.selected_memory()
        keep = select_id if select_id is not None else (chosen.id if chosen else None)
        clocks = self.message.attempt(self.clocks.list_clocks)
        if clocks is not None:
            self._fill_people([(c.id, c.name) for c in clocks if c.id is not None])
        clock_id = self.person.currentData()
        read = self._prefetch.take(clock_id, changes)
        self._refresh_waiting = read is None and self._prefetch.wait(
            clock_id, changes, lambda: self.refresh(keep)
        )
        if self._refresh_waiting:
            return  # being read already: shown the moment it is
        loaded = read.timeline if read is not None else self._read_timeline(clock_id)
        afterwards, self._afterwards = self._afterwards, []
        if loaded is None:
            return
        self.timeline_data = loaded
        self._show_settings(loaded.settings)
        shown = self._shown(loaded)
        self.timeline.set_window_days(loaded.settings.window_days)
        self.timeline.set_memories(shown)
        self.model.set_memories(shown, self._clock_names)
        if read is not None:
            self.pattern_panel.show_patterns(read.patterns)
        else:
            self.pattern_panel.count(loaded)
        self.hidden_note.setVisible(self._harm_hidden)
        self._choose_page(loaded)
        memory = loaded.find(keep) if keep is not None else None
        self.select_memory(memory if memory in shown else None)
        for then in afterwards:
            then()

    def _after_refresh(self, then: Callable[[], None]) -> None:
        """`then` now, or once the memories being read show."""
        if self._refresh_waiting:
            self._afterwards.append(then)
        else:
            then()

    def _read_timeline(self, clock_id: int | None) -> Timeline | None:
        return self.message.attempt(lambda: self.memories.timeline(clock_id=clock_id))

    def _shown(self, loaded: Timeline) -> list[Memory]:
        if not self._harm_hidden:
            return list(loaded.memories)
        return [m for m in loaded.memories if m.kind is not MemoryKind.HARM]

    def _choose_page(self, loaded: Timeline) -> None:
        has_harm = any(m.kind is MemoryKind.HARM for m in loaded.memories)
        if not loaded.memories and self.person.currentData() is None:
            self.pages.setCurrentIndex(EMPTY)
        elif (
            has_harm
            and loaded.settings.content_warning
            and not self._harm_hidden
            and not self.memories.warning_passed()
        ):
            self.pages.setCurrentIndex(WARNING)
            self.show_all_button.setFocus()
        else:
            self.pages.setCurrentIndex(CONTENT)

    def _fill_people(self, clocks: list[tuple[int, str]]) -> None:
        self._clock_names = dict(clocks)
        self.controls.fill_people(clocks)

    def _show_settings(self, settings: ViewSettings) -> None:
        self.settings = settings
        self.controls.show_settings(settings)

    def _settings_changed(self) -> None:
        wanted = self.controls.wanted_settings()
        if wanted == self.settings:
            return
        if self.message.attempt(lambda: self.memories.save_settings(wanted)):
            self.refresh()

    # ----- the content warning --------------------------------------------------------------

    def _pass_warning(self, *, hide_harm: bool) -> None:
        if not hide_harm:  # "only the good moments for now" is asked again elsewhere
            self.memories.pass_warning()
        if self.skip_warning.isChecked():
            self.warning_box.setChecked(False)  # saves the setting, then refreshes
        self._set_harm_hidden(hide_harm)
        self._after_refresh(self._focus_after_warning)

    def _focus_after_warning(self) -> None:
        if self._pending_focus is not None:
            self.focus_memory(self._pending_focus)
        else:
            self.timeline.setFocus()

    def _set_harm_hidden(self, hidden: bool) -> None:
        self._harm_hidden = hidden
        self.refresh()

    # ----- selecting ------------------------------------------------------------------------

    def select_memory(self, memory: Memory | None) -> None:
        data = self.timeline_data
        around = data.around(memory) if data and memory and memory.kind is MemoryKind.GOOD else []
        if self._harm_hidden:
            around = []
        self.timeline.select(memory, around)
        self.model.set_highlighted(around)
        row = -1 if memory is None else self.model.row_of(memory.id)
        if row != self.table.currentIndex().row():
            selection = self.table.selectionModel()
            selection.blockSignals(True)  # this is the choice being shown, not a new one
            if row >= 0:
                self.table.selectRow(row)
            else:
                self.table.clearSelection()
            selection.blockSignals(False)
        window = data.settings.window_days if data else 30
        self.around_panel.show_memory(memory, around, window)
        self.delete_button.setVisible(memory is not None)

    def _table_row_chosen(self, row: int) -> None:
        memory = self.model.memory_at(row)
        if memory is not None and memory != self.timeline.selected_memory():
            self.select_memory(memory)

    def focus_memory(self, memory_id: int) -> None:
        """Centre the view on one memory: from a craving, "what am I remembering?"."""
        if self.timeline_data is None or self.timeline_data.find(memory_id) is None:
            self.refresh(select_id=memory_id)  # only if it isn't loaded already (just built)
        if self.pages.currentIndex() == WARNING:
            self._pending_focus = memory_id  # after the warning, not before it
            return
        self._pending_focus = None
        memory = self.timeline_data.find(memory_id) if self.timeline_data else None
        if memory is None and self.person.currentData() is not None:
            self.person.setCurrentIndex(0)  # it belongs to someone else: show everyone
            memory = self.timeline_data.find(memory_id) if self.timeline_data else None
        self.tabs.setCurrentIndex(TIMELINE_TAB)
        self.select_memory(memory)
        self.timeline.setFocus()

    # ----- adding, editing, deleting ----------------------------------------------------------

    def add_memory(self, kind: MemoryKind | None = None, title: str = "") -> None:
        self._open_dialog(
            MemoryDialog(self.memories, self._people(), kind=kind, title=title, parent=self)
        )

    def edit_memory(self, memory: Memory | None) -> None:
        if memory is not None:
            self._open_dialog(
                MemoryDialog(self.memories, self._people(), saved=memory, parent=self)
            )

    def _people(self) -> list[tuple[int, str]]:
        return list(self._clock_names.items())

    def _open_dialog(self, dialog: MemoryDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.open()

    def _saved(self, saved: Memory | None) -> None:
        if saved is None:
            return
        if saved.kind is MemoryKind.HARM:
            self.memories.pass_warning()  # they wrote it: no warning about their own words
            self._harm_hidden = False
        self.undo_bar.clear()
        self.refresh(select_id=saved.id)
        self.saved_note.acknowledge(self.tr("Memory saved."))

    def delete_selected(self) -> None:
        memory = self.timeline.selected_memory()
        if memory is None:
            return
        copy = self.message.attempt(lambda: self.memories.delete_memory(memory.id))
        if copy is None:
            return
        self.undo_bar.offer(self.tr("Memory deleted."), lambda: self.memories.add_memory(copy))
        self.refresh()

    def undo(self) -> None:
        self.undo_bar.undo()

    def _undone(self, restored: Memory) -> None:
        self.refresh(select_id=restored.id)

    # ----- events ---------------------------------------------------------------------------

    def refresh_if_changed(self) -> None:
        """Read again only if anything was saved since the last read (a clock renamed on
        Today, a memory noted from the command line)."""
        if self.memories.changes() != self._seen_changes:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_changed()
