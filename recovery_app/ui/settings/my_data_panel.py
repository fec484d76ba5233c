"""Settings → My data: export the journal (JSON or CSV) and import an export into it.

An export is the one file the app writes that is not encrypted, so that is said before the
place is chosen. It runs off the GUI thread with a Cancel, and stops (removing the unfinished
file) when the journal locks, at quick exit too. An import is shown first as what it would
add (a dry run), then made after a safety backup (the service makes it).
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.errors import Cancelled
from recovery_app.services.my_data_records import (
    ENTRY_TABLES,
    ExportFormat,
    ExportResult,
    ImportReport,
)
from recovery_app.services.my_data_words import (
    import_done_text,
    import_preview_text,
    size_text,
)
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import paragraph
from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal

_SUFFIX = {ExportFormat.JSON: "json", ExportFormat.CSV: "zip"}


class MyDataPanel(QGroupBox):
    journal_changed = Signal()  # an import added entries: other screens read again

    def __init__(
        self, journal: Journal, stop: threading.Event, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("My data"), parent)
        self._journal = journal
        self._stop = stop
        self._export_stop = threading.Event()
        self._build_ui()
        self.export_json.clicked.connect(lambda: self._warn_then_export(ExportFormat.JSON))
        self.export_csv.clicked.connect(lambda: self._warn_then_export(ExportFormat.CSV))
        self.cancel_export.clicked.connect(lambda: self._export_stop.set())  # this export's
        self.import_button.clicked.connect(self._ask_for_import)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Take your journal with you. A JSON export holds everything, and this app "
                    "(here or on another computer) can bring it in again. A CSV export is a zip "
                    "of tables a spreadsheet opens. Neither is encrypted."
                )
            )
        )
        self.export_json = QPushButton(self.tr("Export as &JSON…"))
        self.export_csv = QPushButton(self.tr("Export as C&SV…"))
        layout.addLayout(_row(self.export_json, self.export_csv))
        self.busy = QWidget()
        busy_row = QHBoxLayout(self.busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_words = QLabel(self.tr("Exporting…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Exporting"))
        self.cancel_export = QPushButton(self.tr("Cancel"))
        self.cancel_export.setAccessibleName(self.tr("Cancel the export"))
        busy_row.addWidget(self.busy_words)
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_export)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.note = MessageLine(self._journal.data_dir, note=True)
        layout.addWidget(self.note)
        self.message = MessageLine(self._journal.data_dir)
        layout.addWidget(self.message)
        layout.addSpacing(6)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Bring in entries from a JSON export: from this app on another computer, "
                    "or written by hand. What you already have is never changed or doubled."
                )
            )
        )
        self.import_button = QPushButton(self.tr("&Import…"))
        layout.addLayout(_row(self.import_button))

    # ----- export ---------------------------------------------------------------------------

    def _warn_then_export(self, format: ExportFormat) -> None:
        confirm(
            self,
            title=self.tr("This file won't be encrypted"),
            text=self.tr("The exported file won't be encrypted."),
            detail=self.tr(
                "Anyone who can open it can read everything in your journal. Please save it "
                "where only you can reach it, and delete it once you no longer need it."
            ),
            yes=self.tr("&Choose where to save…"),
            no=self.tr("Cancel"),
            on_yes=lambda: self._ask_where(format),
            yes_by_default=True,
        )

    def _ask_where(self, format: ExportFormat) -> None:
        suffix = _SUFFIX[format]
        dialog = QFileDialog(self, self.tr("Save the export"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setDefaultSuffix(suffix)
        if format is ExportFormat.JSON:
            dialog.setNameFilter(self.tr("Journal export (*.json)"))
        else:
            dialog.setNameFilter(self.tr("Zip of CSV files (*.zip)"))
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile(f"journal-{datetime.now():%Y-%m-%d}.{suffix}")
        dialog.fileSelected.connect(lambda chosen: self._export(Path(chosen), format))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _export(self, target: Path, format: ExportFormat) -> None:
        self._export_stop = threading.Event()
        stop, here = self._export_stop, self._stop
        exports = self._journal.exports
        # Qt's dialog has asked before choosing a file that is there already.
        replace = target.exists()
        self._set_exporting(True)
        self.note.clear()
        self.message.clear()
        run_in_background(
            lambda: exports.export(
                target,
                format,
                cancel=lambda: stop.is_set() or here.is_set(),
                overwrite=replace,
            ),
            self._exported,
            self._export_failed,
            self,
        )

    def _exported(self, result: ExportResult) -> None:
        self._set_exporting(False)
        self.note.say(
            self.tr("Saved to %1 (%2). It isn't encrypted: please keep it safe.")
            .replace("%1", str(result.path))
            .replace("%2", size_text(result.bytes))
        )

    def _export_failed(self, error: BaseException) -> None:
        self._set_exporting(False)
        if isinstance(error, Cancelled):
            self.note.say(self.tr("Stopped. Nothing was saved, and no half-written file was left."))
        else:
            self.message.show_error(error)

    def _set_exporting(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel_export.setEnabled(busy)
        for button in (self.export_json, self.export_csv, self.import_button):
            button.setEnabled(not busy)
        if busy:
            self.cancel_export.setFocus()

    # ----- import ---------------------------------------------------------------------------

    def _ask_for_import(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the export to bring in"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilters([self.tr("Journal export (*.json)"), self.tr("Any file (*)")])
        dialog.setDirectory(str(Path.home()))
        dialog.fileSelected.connect(lambda chosen: self._preview_import(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _preview_import(self, source: Path) -> None:
        imports = self._journal.imports
        self.note.say(self.tr("Reading the export…"))
        self.message.clear()
        self.import_button.setEnabled(False)
        run_in_background(
            lambda: imports.preview(source),
            lambda report: self._previewed(source, report),
            self._import_failed,
            self,
        )

    def _previewed(self, source: Path, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        words = import_preview_text(report)
        if not any(report.tables.get(t) and report.tables[t].added for t in ENTRY_TABLES):
            self.note.say(words)
            return
        self.note.clear()
        confirm(
            self,
            title=self.tr("Bring these in?"),
            text=words,
            detail=self.tr(
                "A backup of your journal is made first. Nothing you already have is changed."
            ),
            yes=self.tr("&Bring them in"),
            no=self.tr("Cancel"),
            on_yes=lambda: self._import(source),
            yes_by_default=True,
        )

    def _import(self, source: Path) -> None:
        imports = self._journal.imports
        self.import_button.setEnabled(False)
        self.note.say(self.tr("Backing up, then bringing them in…"))
        run_in_background(
            lambda: imports.import_document(source), self._imported, self._import_failed, self
        )

    def _imported(self, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        text = import_done_text(report)
        if report.safety_backup is not None:
            text += " " + self.tr("A backup from just before is kept.")
        self.note.say(text)
        self.journal_changed.emit()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.note.clear()
        self.message.show_error(error)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
