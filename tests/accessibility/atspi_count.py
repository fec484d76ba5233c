"""Count, from outside, what a screen reader finds on every screen and in every dialog.

Sets up what Orca would have (a virtual display, a session bus, the accessibility bus),
runs the tour (tests/helpers/tour.py) in a child process with Qt's screen-reader bridge on,
and reads the AT-SPI tree of each sight with pyatspi. Prints the nodes by role, and fails
(exit 1) unless no interactive node is unnamed, no single choice is read as a check box,
no combo box lacks its label (on Linux, Qt names a combo box by the text it shows; Orca
says its label from the labelled-by relation that a QLabel buddy makes) and every memory on
a timeline is there to reach. Exit 2: something it needs is missing (Debian: xvfb dbus
at-spi2-core python3-pyatspi); that is a failure too, never a skip.

    python tests/accessibility/atspi_count.py [--json SUMMARY.json] [--keep NODES.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SYSTEM_PYTHON = "/usr/bin/python3"
# What a person reaches and must be able to tell apart by its name.
INTERACTIVE = {
    "push button",
    "toggle button",
    "menu button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "slider",
    "list",
    "list item",
    "table",
    "tree",
    "tree table",
    "page tab",
}
CHILD_TIMEOUT_S = 900


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon", "dbus-send") if shutil.which(tool) is None]
    if not Path(LAUNCHER).exists():
        missing.append(f"{LAUNCHER} (at-spi2-core)")
    try:
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (python3-pyatspi)")
    return missing


class Session:
    """A display, a session bus and the accessibility bus, ended with everything they started."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.processes: list[subprocess.Popen[bytes]] = []
        self.env: dict[str, str] = {}

    def _start(
        self, args: list[str], env: dict[str, str], **options: object
    ) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(args, env=env, start_new_session=True, **options)  # type: ignore[call-overload]
        self.processes.append(process)
        return process

    def __enter__(self) -> Session:
        home = self.work / "home"
        runtime = self.work / "runtime"
        for folder in (home, runtime):
            folder.mkdir(mode=0o700)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "LANG": "C.UTF-8",
        }
        read, write = os.pipe()
        xvfb = ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        self._start(xvfb, env, pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as display:
            env["DISPLAY"] = ":" + display.readline().strip()
        bus = self._start(
            ["dbus-daemon", "--session", "--nofork", "--print-address"],
            env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        self._start([LAUNCHER, "--launch-immediately"], env, stderr=subprocess.DEVNULL)
        self._wait_for_accessibility_bus(env)
        self.env = env
        return self

    @staticmethod
    def _wait_for_accessibility_bus(env: dict[str, str]) -> None:
        ask = ["dbus-send", "--session", "--dest=org.a11y.Bus", "--print-reply", "/org/a11y/bus"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done = subprocess.run([*ask, "org.a11y.Bus.GetAddress"], env=env, capture_output=True)
            if done.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("the accessibility bus did not come up")

    def __exit__(self, *_: object) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)  # the launcher's own bus and registry too
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)


def run_tour(session: Session, report: Path) -> None:
    env = {
        **session.env,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    child = [sys.executable, str(HERE / "atspi_tour.py"), str(HERE / "atspi_walk.py")]
    done = subprocess.run(
        [*child, str(report), str(session.work)],
        env=env,
        timeout=CHILD_TIMEOUT_S,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError("the tour failed:\n" + done.stderr.decode(errors="replace")[-4000:])


def summarise(sights: list[dict[str, object]]) -> dict[str, object]:
    """Unique nodes (a window behind a dialog counts once) by role, and every problem."""
    nodes: dict[str, dict[str, object]] = {}
    single: set[str] = set()
    combo_texts: dict[str, str] = {}
    where: dict[str, str] = {}
    for sight in sights:
        for node in sight["nodes"]:  # type: ignore[attr-defined]
            nodes.setdefault(node["id"], node)
            where.setdefault(node["id"], str(sight["sight"]))
        single.update(sight["single"])  # type: ignore[arg-type]
        combo_texts.update(sight["combos"])  # type: ignore[arg-type]

    def described(node: dict[str, object]) -> str:
        return f"{node['role']} in {node['parent'] or '?'!r} ({where[str(node['id'])]})"

    unnamed = [described(n) for n in nodes.values() if n["role"] in INTERACTIVE and not n["name"]]
    check_boxes = [
        described(n) for i, n in nodes.items() if i in single and n["role"] == "check box"
    ]
    unlabelled = [
        f"{described(n)} showing {n['name']!r}"
        for n in nodes.values()
        if n["role"] == "combo box" and not n["labels"]
    ]
    single_roles = Counter(str(nodes[i]["role"]) for i in single if i in nodes)
    unreachable = []
    for sight in sights:
        shown = sight["nodes"]
        for timeline, memories in sight["timelines"].items():  # type: ignore[attr-defined]
            items = [n for n in shown if n["parent_id"] == timeline and n["role"] == "list item"]  # type: ignore[attr-defined]
            if len(items) < memories or any(not n["name"] for n in items):
                unreachable.append(
                    f"{len(items)} of the {memories} memories on screen ({sight['sight']})"
                )
    return {
        "sights": len(sights),
        "nodes": len(nodes),
        "by_role": dict(sorted(Counter(str(n["role"]) for n in nodes.values()).items())),
        "single_choice_roles": dict(single_roles),
        "unnamed_interactive": sorted(unnamed),
        "single_choice_check_boxes": sorted(check_boxes),
        "combo_boxes_without_a_label": sorted(unlabelled),
        "timeline_items_unreachable": unreachable,
        "combo_labels": sorted(
            f"{n['labels'][0]!r} (showing {combo_texts.get(str(i), '?')!r})"  # type: ignore[index]
            for i, n in nodes.items()
            if n["role"] == "combo box" and n["labels"]
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the summary here")
    parser.add_argument("--keep", type=Path, help="keep every node of every sight here")
    args = parser.parse_args()
    missing = missing_tools()
    if missing:
        print("cannot count what a screen reader sees; missing: " + ", ".join(missing))
        return 2
    with tempfile.TemporaryDirectory(prefix="atspi-") as folder, Session(Path(folder)) as session:
        report = Path(folder) / "report.json"
        run_tour(session, report)
        summary = summarise(json.loads(report.read_text()))
        if args.keep is not None:
            shutil.copy(report, args.keep)
    if args.json is not None:
        args.json.write_text(json.dumps(summary, indent=2))
    print(f"{summary['sights']} sights, {summary['nodes']} nodes on screen")
    for role, count in summary["by_role"].items():  # type: ignore[attr-defined]
        print(f"  {count:5d}  {role}")
    print(f"single-choice answers by role: {summary['single_choice_roles']}")
    problems = 0
    print(f"combo boxes read with their label: {summary['combo_labels']}")
    for key in (
        "unnamed_interactive",
        "single_choice_check_boxes",
        "combo_boxes_without_a_label",
        "timeline_items_unreachable",
    ):
        found = summary[key]
        print(f"{key.replace('_', ' ')}: {len(found)}")  # type: ignore[arg-type]
        for line in found:  # type: ignore[attr-defined]
            print(f"    {line}")
        problems += len(found)  # type: ignore[arg-type]
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
