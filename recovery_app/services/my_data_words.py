"""The words for what "my data is mine" shows: kinds of entry and their counts, sizes, when a
backup was made and why, what an import would add. Shared by the window and the command
line, so both say it alike and the tone is reviewed in one pass (the failures' words are in
services/messages.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from recovery_app.services.my_data_records import (
    ENTRY_TABLES,
    BackupInfo,
    BackupStatus,
    DeletionReport,
    FolderState,
    ImportReport,
    PasswordChangeResult,
    RekeyResult,
    RestoreResult,
)

# Each entry table's name as a person says it: (one, many). A test keeps it beside
# ENTRY_TABLES.
ENTRY_WORDS: dict[str, tuple[str, str]] = {
    "clock": ("clock", "clocks"),
    "contact_event": ("contact", "contacts"),
    "check_in": ("check-in", "check-ins"),
    "urge": ("urge", "urges"),
    "memory": ("memory", "memories"),
    "letter": ("unsent letter", "unsent letters"),
    "reason": ("reason", "reasons"),
    "support_person": ("support person", "support people"),
    "promise": ("promise", "promises"),
    "hunch": ("instinct or prediction", "instincts and predictions"),
    "exercise_run": ("exercise", "exercises"),
    "hard_date": ("hard date", "hard dates"),
}

REASON_WORDS = {
    "unlock": "after opening",
    "hourly": "hourly",
    "quit": "at closing",
    "manual": "made by you",
    "before-upgrade": "before an update",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-password-change": "before a password change",
    "after-rekey": "after re-keying",
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def number(count: int) -> str:
    return f"{count:,}"


def count_text(table: str, count: int) -> str:
    """ "1 urge", "1,204 urges"; a table without words of its own is an "other detail"."""
    one, many = ENTRY_WORDS.get(table, ("other detail", "other details"))
    return f"{number(count)} {one if count == 1 else many}"


def entries_text(count: int) -> str:
    return f"{number(count)} {'entry' if count == 1 else 'entries'}"


def counts_text(counts: Mapping[str, int], *, empty: str = "no entries") -> str:
    """The entries in `counts`, the kinds a person thinks of, in the app's order:
    "3 clocks, 1,204 urges, 12 memories". Tables that aren't entries are left out."""
    parts = [count_text(t, counts[t]) for t in ENTRY_TABLES if counts.get(t)]
    return ", ".join(parts) if parts else empty


def size_text(size: int) -> str:
    """Decimal units, as the desktop's file manager shows them."""
    if size < 1000:
        return f"{size} bytes"
    value, unit = float(size), "bytes"
    for unit in ("KB", "MB", "GB", "TB"):  # noqa: B007 (the unit the loop stops at is kept)
        value /= 1000
        if value < 999.5:
            break
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def reason_text(reason: str) -> str:
    return REASON_WORDS.get(reason, "by a newer version")


def day_text(day: date, *, today: date) -> str:
    """ "3 March", or "3 March 2025" when it isn't this year."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def when_text(at: datetime, *, now: datetime) -> str:
    """A moment in the person's local time: "today 09:12", "yesterday 18:40", "3 March 09:12",
    "3 March 2025, 09:12"."""
    local, today = at.astimezone(), now.astimezone().date()
    clock = f"{local:%H:%M}"
    if local.date() == today:
        return f"today {clock}"
    if local.date() == today - timedelta(days=1):
        return f"yesterday {clock}"
    day = day_text(local.date(), today=today)
    return f"{day} {clock}" if local.year == today.year else f"{day}, {clock}"


def day_range_text(first: date | None, last: date | None, *, today: date) -> str:
    if first is None or last is None:
        return "no entries yet"
    if first == last:
        return day_text(first, today=today)
    return f"{day_text(first, today=today)} to {day_text(last, today=today)}"


def last_backup_text(newest: BackupInfo | None, *, now: datetime) -> str:
    """Settings' first line about backups (a failure has its own words, in messages.py)."""
    if newest is None:
        return "No backup yet. The first one is made just after the journal opens."
    return f"Last backup: {when_text(newest.created_at, now=now)}, checked."


def folder_text(status: BackupStatus) -> str:
    """Where new backups go, and what is there."""
    if status.folder_state is FolderState.MISSING:
        return f"New backups go to {status.folder} once it is connected again."
    if status.folder_state is FolderState.NOT_WRITABLE:
        return f"Backups go to {status.folder}, but the app can't write there."
    if status.count == 0:
        return f"Backups are kept in {status.folder}."
    kept = "backup" if status.count == 1 else "backups"
    return (
        f"Backups are kept in {status.folder}: {number(status.count)} {kept}, "
        f"{size_text(status.total_size)} in all."
    )


