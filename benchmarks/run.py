"""Issue 14's table: what a person waits for, each beside its baseline measured in the same run.

    .venv/bin/python benchmarks/run.py [--runs N] [--starts N] [--saves N] [--command-runs N]
        [--scales 1,2,4] [--offscreen]

Everything is the installed `recovery-app` command, started fresh, as a person starts it:
benchmarks/app_session.py drives its real window (the password typed into the unlock screen,
the sidebar clicked, the content warning read and passed, urges saved through the Urges
screen's quick log), and hook/sitecustomize.py watches from inside. Journals are made first
(untimed) with the real key derivation, in a folder on the machine's own disk: an empty one
and the heavy one of heavy_vault.py at each scale. Samples alternate run by run (baseline,
then subject); each row prints median (min–max) and the ratio of medians, and is met when the
ratio holds; the budget in brackets is for a quiet machine (load average below 1), and the
load average is printed. It exits 0 once it has measured, 1 only if it could not.

SCREENS is the list of screens visited in the main window. A new screen adds one row there:
its title in the sidebar, `ready` (its real content is on screen, not a placeholder) and, if it
asks before showing something hard, the button a person clicks past it. TABS are the tabs of a
section built on first choice, each clicked right after its section.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PASSWORD = "benchmark-password-1"


def _no_warning(page: Any) -> Any:
    return None


@dataclass(frozen=True)
class Screen:
    title: str  # its row in the sidebar (a tab: "Section › tab")
    ready: Callable[[Any, dict[str, int]], bool]  # (the page, the journal's counts)
    warning: Callable[[Any], Any] = _no_warning  # the button past its content warning, if shown
    section: str = ""  # a tab: the sidebar row it is in, visited just before it
    tab: int = -1  # a tab: its place in the section's tab bar


def _no_message(*lines: Any) -> bool:
    return not any(line.text() for line in lines)


def _today_ready(page: Any, expected: dict[str, int]) -> bool:
    cards = getattr(page, "cards", None)
    return (
        cards is not None
        and len(cards) == expected["clocks"]
        and bool(page.check_in_status.text())
        and _no_message(page.message)
    )


def _urges_ready(page: Any, expected: dict[str, int]) -> bool:
    moments = getattr(page, "moments", None)
    return (
        moments is not None
        and moments.model.total == expected["urges"]
        and _no_message(moments.message)
    )


def _exercises_ready(page: Any, expected: dict[str, int]) -> bool:
    panel = getattr(page, "self_trust", None)
    return (
        panel is not None
        and bool(page.cards)
        and bool(panel.summary.text())
        and bool(panel.fears.text())
        and _no_message(page.message)
    )


def _whole_ready(page: Any, expected: dict[str, int]) -> bool:
    pages = getattr(page, "pages", None)
    if pages is None or not hasattr(page, "timeline"):
        return False
    if expected["memories"] == 0:
        return pages.currentIndex() == 0  # "nothing here yet"
    return (
        pages.currentIndex() == 2
        and len(page.timeline.memories()) == expected["memories"]
        and bool(page.pattern_panel.closeness_line.text())  # counted, not "Counting…"
        and _no_message(page.message)
    )


def _whole_warning(page: Any) -> Any:
    pages = getattr(page, "pages", None)
    shown = pages is not None and hasattr(page, "show_all_button") and pages.currentIndex() == 1
    return page.show_all_button if shown else None


def _understanding_ready(page: Any, expected: dict[str, int]) -> bool:
    cards = getattr(page, "cards", None)
    return bool(cards) and _no_message(page.message)


def _settings_ready(page: Any, expected: dict[str, int]) -> bool:
    panel = getattr(page, "remember_panel", None)
    return panel is not None and (
        panel.remember.isVisible() or bool(panel.remember_unavailable.text())
    )


def _review_ready(page: Any, expected: dict[str, int]) -> bool:
    """The range on show is counted and its top and the panels in view are drawn (the panels
    below are drawn a turn of the event loop later, while the person reads)."""
    return (
        getattr(page, "shown_key", None) is not None
        and page.counting.isHidden()
        and _no_message(page.message)
    )


SCREENS: tuple[Screen, ...] = (
    Screen("Today", _today_ready),  # shown at unlock: its first visit is the unlock row
    Screen("Urges", _urges_ready),
    Screen("Exercises", _exercises_ready),
    Screen("Whole relationship", _whole_ready, _whole_warning),
    Screen("Understanding", _understanding_ready),
    Screen("Review", _review_ready),  # benchmarks/review_screen.py times its charts and ranges
    Screen("Settings", _settings_ready),
    # Backups is a part of Settings, built with it, so Settings' row counts it.
)


def _tab_page(page: Any) -> Any:
    """The page of a section's chosen tab once built (ui/kit/built_later.py), else None."""
    current = page.currentWidget() if hasattr(page, "tabBar") else None
    return current.page if getattr(current, "built", False) else None


