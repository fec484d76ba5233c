"""run.py's measurements: the journals made, then every child run, alternating, and the rows.

Kept apart from run.py so that run.py stays the short list of what is measured (its SCREENS
table is imported inside the app's own process by app_session.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from children import (
    HERE,
    BenchmarkError,
    child_env,
    filesystem_type,
    first_frame,
    on_disk_folder,
    session,
    x_display,
)
from command_line import check_urges_output, run_command

import run
from run import PASSWORD, SCREENS, Row, growth_row, ratio_row, spread

VISITED = [screen.title for screen in SCREENS if screen.title != "Today"]  # Today: at unlock
SESSION = {
    "password": PASSWORD,
    "type_ms": 80,  # a steady typist: the password takes about 1.6 s to type
    "look_ms": 500,  # a look at each screen before the next click
    "read_ms": 1000,  # the content warning, read before its button is clicked
    "settle_ms": 1000,  # quiet before the memory is read
    "save_pause_ms": 100,
}


def isolate(base: Path) -> None:
    """This process builds the journals: its HOME and keyring point into `base` too."""
    for name in ("home", "config", "data", "cache", "state"):
        (base / name).mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ.update(
        HOME=str(base / "home"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CACHE_HOME=str(base / "cache"),
        XDG_STATE_HOME=str(base / "state"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )


def make_journals(base: Path, scales: list[int]) -> tuple[dict[str, Path], dict[str, Any]]:
    """The empty journal and the heavy one at each scale, with the real key derivation."""
    from heavy_vault import HEAVY, NoSecretStore, build_heavy_vault, counts_in

    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.kdf import DEFAULT_KDF
    from recovery_app.storage.paths import VaultPaths

    folders = {"empty": base / "journal-empty"}
    VaultService(VaultPaths(folders["empty"]), NoSecretStore(), DEFAULT_KDF).create(
        PASSWORD
    ).close()
    for scale in scales:
        started = time.perf_counter()
        folder = base / f"journal-{scale}x"
        build_heavy_vault(folder, PASSWORD, kdf=DEFAULT_KDF, sizes=HEAVY.scaled(scale))
        folders[f"{scale}x"] = folder
        print(f"  heavy journal at {scale}× made in {time.perf_counter() - started:.0f} s")
    counts = {}
    for label, folder in folders.items():
        rows = counts_in(folder, PASSWORD)
        counts[label] = {
            "clocks": rows["clock"],
            "urges": rows["urge"],
            "memories": rows["memory"],
        }
    print("  " + "; ".join(f"{k}: {v}" for k, v in counts.items()))
    return folders, counts


def measure_startup(runs: int, journal: Path, env: dict[str, str], out: Path) -> dict[str, list]:
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], "app": []}
    for index in range(runs + 1):  # the first of each warms the disk cache: not counted
        for kind in ("bare", "app"):
            seen = first_frame(kind, journal, env, out)
            if index:
                samples[kind].append(seen)
    return samples


def measure_sessions(
    args: argparse.Namespace,
    folders: dict[str, Path],
    counts: dict[str, Any],
    env: dict[str, str],
    out: Path,
) -> dict[str, list[Any]]:
    results: dict[str, list[Any]] = {label: [] for label in folders}
    for index in range(args.runs):
        order = VISITED[index % len(VISITED) :] + VISITED[: index % len(VISITED)]
        for label, folder in folders.items():
            config = {
                **SESSION,
                "order": order,
                "expected": counts[label],
                "saves": args.saves if label == "1x" else 0,
                "bare_db": str(folder / "bench-bare-commit.db"),
            }
            results[label].append(session(folder, env, out, config))
            if label == "1x":
                counts[label]["urges"] += config["saves"]
        print(f"  sessions: run {index + 1} of {args.runs} done (load {run.load_average()})")
    return results


def measure_commands(
    runs: int, folders: dict[str, Path], counts: dict[str, Any], scales: list[int], env: dict
) -> dict[str, dict[int, list[Any]]]:
    found: dict[str, dict[int, list[Any]]] = {"bare": {}, "status": {}, "urges": {}}
    for scale in scales:
        folder = folders[f"{scale}x"]
        check_urges_output(
            run_command("urges", folder, env, PASSWORD, keep=True), counts[f"{scale}x"]["urges"]
        )
        run_command("status", folder, env, PASSWORD)  # warm-up
        for kind in found:
            found[kind][scale] = []
        for _ in range(runs):
            for kind in ("bare", "status", "urges"):
                found[kind][scale].append(run_command(kind, folder, env, PASSWORD))
    return found


def measure_all(args: argparse.Namespace, scales: list[int]) -> list[Row]:
    base = on_disk_folder(HERE)
    try:
        print(f"Journals in {base} (on {filesystem_type(base)}; never a tmpfs)")
        isolate(base / "builder")
        folders, counts = make_journals(base, scales)
        with x_display(not args.offscreen) as display:
            platform = "xcb" if display else "offscreen"
            env = child_env(base / "children", platform, display)
            where = f"xcb on {display}" if display else "offscreen (no X display here)"
            print(f"Qt platform for every window: {where}")
            out = base / "child-result.json"
            startup = measure_startup(args.starts, folders["empty"], env, out)
            print(f"  start-ups measured (load {run.load_average()})")
            sessions = measure_sessions(args, folders, counts, env, out)
            commands = measure_commands(args.runs, folders, counts, scales, env)
            print(f"  commands measured (load {run.load_average()})")
        return table(startup, sessions, commands, scales, platform)
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ----- the rows --------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def table(
    startup: dict[str, list],
    sessions: dict[str, list[Any]],
    commands: dict[str, dict[int, list[Any]]],
    scales: list[int],
    platform: str,
) -> list[Row]:
    def unlock(label: str) -> list[float]:
        return [r["unlock"]["after_kdf_ms"] for r in sessions[label]]

    def visits(label: str, which: str, title: str) -> list[float]:
        if which == "first_visit_ms" and title == "Today":
            return unlock(label)
        return [r[which][title] for r in sessions[label]]

    rows = [
        ratio_row(
            "after the key derivation, until Today shows its figures (integrity check off "
            "the GUI thread)",
            "heavy ≤ 1.3× empty [≤ 100 ms]",
            ("heavy", unlock("1x")),
            ("empty", unlock("empty")),
            1.3,
            100,
        ),
        growth_row(
            "the same, at 1×, 2×, 4×",
            {n: unlock(f"{n}x") for n in scales},
            unlock("empty"),
        ),
    ]
    for title in VISITED:
        rows.append(
            ratio_row(
                f"{title}, first visit, until its content shows"
                + (" (content warning read 1 s, then passed)" if title.startswith("Whole") else ""),
                "heavy ≤ 1.5× empty [≤ 100 ms]",
                ("heavy", visits("1x", "first_visit_ms", title)),
                ("empty", visits("empty", "first_visit_ms", title)),
                1.5,
                100,
            )
        )
        rows.append(
            ratio_row(
                f"{title}, first visit at 2× (20 years)",
                "2× ≤ 2× empty [≤ 150 ms]",
                ("2×", visits("2x", "first_visit_ms", title)),
                ("empty", visits("empty", "first_visit_ms", title)),
                2.0,
                150,
            )
        )
        rows.append(
            growth_row(
                f"{title}, first visit at 1×, 2×, 4×",
                {n: visits(f"{n}x", "first_visit_ms", title) for n in scales},
                visits("empty", "first_visit_ms", title),
            )
        )
    for title in [screen.title for screen in SCREENS]:
        for scale in (1, 2):
            label = f"{scale}x"
            rows.append(
                ratio_row(
                    f"{title} shown again" + ("" if scale == 1 else " at 2×"),
                    "≤ 0.5× its first visit [≤ 50 ms]",
                    ("again", visits(label, "second_visit_ms", title)),
                    ("first", visits(label, "first_visit_ms", title)),
                    0.5,
                    50,
                )
            )
    rows.append(save_row(sessions["1x"]))
    rows.append(
        ratio_row(
            f"start to the unlock window's first frame, on {platform} (the installed "
            "recovery-app)",
            "≤ 1.2× the bare window",
            ("app", [s["seconds"] * 1000 for s in startup["app"]]),
            ("bare window", [s["seconds"] * 1000 for s in startup["bare"]]),
            1.2,
        )
    )
    rows.append(memory_row(sessions["1x"], startup["bare"]))
    rows.extend(command_rows(commands, scales))
    return rows


def save_row(heavy: list[Any]) -> Row:
    app = [ms for r in heavy for ms in r["saves"]["app_ms"]]
    bare = [ms for r in heavy for ms in r["saves"]["bare_ms"]]
    app95, bare95 = percentile(app, 0.95), percentile(bare, 0.95)
    ratio = app95 / bare95
    measured = (
        f"app p95 {app95:.1f} ms (p50 {percentile(app, 0.5):.1f}, {len(app)} saves); "
        f"bare commit p95 {bare95:.1f} ms (p50 {percentile(bare, 0.5):.1f})"
    )
    return Row(
        "an urge saved in the app, list and Today refreshed (Urges screen's quick log)",
        "p95 ≤ 2× a bare SQLCipher commit, synchronous=FULL, same folder",
        measured,
        ratio,
        ratio <= 2.0,
    )


def memory_row(heavy: list[Any], bare: list[dict[str, Any]]) -> Row:
    now = [r["memory_kib"]["VmRSS"] / 1024 for r in heavy]
    peak = [r["memory_kib"]["VmHWM"] / 1024 for r in heavy]
    window = [s["rss_kib"] / 1024 for s in bare]
    ratio = statistics.median(now) / statistics.median(window)
    return Row(
        "memory after unlock, every screen visited, heavy journal, real KDF",
        "current RSS ≤ 3× the bare window",
        f"now {spread(now, 'MiB')}, peak {spread(peak, 'MiB')}; bare window "
        f"{spread(window, 'MiB')}",
        ratio,
        ratio <= 3.0,
    )


def command_rows(commands: dict[str, dict[int, list[Any]]], scales: list[int]) -> list[Row]:
    def seconds(kind: str, scale: int) -> list[float]:
        return [done.seconds * 1000 for done in commands[kind][scale]]

    def peak(kind: str, scale: int) -> list[float]:
        return [done.peak_rss_kib / 1024 for done in commands[kind][scale]]

    rows = [
        ratio_row(
            "status --json on the heavy journal (real KDF)",
            "≤ 1.2× a bare process: same key derived, same database libraries, journal opened",
            ("status", seconds("status", 1)),
            ("bare", seconds("bare", 1)),
            1.2,
        )
    ]
    top = max(scales)
    one, most = statistics.median(peak("urges", 1)), statistics.median(peak("urges", top))
    rows.append(
        Row(
            f"urges --json, streamed: peak memory at {top}× beside 1×",
            f"peak RSS at {top}× ≤ 1.2× at 1×",
            f"{top}× {spread(peak('urges', top), 'MiB')}; 1× {spread(peak('urges', 1), 'MiB')}",
            most / one,
            most / one <= 1.2,
        )
    )
    beyond = {
        n: statistics.median(seconds("urges", n)) - statistics.median(seconds("status", n))
        for n in scales
    }
    unit = max(beyond[1], 1.0)
    worst = max(beyond[n] / (n * unit) for n in scales)
    rows.append(
        Row(
            "urges --json: its time beyond the status row, at " + ", ".join(f"{n}×" for n in scales),
            "grows at most linearly with the rows",
            "; ".join(
                f"{n}× {statistics.median(seconds('urges', n)):.0f} ms − status "
                f"{statistics.median(seconds('status', n)):.0f} = {beyond[n]:.0f} ms"
                for n in scales
            ),
            worst,
            worst <= 1.0,
        )
    )
    return rows


__all__ = ["BenchmarkError", "measure_all"]
