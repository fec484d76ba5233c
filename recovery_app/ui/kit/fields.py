"""Fields that need a word with Qt before they fit the look."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDateTimeEdit

from recovery_app.ui.kit.lazy_qt import qt

DateField = TypeVar("DateField", bound=QDateTimeEdit)


def calendar_popup(field: DateField) -> DateField:
    """Give a date field its calendar, with weekends in the same colour as every other day.

    Qt paints Saturdays and Sundays red whatever the palette says; an empty format lets them
    follow the look, light or dark, like the rest of the month.
    """
    Qt = qt()
    field.setCalendarPopup(True)
    calendar = field.calendarWidget()
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, QTextCharFormat())
    return field
