"""The whole-relationship view on a heavy journal: opening it, and each frame while panning.

    python benchmarks/whole_relationship.py [--runs N] [--frames N] [--seed N] [--profile]

Setup, not timed, as in benchmarks/today.py (whose helpers this reuses): a heavy journal
(benchmarks/heavy_vault.py: 5,000 memories over fifteen years among the rest; cheap key
derivation) and an empty one, unlocked, in a throwaway folder that HOME, XDG and the null
keyring point into; Qt offscreen unless QT_QPA_PLATFORM says otherwise; the app's style
sheet. The content warning is turned off in both journals (`MemoryService.save_settings`), so
what opens is the view itself, not the note before it.

1. Opening, measured as today.py measures Today: one sample is
   `WholeRelationshipScreen(journal.memories, journal.clocks)`, `resize(900, 600)`,
   `show()`, then `processEvents()` until its first paint (`grab()` if none came), under
   `time.perf_counter()`; then checked (no message, every memory on the timeline), closed and
   deleted, untimed. One warm-up each, then empty and heavy alternate. Target: heavy median
   <= 200 ms. (The pattern panel is counted on a worker thread and fills in after the view
   shows; opening does not wait for it.) `--profile` adds the cProfile top 15 of one more
   heavy open.
2. Panning: one screen per journal stays open, with a good moment chosen (so the window
   around it is shaded and the harm there ringed, the busiest frame). At each zoom step,
   years to weeks, the scroll bar moves by 40 pixels `--frames` times across the middle of the
   range, and each frame is `viewport().repaint()` (a synchronous paint of the whole visible
   strip) under `time.perf_counter()`. Per zoom it prints p50, p95 and max per frame for both
   journals and the ratio heavy/empty; the baseline journal is given one memory first, so
   that it pans a timeline too (empty, it shows its "nothing here yet" card). Target: heavy
   p95 <= 16 ms at every zoom.

It is a measurement: it exits 0 whatever the figures, 1 only if it could not measure.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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
from urges import percentile

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from recovery_app.services.journal import Journal

OPEN_TARGET_MS = 200.0
FRAME_TARGET_MS = 16.0
STEP_PX = 40


def timeline_check(expected: list[int]) -> Callable[[Any], None]:
    """No message, and every memory on the timeline (`expected[0]` of them)."""

    def check(screen: Any) -> None:
        no_message(screen, "The view")
        shown = len(screen.timeline.memories())
        if shown != expected[0]:
            raise BenchmarkError(f"the timeline held {shown} memories, not {expected[0]}")

    return check


def view(journal: Journal) -> Callable[[], QWidget]:
    from recovery_app.ui.whole.screen import WholeRelationshipScreen

    return lambda: WholeRelationshipScreen(journal.memories, journal.clocks)


def without_warning(journal: Journal) -> int:
    """Turn the content warning off; the number of memories, for the check."""
    from dataclasses import replace

    service = journal.memories
    service.save_settings(replace(service.settings(), content_warning=False))
    return len(service.list_memories())


def add_one_memory(journal: Journal) -> int:
    from recovery_app.domain.fuzzy_dates import parse
    from recovery_app.domain.memories import MemoryDetails, MemoryKind

    journal.memories.add_memory(MemoryDetails(MemoryKind.GOOD, "One", parse("2020-05")))
    return 1


def pan_frames(screen: Any, frames: int) -> dict[int, list[float]]:
    """Per zoom step, the time of each synchronous repaint while the view pans."""
    from recovery_app.domain.memories import MemoryKind
    from recovery_app.ui.whole.timeline.layout import ZOOMS

    timeline = screen.timeline
    memories = timeline.memories()
    good = [m for m in memories if m.kind is MemoryKind.GOOD]
    if good:
        screen.select_memory(good[len(good) // 2])
    by_zoom: dict[int, list[float]] = {}
    for step in range(len(ZOOMS)):
        timeline.set_zoom(step)
        bar = timeline.horizontalScrollBar()
        start = max(0, bar.maximum() // 2 - frames * STEP_PX // 2)
        samples = []
        for frame in range(frames):
            bar.setValue(start + frame * STEP_PX)
            started = time.perf_counter()
            timeline.viewport().repaint()
            samples.append(time.perf_counter() - started)
        by_zoom[step] = samples
    return by_zoom


def measure(base: Path, runs: int, frames: int, seed: int, profile: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from recovery_app.ui.kit.style import STYLE_SHEET
    from recovery_app.ui.whole.timeline.layout import ZOOMS

    quiet_offscreen_warning()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setStyleSheet(STYLE_SHEET)
    heavy, empty, built = open_journals(base, seed)
    try:
        heavy_count, empty_count = without_warning(heavy), without_warning(empty)
        print(f"Heavy journal: {heavy_count} memories (made in {built:.1f} s, untimed)")
        expected = {"empty": [empty_count], "heavy": [heavy_count]}
        runs_by = {
            label: ScreenRun(view(journal), timeline_check(expected[label]))
            for label, journal in (("empty", empty), ("heavy", heavy))
        }
        samples = alternate(runs, dict(runs_by))
        report(
            f"Whole-relationship view built, shown and painted at {WIDTH}x{HEIGHT}, "
            f"{runs} runs each after one warm-up (ms):",
            samples,
        )
        median = statistics.median(samples["heavy"]) * 1000
        met = "met" if median <= OPEN_TARGET_MS else "not met"
        print(f"Heavy median: {median:.1f} ms   target ≤ {OPEN_TARGET_MS:.0f} ms: {met}")
        if profile:
            _profile(runs_by["heavy"])

        # The baseline pans a timeline too: one memory, so the view itself shows.
        expected["empty"][0] = add_one_memory(empty)
        opened = {label: run.open() for label, run in runs_by.items()}
        try:
            frames_by = {label: pan_frames(screen, frames) for label, screen in opened.items()}
        finally:
            for screen in opened.values():
                ScreenRun.tear_down(screen)
        print()
        print(f"Panning: {frames} frames per zoom step, {STEP_PX} px apart (ms per frame):")
        print(f"  {'zoom':<22} {'':<6} {'p50':>7} {'p95':>7} {'max':>7}   ratio p95 heavy/empty")
        worst = 0.0
        for step, scale in enumerate(ZOOMS):
            name = f"{step} ({scale:g} px/day)"
            p95 = {}
            for label in ("empty", "heavy"):
                ms = [s * 1000 for s in frames_by[label][step]]
                p95[label] = percentile(ms, 0.95)
                print(
                    f"  {name:<22} {label:<6} {percentile(ms, 0.5):7.2f} {p95[label]:7.2f}"
                    f" {max(ms):7.2f}"
                    + (f"   {p95['heavy'] / p95['empty']:.2f}" if label == "heavy" else "")
                )
            worst = max(worst, p95["heavy"])
        met = "met" if worst <= FRAME_TARGET_MS else "not met"
        print(
            f"Heavy p95 per frame, worst zoom: {worst:.2f} ms   "
            f"target ≤ {FRAME_TARGET_MS:.0f} ms: {met}"
        )
    finally:
        heavy.close()
        empty.close()


def _profile(run: ScreenRun) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    screen = run.open()
    profiler.disable()
    ScreenRun.tear_down(screen)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
    print()
    print("Profile of one heavy open (cumulative, top 15):")
    print(out.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="opens of each (default 15)")
    parser.add_argument("--frames", type=int, default=60, help="frames per zoom (default 60)")
    parser.add_argument("--seed", type=int, default=1, help="heavy journal's seed (default 1)")
    parser.add_argument("--profile", action="store_true", help="profile one more heavy open")
    args = parser.parse_args()
    if args.runs < 1 or args.frames < 1:
        parser.error("--runs and --frames must be at least 1")
    with tempfile.TemporaryDirectory(prefix="recovery-app-bench-") as tmp:
        base = Path(tmp)
        isolate(base)
        import PySide6

        print(f"Python {platform.python_version()} ({sys.executable})")
        print(f"PySide6 {PySide6.__version__}, Qt platform {os.environ['QT_QPA_PLATFORM']}")
        print(f"CPUs {os.cpu_count()}, {platform.platform()}")
        try:
            measure(base, args.runs, args.frames, args.seed, args.profile)
        except BenchmarkError as error:
            print(f"whole-relationship benchmark: could not measure: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
