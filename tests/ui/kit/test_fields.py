"""A date field's calendar: made when the person opens it, its weekends in the look's colours
and the whole month in view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.tour import click
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateEdit, QDateTimeEdit, QTableView
from pytestqt.qtbot import QtBot

from recovery_app.ui.kit import theme
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


@pytest.fixture(params=[theme.LIGHT, theme.DARK], ids=["light", "dark"])
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    """The app's own look on the application (its style sheet is what made rows taller)."""
    sheet, palette, current = qapp.styleSheet(), qapp.palette(), theme.current()
    theme.apply(qapp, request.param)
    yield
    theme.apply(qapp, current)
    if not sheet:  # the application had no look of the app's on it: none again
        qapp.setStyleSheet("")
        qapp.setPalette(palette)


@pytest.mark.usefixtures("look")
def test_every_week_of_the_month_is_in_view(qtbot: QtBot) -> None:
    # November 2026 spans six weeks: the day names and six rows must fit the popup, whole.
    field = shown_field(qtbot, calendar_popup(QDateEdit(QDate(2026, 11, 3))))

    calendar = open_calendar(qtbot, field)
    days = calendar.findChild(QTableView)
    assert days is not None
    qtbot.waitUntil(lambda: days.viewport().height() > 0)

    rows = [days.rowHeight(row) for row in range(days.model().rowCount())]
    assert len(rows) == 7
    assert sum(rows) <= days.viewport().height()
    assert min(rows) >= days.fontMetrics().height()  # each tall enough for its numbers


def test_without_the_fix_qt_paints_weekends_in_a_colour_of_its_own(qtbot: QtBot) -> None:
    # What calendar_popup undoes, so the weekends test can't pass on Qt's defaults alone.
    field = QDateEdit(QDate(2026, 12, 3))
    field.setCalendarPopup(True)
    shown_field(qtbot, field)

    calendar = open_calendar(qtbot, field)

    assert calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday) != QTextCharFormat()