def _entry_sum(report: ImportReport, field: str) -> int:
    return sum(getattr(c, field) for t, c in report.tables.items() if t in ENTRY_TABLES)


def import_preview_text(report: ImportReport) -> str:
    """ "12 urges, 3 memories would be added; 40 are already here." Only entries are named:
    triggers, milestones and settings come along without a word."""
    added = {t: c.added for t, c in report.tables.items()}
    here = _entry_sum(report, "already_there") + _entry_sum(report, "kept_yours")
    here_words = f"{number(here)} {'is' if here == 1 else 'are'} already here"
    if not any(added.get(t) for t in ENTRY_TABLES):
        if here == 0:
            return "That export holds no entries, so nothing would be added."
        if here == 1:
            return "Nothing new would be added: the one entry in it is already here."
        return f"Nothing new would be added: all {number(here)} are already here."
    if here == 0:
        return f"{counts_text(added)} would be added."
    return f"{counts_text(added)} would be added; {here_words}."


def import_done_text(report: ImportReport) -> str:
    added = {t: c.added for t, c in report.tables.items()}
    if not any(added.get(t) for t in ENTRY_TABLES):
        return "Nothing new was added: everything in that export was already here."
    here = _entry_sum(report, "already_there") + _entry_sum(report, "kept_yours")
    text = f"Added {counts_text(added)}."
    if here:
        text += f" {number(here)} {'was' if here == 1 else 'were'} already here and kept as is."
    return text


def _folders(folders: tuple[Path, ...]) -> str:
    return ", ".join(str(f) for f in folders)


def away_folders_text(folders: tuple[Path, ...], *, rekey: bool = False) -> str:
    """Backup folders that weren't there at a password change or a re-key. After a change,
    any backup made with the folder connected again brings its key files up to date; after a
    re-key, their key no longer fits the journal, so only another re-key removes them."""
    if not folders:
        return ""
    away = f"The backups in {_folders(folders)} couldn't be reached (a drive may be unplugged)"
    if rekey:
        return (
            f"{away}, so they still open with the password they had. Connect it and re-key "
            "again, or remove them."
        )
    return (
        f"{away}, so they still open with your old password until they are brought up to "
        "date: connect it while your journal is open and choose “Back up now”."
    )


def password_change_text(result: PasswordChangeResult) -> str:
    text = "Your password is changed. The old one no longer opens the journal"
    if result.rewrapped:
        reached = " or the backups it could reach." if result.unreachable_folders else ""
        text += reached or " or its backups."
    else:
        text += "."
    away = away_folders_text(result.unreachable_folders)
    if result.not_rewrapped:
        away = (away + " " if away else "") + (
            f"{number(len(result.not_rewrapped))} older "
            f"{'backup' if len(result.not_rewrapped) == 1 else 'backups'} kept the password "
            "they were made with (they were made under another key)."
        )
    return f"{text} {away}".strip()


def restore_done_text(result: RestoreResult, restored: BackupInfo, *, now: datetime) -> str:
    made = when_text(restored.created_at, now=now)
    text = f"Restored: the backup made {made} is your journal now."
    if result.safety_copy is not None:
        text += " Your journal as it was just before is kept as a backup (“before a restore”)."
    if result.replaced_key_file:
        text += " The password that opened the backup opens your journal."
    return text


def rekey_done_text(result: RekeyResult) -> str:
    text = "Your journal has a new key. Copies made before no longer fit it."
    if result.fresh_backup is not None:
        gone = result.removed
        text += " A fresh backup was made and checked"
        if gone == 1:
            text += ", and the one backup made under the old key was removed."
        elif gone:
            text += f", and the {number(gone)} backups made under the old key were removed."
        else:
            text += "."
    else:
        text += (
            " The fresh backup couldn't be made, so the backups made under the old key were "
            "kept: they still open with your password. Please try “Back up now”, then "
            "re-key again."
        )
    away = away_folders_text(result.unreachable_folders, rekey=True)
    return f"{text} {away}".strip()


def deletion_done_text(report: DeletionReport) -> str:
    text = "Your journal is deleted."
    if report.could_not_remove:
        text += (
            f" {number(len(report.could_not_remove))} "
            f"{'file or folder' if len(report.could_not_remove) == 1 else 'files or folders'} "
            f"couldn't be removed: {_folders(report.could_not_remove)}."
        )
    if report.unreachable_folders:
        text += (
            f" Backups in {_folders(report.unreachable_folders)} weren't reachable and are "
            "still there."
        )
    return text + " Exports you saved and copies elsewhere were not touched."
