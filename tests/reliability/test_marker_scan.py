"""A marker written through every kind of entry is found in no file at all but the vault's
own (which are encrypted, so it is not found there either) and the exports asked for (the
contact log, as CSV and as PDF). It goes in as typed text and as the bytes of a file kept
with a "they reached out" entry (the file itself is removed before the scan: it was the
person's own; what matters is that the app left no copy anywhere).

The command line writes what it can (installed command, as subprocesses); the services
write the rest (reasons, people, letters, hunches, exercise runs, every urge field, the
reflection after reaching out); then the journal is locked and opened again, its password
changed, checked and listed. Then what issue 17 adds: backups (each key file re-wrapped by
a second password change), their listing, a JSON and a CSV export, a dry-run import, an
import into a second journal (with its own backup before) and a restore (with its safety
backup and staged copy). Every file under the test's home, data and runtime folders is
searched, and every file of the temporary folder changed since the test began, for the
marker in UTF-8 and UTF-16, inside the CSV export's zip too: it is found in the two exports
the person asked for, and nowhere else.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from journal_children import OTHER_PASSWORD, PASSWORD, opened_vault, run_installed, service_for
from reliability_counts import Tally

from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.domain.kinds import PlanPart
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.clocks import ClockService, ContactDetails
from recovery_app.services.exercises import ExerciseService, load_library
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.hunches import HunchService
from recovery_app.services.reach_out_plan import ReachOutPlanService
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.urges import UrgeService

pytestmark = pytest.mark.reliability

VAULT_FILES = {"journal.db", "journal.db-wal", "journal.db-shm", "journal.key"}


def _commands(marker: str) -> list[list[str]]:
    return [
        ["clock", "add", marker, "--allowed", marker],
        ["contact", "--clock", marker, "--kind", "them", "--channel", "message", "--note", marker],
        ["check-in", "--mood", "3", "--note", marker],
        ["log-urge", "--intensity", "7", "--trigger", marker, "--note", marker],
        [
            "memory",
            "add",
            "--kind",
            "good",
            "--date",
            "2023-05",
            "--title",
            marker,
            "--clock",
            marker,
        ],
        ["memory", "add", "--kind", "good", "--date", "2023", "--title", "t", "--what", marker],
        ["memory", "add", "--kind", "tension", "--date", "2022", "--title", "t", "--tag", marker],
        ["memory", "add", "--kind", "harm", "--date", "summer-2023", "--title", marker],
        ["promise", "add", marker],
        ["hard-date", "add", marker, "--date", "02-14", "--clock", marker, "--plan", marker],
        ["hard-dates"],
        ["hard-dates", "--json"],
        ["status"],
        ["status", "--json"],
        ["urges", "--json"],
        ["memories"],
        ["whole-relationship", "--around", "2023-06"],
        ["promise", "list"],
        ["exercises", "list"],
    ]


def _reach_out_commands(tmp_path: Path, marker: str) -> list[tuple[list[str], str]]:
    """The record of an attempt: their words on standard input, a file holding the marker,
    then the contact log written as the person asks."""
    exports = tmp_path / "exports"
    exports.mkdir()
    shot = tmp_path / "their-message.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + marker.encode() * 3)
    log = ["contact-log", "--clock", marker, "--yes", "--with-attachments", "--with-notes"]
    return [
        (
            [
                *("contact", "--clock", marker, "--kind", "them", "--words", "-"),
                *("--attach", str(shot), "--note", "-"),
            ],
            f"{marker} said this\n{marker}\n",
        ),
        ([*log, "--out", str(exports / "contact-log.csv")], ""),
        ([*log, "--out", str(exports / "contact-log.pdf")], ""),
    ]


def _write_through_services(data_dir: Path, marker: str) -> int:
    """Every kind of entry the command line can't write yet; the number of writes made."""
    service = service_for(data_dir)
    vault = opened_vault(data_dir)
    at = datetime(2026, 1, 2, 12, tzinfo=UTC)
    try:
        clock = ClockService(vault).find_clock(marker)
        assert clock.id is not None
        clock_id = clock.id
        hunches = HunchService(vault)
        exercises = ExerciseService(vault, load_library())
        letters = LetterService(vault)
        hard_dates = HardDateService(vault)
        every_urge_field = UrgeDetails(
            at=at,
            intensity=5,
            triggers=(marker[:40],),
            feelings=marker,
            place=marker,
            company=marker,
            did_instead=marker,
            outcome=UrgeOutcome.PASSED,
            note=marker,
        )
        clocks = ClockService(vault)
        attempt = ContactDetails(ContactKind.THEM, at, None, marker, words=marker)
        writes = [
            lambda: clocks.log_contact(
                clock_id, ContactDetails(ContactKind.ME, at, None, marker, marker, marker, marker)
            ),
            lambda: clocks.update_contact(  # an edit: the first version is kept, marker and all
                clocks.log_contact(clock_id, attempt).id, replace(attempt, words=marker + "!")
            ),
            lambda: ReachOutPlanService(vault).add(PlanPart.ANSWER, marker),
            lambda: UrgeService(vault).log_urge(every_urge_field),
            lambda: ReasonService(vault).add(marker),
            lambda: SupportPeopleService(vault).add(SupportPersonDetails(marker, marker, marker)),
            lambda: letters.save(letters.start(marker).id, marker + " " + marker),
            lambda: hunches.check(
                hunches.note(HunchKind.PREDICTION, marker, fearful=True).id,
                CheckOutcome.WRONG,
                what_happened=marker,
            ),
            lambda: exercises.save_run("reality_check", {0: marker, 1: marker}, 2, finished=False),
            lambda: exercises.save_run("values_and_action", {1: marker}, 3, finished=True),
            lambda: hard_dates.update(
                hard_dates.marked()[0].id,
                HardDateDetails(marker, 2, 15, clock_id=clock_id, plan=marker + " " + marker),
            ),
            lambda: hard_dates.restore(hard_dates.remove(hard_dates.marked()[0].id)),
            lambda: (hard_dates.notice(), hard_dates.tray_line(), hard_dates.suggestions()),
        ]
        for write in writes:
            write()
        vault.check_integrity()
    finally:
        vault.close()
    service.change_password(PASSWORD, OTHER_PASSWORD)  # the key file is rewritten too
    service.unlock(OTHER_PASSWORD).close()
    return len(writes)


