"""The optional daily reminder: once a day, at or after the chosen local time."""

from __future__ import annotations

from datetime import date, datetime, time


def reminder_due(now_local: datetime, at: time, last_shown: date | None) -> bool:
    """Due once the chosen time has come today, unless it was already shown today.

    A computer that was asleep at the chosen time reminds when it wakes, the same day;
    a day it was off entirely is skipped, never made up for with a pile of reminders.
    """
    return now_local.time() >= at and last_shown != now_local.date()
