"""HardDateService: urge days counted in SQL, and the clusters found in them."""

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from recovery_app.domain.stretches import local_day
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.urges import UrgeService
from recovery_app.storage.vault import Vault

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour).astimezone()


def test_the_urge_days_are_the_local_days_of_every_urge(vault: Vault) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    moments = [
        _at(date(2026, 5, 1) + timedelta(days=n // 3), (0, 12, 23)[n % 3]) for n in range(30)
    ]
    for moment in moments:
        urges.log_urge(UrgeDetails(at=moment))
    counts = HardDateService(vault, now=lambda: NOW).urge_day_counts()
    assert {c.day: c.count for c in counts} == Counter(local_day(m) for m in moments)
    assert [c.day for c in counts] == sorted(c.day for c in counts)


def test_an_empty_journal_has_no_urge_days_and_not_enough_history(vault: Vault) -> None:
    service = HardDateService(vault, now=lambda: NOW)
    assert service.urge_day_counts() == []
    search = service.clusters()
    assert not search.enough_history
    assert search.clusters == ()


def test_urges_that_gathered_around_a_date_in_two_years_are_found(vault: Vault) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    background = [date(2024, 1, 5) + timedelta(days=n) for n in range(0, 870, 29)]
    gathered = [date(y, 2, d) for y in (2025, 2026) for d in (13, 14, 14, 15)]
    for day in [d for d in background if d.month != 2] + gathered:
        urges.log_urge(UrgeDetails(at=_at(day, 21)))
    search = HardDateService(vault, now=lambda: NOW).clusters()
    assert search.enough_history
    (cluster,) = search.clusters
    assert (cluster.month, cluster.day) == (2, 14)
    assert [(y.year, y.count) for y in cluster.years] == [(2025, 4), (2026, 4)]
