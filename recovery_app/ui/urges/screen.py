"""Urges: every noted urge in a list that stays quick on years of entries, this week beside
last week, filters by trigger and date, and edit or delete (with undo).

Dialogs open with `open()` (not `exec()`), so locking can tear this screen down at any moment
without a nested event loop still running inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.errors import InvalidInput, VaultError
from recovery_app.services.urges import SavedUrge, UrgeRow, UrgeService
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.undo_bar import UndoBar
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.urges.filter_bar import UrgeFilterBar
from recovery_app.ui.urges.table_model import UrgeTableModel
from recovery_app.ui.urges.urge_dialog import UrgeDialog
from recovery_app.ui.urges.week_comparison import WeekComparison

TABLE, NOTHING_YET, NO_MATCH = range(3)


class UrgesScreen(QWidget):
    log_requested = Signal()  # "Log an urge": the lead's quick log
    ride_the_wave_requested = Signal()
    contact_logged = Signal()  # an urge's "I reached out" was noted on a clock
    urges_changed = Signal()  # an urge was saved, changed, deleted or brought back here
    urge_lived = Signal(object)  # UrgeDetails: a new urge, or one that became "I reached out"

    def __init__(
        self,
        urges: UrgeService,
        navigation: Navigation | None = None,  # the urge form offers the memory's view
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the app's background
        self.urges = urges
        self.navigation = navigation
        self.model = UrgeTableModel(urges, parent=self)
        self.dialog: QDialog | QMessageBox | None = None
        self._shown_day: date | None = None
        self._seen_changes: int | None = None  # the journal's change marker when last read
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(12)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(self.tr("Urges")))
        titles.addWidget(
            paragraph(
                self.tr(
                    "Urges come in waves. Noting them, however they end, helps you see the pattern."
                ),
                "hint",
            )
        )
        header.addLayout(titles, 1)
        self.log_button = QPushButton(self.tr("Log an urge"))
        self.log_button.setToolTip(self.tr("Log an urge (Ctrl+U)"))
        self.wave_button = QPushButton(self.tr("Ride the wave"))
        self.wave_button.setToolTip(self.tr("A short guide to help you through an urge"))
        header.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.wave_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)

        self.weeks = WeekComparison()
        column.addWidget(self.weeks)

        self.message = MessageLine(self.urges.data_dir)
        self.undo_bar = UndoBar(self.message)
        column.addWidget(self.undo_bar)
        column.addWidget(self.message)
        self.saved_note = MessageLine(note=True)  # every save is answered, and announced
        column.addWidget(self.saved_note)

        self.filter_bar = UrgeFilterBar(self.urges.today())
        column.addWidget(self.filter_bar)

        self.pages = QStackedWidget()
        self.table = self._table()
        self.pages.addWidget(self.table)
        self.nothing_yet = self._empty_card(
            self.tr("Nothing noted yet"),
            self.tr(
                "When the pull to reach out comes, Ctrl+U notes it in seconds, or use "
                "“Log an urge” above. Whatever happens next, noting it is a way of looking "
                "after yourself."
            ),
        )
        self.pages.addWidget(self.nothing_yet)
        self.empty_clear_button = QPushButton(self.tr("Clear filters"))
        self.no_match = self._empty_card(
            "", self.tr("No urges match these filters."), self.empty_clear_button
        )
        self.pages.addWidget(self.no_match)
        column.addWidget(self.pages, 1)

        actions = QHBoxLayout()
        self.count_label = paragraph("", "hint")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the chosen urge (Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the chosen urge (Delete); you can undo it"))
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        column.addLayout(actions)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Urges noted"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table, as it does everything else
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        metrics = table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(UrgeTableModel.TRIGGERS, QHeaderView.ResizeMode.Stretch)
        for section, sample in (
            (UrgeTableModel.WHEN, "Wed 30 Sep 2099, 18:30"),
            (UrgeTableModel.INTENSITY, "Intensity"),
            (UrgeTableModel.OUTCOME, "I reached out"),
            (UrgeTableModel.LASTED, "10 h 45 min"),
        ):
            header.resizeSection(section, metrics.horizontalAdvance(sample) + 32)
        return table

    @staticmethod
    def _empty_card(title: str, text: str, button: QPushButton | None = None) -> QWidget:
        """A card as tall as its words, at the top of the space the list would fill."""
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        if title:
            inner.addWidget(heading(title, 2))
        inner.addWidget(paragraph(text))
        if button is not None:
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(card)
        outer.addStretch(1)
        return page

    def _connect_signals(self) -> None:
        self.log_button.clicked.connect(self.log_requested.emit)
        self.wave_button.clicked.connect(self.ride_the_wave_requested.emit)
        self.undo_bar.undone.connect(self._undone)
        self.filter_bar.changed.connect(self.apply_filters)
        self.empty_clear_button.clicked.connect(self.filter_bar.clear)
        self.table.activated.connect(self._edit_index)  # Enter, or a double-click
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._show_count)
        self.model.failed.connect(self._show_error)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_bar.bind_shortcut(self)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # never from a filter's field
        delete.activated.connect(self.delete_selected)

    # ----- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again (after a quick log, say), keeping the filters and the choice."""
        self._reload(self.selected_id())

    def _reload(self, select_id: int | None) -> None:
        self._seen_changes = self.urges.changes()
        self._shown_day = self.urges.today()
        self._fill_triggers()
        weeks = self.message.attempt(self.urges.week_comparison)
        if weeks is not None:
            self.weeks.show_weeks(*weeks)
        self._load(self.model.reload)
        if select_id is not None:
            self.select_urge(select_id)

    def urge_added(self, saved: SavedUrge) -> None:
        """An urge just noted here (the quick log): its line joins the list and this week's
        figures are read again; the rest of the list is as it was. The trigger list is read
        only when the urge names triggers (a digit and Enter names none): only then can it
        have changed, or be needed to spell the new line's."""
        details = saved.details
        names = self.message.attempt(self.urges.triggers) if details.triggers else []
        # As the list shows them: in the person's order, spelled as the list spells them.
        listed = {name.casefold(): (i, name) for i, name in enumerate(names or [])}
        ordered = sorted(listed.get(t.casefold(), (len(listed), t)) for t in details.triggers)
        row = UrgeRow(
            id=saved.id,
            at=details.at,
            intensity=details.intensity,
            outcome=details.outcome,
            minutes=details.minutes,
            triggers=tuple(name for _, name in ordered),
        )
        if names is None or not self.model.add_saved(row):
            self.refresh()
            return
        self._seen_changes = self.urges.changes()
        if details.triggers:
            self.filter_bar.set_triggers(names)  # a trigger new with this urge joins the filter
        weeks = self.message.attempt(self.urges.week_comparison)
        if weeks is not None:
            self.weeks.show_weeks(*weeks)
        self._show_page()

    def _fill_triggers(self) -> None:
        names = self.message.attempt(self.urges.triggers)
        if names is not None:
            self.filter_bar.set_triggers(names)

    def apply_filters(self) -> None:
        filters = self.filter_bar.filters()
        self._load(lambda: self.model.set_filters(filters))

    def _load(self, load: Callable[[], None]) -> None:
        def loaded() -> bool:
            load()
            return True

        if self.message.attempt(loaded) is None:
            return
        self._show_page()

    def _show_page(self) -> None:
        filtered = self.model.filters.active
        if self.model.total:
            page = TABLE
        elif filtered:
            page = NO_MATCH
        else:
            page = NOTHING_YET
        self.pages.setCurrentIndex(page)
        for button in (self.edit_button, self.delete_button):
            button.setVisible(page == TABLE)
        self.weeks.setVisible(page != NOTHING_YET)
        self.filter_bar.setVisible(page != NOTHING_YET or filtered)
        self._show_count()

    def _show_count(self) -> None:
        total, filtered = self.model.total, self.model.filters.active
        if not total:
            text = ""
        elif filtered:
            text = self.tr("1 urge matches") if total == 1 else self.tr("%1 urges match")
        else:
            text = self.tr("1 urge noted") if total == 1 else self.tr("%1 urges noted")
        self.count_label.setText(text.replace("%1", f"{total:,}"))

    def _show_error(self, error: object) -> None:
        if isinstance(error, InvalidInput | VaultError):
            self.message.show_error(error)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.urge_id(rows[0].row()) if rows else None

    def select_urge(self, urge_id: int) -> None:
        row = self.model.row_of(urge_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _select_row(self, row: int) -> None:
        if self.model.rowCount():
            index = self.model.index(min(row, self.model.rowCount() - 1), 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    # ----- actions ------------------------------------------------------------------------------

    def new_urge(self) -> None:
        """The full form for a new urge (the quick log is the lead's `log_requested`)."""
        self._open(UrgeDialog(self.urges, self.navigation, parent=self))

    def edit_selected(self) -> None:
        urge_id = self.selected_id()
        if urge_id is not None:
            self.edit_urge(urge_id)

    def edit_urge(self, urge_id: int) -> None:
        saved = self.message.attempt(lambda: self.urges.get_urge(urge_id))
        if saved is None:  # gone meanwhile (from the command line, say): show the list as it is
            why = self.message.text()
            self._reload(None)
            self.message.say(why)
            return
        self._open(UrgeDialog(self.urges, self.navigation, saved=saved, parent=self))

    def _edit_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_urge(self.model.urge_id(index.row()))

    def _open(self, dialog: UrgeDialog) -> None:
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.accepted.connect(lambda: self._lived(dialog))
        dialog.contact_logged.connect(self.contact_logged.emit)
        self.dialog = dialog
        dialog.open()

    def _saved(self, saved: SavedUrge | None) -> None:
        self._reload(saved.id if saved is not None else None)
        self.urges_changed.emit()
        if saved is not None:
            self.saved_note.acknowledge(self.tr("Urge saved."))

    def _lived(self, dialog: UrgeDialog) -> None:
        if dialog.saved is not None and dialog.is_a_moment:
            self.urge_lived.emit(dialog.saved.details)

    def delete_selected(self) -> None:
        urge_id = self.selected_id()
        if urge_id is None:
            return
        row = self.table.currentIndex().row()
        copy = self.message.attempt(lambda: self.urges.delete_urge(urge_id))
        if copy is None:
            return
        self.undo_bar.offer(self.tr("Urge deleted."), lambda: self.urges.log_urge(copy))
        self._reload(None)
        self._select_row(row)
        self.table.setFocus()
        self.urges_changed.emit()

    def undo(self) -> None:
        self.undo_bar.undo()

    def _undone(self, restored: SavedUrge) -> None:
        self._reload(restored.id)
        self.urges_changed.emit()

    # ----- events -------------------------------------------------------------------------------

    def refresh_if_changed(self) -> None:
        """Read again only if a new day began ("this week" reads differently) or anything
        was saved since the last read (here, from the command line, the quick-log window)."""
        if self.urges.today() != self._shown_day or self.urges.changes() != self._seen_changes:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_changed()
