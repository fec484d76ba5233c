"""One marked date, new or changed: a name, the day (every year, or once), the clock it
belongs to, how early Today shows it, and the plan for the day.

A suggestion kept from the journal opens here too, filled in; nothing is added until Save.
The day and the month start unchosen for a new date, so no day is picked for the person.
"""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import HardDateNotice, PlanStep
from recovery_app.domain.marked_dates import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    NAME_MAX_CHARS,
    PLAN_MAX_CHARS,
    HardDateDetails,
)
from recovery_app.services.hard_dates import HardDateService, SavedHardDate
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.widgets import labelled, paragraph

EVERY_YEAR, ONCE = range(2)
DIALOG_WIDTH = 620


def notice_words(widget: QWidget) -> dict[HardDateNotice, str]:
    return {
        HardDateNotice.TWO_WEEKS: widget.tr("14 days before"),
        HardDateNotice.ONE_WEEK: widget.tr("7 days before"),
        HardDateNotice.ONE_DAY: widget.tr("The day before"),
        HardDateNotice.ON_THE_DAY: widget.tr("Only on the day"),
        HardDateNotice.NEVER: widget.tr("Not on Today"),
    }


def step_words(widget: QWidget) -> dict[PlanStep, str]:
    return {
        PlanStep.RIDE_THE_WAVE: widget.tr("Ride the wave"),
        PlanStep.REASONS: widget.tr("My reasons"),
        PlanStep.PEOPLE: widget.tr("People I can reach"),
    }


