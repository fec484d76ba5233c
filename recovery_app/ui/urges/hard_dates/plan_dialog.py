"""A marked date's plan, one key from Today's notice: the day, the days to go, the person's
own plan, and the help they chose to have at hand (on the day, Ride the wave always).

The window's title stays neutral ("Your plan"): the day's name is shown inside only.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import PlanStep
from recovery_app.domain.marked_dates import next_day
from recovery_app.services.hard_dates import HardDateService, SavedHardDate
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.widgets import paragraph, their_words
from recovery_app.ui.urges.hard_dates.date_dialog import HardDateDialog, date_words, step_words

TEXT_WIDTH = 420


class PlanDialog(Dialog):
    changed = Signal()  # the date was changed from here

    def __init__(
        self,
        hard_dates: HardDateService,
        hard_date_id: int,
        navigation: Navigation,
        clocks: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._hard_dates = hard_dates
        self._id = hard_date_id
        self._navigation = navigation
        self._clocks = clocks
        self.saved: SavedHardDate | None = None
        self.dialog: HardDateDialog | None = None
        self.setWindowTitle(self.tr("Your plan"))
        self.setMinimumWidth(TEXT_WIDTH + 48)
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(10)
        self.name = their_words("")
        font = QFont(self.name.font())
        font.setPointSize(font.pointSize() + 4)
        font.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(font)
        column.addWidget(self.name)
        self.when = paragraph("", "hint")
        column.addWidget(self.when)
        self.plan = their_words("", "note")
        self.plan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.plan)
        self.no_plan = paragraph(
            self.tr("No plan written yet. A line or two, written now, can help on the day."),
            "gentle",
        )
        column.addWidget(self.no_plan)
        self.message = MessageLine(self._hard_dates.data_dir)
        column.addWidget(self.message)
        # Wrapped lines as wide as the dialog: otherwise its height is worked out for the
        # narrowest they could be, and the dialog opens with a gap in it.
        for label in (self.name, self.when, self.plan, self.no_plan, self.message):
            label.setMinimumWidth(TEXT_WIDTH)

        words = step_words(self)
        self.help_row = QHBoxLayout()
        self.step_buttons: dict[PlanStep, QPushButton] = {}
        for step in PlanStep:
            button = QPushButton(words[step])
            button.setAutoDefault(False)
            self.help_row.addWidget(button)
            self.step_buttons[step] = button
        self.help_row.addStretch(1)
        column.addLayout(self.help_row)

        bottom = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change the plan…"))
        self.edit_button.setAutoDefault(False)
        self.all_button = QPushButton(self.tr("All marked dates"))
        self.all_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.all_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        column.addLayout(bottom)

    def _connect_signals(self) -> None:
        self.step_buttons[PlanStep.RIDE_THE_WAVE].clicked.connect(
            lambda: self._then(self._navigation.ride_the_wave)
        )
        self.step_buttons[PlanStep.REASONS].clicked.connect(
            lambda: self._then(self._navigation.show_reasons)
        )
        self.step_buttons[PlanStep.PEOPLE].clicked.connect(
            lambda: self._then(self._navigation.show_support_people)
        )
        self.all_button.clicked.connect(lambda: self._then(self._navigation.show_hard_dates))
        self.edit_button.clicked.connect(self.edit)
        self.close_button.clicked.connect(self.accept)

    def _then(self, go: Callable[[], object]) -> None:
        """Close the plan, then open what it offers (one dialog at a time)."""
        self.accept()
        go()

    def refresh(self) -> None:
        saved = self.message.attempt(lambda: self._hard_dates.get(self._id))
        if saved is None:
            for button in self.step_buttons.values():
                button.hide()
            self.edit_button.setEnabled(False)
            return
        self.saved = saved
        details = saved.details
        self.name.setText(details.name)
        self.name.setAccessibleName(details.name)
        today = self._hard_dates.today()
        day = next_day(details.mark, today)
        if day is None:
            self.when.setText(
                self.tr("%1, passed").replace(
                    "%1", f"{details.day} {_month(details.month)} {details.year}"
                )
            )
        elif day == today:
            self.when.setText(self.tr("Today, %1").replace("%1", date_words(day, today)))
        else:
            to_go = (day - today).days
            self.when.setText(
                self.tr("%1 · tomorrow").replace("%1", date_words(day, today))
                if to_go == 1
                else self.tr("%1 · in %2 days")
                .replace("%1", date_words(day, today))
                .replace("%2", str(to_go))
            )
        self.when.setAccessibleName(self.when.text())
        self.plan.setText(details.plan)
        self.plan.setAccessibleName(details.plan)
        self.plan.setVisible(bool(details.plan))
        self.no_plan.setVisible(not details.plan)
        offered = set(details.steps)
        if day == today:
            offered.add(PlanStep.RIDE_THE_WAVE)
        for step, button in self.step_buttons.items():
            button.setVisible(step in offered)
        first = next((self.step_buttons[s] for s in PlanStep if s in offered), None)
        (first or self.edit_button).setDefault(True)
        (first or self.close_button).setFocus()

    def edit(self) -> None:
        if self.saved is None:
            return
        editor = HardDateDialog(self._hard_dates, self._clocks, saved=self.saved, parent=self)
        editor.accepted.connect(self._edited)
        self.dialog = editor
        editor.open()

    def _edited(self) -> None:
        self.refresh()
        self.changed.emit()


def _month(number: int) -> str:
    return calendar.month_name[number]
