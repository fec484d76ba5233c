"""What a backup holds, beside what the journal holds now: the restore's preview.

A grid of plain labels (read row by row by a screen reader): when the backup was made, the
dates its entries span, and each kind of entry, backup first, journal now second. Then what
else is worth knowing before choosing: another journal's backup, a password that changes.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from recovery_app.services.my_data_records import ENTRY_TABLES, RestorePreview
from recovery_app.services.my_data_words import (
    ENTRY_WORDS,
    day_range_text,
    entries_text,
    number,
    when_text,
)
from recovery_app.ui.kit.widgets import paragraph


class RestorePreviewView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        self.grid_frame = QFrame()
        self.grid_frame.setObjectName("card")
        self.grid = QGridLayout(self.grid_frame)
        self.grid.setContentsMargins(14, 10, 14, 10)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(4)
        column.addWidget(self.grid_frame)
        self.notes = QVBoxLayout()
        self.notes.setSpacing(6)
        column.addLayout(self.notes)

    def show_preview(self, preview: RestorePreview, *, now: datetime, journal_here: bool) -> None:
        self._clear()
        today = now.astimezone().date()
        backup, journal = preview.backup, preview.journal
        with_journal = journal is not None
        self._cell(0, 1, self.tr("This backup"), header=True)
        if with_journal:
            self._cell(0, 2, self.tr("Your journal now"), header=True)
        rows: list[tuple[str, str, str]] = [
            (self.tr("Made"), when_text(backup.created_at, now=now), ""),
            (
                self.tr("Entries from"),
                day_range_text(backup.first_day, backup.last_day, today=today),
                ""
                if journal is None
                else day_range_text(journal.first_day, journal.last_day, today=today),
            ),
        ]
        backup_counts = backup.counts or {}
        journal_counts = {} if journal is None else journal.counts
        for table in ENTRY_TABLES:
            if backup_counts.get(table) or journal_counts.get(table):
                rows.append(
                    (
                        ENTRY_WORDS[table][1].capitalize(),
                        number(backup_counts.get(table, 0)),
                        number(journal_counts.get(table, 0)) if with_journal else "",
                    )
                )
        rows.append(
            (
                self.tr("In all"),
                entries_text(backup.entries or 0),
                entries_text(journal.entries) if journal is not None else "",
            )
        )
        for number_of_row, (label, in_backup, in_journal) in enumerate(rows, start=1):
            self._cell(number_of_row, 0, label, header=True)
            self._cell(number_of_row, 1, in_backup)
            if with_journal:
                self._cell(number_of_row, 2, in_journal)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

        if journal is None and journal_here:
            self._note(
                self.tr(
                    "Your journal as it is now can't be read, so it can't be counted. It will "
                    "be set aside whole, beside the backups, before this backup takes its place."
                )
            )
        elif journal is None:
            self._note(self.tr("There is no journal here now: this backup becomes your journal."))
        if journal is not None and not preview.same_journal:
            self._note(
                self.tr(
                    "This backup was made of another journal. Restoring it puts that journal in "
                    "place of this one."
                )
            )
        if preview.replaces_key_file:
            self._note(
                self.tr("Afterwards, the password that opened this backup opens your journal.")
            )

    def _cell(self, row: int, column: int, text: str, *, header: bool = False) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        if header:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.grid.addWidget(label, row, column)

    def _note(self, text: str) -> None:
        self.notes.addWidget(paragraph(text, "note"))

    def _clear(self) -> None:
        for layout in (self.grid, self.notes):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()

    def text_shown(self) -> str:
        """Everything on show, in reading order (for tests and screen-reader checks)."""
        words = []
        for layout in (self.grid, self.notes):
            for i in range(layout.count()):
                item = layout.itemAt(i)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    words.append(widget.text())
        return "\n".join(words)
