"""Fields that need a word with Qt before they fit the look."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit, QTableView

from recovery_app.ui.kit.lazy_qt import qt

if TYPE_CHECKING:
    from PySide6.QtCore import QChildEvent

DateField = TypeVar("DateField", bound=QDateTimeEdit)

# The name Qt gives a date field's calendar popup (qdatetimeedit.cpp), made on first opening.
_POPUP_NAME = "qt_datetimedit_calendar"


def calendar_popup(field: DateField) -> DateField:
    """Give a date field its calendar, with weekends in the same colour as every other day
    and the whole month in view (`_fit_calendar`).

    Qt paints Saturdays and Sundays red whatever the palette says; an empty format lets them
    follow the look, light or dark, like the rest of the month. The calendar is Qt's to make
    when the person first opens it: asking for it here would build it with every field (some
    29 widgets each, a table and its headers among them, about 0.5 MiB with the style sheet),
    so it is fitted as the popup is polished, before it first shows.
    """
    field.setCalendarPopup(True)
    field.installEventFilter(_FitWhenFirstOpened(field))
    return field


def _fit_calendar(calendar: QCalendarWidget) -> None:
    """Saturdays and Sundays drawn like the other days, and every week of the month whole.

    Qt sizes the popup for rows of the font's height, while its table's (hidden) row header
    keeps each row at least two pixels taller: the month's last week was cut in half. Rows
    allowed to be as short as the popup's share keep all six in view, whatever the font.
    """
    Qt = qt()
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, QTextCharFormat())
    days = calendar.findChild(QTableView)
    if days is not None:
        height = calendar.sizeHint().height()  # Qt's own, for rows of the font's height
        days.verticalHeader().setMinimumSectionSize(0)
        calendar.setMinimumHeight(height)  # which would otherwise shrink with the rows


class _FitWhenFirstOpened(QObject):
    """Watches a date field until its calendar popup is made and fits it, once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ChildPolished:
            return False
        popup = cast("QChildEvent", event).child()
        calendar = popup.findChild(QCalendarWidget) if popup.objectName() == _POPUP_NAME else None
        if calendar is not None:
            _fit_calendar(calendar)
            watched.removeEventFilter(self)  # kept as the field's child, and freed with it
        return False
