"""kill -9 at a random moment loses nothing that was acknowledged, and a password change
killed at any moment leaves exactly one password that opens the journal.

Children come from a fork server that imported the app already, so a trial costs the
kill's timing and the check, not an interpreter start. Each kill is a real SIGKILL of a
real process in the middle of real saves.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from journal_children import (
    OTHER_PASSWORD,
    PASSWORD,
    change_password_until_killed,
    fork_server,
    opened_vault,
    save_until_killed,
    service_for,
)
from reliability_counts import Tally

from recovery_app.services.urges import UrgeService
from recovery_app.storage import errors

pytestmark = pytest.mark.reliability

TRIALS = 120


def _wait_for_line(path: Path, line: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and line in path.read_text().splitlines():
            return
        time.sleep(0.002)
    raise AssertionError(f"the child never said {line!r}")


def _complete_lines(path: Path) -> list[str]:
    """Lines the child finished writing (a kill can cut the last one short)."""
    text = path.read_text() if path.exists() else ""
    return text.splitlines() if text.endswith("\n") else text.splitlines()[:-1]


def test_kill_9_during_saves_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    service = service_for(data_dir)
    service.create(PASSWORD).close()
    context = fork_server()
    rng = random.Random(9)
    tally = Tally("kill -9 during saves")
    acknowledged_total = lost_total = 0
    for trial in range(TRIALS):
        acks = tmp_path / f"acks-{trial}"
        child = context.Process(target=save_until_killed, args=(str(data_dir), str(acks), trial))
        child.start()
        _wait_for_line(acks, "open")
        time.sleep(rng.uniform(0.0, 0.3))
        child.kill()
        child.join(timeout=20)
        acknowledged = {int(line) for line in _complete_lines(acks) if line != "open"}
        try:
            vault = opened_vault(data_dir)
            try:
                vault.check_integrity()
                present = {saved.id for saved in UrgeService(vault).list_urges()}
            finally:
                vault.close()
        except errors.VaultError as error:
            tally.add(f"journal {type(error).__name__}", failed=True)
            continue
        lost = acknowledged - present
        acknowledged_total += len(acknowledged)
        lost_total += len(lost)
        tally.add("all acknowledged there" if not lost else "entries lost", failed=bool(lost))
    tally.report(acknowledged=acknowledged_total, lost=lost_total)
    assert tally.trials == TRIALS
    assert acknowledged_total >= TRIALS  # the kills landed mid-work, not before it
    assert tally.failures == 0, tally.outcomes


def _opens_with(service, password: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        service.check_password(password)
    except errors.WrongPassword:
        return False
    return True


def _time_one_change_in_a_child(context, data_dir: Path, tmp_path: Path) -> float:  # type: ignore[no-untyped-def]
    """How long a child takes from "start" to "done", so the kills spread over all of it."""
    durations = []
    for current in (PASSWORD, OTHER_PASSWORD):
        acks = tmp_path / f"timing-{current[:3]}"
        child = context.Process(
            target=change_password_until_killed, args=(str(data_dir), str(acks), current)
        )
        child.start()
        _wait_for_line(acks, "start")
        started = time.monotonic()
        _wait_for_line(acks, "done")
        durations.append(time.monotonic() - started)
        child.join(timeout=20)
    return max(durations)


def test_kill_9_during_a_password_change_leaves_one_password_working(tmp_path: Path) -> None:
    data_dir = tmp_path / "journal"
    service = service_for(data_dir)
    service.create(PASSWORD).close()
    context = fork_server()
    one_change = _time_one_change_in_a_child(context, data_dir, tmp_path)
    rng = random.Random(99)
    tally = Tally("kill -9 during password change")
    current = PASSWORD
    leftovers = finished = 0
    for trial in range(TRIALS):
        acks = tmp_path / f"acks-{trial}"
        child = context.Process(
            target=change_password_until_killed, args=(str(data_dir), str(acks), current)
        )
        child.start()
        _wait_for_line(acks, "start")
        time.sleep(rng.uniform(0.0, one_change * 1.3))
        child.kill()
        child.join(timeout=20)
        done = "done" in _complete_lines(acks)
        finished += done
        leftovers += len(list(data_dir.glob(".journal.key.*.tmp")))
        new = OTHER_PASSWORD if current == PASSWORD else PASSWORD
        try:
            old_opens, new_opens = _opens_with(service, current), _opens_with(service, new)
        except errors.VaultError as error:
            tally.add(f"key file {type(error).__name__}", failed=True)
            break
        if old_opens == new_opens or (done and not new_opens):
            tally.add("neither or both" if old_opens == new_opens else "done but old", failed=True)
            break
        tally.add("new password" if new_opens else "old password")
        current = new if new_opens else current
        service.unlock(current).close()  # the next open tidies what the kill left
        assert not list(data_dir.glob(".journal.key.*.tmp"))
    tally.report(
        completed_before_the_kill=finished,
        temporary_files_left_by_kills=leftovers,
        left_after_the_next_open=0,
        seconds_per_change=round(one_change, 3),
    )
    assert tally.trials == TRIALS
    assert tally.failures == 0, tally.outcomes
    assert tally.outcomes["old password"] > 0 and tally.outcomes["new password"] > 0
