"""The benchmarks' heavy journal, made small: every section fills its table with rows the
app's own services read back, and the same seed makes the same journal."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from sqlalchemy import text

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_records import RecordService
from recovery_app.services.exercises import ExerciseService, load_library
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.hunches import HunchService
from recovery_app.services.promises import PromiseService
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.storage.vault import Vault

KEPT, NOT_KEPT, LET_GO = PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.LET_GO
BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
TODAY = date(2026, 11, 23)


@pytest.fixture
def heavy(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import heavy_vault

    return heavy_vault


def _small(heavy):  # type: ignore[no-untyped-def]
    return heavy.Sizes(
        days=500,
        contact_events=60,
        check_ins=500,
        urges=400,
        memories=60,
        memory_years=3,
        promises=40,
        hunches=50,
        exercise_runs=60,
        letters=6,
        reasons=5,
        support_people=3,
    )


def _open(heavy, data_dir: Path) -> Vault:  # type: ignore[no-untyped-def]
    return heavy.open_storage(data_dir, PASSWORD)


@pytest.fixture
def journal(heavy, tmp_path: Path) -> Iterator[Vault]:  # type: ignore[no-untyped-def]
    heavy.build_heavy_vault(
        tmp_path / "a", PASSWORD, kdf=CHEAP_KDF, today=TODAY, sizes=_small(heavy)
    )
    vault = _open(heavy, tmp_path / "a")
    yield vault
    vault.close()


def test_every_section_fills_its_table(heavy, journal: Vault) -> None:  # type: ignore[no-untyped-def]
    counts = heavy.count_rows(journal)
    assert counts["hunch"] == 50
    assert counts["exercise_run"] == 60
    assert counts["letter"] == 6
    assert counts["reason"] == 5
    assert counts["support_person"] == 3
    assert counts["promise"] > 40  # the Exercises screen's, and about one check-in in two
    assert counts["urge"] == 400
    assert counts["contact_attachment"] == 12
    assert 0 < counts["contact_version"] <= 40
    assert counts["reach_out_plan"] == 8  # the six suggested steps and two answers
    assert counts["hard_date"] == 4


def test_the_apps_services_read_the_new_rows(journal: Vault) -> None:
    promises = PromiseService(journal).promises()
    assert (
        {p.outcome for p in promises}
        >= {None, *promises[0].outcome.__class__} - {promises[0].outcome.__class__("skip")}
        if promises[0].outcome
        else True
    )
    assert any(p.from_check_in for p in promises)
    assert any(not p.from_check_in for p in promises)
    figures = HunchService(journal).figures()
    assert figures.instincts_right.count > 0
    assert figures.fears_wrong.count > 0
    exercises = ExerciseService(journal, load_library())
    runs = [run for e in exercises.library.exercises for run in exercises.history(e.id)]
    assert runs
    assert all(run.finished for run in runs)
    assert any(exercises.unfinished_run(e.id) for e in exercises.library.exercises)
    assert len(LetterService(journal).letters()) == 6
    assert len(ReasonService(journal).reasons()) == 5
    assert len(SupportPeopleService(journal).people()) == 3
    records = RecordService(journal)
    attempts = [a for c in ClockService(journal).list_clocks() for a in records.attempts(c.id)]
    assert sum(bool(a.contact.details.words) for a in attempts) > len(attempts) // 4
    with_files = [a for a in attempts if a.attachments]
    assert with_files
    first = with_files[0].attachments[0]
    assert len(records.attachment_data(first.id)) == first.size  # its fingerprint holds
    assert any(a.versions and a.contact.edited for a in attempts)
    upcoming = HardDateService(
        journal, now=lambda: datetime(2026, 11, 23, 12).astimezone()
    ).upcoming()
    assert [u.days_to_go for u in upcoming if u.saved.details.name == "The hearing"] == [7]
    assert any(u.saved.details.clock_id is not None for u in upcoming)


def test_the_same_seed_makes_the_same_journal(heavy, journal: Vault, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    heavy.build_heavy_vault(
        tmp_path / "b", PASSWORD, kdf=CHEAP_KDF, today=TODAY, sizes=_small(heavy)
    )
    again = _open(heavy, tmp_path / "b")
    try:
        tables = ("promise", "hunch", "exercise_run", "letter", "check_in", "urge")
        for table in (*tables, "contact_event", "contact_attachment", "contact_version"):
            with journal.session() as session:
                columns = [row[1] for row in session.execute(text(f"PRAGMA table_info({table})"))]
            # Every entry's uid is random by design (its identity across journals, for imports).
            kept = ", ".join(c for c in columns if c != "uid")
            query = text(f"SELECT {kept} FROM {table} ORDER BY id")
            with journal.session() as first, again.session() as second:
                assert first.execute(query).all() == second.execute(query).all(), table
    finally:
        again.close()


def test_scaling_multiplies_the_years_and_the_entries_not_the_lists(heavy) -> None:  # type: ignore[no-untyped-def]
    doubled = heavy.HEAVY.scaled(2)
    assert (doubled.days, doubled.urges, doubled.hunches) == (7_300, 100_000, 2_400)
    assert (doubled.reasons, doubled.support_people) == (24, 8)
    assert heavy.HEAVY.scaled(1) == heavy.HEAVY
    with pytest.raises(ValueError, match="whole number"):
        heavy.HEAVY.scaled(0)
