"""A date field's calendar: made when the person opens it, its weekends in the look's colours."""

from __future__ import annotations

from helpers.tour import click
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QDateTimeEdit
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit.fields import calendar_popup

WEEKEND = (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday)


def open_calendar(qtbot: QtBot, field: QDateTimeEdit) -> QCalendarWidget:
    """Click the field's arrow at its right end, as a person opens the calendar."""
    click(field, QPoint(field.width() - 6, field.height() // 2))
    calendar = field.findChild(QCalendarWidget)
    assert calendar is not None
    qtbot.waitUntil(calendar.isVisible)
    return calendar


def shown_field(qtbot: QtBot, field: QDateTimeEdit) -> QDateTimeEdit:
    qtbot.addWidget(field)
    field.resize(220, field.sizeHint().height())
    field.show()
    qtbot.waitExposed(field)
    return field


def test_the_calendar_is_made_only_when_opened_with_its_weekends_plain(qtbot: QtBot) -> None:
    field = shown_field(qtbot, calendar_popup(QDateEdit(QDate(2026, 12, 3))))
    assert field.findChild(QCalendarWidget) is None  # nothing built for a field left closed

    calendar = open_calendar(qtbot, field)

    for day in WEEKEND:
        assert calendar.weekdayTextFormat(day) == QTextCharFormat()
    calendar.window().close()
    again = open_calendar(qtbot, field)
    assert again is calendar
    for day in WEEKEND:
        assert again.weekdayTextFormat(day) == QTextCharFormat()


def test_without_the_fix_qt_paints_weekends_in_a_colour_of_its_own(qtbot: QtBot) -> None:
    # What calendar_popup undoes, so the test above can't pass on Qt's defaults alone.
    field = QDateEdit(QDate(2026, 12, 3))
    field.setCalendarPopup(True)
    shown_field(qtbot, field)

    calendar = open_calendar(qtbot, field)

    assert calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday) != QTextCharFormat()
