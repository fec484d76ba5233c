"""Every damaged page of journal.db is reported as damaged by `status` (exit 5).

A small journal of every common kind of row; for each of its pages, a copy with one
random bit of that page flipped. Every page goes through `status` in process (the command
line's own code, without the interpreter start); a seeded sample of 20 pages goes through
the installed command as a subprocess.
"""

from __future__ import annotations

import io
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from journal_children import PASSWORD, fresh_copy, run_installed
from reliability_counts import Tally

from recovery_app import cli
from recovery_app.storage.vault import PAGE_SIZE

pytestmark = pytest.mark.reliability

SUBPROCESS_SAMPLE = 16


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from journal_children import filled_journal

    data_dir = tmp_path_factory.mktemp("page-flips") / "pristine"
    filled_journal(data_dir)
    return data_dir


def _flip_in_page(db: Path, page: int, rng: random.Random) -> None:
    data = bytearray(db.read_bytes())
    data[page * PAGE_SIZE + rng.randrange(PAGE_SIZE)] ^= 1 << rng.randrange(8)
    db.write_bytes(bytes(data))


def _status_in_process(data_dir: Path) -> tuple[int, str]:
    from journal_children import NoSecrets

    err = io.StringIO()
    code = cli.run(
        ["--data-dir", str(data_dir), "--password-stdin", "status"],
        stdin=io.StringIO(PASSWORD + "\n"),
        stdout=io.StringIO(),
        stderr=err,
        secrets=NoSecrets(),
    )
    return code, err.getvalue()


def _judge(tally: Tally, code: int, err: str) -> None:
    if code == 5 and "damaged" in err and "backups" in err:
        tally.add("exit 5, damaged")
    else:
        tally.add(f"exit {code}", failed=True)


def test_every_page_through_status_in_process(pristine: Path, tmp_path: Path) -> None:
    pages = (pristine / "journal.db").stat().st_size // PAGE_SIZE
    assert pages >= 60  # the issue tried 61
    rng = random.Random(61)
    tally = Tally("database, one bit in every page, `status` in process")
    for page in range(pages):
        work = fresh_copy(pristine, tmp_path / "work")
        _flip_in_page(work / "journal.db", page, rng)
        _judge(tally, *_status_in_process(work))
    tally.report(pages=pages)
    assert tally.trials == pages
    assert tally.failures == 0, tally.outcomes


def test_a_sample_of_pages_through_the_installed_command(pristine: Path, tmp_path: Path) -> None:
    pages = (pristine / "journal.db").stat().st_size // PAGE_SIZE
    home = tmp_path / "home-for-commands"
    assert run_installed(pristine, home, "status").returncode == 0
    rng = random.Random(62)
    sample = sorted(rng.sample(range(pages), SUBPROCESS_SAMPLE))

    def attempt(page: int) -> tuple[int, str]:
        work = fresh_copy(pristine, tmp_path / f"page-{page}")
        _flip_in_page(work / "journal.db", page, random.Random(page))
        result = run_installed(work, home, "status")
        return result.returncode, result.stderr

    tally = Tally("database, sample of pages, through `recovery-app status`")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for code, err in pool.map(attempt, sample):
            _judge(tally, code, err)
    tally.report(pages=pages, sample=len(sample))
    assert tally.failures == 0, tally.outcomes
