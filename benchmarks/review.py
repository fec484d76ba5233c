"""The review's data on a heavy journal, per range, against an empty journal (no widgets).

    python benchmarks/review.py [--runs N] [--seed N] [--scale N]

Setup, not timed: a heavy journal (`heavy_vault.py`, at `--scale`, cheap key derivation since
unlocking is not measured) and an empty one, unlocked, in a throwaway folder with HOME, XDG
and the keyring pointed there (as in today.py, whose helpers this reuses).

One sample: `ReviewService(vault).review(choice)`, everything the Review screen and the report
need for that range (the counting queries in one session, the domain's numbers, the then-and-
now sentences), timed with `time.perf_counter()`. For each of "all", "12 months", "3 months"
and "4 weeks": one warm-up of each journal, then heavy and empty alternate run by run. Then
the cluster search of hard dates (`HardDateService.clusters()`), and, for "all", the SQL part
(`inputs`) beside the domain part (`build_review`).

The Review screen's budgets (issue 16) are first paint <= 100 ms (which must not wait for
this: it runs off the GUI thread), charts filled <= 500 ms and a range change <= 300 ms; the
data is measured here against the 300 ms, which the drawing must then fit beside. It prints
medians with min and max, the CPU time's median beside them (on a shared machine the wall
clock mostly measures the other processes), the load average, and the ratio heavy/empty;
it exits 0 once it has measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recovery_app.storage.vault import Vault

RANGE_CHANGE_MS = 300.0
PASSWORD = "benchmark-password-1"


def _open(base: Path, seed: int, scale: int) -> tuple[Vault, Vault, float]:
    from heavy_vault import CHEAP_KDF, HEAVY, build_heavy_vault, open_storage

    from recovery_app.storage.paths import VaultPaths
    from recovery_app.storage.vault import create_vault

    started = time.perf_counter()
    build_heavy_vault(base / "heavy", PASSWORD, seed=seed, sizes=HEAVY.scaled(scale))
    built = time.perf_counter() - started
    create_vault(VaultPaths(base / "empty"), PASSWORD, CHEAP_KDF).close()
    opened = [open_storage(base / name, PASSWORD) for name in ("heavy", "empty")]
    return opened[0], opened[1], built


Sample = tuple[float, float]  # wall seconds (perf_counter), CPU seconds (process_time)


def _timed(work: Callable[[], object]) -> Callable[[], Sample]:
    def run() -> Sample:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        return time.perf_counter() - wall, time.process_time() - cpu

    return run


def alternate(runs: int, measures: dict[str, Callable[[], Sample]]) -> dict[str, list[Sample]]:
    """One warm-up of each, thrown away, then `runs` of each, alternating run by run."""
    for measure in measures.values():
        measure()
    samples: dict[str, list[Sample]] = {label: [] for label in measures}
    for _ in range(runs):
        for label, measure in measures.items():
            samples[label].append(measure())
    return samples


def _median_ms(samples: list[Sample], which: int = 0) -> float:
    return statistics.median(s[which] for s in samples) * 1000


def _line(label: str, samples: list[Sample]) -> str:
    """The wall-clock median (min-max), and the CPU time's median: on a shared machine the
    CPU time says what the work costs, the wall clock what a person would wait."""
    wall = [s[0] * 1000 for s in samples]
    return (
        f"  {label:<22} {statistics.median(wall):8.1f} ms  ({min(wall):.1f}–{max(wall):.1f})"
        f"   CPU {_median_ms(samples, 1):7.1f} ms"
    )


def measure(base: Path, runs: int, seed: int, scale: int) -> None:
    from heavy_vault import count_rows

    from recovery_app.domain.review import build_review
    from recovery_app.domain.review_range import RangeChoice
    from recovery_app.services.hard_dates import HardDateService
    from recovery_app.services.review import ReviewService

    heavy, empty, built = _open(base, seed, scale)
    try:
        counts = count_rows(heavy)
        print(
            f"Heavy journal at {scale}x: {counts['urge']:,} urges, {counts['check_in']:,} "
            f"check-ins, {counts['promise']:,} promises, {counts['hunch']:,} hunches "
            f"(made in {built:.1f} s, untimed); time zone {time.tzname[0]}"
        )
        services = {"heavy": ReviewService(heavy), "empty": ReviewService(empty)}
        print(f"\nReviewService.review(range), {runs} runs each after one warm-up:")
        for choice in (
            RangeChoice.ALL,
            RangeChoice.LAST_12_MONTHS,
            RangeChoice.LAST_3_MONTHS,
            RangeChoice.LAST_4_WEEKS,
        ):
            samples = alternate(
                runs,
                {
                    label: _timed(lambda s=service, c=choice: s.review(c))
                    for label, service in services.items()
                },
            )
            heavy_ms = _median_ms(samples["heavy"])
            ratio = heavy_ms / _median_ms(samples["empty"])
            met = "met" if heavy_ms <= RANGE_CHANGE_MS else "not met"
            print(_line(f"{choice.value} heavy", samples["heavy"]))
            print(_line(f"{choice.value} empty", samples["empty"]))
            print(f"  {'':<22} ratio {ratio:.1f}; ≤ {RANGE_CHANGE_MS:.0f} ms: {met}")

        inputs = services["heavy"].inputs(RangeChoice.ALL)
        split = alternate(
            runs,
            {
                "inputs (SQL)": _timed(lambda: services["heavy"].inputs(RangeChoice.ALL)),
                "build_review": _timed(lambda: build_review(inputs)),
            },
        )
        print("\nThe parts of 'all' on the heavy journal:")
        for label, values in split.items():
            print(_line(label, values))

        clusters = alternate(
            runs,
            {
                "heavy": _timed(HardDateService(heavy).clusters),
                "empty": _timed(HardDateService(empty).clusters),
            },
        )
        print("\nHardDateService.clusters():")
        for label, values in clusters.items():
            print(_line(label, values))
    finally:
        heavy.close()
        empty.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (default 15)")
    parser.add_argument("--seed", type=int, default=1, help="heavy journal's seed (default 1)")
    parser.add_argument("--scale", type=int, default=1, help="heavy journal's scale (default 1)")
    args = parser.parse_args()
    if args.runs < 1 or args.scale < 1:
        parser.error("--runs and --scale are whole numbers from 1")
    with tempfile.TemporaryDirectory(prefix="recovery-app-bench-") as tmp:
        from today import isolate

        base = Path(tmp)
        isolate(base)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"Python {sys.version.split()[0]}, CPUs {os.cpu_count()}, load average {load}")
        measure(base, args.runs, args.seed, args.scale)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"\nLoad average at the end: {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