class HardDateDialog(EntryDialog):
    """Mark a date (`saved` None; `start` fills it in, e.g. from a suggestion) or change one."""

    def __init__(
        self,
        hard_dates: HardDateService,
        clocks: list[tuple[int, str]],
        *,
        saved: SavedHardDate | None = None,
        start: HardDateDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(hard_dates.data_dir, parent=parent)
        self._hard_dates = hard_dates
        self._before = saved
        self.saved: SavedHardDate | None = None
        self.setWindowTitle(self.tr("Mark a date") if saved is None else self.tr("Change a date"))
        self.save_button.setText(self.tr("Save the date"))
        self._build_ui(clocks)
        details = saved.details if saved is not None else start
        if details is not None:
            self._fill(details)
        self._connect_signals()
        self._how_often_changed()
        self.name.setFocus()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self, clocks: list[tuple[int, str]]) -> None:
        layout = self.body
        layout.addWidget(
            paragraph(
                self.tr(
                    "A name and a day are enough. Today shows it ahead of time, with your plan; "
                    "the tray reminder never names it."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(10)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.name.setAccessibleName(self.tr("Name of the day"))
        self.name.setPlaceholderText(self.tr("In your words, e.g. “The day it ended”"))
        self._add_row(form, self.tr("&Name"), self.name)

        self.day = QSpinBox()
        self.day.setRange(0, 31)
        self.day.setSpecialValueText(self.tr("Day"))
        self.day.setAccessibleName(self.tr("Day of the month"))
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Month"))
        self.month.setPlaceholderText(self.tr("Month"))
        for number in range(1, 13):
            self.month.addItem(calendar.month_name[number], number)
        self.month.setCurrentIndex(-1)
        self.how_often = QComboBox()
        self.how_often.setAccessibleName(self.tr("How often"))
        self.how_often.addItem(self.tr("Every year"), EVERY_YEAR)
        self.how_often.addItem(self.tr("Only once, in"), ONCE)
        self.year = QSpinBox()
        self.year.setRange(EARLIEST_YEAR, LATEST_YEAR)
        self.year.setValue(self._hard_dates.today().year)
        self.year.setAccessibleName(self.tr("Year"))
        day_month = (self.day, labelled(self.tr("Mont&h"), self.month, self.tr("Month")))
        self._add_row(form, self.tr("&Date"), _row(*day_month, self.month), buddy=self.day)
        repeats = _row(self.how_often, self.year)
        self._add_row(form, self.tr("&Repeats"), repeats, buddy=self.how_often)

        self.clock = QComboBox()
        self.clock.setAccessibleName(self.tr("Whose clock it belongs to"))
        self.clock.addItem(self.tr("Not linked to a clock"), None)
        for clock_id, name in clocks:
            self.clock.addItem(name, clock_id)
        self._add_row(form, self.tr("&Person"), self.clock)

        self.notice = QComboBox()
        self.notice.setAccessibleName(self.tr("When Today starts to show it"))
        for value, words in notice_words(self).items():
            self.notice.addItem(words, value.value)
        self._add_row(form, self.tr("Show it on Today &from"), self.notice)

        self.plan = QPlainTextEdit()
        self.plan.setTabChangesFocus(True)
        self.plan.setAccessibleName(self.tr("Your plan for the day"))
        self.plan.setPlaceholderText(
            self.tr("What would help that day: who to be with, what to do, what to avoid")
        )
        self.plan.setFixedHeight(96)
        self._add_row(form, self.tr("P&lan for the day"), self.plan)

        steps = QVBoxLayout()
        steps.setContentsMargins(0, 0, 0, 0)
        steps.setSpacing(4)
        self.steps: dict[PlanStep, QCheckBox] = {}
        for step, words in step_words(self).items():
            box = QCheckBox(words)
            box.setAccessibleName(self.tr("On the day, offer %1").replace("%1", words))
            steps.addWidget(box)
            self.steps[step] = box
        step_holder = QWidget()
        step_holder.setLayout(steps)
        form.addRow(QLabel(self.tr("On the day, offer")), step_holder)
        layout.addLayout(form)
        layout.addStretch(1)  # a tall window gives its room below the form, not inside rows

    def preferred_width(self) -> int:
        return max(DIALOG_WIDTH, self.minimumWidth())  # the kit's dialog keeps it on screen

    @staticmethod
    def _add_row(
        form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None
    ) -> None:
        caption = QLabel(text)
        caption.setBuddy(buddy or field)
        form.addRow(caption, field)

    def _connect_signals(self) -> None:
        self.how_often.currentIndexChanged.connect(lambda _index: self._how_often_changed())

    def _how_often_changed(self) -> None:
        self.year.setEnabled(self.how_often.currentData() == ONCE)

    def _fill(self, details: HardDateDetails) -> None:
        self.name.setText(details.name)
        self.day.setValue(details.day)
        self.month.setCurrentIndex(self.month.findData(details.month))
        self.how_often.setCurrentIndex(EVERY_YEAR if details.year is None else ONCE)
        if details.year is not None:
            self.year.setValue(details.year)
        self.clock.setCurrentIndex(max(0, self.clock.findData(details.clock_id)))
        self.notice.setCurrentIndex(max(0, self.notice.findData(details.notice.value)))
        self.plan.setPlainText(details.plan)
        for step, box in self.steps.items():
            box.setChecked(step in details.steps)

    # ----- saving ---------------------------------------------------------------------------

    def details(self) -> HardDateDetails:
        month = self.month.currentData()
        if self.day.value() == 0 or month is None:
            raise InvalidInput(self.tr("Please choose the day and the month."))
        if len(self.plan.toPlainText()) > PLAN_MAX_CHARS:
            raise InvalidInput(
                self.tr("A plan fits in %1 characters.").replace("%1", f"{PLAN_MAX_CHARS:,}")
            )
        once = self.how_often.currentData() == ONCE
        return HardDateDetails(
            name=self.name.text(),
            month=int(month),
            day=self.day.value(),
            year=self.year.value() if once else None,
            notice=HardDateNotice(self.notice.currentData()),
            clock_id=self.clock.currentData(),
            plan=self.plan.toPlainText(),
            steps=tuple(step for step, box in self.steps.items() if box.isChecked()),
        )

    def save(self) -> None:
        def work() -> SavedHardDate:
            details = self.details()
            if self._before is None:
                return self._hard_dates.add(details)
            return self._hard_dates.update(self._before.id, details)

        saved = self.message.attempt(work)
        if saved is None:
            return
        self.saved = saved
        self.accept()


def date_words(day: date, today: date) -> str:
    """ "Saturday 14 February", with the year when it isn't this year's."""
    words = f"{day:%A} {day.day} {day:%B}"
    return words if day.year == today.year else f"{words} {day.year}"


def _row(*fields: QWidget) -> QWidget:
    """Fields side by side in one row of the form, at their own widths."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for field in fields:
        row.addWidget(field)
    row.addStretch(1)
    return holder