def _list_ready(key: str, parts: Callable[[Any], list[Any]] = lambda tab: [tab]) -> Any:
    """A tab whose lists (each part's `list`) hold what the journal holds (`key` in the
    counts), with nothing gone wrong (each part's `message`)."""

    def ready(page: Any, expected: dict[str, int]) -> bool:
        tab = _tab_page(page)
        if tab is None or not tab.isVisible():
            return False
        shown = parts(tab)
        return sum(part.list.count() for part in shown) >= expected[key] and _no_message(
            *[part.message for part in shown]
        )

    return ready


# The Urges section's other tabs, each built the first time it is chosen: clicked in its tab
# bar right after the section's own visit. The plan for when they reach out starts from
# suggestions on an empty journal, so its lists hold at least what was counted.
TABS: tuple[Screen, ...] = (
    Screen("Urges › My reasons", _list_ready("reasons"), section="Urges", tab=1),
    Screen(
        "Urges › When they reach out",
        _list_ready("plan lines", lambda tab: [tab.steps, tab.answers]),
        section="Urges",
        tab=2,
    ),
    Screen("Urges › People I can reach", _list_ready("people"), section="Urges", tab=3),
    Screen("Urges › Letters", _list_ready("letters"), section="Urges", tab=4),
    Screen("Urges › Hard dates", _list_ready("hard dates"), section="Urges", tab=5),
)


class BareCommit:
    """The save's baseline, inside the app's process: one row inserted and committed on an
    open SQLCipher connection, WAL and synchronous=FULL as the journal is, in its folder."""

    def __init__(self, path: str) -> None:
        from sqlcipher3 import dbapi2

        self.path = Path(path)
        for suffix in ("", "-wal", "-shm"):  # left by a session that stopped: another key
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.conn = dbapi2.connect(str(self.path), isolation_level=None)
        self.conn.execute("PRAGMA cipher_log_level = NONE")
        self.conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS urge (id INTEGER PRIMARY KEY, note TEXT)")

    def commit_ms(self) -> float:
        started = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.execute("INSERT INTO urge (note) VALUES (?)", ("a note of a line or so " * 4,))
        self.conn.execute("COMMIT")
        return (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


# ----- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One ratio a row holds to; a row may hold two (Whole relationship at 1× and at 2×)."""

    name: str  # "" when the row has one check
    ratio: float
    limit: float
    budget_ms: float | None = None  # the quiet machine's budget for the subject's median
    subject_ms: float | None = None

    @property
    def met(self) -> bool:
        return self.ratio <= self.limit

    @property
    def budget_met(self) -> bool | None:
        if self.budget_ms is None or self.subject_ms is None:
            return None
        return self.subject_ms <= self.budget_ms


@dataclass
class Row:
    what: str
    target: str  # exactly as the issue states it
    measured: str
    checks: list[Check]
    note: str = ""

    def cells(self) -> list[str]:
        ratio = "; ".join(f"{c.name + ' ' if c.name else ''}{c.ratio:.2f}" for c in self.checks)
        met = "met" if all(c.met for c in self.checks) else "NOT met"
        budgets = [c.budget_met for c in self.checks if c.budget_met is not None]
        if budgets:
            met += "; budget " + ("met" if all(budgets) else "not met")
        return [self.what, self.target, self.measured, ratio or "—", met + self.note]


def spread(values: list[float], unit: str = "ms") -> str:
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f}) {unit}"


def ratio_check(
    name: str, subject: list[float], baseline: list[float], limit: float, budget: float | None
) -> Check:
    median = statistics.median(subject)
    return Check(name, median / statistics.median(baseline), limit, budget, median)


def print_table(rows: list[Row]) -> None:
    header = ["what a person waits for", "target: ratio [budget]", "measured", "ratio", "met"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


# ----- measuring ---------------------------------------------------------------------------


@dataclass
class Journals:
    folders: dict[str, Path] = field(default_factory=dict)  # "empty", "1x", "2x", ...
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="sessions per journal (default 5)")
    parser.add_argument("--starts", type=int, default=9, help="start-ups of each (default 9)")
    parser.add_argument("--saves", type=int, default=20, help="saves per heavy session")
    parser.add_argument(
        "--command-runs", type=int, default=9, help="runs of each command per scale (default 9)"
    )
    parser.add_argument("--scales", default="1,2,4", help="heavy journal scales (default 1,2,4)")
    parser.add_argument("--offscreen", action="store_true", help="never use an X display")
    args = parser.parse_args()
    scales = sorted({int(n) for n in args.scales.split(",")})
    if min(args.runs, args.starts, args.command_runs, args.saves) < 1:
        parser.error("--runs, --starts, --command-runs and --saves from 1")
    if 1 not in scales or 2 not in scales:
        parser.error("--scales must hold 1 and 2")
    from measure import measure_all

    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"Load average at the start: {load_average()}")
    try:
        rows = measure_all(args, scales)
    except Exception as error:  # a measurement that could not be made: say why, exit 1
        import traceback

        traceback.print_exc()
        print(f"run.py: could not measure: {error}", file=sys.stderr)
        return 1
    print(f"Load average at the end: {load_average()}")
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
