"""Hard dates read from the journal: the urge days the cluster rule needs, counted in SQL.

Only local days and their counts leave the database (one row per day with urges), never
the urges themselves. The rule is domain/hard_dates.py.
"""

from __future__ import annotations

import sqlalchemy
from sqlalchemy import func
from sqlmodel import col

from recovery_app.domain.hard_dates import ClusterSearch, DayCount, find_clusters
from recovery_app.services.journal_part import JournalPart
from recovery_app.services.local_days import (
    day_of_number,
    grouped,
    local_day_sql,
    offsets_between,
)
from recovery_app.storage.models import Urge


class HardDateService(JournalPart):
    def urge_day_counts(self) -> list[DayCount]:
        """Urges per local day, oldest first; days without urges are left out."""
        at = col(Urge.at)
        with self._vault.session() as session:
            connection = session.connection()
            first, last = connection.execute(sqlalchemy.select(func.min(at), func.max(at))).one()
            if first is None:
                return []
            day, by_day = grouped(local_day_sql(at, offsets_between(first, last)), "local_day")
            rows = connection.execute(
                sqlalchemy.select(day, func.count()).group_by(by_day).order_by(by_day)
            ).all()
        return [DayCount(day_of_number(number), count) for number, count in rows]

    def clusters(self) -> ClusterSearch:
        """The windows of the year the person's urges have gathered in, as of today."""
        return find_clusters(self.urge_day_counts(), self.today())