def _through_my_data(data_dir: Path, home: Path, exports: Path) -> list[list[str]]:
    """Backups, exports, imports and a restore, as a person would make them; the commands run.
    The journal's password is OTHER_PASSWORD on the way in and PASSWORD on the way out."""
    done: list[list[str]] = []

    def run(*args: str, password: str = PASSWORD, into: Path = data_dir) -> str:
        result = run_installed(into, home, *args, password=password)
        assert result.returncode == 0, (args[0], result.stderr)
        done.append(list(args))
        return result.stdout

    run("backup", password=OTHER_PASSWORD)
    # A password change re-wraps the backup's key file and makes one of its own first.
    service_for(data_dir).change_password(OTHER_PASSWORD, PASSWORD)
    run("backup")
    listed = json.loads(run("backups", "--json"))
    run("backups")
    assert len(listed) >= 3, listed  # by hand, before the change, after it
    run("export", "--format", "json", "--out", str(exports / "journal.json"), "--yes")
    run("export", "--format", "csv", "--out", str(exports / "journal.zip"), "--yes")
    run("import", str(exports / "journal.json"), "--dry-run")
    second = data_dir.parent / "second-journal"
    service_for(second).create(PASSWORD).close()
    run("import", str(exports / "journal.json"), "--yes", into=second)
    run("restore", listed[-1]["path"], "--yes")  # the oldest: a safety backup and a swap
    service_for(data_dir).unlock(PASSWORD).close()
    return done


def _holds(path: Path, needles: list[bytes]) -> bool:
    data = path.read_bytes()
    if any(needle in data for needle in needles):
        return True
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:  # compressed: the marker is only seen inside
        return any(any(n in archive.read(name) for n in needles) for name in archive.namelist())


def _needles(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _files(folders: list[Path], since: float, temporary: Path) -> list[Path]:
    found: set[Path] = set()
    for folder in folders:
        found.update(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    for root, _, names in os.walk(temporary):
        for name in names:
            path = Path(root) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if path.is_file() and info.st_mtime >= since and info.st_size < 64 * 1024 * 1024:
                found.add(path)
    return sorted(found)


def test_a_marker_written_everywhere_is_in_no_file(tmp_path: Path) -> None:
    since = time.time() - 1
    marker = f"MARKER{uuid.uuid4().hex}"
    data_dir = tmp_path / "journal"
    home = tmp_path / "home-for-commands"
    # Made here with the cheap key derivation (the commands then use it too); `init` at the
    # real cost would make every command below take seconds.
    service_for(data_dir).create(PASSWORD).close()
    commands = [(args, "") for args in _commands(marker)] + _reach_out_commands(tmp_path, marker)
    for args, then in commands:
        result = run_installed(data_dir, home, *args, then=then)
        assert result.returncode == 0, (args[0], result.stderr)
        assert marker not in result.stderr
    (tmp_path / "their-message.png").unlink()  # the person's own file, not the app's copy
    contact_logs = {tmp_path / "exports" / n for n in ("contact-log.csv", "contact-log.pdf")}
    assert marker.encode() in (tmp_path / "exports" / "contact-log.csv").read_bytes()
    written_by_services = _write_through_services(data_dir, marker)
    exports = tmp_path / "exports-the-person-asked-for"
    exports.mkdir()
    commands += _through_my_data(data_dir, home, exports)
    folders = [tmp_path, Path(os.environ["XDG_RUNTIME_DIR"])]
    files = _files(folders, since, Path(tempfile.gettempdir()))
    tally = Tally("marker scan")
    needles = _needles(marker)
    holding: list[Path] = []
    for path in files:
        try:
            found = _holds(path, needles)
        except OSError:
            continue  # another process's file, gone or closed to us: not ours to read
        if path in contact_logs:
            tally.add("contact log asked for", failed=False)
            continue
        if path.parent == exports:
            tally.add("export with the marker" if found else "export without it", failed=not found)
            continue
        if found:
            holding.append(path)
        kind = "vault file" if path.name in VAULT_FILES else "other file"
        if path.is_relative_to(data_dir / "backups"):
            kind = "backup file"
        tally.add(f"{kind} with the marker" if found else f"{kind}, clean", failed=found)
    tally.report(
        commands=len(commands),
        writes_through_services=written_by_services,
        files_searched=len(files),
    )
    assert tally.outcomes["export with the marker"] == 2  # the search finds what is there
    assert tally.outcomes["backup file, clean"] >= 6  # each backup and its key file
    assert tally.failures == 0, [str(p) for p in holding]
