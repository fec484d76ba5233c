"""kill -9 at random moments of a restore: the journal always opens, as it was or restored.

Run with `.venv/bin/python -m pytest -q -m reliability` (left out of the quick run).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD

from recovery_app.services.backups import BackupService
from recovery_app.services.clocks import ClockService
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import create_vault

TRIALS = 60

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from recovery_app.services.restore import RestoreService
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths

    class NoSecrets:
        def status(self): ...
        def load_key(self, vault_id): return None
        def save_key(self, vault_id, key): ...
        def forget_key(self, vault_id): ...

    data_dir, backup = Path(sys.argv[1]), Path(sys.argv[2])
    password = sys.stdin.readline().rstrip("\\n")
    restorer = RestoreService(VaultService(VaultPaths(data_dir), NoSecrets()))
    plan = restorer.prepare(backup, password)
    print("ready", flush=True)
    sys.stdin.readline()
    restorer.restore(plan)
    print("done", flush=True)
    """
)


def _template(folder: Path) -> tuple[Path, Path]:
    """A journal (clocks A and B, many reasons) and a backup of it holding only clock A."""
    vault = create_vault(VaultPaths(folder), PASSWORD, CHEAP_KDF)
    clocks = ClockService(vault)
    clocks.add_clock("A", date(2025, 3, 1))
    with vault.engine.begin() as conn:  # enough pages that the copy takes a while
        conn.exec_driver_sql(
            "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n "
            "WHERE value < 6000) "
            "INSERT INTO reason (uid, text, position, created_at) "
            "SELECT lower(hex(randomblob(16))), hex(randomblob(200)), value, "
            "'2026-01-01 00:00:00.000000' FROM n"
        )
    made = BackupService(vault).back_up_now().made
    assert made is not None
    clocks.add_clock("B", date(2026, 2, 1))
    vault.close()
    return folder, made.path


def _start(data_dir: Path, backup: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(backup)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(PASSWORD + "\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "ready"
    return child


def _end(child: subprocess.Popen[str]) -> None:
    child.wait(timeout=30)
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            pipe.close()


def _names(data_dir: Path) -> list[str]:
    journal = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).unlock(PASSWORD)
    try:
        return [c.name for c in journal.clocks.list_clocks()]
    finally:
        journal.close()


@pytest.mark.reliability
def test_kill_9_during_restore_always_leaves_a_journal_that_opens(tmp_path: Path) -> None:
    template, backup = _template(tmp_path / "template")
    relative = backup.relative_to(template)

    def trial_dir(n: int) -> Path:
        target = tmp_path / f"trial-{n}"
        shutil.copytree(template, target)
        return target

    # One restore to the end, to learn how long one takes here.
    calibration = trial_dir(0)
    child = _start(calibration, calibration / relative)
    started = time.perf_counter()
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "done"
    duration = time.perf_counter() - started
    _end(child)
    assert _names(calibration) == ["A"]

    rng = random.Random(17)
    outcomes = {"as it was": 0, "restored": 0}
    for n in range(1, TRIALS + 1):
        data_dir = trial_dir(n)
        child = _start(data_dir, data_dir / relative)
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        time.sleep(rng.uniform(0, duration * 1.1))
        os.kill(child.pid, signal.SIGKILL)
        _end(child)
        names = _names(data_dir)  # opens: that is the promise
        assert names in (["A", "B"], ["A"])
        outcomes["restored" if names == ["A"] else "as it was"] += 1
        shutil.rmtree(data_dir)
    print(f"\nrestore took {duration * 1000:.0f} ms; {TRIALS} kills: {outcomes}")
    assert sum(outcomes.values()) == TRIALS
