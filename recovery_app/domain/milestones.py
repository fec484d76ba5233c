"""Milestones of a stretch: 1, 3, 7, 14, 21, 30, 60, 90, 180 and 365 days, then every year."""

from __future__ import annotations

from datetime import date, timedelta

FIRST_MILESTONES = (1, 3, 7, 14, 21, 30, 60, 90, 180, 365)
YEAR = 365


def next_milestone(days: int) -> int:
    """The first milestone still ahead of a stretch that is `days` long."""
    for milestone in FIRST_MILESTONES:
        if milestone > days:
            return milestone
    return (days // YEAR + 1) * YEAR


def milestones_reached(days: int) -> list[int]:
    """Every milestone a stretch `days` long has reached, smallest first."""
    reached = [m for m in FIRST_MILESTONES if m <= days]
    reached += [years * YEAR for years in range(2, days // YEAR + 1)]
    return reached


def reached_on(stretch_since: date, milestone: int) -> date:
    return stretch_since + timedelta(days=milestone)
