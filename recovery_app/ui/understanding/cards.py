"""One reading in the list: its title, how long it takes, read or not yet, whether a note
comes first, its one-line summary, and the way in (the button, Enter on it, or a click
anywhere on the card)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.services.reading_text import ReadingTexts
from recovery_app.services.readings import ReadingCard
from recovery_app.ui.kit.widgets import heading, paragraph


def meta_line(texts: ReadingTexts, *, minutes: int, read: bool, content_note: bool) -> str:
    """ "About 2 minutes · Not read yet · Content note": a reading's small line."""
    parts = [texts.minutes(minutes), texts.screen["read"] if read else texts.screen["not_read"]]
    if content_note:
        parts.append(texts.screen["content_note_mark"])
    return " · ".join(parts)


def kept_together(line: str) -> str:
    """The line may wrap between its parts, never inside one ("Content / note")."""
    return " · ".join(part.replace(" ", "\u00a0") for part in line.split(" · "))


class ReadingCardView(QFrame):
    open_requested = Signal(str)  # the reading's id

    def __init__(
        self, card: ReadingCard, texts: ReadingTexts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName("card")
        self.setAccessibleName(card.title)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addWidget(heading(card.title, 2))
        meta = meta_line(
            texts, minutes=card.minutes, read=card.read, content_note=card.has_content_note
        )
        self.meta = paragraph(kept_together(meta), "small")
        self.meta.setAccessibleName(meta)  # plain spaces for a screen reader
        layout.addWidget(self.meta)
        layout.addWidget(paragraph(card.summary))
        layout.addStretch(1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Read again") if card.read else self.tr("Read"))
        # Enter opens it too (outside a dialog a button takes only Space unless told).
        self.open_button.setAutoDefault(True)
        self.open_button.setAccessibleName(
            self.tr("Read: %1").replace("%1", card.title)
            if not card.read
            else self.tr("Read again: %1").replace("%1", card.title)
        )
        self.open_button.setAccessibleDescription(f"{meta}. {card.summary}")
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(card.id))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.open_requested.emit(self.card.id)
            return
        super().mouseReleaseEvent(event)
