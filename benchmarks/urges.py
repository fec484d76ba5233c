"""Urges on a heavy journal: one urge saved, and the Urges screen opened, against an empty journal.

    python benchmarks/urges.py [--runs N] [--saves N] [--seed N] [--profile]

Setup, not timed, as in benchmarks/today.py (whose helpers this reuses): a heavy journal
(benchmarks/heavy_vault.py: ten years, 50,000 urges among the rest; cheap key derivation,
since unlocking is not measured here) and an empty one, both unlocked with
`VaultService.unlock`, in a throwaway folder that HOME, XDG and the null keyring point into;
Qt offscreen unless QT_QPA_PLATFORM says otherwise; one QApplication with the app's style
sheet. The empty journal's trigger list is seeded (`UrgeService.triggers()`), as the first
look at the quick-log window would.

1. The Urges screen, measured exactly as today.py measures Today: one sample is
   `UrgesScreen(journal.urges)`, `resize(900, 600)`, `show()`, then
   `processEvents()` until its first paint event (`grab()` if none came), under
   `time.perf_counter()`; the screen is then checked (no message, and its model counts every
   urge in the journal), closed and deleted, untimed. One warm-up of each journal, then empty
   and heavy alternate. Target: heavy median <= 100 ms. `--profile` adds the cProfile top 15
   of one more heavy open (the timed part only).
2. Saving an urge: `UrgeService.log_urge(UrgeDetails(at=now, intensity, triggers))`, the
   details drawn from a seeded stream (intensity 3-9, 0-3 triggers from the suggestions) so
   both journals save the same sequence; one warm-up each, then `--saves` saves alternating
   between the journals. Each save is a real commit (WAL, synchronous=FULL) to the disk
   under the throwaway folder. Target: heavy p95 <= 20 ms. The saves come after the screen
   runs, so the empty journal is still empty when its screen is measured.

Ratios are heavy against empty in the same run. It is a measurement: it exits 0 whatever the
figures, 1 only if it could not measure.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from today import (
    HEIGHT,
    WIDTH,
    BenchmarkError,
    ScreenRun,
    alternate,
    isolate,
    no_message,
    open_journals,
    quiet_offscreen_warning,
    report,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from recovery_app.services.journal import Journal

SCREEN_TARGET_MS = 100.0
SAVE_TARGET_P95_MS = 20.0


def urges_check(expected_urges: int) -> Callable[[Any], None]:
    """The screen showed no message and its model counts every urge in the journal."""

    def check(screen: Any) -> None:
        no_message(screen, "The Urges screen")
        model = getattr(screen, "model", None)
        total = getattr(model, "total", expected_urges)
        if total != expected_urges:
            raise BenchmarkError(f"the Urges screen counted {total} urges, not {expected_urges}")

    return check


def urges_screen(journal: Journal) -> Callable[[], QWidget]:
    """What one sample builds: the screen with its services, as the window would."""
    from recovery_app.ui.urges.screen import UrgesScreen

    return lambda: UrgesScreen(journal.urges)


def save_run(journal: Journal, triggers: list[str], seed: int) -> Callable[[], float]:
    """One urge saved per call, the details drawn from a stream seeded alike for each journal."""
    from recovery_app.domain.urges import UrgeDetails

    service = journal.urges
    rng = random.Random(f"{seed}/saves")

    def run() -> float:
        details = UrgeDetails(
            at=datetime.now(UTC),
            intensity=rng.randint(3, 9),
            triggers=tuple(rng.sample(triggers, rng.randint(0, 3))),
        )
        started = time.perf_counter()
        service.log_urge(details)
        return time.perf_counter() - started

    return run


def percentile(samples: list[float], share: float) -> float:
    """The `share` quantile, interpolated between the nearest samples."""
    ordered = sorted(samples)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def report_saves(samples: dict[str, list[float]]) -> None:
    count = len(samples["heavy"])
    print()
    print(f"Saving one urge, UrgeService.log_urge, {count} saves each after one warm-up (ms):")
    print(f"  {'':<6} {'p50':>9} {'p95':>9} {'min':>9} {'max':>9}")
    for label, values in samples.items():
        ms = [s * 1000 for s in values]
        print(
            f"  {label:<6} {percentile(ms, 0.5):9.1f} {percentile(ms, 0.95):9.1f}"
            f" {min(ms):9.1f} {max(ms):9.1f}"
        )
    p50, p95 = (
        {label: percentile(values, share) for label, values in samples.items()}
        for share in (0.5, 0.95)
    )
    print(
        f"Ratio heavy/empty: p50 {p50['heavy'] / p50['empty']:.2f}, "
        f"p95 {p95['heavy'] / p95['empty']:.2f}"
    )
    heavy_ms = p95["heavy"] * 1000
    met = "met" if heavy_ms <= SAVE_TARGET_P95_MS else "not met"
    print(f"Heavy p95: {heavy_ms:.1f} ms   target ≤ {SAVE_TARGET_P95_MS:.0f} ms: {met}")


def profile_open(run: ScreenRun) -> None:
    """The cProfile top 15 (cumulative) of one more open (the timed part only)."""
    profiler = cProfile.Profile()
    run.tear_down(profiler.runcall(run.open))
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
    print()
    print("Profile of one heavy open (cProfile, cumulative, top 15):")
    print(out.getvalue().strip())


def measure_screen(heavy: Journal, empty: Journal, urges: int, runs: int, profile: bool) -> None:
    screens = {
        "empty": ScreenRun(urges_screen(empty), urges_check(0)),
        "heavy": ScreenRun(urges_screen(heavy), urges_check(urges)),
    }
    samples = alternate(runs, dict(screens))
    report(
        f"Urges screen built, shown and painted at {WIDTH}x{HEIGHT}, "
        f"{runs} runs each after one warm-up (ms):",
        samples,
    )
    heavy_ms = statistics.median(samples["heavy"]) * 1000
    met = "met" if heavy_ms <= SCREEN_TARGET_MS else "not met"
    print(f"Heavy median: {heavy_ms:.1f} ms   target ≤ {SCREEN_TARGET_MS:.0f} ms: {met}")
    grabbed = {label: run.painted_by_grab for label, run in screens.items()}
    if any(grabbed.values()):
        print(f"No paint event came, so grab() painted: {grabbed} (warm-up included)")
    else:
        print("Every run was painted by its own expose (grab() was never needed).")
    if profile:
        profile_open(screens["heavy"])


def measure(base: Path, runs: int, saves: int, seed: int, profile: bool) -> bool:
    """Both measures; False if the screen could not be measured (the saves still are)."""
    heavy, empty, built = open_journals(base, seed)
    try:
        from heavy_vault import counts_in
        from PySide6.QtWidgets import QApplication
        from today import PASSWORD

        from recovery_app.ui.kit.style import STYLE_SHEET

        counts = counts_in(base / "heavy", PASSWORD)
        triggers = empty.urges.triggers()  # seeds the empty journal's list
        print(
            f"Heavy journal: {counts['urge']} urges, {counts['urge_trigger']} trigger links, "
            f"{counts['urge_trigger_name']} triggers, {counts['check_in']} check-ins, "
            f"{counts['contact_event']} contact events (made in {built:.1f} s, untimed)"
        )
        print(f"Journals in {base} (each save waits for the disk there)")
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        app.setStyleSheet(STYLE_SHEET)
        quiet_offscreen_warning()

        try:
            from recovery_app.ui.urges.screen import UrgesScreen  # noqa: F401
        except ImportError as error:
            print(f"urges benchmark: no Urges screen to measure: {error}", file=sys.stderr)
            screen_measured = False
        else:
            measure_screen(heavy, empty, counts["urge"], runs, profile)
            screen_measured = True
        savers = {
            "empty": save_run(empty, triggers, seed),
            "heavy": save_run(heavy, triggers, seed),
        }
        report_saves(alternate(saves, savers))
        return screen_measured
    finally:
        heavy.close()
        empty.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="screen opens of each (default 15)")
    parser.add_argument("--saves", type=int, default=200, help="urge saves on each (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="heavy journal's seed (default 1)")
    parser.add_argument(
        "--profile", action="store_true", help="print a profile of one more heavy screen open"
    )
    args = parser.parse_args()
    if args.runs < 1 or args.saves < 1:
        parser.error("--runs and --saves must be at least 1")

    with tempfile.TemporaryDirectory(prefix="recovery-app-bench-") as tmp:
        base = Path(tmp)
        isolate(base)
        import PySide6

        print(f"Python {platform.python_version()} ({sys.executable})")
        print(f"PySide6 {PySide6.__version__}, Qt platform {os.environ['QT_QPA_PLATFORM']}")
        print(f"CPUs {os.cpu_count()}, {platform.platform()}")
        try:
            complete = measure(base, args.runs, args.saves, args.seed, args.profile)
        except BenchmarkError as error:
            print(f"urges benchmark: could not measure: {error}", file=sys.stderr)
            return 1
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
