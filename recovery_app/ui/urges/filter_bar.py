"""The Urges list's filters: one trigger, and optional From and To days (all time until
ticked). Tells the screen by `changed`; the screen reads `filters()`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
    QWidget,
)

from recovery_app.ui.kit.fields import calendar_popup
from recovery_app.ui.kit.flow import FlowLayout, group
from recovery_app.ui.urges.table_model import UrgeFilters

DEFAULT_FROM_DAYS = 30  # where "From" starts when first ticked: the last month


class UrgeFilterBar(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self, spacing=14)  # wraps, rather than cutting words, when narrow
        self.trigger = QComboBox()
        self.trigger.setAccessibleName(self.tr("Trigger"))
        self.trigger.setMinimumContentsLength(14)
        self.trigger.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trigger.addItem(self.tr("All triggers"), None)
        trigger_label = QLabel(self.tr("T&rigger"))
        trigger_label.setBuddy(self.trigger)
        day = QDate(today.year, today.month, today.day)
        self.use_since = QCheckBox(self.tr("&From"))
        self.since = self._date_edit(self.tr("From"), day.addDays(-DEFAULT_FROM_DAYS))
        self.use_until = QCheckBox(self.tr("T&o"))
        self.until = self._date_edit(self.tr("To"), day)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setEnabled(False)
        row.addWidget(group(trigger_label, self.trigger, spacing=8))
        row.addWidget(group(self.use_since, self.since))
        row.addWidget(group(self.use_until, self.until))
        row.addWidget(self.clear_button)
        self._connect_signals()

    @staticmethod
    def _date_edit(name: str, day: QDate) -> QDateEdit:
        edit = calendar_popup(QDateEdit(day))
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    def _connect_signals(self) -> None:
        self.trigger.currentIndexChanged.connect(self._changed)
        for box, edit in ((self.use_since, self.since), (self.use_until, self.until)):
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self._changed)
            edit.dateChanged.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)

    def _changed(self) -> None:
        self.clear_button.setEnabled(self.filters().active)
        self.changed.emit()

    def set_triggers(self, names: list[str]) -> None:
        """The person's list, keeping the chosen trigger chosen (without a `changed`)."""
        current = self.trigger.currentData()
        self.trigger.blockSignals(True)
        while self.trigger.count() > 1:
            self.trigger.removeItem(1)
        for name in names:
            self.trigger.addItem(name, name)
        self.trigger.setCurrentIndex(max(0, self.trigger.findData(current)) if current else 0)
        self.trigger.blockSignals(False)

    def filters(self) -> UrgeFilters:
        return UrgeFilters(
            trigger=self.trigger.currentData(),
            since=_day(self.since) if self.use_since.isChecked() else None,
            until=_day(self.until) if self.use_until.isChecked() else None,
        )

    def clear(self) -> None:
        """Back to every urge, all time: one `changed`, not one per field."""
        widgets = (self.trigger, self.use_since, self.use_until)
        for widget in widgets:
            widget.blockSignals(True)
        self.trigger.setCurrentIndex(0)
        self.use_since.setChecked(False)
        self.use_until.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.since.setEnabled(False)
        self.until.setEnabled(False)
        self._changed()


def _day(field: QDateEdit) -> date:
    picked = field.date()
    return date(picked.year(), picked.month(), picked.day())
