"""One "they reached out" entry's record: when it happened and when it was noted, how, their
exact words, the files kept with it, and every earlier version if it was edited.

Opened from the contact history (Enter on an entry from them) and from the plan shown at the
moment ("Keep a record"). Its title is neutral and holds nothing written. Closing it, as a
lock or quick exit does, clears every picture at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.attempt_records import AttemptVersion
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_records import AttemptRecord, RecordService
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.screen_fit import fit_to_screen
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph, their_words
from recovery_app.ui.today.attachments_panel import AttachmentsPanel, moment_words
from recovery_app.ui.today.contact_dialog import CHANNEL_WORDS, ContactDialog

WORDS_MOST_HEIGHT = 240


class ContactRecordDialog(Dialog):
    def __init__(
        self,
        clocks: ClockService,
        records: RecordService,
        contact_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._records = records
        self._contact_id = contact_id
        self.record: AttemptRecord | None = None
        self.edit_dialog: ContactDialog | None = None
        self.setWindowTitle(self.tr("Contact record"))
        self.setMinimumSize(520, 400)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        self.page = ScrollPage(margins=(24, 18, 24, 6), spacing=8)
        outer.addWidget(self.page, 1)
        self.message = MessageLine(records.data_dir)
        footer = QHBoxLayout()
        footer.setContentsMargins(24, 0, 24, 0)
        footer.addWidget(self.message, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setIcon(QIcon())  # words, not a cross
        buttons.rejected.connect(self.reject)
        footer.addWidget(buttons)
        outer.addLayout(footer)
        self._build_page()
        self.reload()

    def wanted_size(self) -> tuple[int, int]:
        return 680, 640

    def _build_page(self) -> None:
        column = self.page.column
        column.addWidget(heading(self.tr("The record"), 4))
        self.edited = paragraph("", "warning")
        column.addWidget(self.edited)
        facts = QFormLayout()  # when, noted, how: a label and its answer, side by side
        facts.setHorizontalSpacing(14)
        facts.setVerticalSpacing(4)
        self.facts: dict[str, QLabel] = {}
        for key, label in (
            ("happened", self.tr("Happened")),
            ("noted", self.tr("Noted")),
            ("how", self.tr("How")),
        ):
            value = paragraph("")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            facts.addRow(paragraph(label, "hint"), value)
            self.facts[key] = value
        column.addLayout(facts)
        column.addSpacing(4)
        column.addWidget(heading(self.tr("Their exact words"), 1))
        self.no_words = paragraph(
            self.tr("No exact words yet. “Edit the entry” lets you paste them."), "hint"
        )
        column.addWidget(self.no_words)
        self.words = QPlainTextEdit()
        self.words.setReadOnly(True)
        self.words.setTabChangesFocus(True)
        self.words.setAccessibleName(self.tr("Their exact words"))
        self.words.setMaximumHeight(WORDS_MOST_HEIGHT)
        column.addWidget(self.words)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit the entry…"))
        self.edit_button.setToolTip(
            self.tr("Change when, how or the exact words; the earlier version is kept")
        )
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        column.addLayout(row)
        self.files_host = QVBoxLayout()
        column.addLayout(self.files_host)
        self.files: AttachmentsPanel | None = None
        self.versions_heading = heading(self.tr("Earlier versions"), 1)
        column.addWidget(self.versions_heading)
        self.versions_box = QVBoxLayout()
        column.addLayout(self.versions_box)
        column.addStretch(1)

    # ----- showing --------------------------------------------------------------------------

    def reload(self) -> None:
        record = self.message.attempt(lambda: self._records.record(self._contact_id))
        if record is None:
            return
        self.record = record
        contact, details = record.contact, record.contact.details
        how = CHANNEL_WORDS[details.channel] if details.channel else self.tr("Not noted")
        self.facts["happened"].setText(moment_words(details.at))
        self.facts["noted"].setText(moment_words(contact.created_at))
        self.facts["how"].setText(self.tr(how))
        self.edited.setText(
            ""
            if contact.edited_at is None
            else self.tr("Edited on %1. The earlier versions are kept below.").replace(
                "%1", moment_words(contact.edited_at)
            )
        )
        self.edited.setVisible(contact.edited_at is not None)
        self.words.setPlainText(details.words)
        self._fit_words()
        self.words.setVisible(bool(details.words))
        self.no_words.setVisible(not details.words)
        if self.files is None:
            self.files = AttachmentsPanel(self._records, self._contact_id, record.attachments)
            self.files.changed.connect(self._files_changed)
            self.files.show_button.toggled.connect(lambda _shown: self._grow_to_fit())
            self.files_host.addWidget(self.files)
        self._show_versions(record.versions)
        self.page.wrap_to_width()

    def _grow_to_fit(self) -> None:
        """Pictures just shown: taller, where the screen has room, rather than scrolling."""

        def grow() -> None:
            content = self.page.content
            needed = content.heightForWidth(self.page.viewport().width())
            extra = (
                needed if needed > 0 else content.sizeHint().height()
            ) - self.page.viewport().height()
            if extra > 0:
                fit_to_screen(self, self.width(), self.height() + extra)

        QTimer.singleShot(0, grow)

    def _fit_words(self) -> None:
        """As tall as the words need (a line or a page of them), up to a limit: then it
        scrolls inside."""
        lines = max(1, self.words.toPlainText().count("\n") + 1)
        wrapped = max(lines, len(self.words.toPlainText()) // 70 + 1)
        height = wrapped * self.words.fontMetrics().lineSpacing() + 24
        self.words.setFixedHeight(max(48, min(WORDS_MOST_HEIGHT, height)))

    def _files_changed(self) -> None:
        """A file added or removed: the edited mark and the versions may have changed."""
        record = self.message.attempt(lambda: self._records.record(self._contact_id))
        if record is not None:
            self.record = record
            contact = record.contact
            self.edited.setVisible(contact.edited_at is not None)
            if contact.edited_at is not None:
                self.edited.setText(
                    self.tr("Edited on %1. The earlier versions are kept below.").replace(
                        "%1", moment_words(contact.edited_at)
                    )
                )
            self._show_versions(record.versions)
            self.page.wrap_to_width()

    def _show_versions(self, versions: tuple[AttemptVersion, ...]) -> None:
        while self.versions_box.count():
            item = self.versions_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.versions_heading.setVisible(bool(versions))
        for index, version in enumerate(versions):
            which = self.tr("First version") if index == 0 else self.tr("Version %1")
            how = CHANNEL_WORDS[version.channel] if version.channel else self.tr("Not noted")
            title = paragraph(
                self.tr("%1, replaced on %2 · happened %3 · %4")
                .replace("%1", which.replace("%1", str(index + 1)))
                .replace("%2", moment_words(version.replaced_at))
                .replace("%3", moment_words(version.at))
                .replace("%4", self.tr(how)),
                "small",
            )
            self.versions_box.addWidget(title)
            words = their_words(version.words or self.tr("(no exact words)"))
            words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.versions_box.addWidget(words)
            if version.attachments:
                names = ", ".join(a.name for a in version.attachments)
                files = QLabel(self.tr("Files then: %1").replace("%1", names))
                files.setTextFormat(Qt.TextFormat.PlainText)
                files.setWordWrap(True)
                files.setObjectName("small")
                self.versions_box.addWidget(files)

    # ----- actions --------------------------------------------------------------------------

    def edit(self) -> None:
        if self.record is None:
            return
        dialog = ContactDialog(self._clocks, [], event=self.record.contact, parent=self)
        dialog.accepted.connect(self.reload)
        self.edit_dialog = dialog
        dialog.open()

    def done(self, result: int) -> None:
        if self.files is not None:
            self.files.clear_pictures()  # at once: a lock or quick exit closes this
        super().done(result)
