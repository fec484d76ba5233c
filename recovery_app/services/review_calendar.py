"""The year's calendar for the review, read from the journal: the check-ins of the year one
row per day, and the contacts counted in SQL per local day and kind (never read one by one)."""

from __future__ import annotations

from datetime import date

import sqlalchemy
from sqlalchemy import String, func, type_coerce
from sqlalchemy.engine import Connection
from sqlmodel import col

from recovery_app.domain.kinds import ContactKind
from recovery_app.domain.review_calendar import (
    ContactDayTally,
    YearCalendar,
    calendar_span,
    year_calendar,
)
from recovery_app.domain.review_days import CheckInMark
from recovery_app.services.local_days import (
    day_bounds,
    day_of_number,
    grouped,
    local_day_sql,
    offsets_between,
)
from recovery_app.storage.models import CheckIn, ContactEvent


def read_year_calendar(
    connection: Connection, last: date, journal_first: date | None
) -> YearCalendar:
    span = calendar_span(last)
    day = col(CheckIn.day)
    check_ins = [
        CheckInMark(date.fromisoformat(text), mood, None)
        for text, mood in connection.execute(
            sqlalchemy.select(type_coerce(day, String), col(CheckIn.mood)).where(
                day >= span.first, day <= span.last
            )
        )
    ]
    start, end = day_bounds(span.first, span.last)
    at, kind = col(ContactEvent.at), col(ContactEvent.kind)
    local, by_day = grouped(local_day_sql(at, offsets_between(start, end)), "local_day")
    contacts = [
        ContactDayTally(day_of_number(number), ContactKind(found), count)
        for number, found, count in connection.execute(
            sqlalchemy.select(local, kind, func.count())
            .where(at >= start, at < end)
            .group_by(by_day, kind)
        )
    ]
    return year_calendar(last, journal_first, check_ins, contacts)
