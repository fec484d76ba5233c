"""One flipped bit anywhere in journal.key is "damaged" (exit 5), never "wrong password".

In process: every byte of a version-2 key file, all 8 bits of each, through the whole
unlock. Then a seeded sample of 120 (byte, bit) flips through the installed
`recovery-app status`, each in a subprocess: exit 5, or (never expected) a normal open
with the same output as the sound journal; exit 3 (wrong password) counts as a failure.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from journal_children import PASSWORD, fresh_copy, new_vault, run_installed, service_for
from reliability_counts import Tally

from recovery_app.services.clocks import ClockService
from recovery_app.storage import errors

pytestmark = pytest.mark.reliability

SUBPROCESS_SAMPLE = 120


@pytest.fixture
def pristine(tmp_path: Path) -> Path:
    from datetime import date

    data_dir = tmp_path / "pristine"
    vault = new_vault(data_dir)
    ClockService(vault).add_clock("R.", date(2026, 1, 5))
    vault.close()
    return data_dir


def _flipped(data: bytes, position: int, bit: int) -> bytes:
    flipped = bytearray(data)
    flipped[position] ^= 1 << bit
    return bytes(flipped)


def test_every_bit_of_every_byte_in_process(pristine: Path, tmp_path: Path) -> None:
    sound = (pristine / "journal.key").read_bytes()
    work = fresh_copy(pristine, tmp_path / "work")
    service = service_for(work)
    tally = Tally("key file, every bit of every byte, in process")
    for position in range(len(sound)):
        for bit in range(8):
            (work / "journal.key").write_bytes(_flipped(sound, position, bit))
            try:
                service.unlock(PASSWORD).close()
                tally.add("opened", failed=True)  # a changed file must never open silently
            except errors.KeyFileDamaged:
                tally.add("damaged")
            except errors.WrongPassword:
                tally.add("wrong password", failed=True)
            except errors.VaultError as error:
                tally.add(type(error).__name__, failed=True)
    tally.report(bytes=len(sound), bits_per_byte=8)
    assert tally.trials == 8 * len(sound)
    assert tally.failures == 0, tally.outcomes


def test_a_sample_through_the_installed_command(pristine: Path, tmp_path: Path) -> None:
    home = tmp_path / "home-for-commands"
    sound_run = run_installed(pristine, home, "status")
    assert sound_run.returncode == 0, sound_run.stderr
    sound = (pristine / "journal.key").read_bytes()
    rng = random.Random(18)
    flips = [(rng.randrange(len(sound)), rng.randrange(8)) for _ in range(SUBPROCESS_SAMPLE)]

    def attempt(index: int) -> tuple[int, str, str]:
        position, bit = flips[index]
        work = fresh_copy(pristine, tmp_path / f"flip-{index}")
        (work / "journal.key").write_bytes(_flipped(sound, position, bit))
        result = run_installed(work, home, "status")
        return result.returncode, result.stdout, result.stderr

    tally = Tally("key file, sample through `recovery-app status`")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for code, out, err in pool.map(attempt, range(len(flips))):
            if code == 5 and "damaged" in err and "probably fine" in err:
                tally.add("exit 5, damaged")
            elif code == 0 and out == sound_run.stdout:
                tally.add("opened, same content")
            elif code == 3:
                tally.add("exit 3, wrong password", failed=True)
            else:
                tally.add(f"exit {code}", failed=True)
    tally.report(sample=SUBPROCESS_SAMPLE)
    assert tally.trials >= 100
    assert tally.failures == 0, tally.outcomes
