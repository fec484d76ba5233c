"""Export the contact log of one clock: the times they reached out, as a PDF or a CSV file.

Nothing is chosen for the person: the days (every entry unless a first or last day is
ticked), whether the files and their own notes go in (neither, unless ticked), and the
format (a button each). The not-encrypted warning is in view before anything is saved. The
document is made off the GUI thread and written only where the person chose.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QPushButton,
    QWidget,
)

from recovery_app.services.contact_log import ContactLogChoice, ContactLogService
from recovery_app.services.errors import InvalidInput, VaultError
from recovery_app.services.messages import NOT_ENCRYPTED_WARNING
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.fields import calendar_popup
from recovery_app.ui.kit.files import choose_file_to_save
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import paragraph
from recovery_app.ui.kit.worker import run_in_background

_log = logging.getLogger(__name__)


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _day_field(accessible_name: str) -> QDateEdit:
    field = calendar_popup(QDateEdit(QDate.currentDate()))
    field.setDisplayFormat("d MMMM yyyy")
    field.setMaximumDate(QDate.currentDate())
    field.setAccessibleName(accessible_name)
    field.setEnabled(False)
    return field


class ContactLogDialog(EntryDialog):
    def __init__(
        self, contact_log: ContactLogService, clock_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(contact_log.data_dir, parent=parent)
        self._log = contact_log
        self._clock_id = clock_id
        self.written: Path | None = None
        self.file_dialog: QWidget | None = None
        self.setWindowTitle(self.tr("Export the contact log"))
        self.setMinimumWidth(540)
        self._build_ui()

    def _build_ui(self) -> None:
        self.body.addWidget(
            paragraph(
                self.tr(
                    "The times they reached out on this clock, in the order they came: when "
                    "each happened and was noted, how, the exact words, and every edit. "
                    "Something to hand to an advocate, a lawyer or the police, if you choose."
                )
            )
        )
        days = QGridLayout()
        days.setColumnStretch(1, 1)
        self.from_box = QCheckBox(self.tr("&From"))
        self.from_day = _day_field(self.tr("First day"))
        self.to_box = QCheckBox(self.tr("&Up to"))
        self.to_day = _day_field(self.tr("Last day"))
        days.setColumnMinimumWidth(0, 110)  # room for the focus ring around "From"
        for row, (box, field) in enumerate(
            ((self.from_box, self.from_day), (self.to_box, self.to_day))
        ):
            days.addWidget(box, row, 0)
            days.addWidget(field, row, 1)
        self.body.addLayout(days)
        self.body.addWidget(
            paragraph(self.tr("With neither ticked, every entry goes in."), "small")
        )
        self.with_files = QCheckBox(
            self.tr("Add the &files: thumbnails of pictures, and every file's fingerprint")
        )
        self.with_notes = QCheckBox(self.tr("Add my own &notes"))
        self.body.addWidget(self.with_files)
        self.body.addWidget(self.with_notes)
        warning = paragraph(NOT_ENCRYPTED_WARNING, "warning")
        self.body.addWidget(warning)
        self.note = MessageLine(self._log.data_dir, note=True)
        self.body.addWidget(self.note)
        self.save_button.setText(self.tr("Save as &PDF…"))
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+Enter)"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.buttons.addButton(self.csv_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setText(self.tr("Close"))
        self.from_box.toggled.connect(self.from_day.setEnabled)
        self.to_box.toggled.connect(self.to_day.setEnabled)
        self.csv_button.clicked.connect(lambda: self._choose(".csv"))
        self.page.wrap_to_width()  # as tall as its lines: no scrolling with room to spare

    def choice(self) -> ContactLogChoice:
        def day(box: QCheckBox, field: QDateEdit) -> date | None:
            chosen = field.date()
            return date(chosen.year(), chosen.month(), chosen.day()) if box.isChecked() else None

        return ContactLogChoice(
            self._clock_id,
            day(self.from_box, self.from_day),
            day(self.to_box, self.to_day),
            include_notes=self.with_notes.isChecked(),
            include_attachments=self.with_files.isChecked(),
        )

    def save(self) -> None:
        self._choose(".pdf")

    def _choose(self, suffix: str) -> None:
        name = f"contact-log-{date.today().isoformat()}{suffix}"
        kind = self.tr("PDF document (*.pdf)") if suffix == ".pdf" else self.tr("CSV file (*.csv)")
        self.file_dialog = choose_file_to_save(
            self,
            self.tr("Save the contact log"),
            name,
            kind,
            lambda path: self.write(_with_suffix(path, suffix)),
        )

    def write(self, target: Path) -> None:
        """Make the document off the GUI thread, then say where it went."""
        choice = self.choice()
        service = self._log
        self._busy(True)
        self.note.say(self.tr("Making the document…"))

        def work() -> tuple[Path, int]:
            log = service.log(choice)
            if target.suffix.lower() == ".csv":
                return service.write_csv(log, target, overwrite=True), len(log.entries)
            from recovery_app.documents.contact_log_pdf import render_contact_log

            data = render_contact_log(log, service.attachment_data)
            return service.write_document(target, data, overwrite=True), len(log.entries)

        run_in_background(work, self._written, self._failed, self)

    def _written(self, result: tuple[Path, int]) -> None:
        self._busy(False)
        path, count = result
        self.written = path
        entries = (
            self.tr("1 entry") if count == 1 else self.tr("%1 entries").replace("%1", str(count))
        )
        self.note.say(
            self.tr("Saved the contact log (%1) as %2. It isn't encrypted.")
            .replace("%1", entries)
            .replace("%2", str(path))
        )

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.note.clear()
        if not isinstance(error, (InvalidInput, VaultError)):
            _log.error("the contact log wasn't written: %s", type(error).__name__)
        self.message.show_error(error)  # kind words; never the error's own text

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.csv_button):
            button.setEnabled(not busy)
