"""A marker written through every kind of entry is found in no file at all but the vault's
own (which are encrypted, so it is not found there either).

The command line writes what it can (installed command, as subprocesses); the services
write the rest (reasons, people, letters, hunches, exercise runs, every urge field, the
reflection after reaching out); then the journal is locked and opened again, its password
changed, checked and listed. Every file under the test's home, data and runtime folders is
searched, and every file of the temporary folder changed since the test began, for the
marker in UTF-8 and UTF-16.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from journal_children import OTHER_PASSWORD, PASSWORD, opened_vault, run_installed, service_for
from reliability_counts import Tally

from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.clocks import ClockService, ContactDetails
from recovery_app.services.exercises import ExerciseService, load_library
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.hunches import HunchService
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
        writes = [
            lambda: ClockService(vault).log_contact(
                clock_id, ContactDetails(ContactKind.ME, at, None, marker, marker, marker, marker)
            ),
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
    commands = _commands(marker)
    for args in commands:
        result = run_installed(data_dir, home, *args)
        assert result.returncode == 0, (args[0], result.stderr)
        assert marker not in result.stderr
    written_by_services = _write_through_services(data_dir, marker)
    folders = [tmp_path, Path(os.environ["XDG_RUNTIME_DIR"])]
    files = _files(folders, since, Path(tempfile.gettempdir()))
    tally = Tally("marker scan")
    needles = _needles(marker)
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # another process's file, gone or closed to us: not ours to read
        found = any(needle in data for needle in needles)
        kind = "vault file" if path.name in VAULT_FILES else "other file"
        tally.add(f"{kind} with the marker" if found else f"{kind}, clean", failed=found)
    tally.report(
        commands=len(commands),
        writes_through_services=written_by_services,
        files_searched=len(files),
    )
    assert tally.failures == 0, [str(p) for p in files if any(n in p.read_bytes() for n in needles)]
