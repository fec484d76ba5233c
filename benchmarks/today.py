"""Today on a heavy journal: the screen built, shown and painted, against an empty journal.

    python benchmarks/today.py [--runs N] [--seed N]

Setup, not timed: a heavy journal (benchmarks/heavy_vault.py: 3 clocks over ten years, 2,000
contact events, 3,650 check-ins; cheap key derivation, since unlocking is not measured here)
and an empty one, both unlocked with `VaultService.unlock`, in a throwaway folder; HOME, the
XDG folders and the keyring (the null backend) point there too, and Qt runs offscreen unless
QT_QPA_PLATFORM says otherwise. One QApplication with the app's style sheet, as app.py sets it.

One sample, in this process: `TodayScreen(journal.clocks, journal.check_ins, journal.urges)` (its
constructor loads everything and builds the cards), `resize(900, 600)`, `show()`, then
`processEvents()` until the screen has had its first paint event (the expose paints the whole
tree in one pass, so the screen and all its cards are painted when that call returns); if no
paint came, `grab()` forces one. The clock is `time.perf_counter()` around all of it. Then the
screen is checked (three cards on the heavy journal), closed and deleted (`deleteLater` and the
deferred delete delivered) and the garbage collected, untimed.

One warm-up run of each journal is thrown away (fonts, the style sheet's first use, the texts'
cache), then empty and heavy alternate run by run. The data part alone,
`ClockService.summaries()` + `CheckInService.get()`, is timed the same way, so the data's cost
can be told from the widgets'. The target is about the heavy median itself: <= 100 ms; the
ratio heavy/empty is printed beside it. It is a measurement: it exits 0 whatever the figures,
1 only if it could not measure.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from recovery_app.services.journal import Journal

TARGET_MS = 100.0
PASSWORD = "benchmark-password-1"
WIDTH, HEIGHT = 900, 600
PAINT_WAIT_S = 5.0


class BenchmarkError(Exception):
    pass


def isolate(base: Path) -> None:
    """Point HOME, XDG and the keyring at `base` before Qt or keyring is imported."""
    for name in ("home", "config", "data", "cache", "state", "runtime"):
        (base / name).mkdir(mode=0o700, exist_ok=True)
    os.environ.update(
        HOME=str(base / "home"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CACHE_HOME=str(base / "cache"),
        XDG_STATE_HOME=str(base / "state"),
        XDG_RUNTIME_DIR=str(base / "runtime"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("RECOVERY_APP_DATA_DIR", None)


def open_journals(base: Path, seed: int) -> tuple[Journal, Journal, float]:
    """The heavy and the empty journal, unlocked; and how long the heavy one took to make."""
    from heavy_vault import CHEAP_KDF, NoSecretStore, build_heavy_vault

    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths

    started = time.perf_counter()
    heavy_dir = build_heavy_vault(base / "heavy", PASSWORD, kdf=CHEAP_KDF, seed=seed)
    built = time.perf_counter() - started
    empty_dir = base / "empty"
    VaultService(VaultPaths(empty_dir), NoSecretStore(), CHEAP_KDF).create(PASSWORD).close()
    heavy = VaultService(VaultPaths(heavy_dir), NoSecretStore(), CHEAP_KDF).unlock(PASSWORD)
    empty = VaultService(VaultPaths(empty_dir), NoSecretStore(), CHEAP_KDF).unlock(PASSWORD)
    return heavy, empty, built


class ScreenRun:
    """Builds, shows and paints one screen per call (the timed part), then checks it with
    `check` and tears it down, untimed. The Urges and whole-relationship benchmarks use it
    too, so every screen is measured the same way."""

    def __init__(self, make: Callable[[], QWidget], check: Callable[[Any], None]) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.make = make
        self.check = check
        self.painted_by_grab = 0
        self._paint = QEvent.Type.Paint
        self._painted = False

        run = self

        class PaintWatch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == run._paint:
                    run._painted = True
                return False

        self._watch = PaintWatch()

    def __call__(self) -> float:
        started = time.perf_counter()
        screen = self.open()
        elapsed = time.perf_counter() - started
        try:
            self.check(screen)
        finally:
            self.tear_down(screen)
        return elapsed

    def open(self) -> QWidget:
        """The timed part: built, shown and painted."""
        from PySide6.QtWidgets import QApplication

        self._painted = False
        started = time.perf_counter()
        screen = self.make()
        screen.installEventFilter(self._watch)
        screen.resize(WIDTH, HEIGHT)
        screen.show()
        deadline = started + PAINT_WAIT_S
        QApplication.processEvents()
        while not self._painted and time.perf_counter() < deadline:
            QApplication.processEvents()
        if not self._painted:
            screen.grab()
            self.painted_by_grab += 1
        return screen

    @staticmethod
    def tear_down(screen: QWidget) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication

        destroyed: list[bool] = []
        screen.destroyed.connect(lambda: destroyed.append(True))
        screen.close()
        screen.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        if not destroyed:
            raise BenchmarkError(f"{type(screen).__name__} was not deleted between runs")
        gc.collect()


def no_message(screen: Any, what: str) -> None:
    message = screen.message.text() if hasattr(screen, "message") else ""
    if message:
        raise BenchmarkError(f"{what} showed a message instead of its contents: {message}")


def today_run(journal: Journal, expected_cards: int) -> ScreenRun:
    """Today, built as the window builds it, checked for its clock cards."""
    from recovery_app.ui.today.screen import TodayScreen

    def check(screen: Any) -> None:
        no_message(screen, "Today")
        cards = getattr(screen, "cards", None)
        if cards is not None and len(cards) != expected_cards:
            raise BenchmarkError(f"Today showed {len(cards)} cards, not {expected_cards}")

    return ScreenRun(lambda: TodayScreen(journal.clocks, journal.check_ins, journal.urges), check)


def data_run(journal: Journal) -> Callable[[], float]:
    """The data Today loads, without widgets: the clocks' summaries and today's check-in."""

    def run() -> float:
        gc.collect()
        started = time.perf_counter()
        journal.clocks.summaries()
        journal.check_ins.get()
        return time.perf_counter() - started

    return run


def alternate(runs: int, measures: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """One warm-up of each, thrown away, then `runs` of each, alternating run by run."""
    for measure in measures.values():
        measure()
    samples: dict[str, list[float]] = {label: [] for label in measures}
    for _ in range(runs):
        for label, measure in measures.items():
            samples[label].append(measure())
    return samples


def summary(label: str, samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return (
        f"  {label:<6} {statistics.median(ms):9.1f} {min(ms):9.1f} {max(ms):9.1f}"
        f"   ({', '.join(f'{m:.1f}' for m in ms)})"
    )


def report(title: str, samples: dict[str, list[float]]) -> None:
    print()
    print(title)
    print(f"  {'':<6} {'median':>9} {'min':>9} {'max':>9}   (all runs)")
    for label, values in samples.items():
        print(summary(label, values))
    ratio = statistics.median(samples["heavy"]) / statistics.median(samples["empty"])
    print(f"Ratio heavy/empty (medians): {ratio:.2f}")


def quiet_offscreen_warning() -> None:
    """The offscreen plugin warns at every show() that it can't propagate size hints; the
    line says nothing about the measurement, so it is dropped. Every other message stays."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def measure(base: Path, runs: int, seed: int) -> None:
    heavy, empty, built = open_journals(base, seed)
    try:
        from heavy_vault import counts_in
        from PySide6.QtWidgets import QApplication

        from recovery_app.ui.kit.style import STYLE_SHEET

        counts = counts_in(base / "heavy", PASSWORD)
        print(
            f"Heavy journal: {counts['clock']} clocks, {counts['contact_event']} contact events, "
            f"{counts['check_in']} check-ins, {counts['milestone']} milestones "
            f"(made in {built:.1f} s, untimed)"
        )
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        app.setStyleSheet(STYLE_SHEET)
        quiet_offscreen_warning()
        try:
            from recovery_app.ui.today.screen import TodayScreen  # noqa: F401
        except ImportError as error:
            raise BenchmarkError(f"no TodayScreen to measure: {error}") from error

        screens = {"empty": today_run(empty, 0), "heavy": today_run(heavy, counts["clock"])}
        today = alternate(runs, dict(screens))
        report(
            f"Today built, shown and painted at {WIDTH}x{HEIGHT}, "
            f"{runs} runs each after one warm-up (ms):",
            today,
        )
        heavy_ms = statistics.median(today["heavy"]) * 1000
        met = "met" if heavy_ms <= TARGET_MS else "not met"
        print(f"Heavy median: {heavy_ms:.1f} ms   target ≤ {TARGET_MS:.0f} ms: {met}")
        grabbed = {label: run.painted_by_grab for label, run in screens.items()}
        if any(grabbed.values()):
            print(f"No paint event came, so grab() painted: {grabbed} (warm-up included)")
        else:
            print("Every run was painted by its own expose (grab() was never needed).")

        data = alternate(runs, {"empty": data_run(empty), "heavy": data_run(heavy)})
        report(
            "Data alone, ClockService.summaries() + CheckInService.get() "
            f"({runs} runs each after one warm-up, ms):",
            data,
        )
        widgets_ms = heavy_ms - statistics.median(data["heavy"]) * 1000
        print(f"Heavy, Today median minus data median (the widgets' part): {widgets_ms:.1f} ms")
    finally:
        heavy.close()
        empty.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (default 15)")
    parser.add_argument("--seed", type=int, default=1, help="heavy journal's seed (default 1)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="recovery-app-bench-") as tmp:
        base = Path(tmp)
        isolate(base)
        import PySide6

        print(f"Python {platform.python_version()} ({sys.executable})")
        print(f"PySide6 {PySide6.__version__}, Qt platform {os.environ['QT_QPA_PLATFORM']}")
        print(f"CPUs {os.cpu_count()}, {platform.platform()}")
        try:
            measure(base, args.runs, args.seed)
        except BenchmarkError as error:
            print(f"today benchmark: could not measure: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
