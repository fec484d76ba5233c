from datetime import date, datetime, time

from recovery_app.domain.reminder import reminder_due

AT = time(20, 0)
DAY = date(2026, 11, 23)


def test_not_before_the_chosen_time() -> None:
    assert not reminder_due(datetime(2026, 11, 23, 19, 59), AT, None)


def test_at_or_after_the_chosen_time_once_a_day() -> None:
    assert reminder_due(datetime(2026, 11, 23, 20, 0), AT, None)
    assert reminder_due(datetime(2026, 11, 23, 23, 10), AT, date(2026, 11, 22))
    assert not reminder_due(datetime(2026, 11, 23, 20, 1), AT, DAY)


def test_the_next_day_it_comes_again() -> None:
    assert reminder_due(datetime(2026, 11, 24, 20, 0), AT, DAY)
