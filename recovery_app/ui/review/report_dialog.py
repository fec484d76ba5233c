"""Make a report: choose the dates and the sections, look at the pages, then save the PDF
where you choose, after a plain word that the PDF itself is not encrypted.

Nothing is written until the person has chosen a place: the report is made in memory
(recovery_app/drawing/report.py) and shown from memory. Saving writes it under a temporary
name in the chosen folder, a piece at a time, renamed once whole; a quick exit or a lock
(which closes this window) stops it between two pieces and removes the partial file.
The file dialog is Qt's own, so the desktop's list of recent files never records it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.report import DEFAULT_SECTIONS
from recovery_app.drawing.parts import OWN_WORDS_NOTE, SECTION_CHOICES
from recovery_app.drawing.report import DEFAULT_TITLE, ReportOptions, ReportWriter
from recovery_app.drawing.review_data import ReviewData, load_review_data
from recovery_app.services.errors import InvalidInput, VaultError
from recovery_app.services.report_file import CHUNK_BYTES, ReportFileWriter
from recovery_app.services.review import ReviewService
from recovery_app.ui.kit.confirm import Answer, ask
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.next_turn import next_turn
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.review.range_bar import RangeBar, RangeKey
from recovery_app.ui.review.report_preview import ReportPreview

TITLE_MAX_CHARS = 120
DIALOG_SIZE = (1000, 720)


class _Unfinished:
    """The file being written, reachable after the dialog itself is gone."""

    def __init__(self) -> None:
        self.writer: ReportFileWriter | None = None

    def discard(self) -> None:
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None


class ReportDialog(Dialog):
    saved = Signal(object)  # the Path written
    writing = Signal(int)  # bytes written so far, after each piece (before the last)

    def __init__(
        self,
        review: ReviewService,
        key: RangeKey,
        parent: QWidget | None = None,
        *,
        chunk_bytes: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make a report"))
        self.review = review
        self.chunk_bytes = chunk_bytes or CHUNK_BYTES
        self._job = 0  # every step checks it: a stop or a change makes the old steps idle
        self._writer: ReportWriter | None = None
        self._file: ReportFileWriter | None = None
        self._save_when_ready = False
        self.pdf: bytes | None = None
        self._pdf_made_for: tuple[RangeKey, ReportOptions] | None = None
        self.file_dialog: QFileDialog | None = None
        # Should the window go without closing this first, a file half written still goes.
        unfinished = self._unfinished = _Unfinished()
        self.destroyed.connect(lambda _=None: unfinished.discard())
        self._build_ui(key)
        self._connect_signals()

    def _build_ui(self, key: RangeKey) -> None:
        column = QVBoxLayout(self)
        column.addWidget(heading(self.tr("Make a report"), 3))
        column.addWidget(
            paragraph(
                self.tr(
                    "A PDF to print, or to give someone you trust, such as a therapist. It "
                    "says what you noted, in counts; it is not a diagnosis."
                ),
                "hint",
            )
        )
        self.range_bar = RangeBar(self.review.today())
        self.range_bar.set_key(key)
        column.addWidget(self.range_bar)
        # The choices scroll beside the pages; the buttons below stay in reach on a small
        # screen.
        split = QHBoxLayout()
        options = ScrollPage(margins=(0, 0, 8, 0), spacing=8)
        # No fixed minimum: the page's own is what its choices need beside the scroll bar,
        # so the title and the longest choice are never cut under it on a small screen.
        options.setMaximumWidth(440)
        split.addWidget(options, 2)
        form = QFormLayout()
        self.title = QLineEdit(DEFAULT_TITLE)
        self.title.setMaxLength(TITLE_MAX_CHARS)
        self.title.setAccessibleName(self.tr("Title on the report"))
        form.addRow(self.tr("T&itle"), self.title)
        self.name_the_app = QCheckBox(self.tr("Say on the report which app made it"))
        form.addRow("", self.name_the_app)
        options.column.addLayout(form)
        sections = QGroupBox(self.tr("What goes in"))
        boxes = QVBoxLayout(sections)
        self.section_boxes: dict[ReportSection, QCheckBox] = {}
        for section in ReportSection:
            box = QCheckBox(SECTION_CHOICES[section])
            box.setChecked(section in DEFAULT_SECTIONS)
            boxes.addWidget(box)
            self.section_boxes[section] = box
        boxes.addWidget(paragraph(OWN_WORDS_NOTE, "hint"))
        options.column.addWidget(sections)
        options.column.addStretch(1)
        self.preview = ReportPreview()
        split.addWidget(self.preview, 3)
        column.addLayout(split, 1)
        self.status = paragraph("", "hint")
        self.status.hide()
        column.addWidget(self.status)
        self.message = MessageLine(self.review.data_dir)
        column.addWidget(self.message)
        self.note = MessageLine(self.review.data_dir, note=True)
        column.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.preview_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.preview_button.setDefault(True)
        column.addLayout(buttons)

    def wanted_size(self) -> tuple[int, int]:
        return DIALOG_SIZE

    def _connect_signals(self) -> None:
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.range_bar.chosen.connect(lambda _key: self._options_changed())
        self.title.textChanged.connect(lambda _text: self._options_changed())
        self.name_the_app.toggled.connect(lambda _on: self._options_changed())
        for box in self.section_boxes.values():
            box.toggled.connect(lambda _on: self._options_changed())
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)

    # ----- what the person chose ----------------------------------------------------------

    def options(self) -> ReportOptions:
        title = " ".join(self.title.text().split()) or DEFAULT_TITLE
        chosen = tuple(s for s, box in self.section_boxes.items() if box.isChecked())
        return ReportOptions(title, chosen, self.name_the_app.isChecked())

    def _wanted(self) -> tuple[RangeKey, ReportOptions]:
        return self.range_bar.key, self.options()

    def _options_changed(self) -> None:
        if self._file is None:  # a save under way finishes what was shown
            self.stop()
            self.note.clear()
            if self.pdf is not None:
                self.status.setText(self.tr("Changed: press Preview to see the new pages."))
                self.status.show()

    # ----- making it ----------------------------------------------------------------------

    def make_preview(self) -> None:
        self.stop()
        self.message.clear()
        self.note.clear()
        self.pdf = None
        self.preview.clear()
        self._say(self.tr("Making the report…"))
        job = self._job
        (choice, custom), options = wanted = self._wanted()
        sections = options.chosen()
        review = self.review
        run_in_background(
            lambda: load_review_data(review, choice, custom, sections),
            lambda data: self._data_ready(job, wanted, data),
            lambda error: self._failed(job, error),
            owner=self,
        )

    def _data_ready(
        self, job: int, wanted: tuple[RangeKey, ReportOptions], data: ReviewData
    ) -> None:
        if job != self._job:
            return
        self._writer = ReportWriter(data, wanted[1])
        next_turn(self, lambda: self._write_step(job, wanted))

    def _write_step(self, job: int, wanted: tuple[RangeKey, ReportOptions]) -> None:
        writer = self._writer
        if job != self._job or writer is None:
            return
        try:
            finished = writer.step()
        except Exception as error:
            self._failed(job, error)
            return
        if not finished:
            next_turn(self, lambda: self._write_step(job, wanted))
            return
        self._writer = None
        self.pdf = writer.result()
        self._pdf_made_for = wanted
        pages = writer.progress.page_count
        self._say(
            self.tr("1 page.") if pages == 1 else self.tr("%1 pages.").replace("%1", str(pages))
        )
        self.preview.show_pdf(self.pdf)
        if self._save_when_ready:
            self._save_when_ready = False
            self._warn_then_choose()

    def _failed(self, job: int, error: BaseException) -> None:
        if job != self._job:
            return
        self._writer = None
        self._save_when_ready = False
        self.status.hide()
        if isinstance(error, (InvalidInput, VaultError)):
            self.message.show_error(error)
        else:
            self.message.say(self.tr("The report couldn't be made just now. Nothing was saved."))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))

    # ----- saving it ----------------------------------------------------------------------

    def save(self) -> None:
        if self._file is not None:
            return
        if self.pdf is None or self._pdf_made_for != self._wanted():
            self._save_when_ready = True
            if self._writer is None:
                self.make_preview()
                self._save_when_ready = True
            return
        self._warn_then_choose()

    def _warn_then_choose(self) -> None:
        ask(
            self,
            title=self.tr("Before you save"),
            text=self.tr("The PDF itself is not encrypted."),
            detail=self.tr(
                "Anyone who can open the file can read it, on this computer or wherever it is "
                "copied or sent. Keep it somewhere safe, and delete it when you no longer need "
                "it."
            ),
            answers=[Answer(self.tr("Choose where to save")), Answer(self.tr("Not now"))],
            default=0,
            escape=1,
            on_answer=lambda index: self._choose_file() if index == 0 else None,
        )

    def _choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if not folder or not QDir(folder).exists():
            folder = QDir.homePath()
        dialog = QFileDialog(self, self.tr("Save the report"), folder, self.tr("PDF (*.pdf)"))
        # Qt's own dialog: a desktop's would add the file to its list of recent files.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        span_key = self.range_bar.key
        dialog.selectFile(f"review-{self.review.today().isoformat()}.pdf")
        dialog.fileSelected.connect(lambda path: self._write_file(Path(path), span_key))
        self.file_dialog = dialog
        dialog.open()

    def _write_file(self, target: Path, _key: RangeKey) -> None:
        if self.pdf is None:
            return
        self.message.clear()
        try:
            self._file = ReportFileWriter(target, self.pdf, self.chunk_bytes)
        except (VaultError, OSError) as error:
            self.message.show_error(error)
            return
        self._unfinished.writer = self._file
        self._say(self.tr("Saving…"))
        self.save_button.setEnabled(False)
        job = self._job
        next_turn(self, lambda: self._file_step(job))

    def _file_step(self, job: int) -> None:
        writer = self._file
        if job != self._job or writer is None:
            return
        try:
            finished = writer.step()
        except (VaultError, OSError) as error:
            self._file = None
            self.save_button.setEnabled(True)
            self.status.hide()
            self.message.show_error(error)
            return
        if not finished:
            self.writing.emit(writer.written)
            if job == self._job:  # the signal's receivers may have stopped it
                next_turn(self, lambda: self._file_step(job))
            return
        self._file = None
        self.save_button.setEnabled(True)
        self.status.hide()
        self.note.say(
            self.tr("Saved as %1 in %2.")
            .replace("%1", writer.target.name)
            .replace("%2", str(writer.target.parent))
        )
        self.saved.emit(writer.target)

    # ----- stopping -----------------------------------------------------------------------

    def stop(self) -> None:
        """Stop whatever is under way; a file half written is removed."""
        self._job += 1
        self._save_when_ready = False
        if self._writer is not None:
            self._writer.stop()
            self._writer = None
        if self._file is not None:
            self._file.cancel()
            self._file = None
        self.save_button.setEnabled(True)

    def done(self, result: int) -> None:
        """Closing (Close, Esc, a lock, a quick exit) stops everything and keeps nothing."""
        self.stop()
        self.preview.clear()
        self.pdf = None
        if self.file_dialog is not None:
            self.file_dialog.reject()
        super().done(result)
