"""One suggestion from the journal: what it is (with the years and counts behind a cluster),
kept as a marked date only with a yes, or never suggested again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.ui.kit.widgets import paragraph, their_words


class SuggestionCard(QFrame):
    keep_requested = Signal(object)  # the HardDateDetails to start the form with
    dismiss_requested = Signal(str)  # the suggestion's key

    def __init__(
        self,
        key: str,
        sentence: str,
        details: HardDateDetails,
        counts: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.key = key
        self.details = details
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(6)
        # A clock's label is the person's own: plain text, never markup.
        self.sentence = their_words(sentence)
        self.sentence.setAccessibleName(sentence)
        column.addWidget(self.sentence)
        self.counts = [paragraph(line, "small") for line in counts]
        for label in self.counts:
            column.addWidget(label)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep as a marked date…"))
        self.keep_button.setAutoDefault(False)
        self.keep_button.setAccessibleName(
            self.tr("Keep as a marked date: %1").replace("%1", sentence)
        )
        self.dismiss_button = QPushButton(self.tr("Don't suggest this again"))
        self.dismiss_button.setAutoDefault(False)
        self.dismiss_button.setAccessibleName(
            self.tr("Don't suggest this again: %1").replace("%1", sentence)
        )
        row.addWidget(self.keep_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        column.addLayout(row)
        self.keep_button.clicked.connect(lambda: self.keep_requested.emit(self.details))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(self.key))
