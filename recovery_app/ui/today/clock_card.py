"""One clock on Today: the current stretch large, longest and total beside it, the next
milestone, and the actions for that clock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from recovery_app.services.clock_records import ClockSummary
from recovery_app.services.texts import days_text
from recovery_app.ui.kit.widgets import paragraph, their_words


class ClockCard(QFrame):
    log_contact = Signal(int)
    edit = Signal(int)
    history = Signal(int)
    archive = Signal(int)
    remove = Signal(int)

    def __init__(self, summary: ClockSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.summary = summary
        f = summary.figures
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        name = their_words(summary.name)
        font = QFont(name.font())
        font.setPointSize(font.pointSize() + 3)
        font.setWeight(QFont.Weight.DemiBold)
        name.setFont(font)
        layout.addWidget(name)

        number_row = QHBoxLayout()
        self.days = QLabel(str(f.current_days))
        self.days.setObjectName("big-number")
        big = QFont(self.days.font())
        big.setPointSize(big.pointSize() + 26)
        big.setWeight(QFont.Weight.DemiBold)
        self.days.setFont(big)
        unit = QLabel(self.tr("day") if f.current_days == 1 else self.tr("days"))
        unit.setObjectName("hint")
        number_row.addWidget(self.days)
        number_row.addWidget(unit, 0, Qt.AlignmentFlag.AlignBottom)
        number_row.addStretch(1)
        layout.addLayout(number_row)
        self.days.setAccessibleName(
            self.tr("Current stretch: %1").replace("%1", days_text(f.current_days))
        )
        layout.addWidget(
            paragraph(
                self.tr("of distance, since %1").replace("%1", long_date(f.current_since)),
                "hint",
            )
        )
        self.figures = paragraph(
            self.tr("Longest: %1  ·  Total: %2")
            .replace("%1", days_text(f.longest_days))
            .replace("%2", days_text(f.total_days))
        )
        layout.addWidget(self.figures)
        self.next_milestone = paragraph(
            self.tr("Next milestone: %1, in %2")
            .replace("%1", days_text(summary.next_milestone))
            .replace("%2", days_text(summary.days_to_next_milestone)),
            "small",
        )
        layout.addWidget(self.next_milestone)
        if summary.allowed_contact:
            allowed = their_words(
                self.tr("Contact I allow: %1").replace("%1", summary.allowed_contact), "small"
            )
            layout.addWidget(allowed)

        layout.addStretch(1)  # cards in a row share a height: the space goes above the buttons
        buttons = QHBoxLayout()
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.log_button.setAccessibleName(self.tr("Log contact for %1").replace("%1", summary.name))
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setAccessibleName(self.tr("More for %1").replace("%1", summary.name))
        menu = QMenu(self.more_button)
        clock_id = summary.clock_id
        menu.addAction(self.tr("Edit…"), lambda: self.edit.emit(clock_id))
        menu.addAction(self.tr("Contact history…"), lambda: self.history.emit(clock_id))
        menu.addSeparator()
        menu.addAction(self.tr("Archive"), lambda: self.archive.emit(clock_id))
        menu.addAction(self.tr("Remove…"), lambda: self.remove.emit(clock_id))
        self.more_button.setMenu(menu)
        self.log_button.clicked.connect(lambda: self.log_contact.emit(clock_id))
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)


def long_date(day: date, *, weekday: bool = False) -> str:
    text = f"{day.day} {day:%B} {day.year}"
    return f"{day:%A} {text}" if weekday else text
