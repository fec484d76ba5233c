"""The Review screen as a person waits for it, through the real window, on a heavy journal
against an empty one.

    python benchmarks/review_screen.py [--runs N] [--seed N] [--scale N]

From another benchmark: `figures = measure(runs=5)` then `print(report(figures))`
(`measure` makes its own throwaway folder unless given `base`; it needs no running
QApplication, and makes one, offscreen unless QT_QPA_PLATFORM says otherwise).

Setup, not timed: a heavy journal (`heavy_vault.py` at `--scale`, cheap key derivation) and
an empty one, each with the window the app builds (`app.build_window`: the real
`JournalWindow`, its look and style sheet), 1280x800. HOME, XDG and the keyring point into
the throwaway folder (`today.isolate`).

One run, for each journal in turn (heavy and empty alternate run by run, after one warm-up
run of each that is thrown away): the password typed into the unlock screen and Enter
pressed (QTest), until Today is on show (untimed); then, timed with `time.perf_counter()`:

- first paint: Ctrl+6 (the Review section, built on this first visit) until the end of the
  window's first paint pass with the screen on show (seen by a filter on the windows alone,
  frames.py: an application-wide one would slow every event of the app down);
- charts filled: the same key press until the screen says its numbers are drawn (its
  `filled` signal, emitted once every panel holds its chart and table) and the paint that
  follows has been delivered;
- range change, right away: at once after that, Right on the range row (3 months to 12
  months) until filled and painted, while the other ranges may still be counted;
- range change, settled: once the screen has counted the other ranges (what it does while
  the person reads), Right (12 months to all), then Alt+4 (all to 4 weeks), each until
  filled and painted; reported together;
- range change, two dates: Alt+H, the dates of the last 4 weeks (never counted ahead), until
  filled and painted;
- then the journal is locked (Ctrl+L), untimed.

It prints each median with its min and max, the ratio heavy/empty of the medians, the load
average before and after, and the targets of issue 16 (first paint <= 100 ms on the heavy
journal, charts filled <= 500 ms, changing the range <= 300 ms). It exits 0 once it has
measured, 1 if it could not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recovery_app.ui.shell.window import JournalWindow

PASSWORD = "benchmark-password-1"
SIZE = (1280, 800)
WAIT_S = 30.0
TARGETS_MS = {
    "first paint": 100.0,
    "charts filled": 500.0,
    "range change, right away": 300.0,
    "range change, settled": 300.0,
    "range change, two dates": 300.0,
}


class BenchmarkError(Exception):
    pass


@dataclass
class Figures:
    """Milliseconds per measure, per journal ("heavy", "empty")."""

    samples: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    cpu: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    heavy_rows: dict[str, int] = field(default_factory=dict)
    load_before: tuple[float, ...] = ()
    load_after: tuple[float, ...] = ()

    def add(self, journal: str, measure: str, seconds: float, cpu: float | None = None) -> None:
        self.samples.setdefault(measure, {}).setdefault(journal, []).append(seconds * 1000)
        if cpu is not None:
            self.cpu.setdefault(measure, {}).setdefault(journal, []).append(cpu * 1000)


def _wait(condition: Callable[[], bool], what: str) -> None:
    """Wait in the event loop, as the app does (blocked until something happens), never by
    spinning: a thread spinning in Python holds the interpreter's lock, and the review's
    counting, which lets go of it at every SQLite step, would wait ~5 ms to get it back
    each time, measuring the spinning rather than the screen."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + WAIT_S
    tick = QTimer()
    tick.start(20)  # so a condition that changes without an event is still seen
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise BenchmarkError(f"gave up waiting for {what}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()


class _PaintWatch:
    """Notes the end of each paint pass of a window that shows a widget of a given class
    (watched through the windows alone: see frames.py)."""

    def __init__(self) -> None:
        from frames import FrameWatch

        self.watching: type | None = None
        self.frames = FrameWatch(self._shows_it)

    def _shows_it(self, window: Any) -> bool:
        kind = self.watching
        return kind is not None and any(w.isVisible() for w in window.findChildren(kind))

    @property
    def paints(self) -> list[float]:
        return self.frames.frames

    def arm(self, kind: type) -> None:
        self.frames.frames.clear()
        self.watching = kind

    def first_paint_after(self, moment: float) -> float | None:
        return self.frames.first_after(moment)


def _window(data_dir: Path) -> JournalWindow:
    from heavy_vault import CHEAP_KDF, NoSecretStore

    from recovery_app.app import build_window

    window, _ = build_window(
        data_dir,
        tray_available=False,
        secrets=NoSecretStore(),  # type: ignore[arg-type]
        kdf=CHEAP_KDF,
        single_instance=False,
    )
    if window is None:
        raise BenchmarkError("the window could not be built")
    window.resize(*SIZE)
    window.show()
    window.start()
    return window


def _activate(window: JournalWindow) -> None:
    """On top and active, so its shortcuts answer keys, as a person's window does."""
    window.raise_()
    window.activateWindow()
    _wait(window.isActiveWindow, "the window to be active")


def _unlock(window: JournalWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    screen = window.unlock_screen
    _wait(lambda: screen.password.isEnabled(), "the unlock screen")
    screen.password.clear()
    QTest.keyClicks(screen.password, PASSWORD)
    QTest.keyClick(screen.password, Qt.Key.Key_Return)
    _wait(lambda: window.main_view is not None, "the journal to open")


def _painted() -> float:
    """The moment what was just drawn is on screen: the paint Qt posted for it is delivered
    by the next pass of the event loop (if nothing changed to the eye, there is none)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    return time.perf_counter()


def _one_run(window: JournalWindow, journal: str, figures: Figures, watch: _PaintWatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from recovery_app.domain.review_range import RangeChoice
    from recovery_app.ui.kit.worker import wait_for_background_work
    from recovery_app.ui.review.screen import ReviewScreen

    _activate(window)
    _unlock(window)
    view = window.main_view
    assert view is not None
    # What unlocking starts on its own (the page check, the backup at unlock) is left to
    # finish first: this measures the Review screen, not the minute after unlocking.
    wait_for_background_work()
    _painted()
    filled: list[tuple[Any, float]] = []

    def timed_key(key: Any, modifier: Any, target: Any, measure: str, wanted: Any) -> None:
        filled.clear()
        in_view.clear()
        watch.arm(ReviewScreen)
        started, cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(target, key, modifier)
        _wait(lambda: any(k == wanted for k, _ in in_view), f"{wanted} to be drawn in view")
        figures.add(
            journal, measure + " (in view)", _painted() - started, time.process_time() - cpu
        )
        _wait(lambda: any(k == wanted for k, _ in filled), f"{wanted} to be drawn")
        figures.add(journal, measure, _painted() - started, time.process_time() - cpu)

    no = Qt.KeyboardModifier.NoModifier
    watch.arm(ReviewScreen)
    started, cpu = time.perf_counter(), time.process_time()
    QTest.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    screen = view.review
    screen.filled.connect(lambda key: filled.append((key, time.perf_counter())))
    in_view: list[tuple[Any, float]] = []
    screen.drawn_in_view.connect(lambda key: in_view.append((key, time.perf_counter())))
    _wait(lambda: watch.first_paint_after(started) is not None, "the first paint")
    figures.add(journal, "first paint", (watch.first_paint_after(started) or 0) - started)
    first_cpu = time.process_time() - cpu  # (to the moment the paint was seen)
    three_months = (RangeChoice.LAST_3_MONTHS, None)
    _wait(lambda: any(k == three_months for k, _ in in_view), "the first range in view")
    figures.add(journal, "top of the page drawn", _painted() - started, time.process_time() - cpu)
    _wait(lambda: any(k == three_months for k, _ in filled), "the first range to be drawn")
    figures.add(journal, "charts filled", _painted() - started, time.process_time() - cpu)
    figures.cpu.setdefault("first paint", {}).setdefault(journal, []).append(first_cpu * 1000)
    figures.add(journal, "  counting (worker thread)", screen.loader.counting_seconds[three_months])

    buttons = screen.range_bar.buttons
    buttons[RangeChoice.LAST_3_MONTHS].setFocus()
    timed_key(
        Qt.Key.Key_Right,
        no,
        buttons[RangeChoice.LAST_3_MONTHS],
        "range change, right away",
        (RangeChoice.LAST_12_MONTHS, None),
    )
    _wait(lambda: screen.loader.idle, "the other ranges to be counted")
    timed_key(
        Qt.Key.Key_Right,
        no,
        buttons[RangeChoice.LAST_12_MONTHS],
        "range change, settled",
        (RangeChoice.ALL, None),
    )
    timed_key(
        Qt.Key.Key_4,
        Qt.KeyboardModifier.AltModifier,
        buttons[RangeChoice.ALL],
        "range change, settled",
        (RangeChoice.LAST_4_WEEKS, None),
    )
    today = screen.review.today()
    from datetime import timedelta

    custom = (RangeChoice.CUSTOM, (today - timedelta(days=27), today))
    timed_key(
        Qt.Key.Key_H,
        Qt.KeyboardModifier.AltModifier,
        buttons[RangeChoice.LAST_4_WEEKS],
        "range change, two dates",
        custom,
    )
    if screen.message.text():
        raise BenchmarkError(f"the Review screen said: {screen.message.text()}")
    window.lock()
    wait_for_background_work()
    _wait(lambda: window.main_view is None, "the lock")


def measure(runs: int = 5, seed: int = 1, scale: int = 1, base: Path | None = None) -> Figures:
    """Build the journals, then time `runs` visits of each (after one warm-up of each)."""
    if base is None:
        with tempfile.TemporaryDirectory(prefix="recovery-app-bench-") as tmp:
            return measure(runs, seed, scale, Path(tmp))
    from today import isolate

    isolate(base)
    from heavy_vault import (
        CHEAP_KDF,
        HEAVY,
        NoSecretStore,
        build_heavy_vault,
        count_rows,
        open_storage,
    )
    from PySide6.QtWidgets import QApplication

    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths

    app = QApplication.instance() or QApplication(["review-screen-benchmark"])
    figures = Figures(load_before=os.getloadavg())
    heavy_dir = build_heavy_vault(
        base / "heavy", PASSWORD, kdf=CHEAP_KDF, seed=seed, sizes=HEAVY.scaled(scale)
    )
    empty_dir = base / "empty"
    VaultService(VaultPaths(empty_dir), NoSecretStore(), CHEAP_KDF).create(PASSWORD).close()
    windows = {"heavy": _window(heavy_dir), "empty": _window(empty_dir)}
    counted = open_storage(heavy_dir, PASSWORD)
    try:
        figures.heavy_rows = count_rows(counted)
    finally:
        counted.close()
    watch = _PaintWatch()
    watch.frames.watch_windows(app)
    try:
        warm_up = Figures()
        for name, window in windows.items():
            _one_run(window, name, warm_up, watch)
        for _ in range(runs):
            for name, window in windows.items():
                _one_run(window, name, figures, watch)
    finally:
        watch.frames.unwatch_windows(app)
        for window in windows.values():
            window.lock()
            window.close()
    figures.load_after = os.getloadavg()
    return figures


def report(figures: Figures) -> str:
    rows = figures.heavy_rows
    lines = [
        f"Heavy journal: {rows.get('urge', 0):,} urges, {rows.get('check_in', 0):,} check-ins, "
        f"{rows.get('contact_event', 0):,} contacts; window {SIZE[0]}x{SIZE[1]}, "
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}",
        "load average before: " + ", ".join(f"{x:.2f}" for x in figures.load_before),
        "",
        f"  {'':<36} {'heavy median (min–max)':>26} {'CPU':>9} {'empty':>9} {'ratio':>6}  target",
    ]
    for measure_name, by_journal in figures.samples.items():
        heavy, empty = by_journal.get("heavy", []), by_journal.get("empty", [])
        if not heavy or not empty:
            continue
        median, base = statistics.median(heavy), statistics.median(empty)
        target = TARGETS_MS.get(measure_name)
        met = (
            ""
            if target is None
            else (f"≤ {target:.0f} ms: {'met' if median <= target else 'not met'}")
        )
        cpu = figures.cpu.get(measure_name, {}).get("heavy", [])
        cpu_text = f"{statistics.median(cpu):6.1f} ms" if cpu else " " * 9
        lines.append(
            f"  {measure_name:<36} {median:7.1f} ms ({min(heavy):.0f}–{max(heavy):.0f})"
            f"{'':>4} {cpu_text} {base:6.1f} ms {median / max(base, 0.1):6.1f}  {met}"
        )
    lines += ["", "load average after: " + ", ".join(f"{x:.2f}" for x in figures.load_after)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="heavy journal's seed (default 1)")
    parser.add_argument("--scale", type=int, default=1, help="heavy journal's scale (default 1)")
    args = parser.parse_args()
    if args.runs < 1 or args.scale < 1:
        parser.error("--runs and --scale are whole numbers from 1")
    print(f"Python {sys.version.split()[0]}, CPUs {os.cpu_count()}")
    try:
        figures = measure(args.runs, args.seed, args.scale)
    except BenchmarkError as error:
        print(f"could not measure: {error}", file=sys.stderr)
        return 1
    print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
