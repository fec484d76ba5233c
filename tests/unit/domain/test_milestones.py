from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.milestones import milestones_reached, next_milestone, reached_on


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, 1),
        (1, 3),
        (2, 3),
        (6, 7),
        (7, 14),
        (29, 30),
        (180, 365),
        (364, 365),
        (365, 730),
        (729, 730),
        (730, 1095),
    ],
)
def test_next_milestone(days: int, expected: int) -> None:
    assert next_milestone(days) == expected


def test_milestones_reached() -> None:
    assert milestones_reached(0) == []
    assert milestones_reached(7) == [1, 3, 7]
    assert milestones_reached(800) == [1, 3, 7, 14, 21, 30, 60, 90, 180, 365, 730]


def test_reached_on_counts_calendar_days_from_the_stretch_start() -> None:
    assert reached_on(date(2026, 2, 27), 3) == date(2026, 3, 2)


@given(st.integers(min_value=0, max_value=20_000))
def test_the_next_milestone_is_ahead_and_none_is_skipped(days: int) -> None:
    ahead = next_milestone(days)
    assert ahead > days
    assert all(m <= days for m in milestones_reached(days))
    assert ahead in milestones_reached(ahead)
    assert milestones_reached(ahead - 1) == [m for m in milestones_reached(ahead) if m != ahead]
