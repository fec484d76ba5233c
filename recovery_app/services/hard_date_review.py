"""Marked dates for the review, read from the journal: the check-ins' pull and the urges
counted per local day (in SQL) over the range and the seven days either side of it.

The numbers are made in domain/hard_date_review.py. Read-only: nothing is written.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import sqlalchemy
from sqlalchemy import String, func, type_coerce
from sqlmodel import col

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.hard_date_review import (
    AROUND_DAYS,
    MarkedDaysInRange,
    MarkedForReview,
)
from recovery_app.domain.hard_date_review import (
    around_marked_days as count_around,
)
from recovery_app.domain.review_days import CheckInMark
from recovery_app.domain.review_range import DayRange
from recovery_app.domain.review_urges import UrgeDayTally
from recovery_app.domain.stretches import local_day
from recovery_app.services.local_days import (
    day_bounds,
    day_of_number,
    grouped,
    local_day_sql,
    offsets_between,
)
from recovery_app.storage.models import CheckIn, Urge

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from recovery_app.services.hard_dates import HardDateService


def _check_ins(connection: Connection, first: date, last: date) -> list[CheckInMark]:
    day = col(CheckIn.day)
    statement = sqlalchemy.select(
        type_coerce(day, String), col(CheckIn.mood), col(CheckIn.pull)
    ).where(day >= first, day <= last, col(CheckIn.pull).is_not(None))
    return [
        CheckInMark(date.fromisoformat(text), mood, pull)
        for text, mood, pull in connection.execute(statement).all()
    ]


def _urge_days(connection: Connection, first: date, last: date) -> list[UrgeDayTally]:
    at, intensity = col(Urge.at), col(Urge.intensity)
    start, end = day_bounds(first, last)
    day, by_day = grouped(local_day_sql(at, offsets_between(start, end)), "local_day")
    statement = (
        sqlalchemy.select(
            day, func.count(), func.count(intensity), func.coalesce(func.sum(intensity), 0)
        )
        .where(at >= start, at < end)
        .group_by(by_day)
    )
    return [
        UrgeDayTally(day_of_number(number), count, rated, total)
        for number, count, rated, total in connection.execute(statement).all()
    ]


def around_marked_days(service: HardDateService, first: date, last: date) -> MarkedDaysInRange[int]:
    if first > last:
        raise InvalidInput("The range ends before it begins. Please check the dates.")
    span = DayRange(first, last)
    marked = [
        MarkedForReview(saved.id, saved.details.name, saved.details.mark)
        for saved in service.marked()
    ]
    wide_first = first - timedelta(days=AROUND_DAYS)
    wide_last = last + timedelta(days=AROUND_DAYS)
    with service.vault.session() as session:
        connection = session.connection()
        urge_first = connection.execute(sqlalchemy.select(func.min(col(Urge.at)))).scalar_one()
        check_ins = _check_ins(connection, wide_first, wide_last)
        urge_days = _urge_days(connection, wide_first, wide_last)
    return count_around(
        marked,
        span,
        service.today(),
        check_ins=check_ins,
        urge_days=urge_days,
        urges_first=None if urge_first is None else local_day(urge_first),
    )
