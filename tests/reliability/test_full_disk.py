"""A full disk is named "the disk is full", never "not yours" or "read-only", and loses
nothing: on a 3 MiB tmpfs filled to a different level each time, a save through the
command line either succeeds or says the disk is full; once space is freed, every save
that succeeded is there and the journal passes its integrity check.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from journal_children import PASSWORD, NoSecrets, opened_vault, service_for
from reliability_counts import Tally
from storage_conditions import fill_leaving, small_disk

from recovery_app import cli
from recovery_app.services.urges import UrgeService

pytestmark = pytest.mark.reliability

# Free space left for each try, in KiB: dense where SQLite's answers change (<= 64 KiB).
FREE_KIB = [*range(0, 68, 4), 80, 96, 128, 160, 192, 256, 384, 512]


def _log_urge(data_dir: Path, note: str) -> tuple[int, str]:
    err = io.StringIO()
    command = ["log-urge", "--intensity", "6", "--note", note, "--trigger", "a song"]
    code = cli.run(
        ["--data-dir", str(data_dir), "--password-stdin", *command],
        stdin=io.StringIO(PASSWORD + "\n"),
        stdout=io.StringIO(),
        stderr=err,
        secrets=NoSecrets(),
    )
    return code, err.getvalue()


def test_a_full_disk_is_named_and_loses_nothing(tmp_path: Path) -> None:
    tally = Tally("full disk, saves through the command line")
    saved: list[str] = []
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "journal"
        service_for(data_dir).create(PASSWORD).close()
        for free_kib in FREE_KIB:
            filler = fill_leaving(disk, free_kib * 1024)
            for attempt in range(3):
                note = f"save {free_kib} KiB free, try {attempt} " + "x" * 400
                code, err = _log_urge(data_dir, note)
                if code == 0:
                    saved.append(note)
                    tally.add("saved")
                elif code == 1 and "disk is full" in err:
                    misnamed = "yours" in err or "read-only" in err or "went wrong" in err
                    tally.add("misnamed" if misnamed else "refused: disk is full", failed=misnamed)
                else:
                    tally.add(f"exit {code}", failed=True)
            filler.unlink()
        vault = opened_vault(data_dir)
        try:
            vault.check_integrity()
            kept = {urge.details.note for urge in UrgeService(vault).list_urges()}
        finally:
            vault.close()
    lost = [note for note in saved if note not in kept]
    tally.report(free_levels=len(FREE_KIB), saved=len(saved), lost=len(lost))
    assert tally.failures == 0, tally.outcomes
    assert lost == []
    assert tally.outcomes["refused: disk is full"] > 0 and tally.outcomes["saved"] > 0
