"""The words the window and the command line share for backups, restore, import and delete."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from recovery_app.domain.backups import Trigger
from recovery_app.services.my_data_records import (
    ENTRY_TABLES,
    BackupInfo,
    DeletionReport,
    ImportReport,
    PasswordChangeResult,
    RekeyResult,
    TableChanges,
)
from recovery_app.services.my_data_words import (
    ENTRY_WORDS,
    REASON_WORDS,
    counts_text,
    day_range_text,
    deletion_done_text,
    import_done_text,
    import_preview_text,
    password_change_text,
    rekey_done_text,
    size_text,
    when_text,
)

BANNED = ("relapse", "failed", "failure", "error", "invalid", "fatal", "abort")


def test_every_entry_table_has_words_and_every_reason_too() -> None:
    assert set(ENTRY_WORDS) == set(ENTRY_TABLES)
    assert set(REASON_WORDS) == {t.value for t in Trigger} - {"quick-exit", "auto-lock"}


def test_counts_name_the_entries_in_order_and_leave_the_rest_out() -> None:
    counts = {"urge": 1204, "clock": 3, "memory": 1, "vault_info": 9, "milestone": 4}
    assert counts_text(counts) == "3 clocks, 1,204 urges, 1 memory"
    assert counts_text({"support_person": 1, "hunch": 2}) == (
        "1 support person, 2 instincts and predictions"
    )
    assert counts_text({}) == "no entries"


@pytest.mark.parametrize(
    ("size", "words"),
    [
        (0, "0 bytes"),
        (999, "999 bytes"),
        (1000, "1.0 KB"),
        (210_000, "210 KB"),
        (17_514_496, "17.5 MB"),
        (2_147_483_648, "2.1 GB"),
    ],
)
def test_sizes_as_the_file_manager_shows_them(size: int, words: str) -> None:
    assert size_text(size) == words


def test_moments_in_the_persons_own_words() -> None:
    now = datetime.now().astimezone().replace(hour=15, minute=0)
    at = now.replace(hour=9, minute=12)
    assert when_text(at, now=now) == "today 09:12"
    assert when_text(at - timedelta(days=1), now=now) == "yesterday 09:12"
    last_year = at.replace(year=at.year - 1, month=3, day=3)
    assert when_text(last_year, now=now) == f"3 March {at.year - 1}, 09:12"
    today = date(2026, 6, 1)
    assert day_range_text(date(2026, 1, 2), date(2026, 3, 3), today=today) == (
        "2 January to 3 March"
    )
    assert day_range_text(None, None, today=today) == "no entries yet"


def _report(**tables: tuple[int, int]) -> ImportReport:
    return ImportReport(
        dry_run=True,
        tables={name: TableChanges(added, here) for name, (added, here) in tables.items()},
    )


def test_an_import_preview_says_what_would_be_added_and_what_is_there() -> None:
    report = _report(urge=(12, 30), memory=(3, 10), urge_trigger_name=(4, 0))
    assert (
        import_preview_text(report) == "12 urges, 3 memories would be added; 40 are already here."
    )
    assert import_preview_text(_report(urge=(0, 1))) == (
        "Nothing new would be added: the one entry in it is already here."
    )
    assert import_preview_text(_report(urge=(2, 0))) == "2 urges would be added."
    assert import_done_text(_report(urge=(2, 1))) == (
        "Added 2 urges. 1 was already here and kept as is."
    )


def test_the_words_after_a_password_change_a_rekey_and_a_deletion_name_what_was_away() -> None:
    away = (Path("/media/usb/backups"),)
    changed = password_change_text(PasswordChangeResult(rewrapped=3, unreachable_folders=away))
    assert "/media/usb/backups" in changed and "still open with your old password" in changed
    assert changed.endswith("connect it while your journal is open and choose “Back up now”.")
    fresh = BackupInfo(Path("/b"), datetime.now(UTC), "after-rekey", 10, "0.1.0", "0008")
    rekeyed = rekey_done_text(RekeyResult(fresh_backup=fresh, removed=4, unreachable_folders=away))
    assert "4 backups made under the old key were removed" in rekeyed
    assert rekeyed.endswith("Connect it and re-key again, or remove them.")
    kept = rekey_done_text(RekeyResult(fresh_backup=None, removed=0, kept_old=(Path("/b"),)))
    assert "were kept" in kept
    deleted = deletion_done_text(DeletionReport((), (), away, forgot_remembered_key=True))
    assert deleted.startswith("Your journal is deleted.") and "/media/usb/backups" in deleted
    for text in (changed, rekeyed, kept, deleted):
        assert not any(word in text.lower() for word in BANNED)
