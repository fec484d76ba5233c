"""Today's check-in card: whether it is done (and what it said), this week's urge count, and
the button that opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recovery_app.domain.check_in import NoContactAnswer, PromiseOutcome
from recovery_app.domain.urges import WeekFigures
from recovery_app.services.check_ins import SavedCheckIn
from recovery_app.ui.kit.widgets import paragraph


class CheckInCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        texts = QVBoxLayout()
        title = QLabel(self.tr("Today's check-in"))
        bold = QFont(title.font())
        bold.setWeight(QFont.Weight.DemiBold)
        title.setFont(bold)
        texts.addWidget(title)
        self.status = paragraph("", "hint")
        texts.addWidget(self.status)
        self.urge_week = paragraph("", "hint")
        self.urge_week.hide()
        texts.addWidget(self.urge_week)
        layout.addLayout(texts, 1)
        self.button = QPushButton()
        self.button.setToolTip(self.tr("Check in (Ctrl+K)"))
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_check_in(self, saved: SavedCheckIn | None) -> None:
        if saved is None:
            self.status.setText(
                self.tr("Not done yet. About a minute; every question can be skipped.")
            )
            self.button.setText(self.tr("Check in"))
        else:
            self.status.setText(self.summary(saved))
            self.button.setText(self.tr("Edit check-in"))

    def show_weeks(self, weeks: tuple[WeekFigures, WeekFigures] | None) -> None:
        self.urge_week.setVisible(weeks is not None)
        if weeks is None:
            return
        this_week, last_week = weeks
        self.urge_week.setText(
            self.tr("Urges noted this week: %1 (last week: %2).")
            .replace("%1", str(this_week.count))
            .replace("%2", str(last_week.count))
        )

    def summary(self, saved: SavedCheckIn) -> str:
        a = saved.answers
        parts = [self.tr("Done.")]
        if a.mood is not None:
            parts.append(self.tr("Mood %1 of 5.").replace("%1", str(a.mood)))
        if a.pull is not None:
            parts.append(self.tr("Pull %1 of 10.").replace("%1", str(a.pull)))
        if a.no_contact is NoContactAnswer.YES:
            parts.append(self.tr("No contact today."))
        elif a.no_contact is NoContactAnswer.THEM:
            parts.append(self.tr("They reached out."))
        elif a.no_contact is NoContactAnswer.NO:
            parts.append(self.tr("There was contact."))
        if a.yesterday_promise is PromiseOutcome.KEPT:
            parts.append(self.tr("Yesterday's promise kept."))
        if a.promise:
            parts.append(self.tr("Promise made for today."))
        return " ".join(parts)
