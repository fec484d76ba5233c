"""Start-up time: process start to the unlock window (and to the quick-log window) shown,
against a bare PySide6 window.

    python benchmarks/startup.py [--runs N] [--platform offscreen|xcb] [--importtime]

Each sample is a fresh `python -c CODE` child. The app child mirrors `recovery_app.app.main`
(cli.parse, QApplication, build_window, show, start) on a data folder that already holds a
journal, so the unlock screen is what shows; the bare child shows a QLabel. Both print
`time.time()` from a `QTimer.singleShot(0, ...)` queued after show, i.e. on the first turn of
the event loop, and quit. The parent takes `time.time()` just before `Popen`; the difference is
one sample.

The quick-log child mirrors `recovery-app quick-log` with the journal remembered on this
computer (a file-backed keyring in the throwaway home stands in for the system one). Its
window shows at once and the journal opens behind it; the child also prints when the
journal was open and ready to save, which is reported beside (not part of) the target.

One warm-up run of each is thrown away, then the two alternate run by run. The figures are
medians with their spread, and the ratio of the medians is what the target (<= 1.2, as
issue 14 names it) is about.
It is a measurement: it exits 0 whatever the ratio (non-zero only if it could not measure).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TARGET_RATIO = 1.2  # issue 14: start to the first frame <= 1.2x the bare window
PASSWORD = "benchmark-password-1\n"
CHILD_TIMEOUT_S = 120
MARK = "BENCH"

# The app child: main() then run_gui (recovery_app/app.py) step by step (the command line is
# parsed first, as `recovery-app` does), with no tray, minus app.exec()'s
# endless wait: a zero timer queued after show() reports the first event-loop turn and quits.
APP_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    import recovery_app.app as app_module
    from recovery_app import cli
    from recovery_app.storage.paths import resolve_data_dir

    app_module._configure_logging()
    args = cli.parse(["--data-dir", sys.argv[1]], sys.stdout, sys.stderr)
    data_dir = resolve_data_dir(args.data_dir)

    from recovery_app.display_check import ensure_window_can_open

    ensure_window_can_open()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    sys.excepthook = app_module._excepthook
    window, instance = app_module.build_window(data_dir, tray_available=False)
    if window is None:
        print("{mark} ERROR build_window returned no window", flush=True)
        sys.exit(3)
    window.show()
    window.start()

    def shown():
        now = time.time()
        screen = type(window.stack.currentWidget()).__name__
        print("{mark}", repr(now), screen, flush=True)
        print("{mark}-SHOWN", file=sys.stderr, flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    code = app.exec()
    if instance is not None:
        instance.release()
    sys.exit(code)
    """
).format(mark=MARK)

# The baseline: the same start with a bare window.
BARE_CHILD = textwrap.dedent(
    """
    import sys, time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = QLabel("Journal")
    window.show()

    def shown():
        print("{mark}", repr(time.time()), type(window).__name__, flush=True)
        print("{mark}-SHOWN", file=sys.stderr, flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    sys.exit(app.exec())
    """
).format(mark=MARK)

# The quick-log child: main() then run_quick_log (recovery_app/app.py) step by step.
QUICK_LOG_CHILD = textwrap.dedent(
    """
    import sys, time

    import recovery_app.app as app_module
    from recovery_app import cli
    from recovery_app.storage.paths import resolve_data_dir

    app_module._configure_logging()
    args = cli.parse(["--data-dir", sys.argv[1], "quick-log"], sys.stdout, sys.stderr)
    data_dir = resolve_data_dir(args.data_dir)

    from recovery_app.display_check import ensure_window_can_open

    ensure_window_can_open()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from recovery_app.storage.paths import VaultPaths
    from recovery_app.ui.shell.single_instance import QUICK_LOG, SingleInstance

    app = QApplication.instance() or QApplication([sys.argv[0]])
    sys.excepthook = app_module._excepthook
    paths = VaultPaths(data_dir)
    from recovery_app.ui.kit.preferences import Preferences

    preferences = Preferences(paths.ui_settings)
    app_module._name_app(app, preferences)
    if SingleInstance(paths.data_dir, paths.instance_lock).ask_running_instance(QUICK_LOG):
        sys.exit(3)
    if not paths.vault_exists():
        sys.exit(4)
    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.kdf import DEFAULT_KDF
    from recovery_app.ui.shell.quick_log_session import QuickLogSession

    service = VaultService(paths, KeyringSecretStore(), DEFAULT_KDF)
    session = QuickLogSession(service, preferences)
    app.setQuitOnLastWindowClosed(False)
    session.start()
    shown_at = []

    def shown():
        shown_at.append(time.time())
        print("{mark}-SHOWN", file=sys.stderr, flush=True)
        QTimer.singleShot(5, ready)

    def ready():
        if session.journal is None:
            if session.dialog.page() == session.dialog.PASSWORD:
                print("{mark} ERROR the journal asked for its password", flush=True)
                app.quit()
                return
            QTimer.singleShot(5, ready)
            return
        screen = type(session.dialog).__name__
        print("{mark}", repr(shown_at[0]), screen, repr(time.time()), flush=True)
        session.end()

    QTimer.singleShot(0, shown)
    sys.exit(app.exec())
    """
).format(mark=MARK)

# A keyring for the throwaway home: the key remembered "on this computer" for the quick log.
FILE_KEYRING = textwrap.dedent(
    """
    import json, os
    from pathlib import Path

    from keyring.backend import KeyringBackend


    class FileKeyring(KeyringBackend):
        priority = 1

        @property
        def _path(self):
            return Path(os.environ["BENCH_KEYRING_FILE"])

        def _load(self):
            return json.loads(self._path.read_text()) if self._path.exists() else {}

        def get_password(self, service, username):
            return self._load().get(service + "/" + username)

        def set_password(self, service, username, password):
            data = self._load()
            data[service + "/" + username] = password
            self._path.write_text(json.dumps(data))

        def delete_password(self, service, username):
            data = self._load()
            data.pop(service + "/" + username, None)
            self._path.write_text(json.dumps(data))
    """
)

REMEMBER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths

    service = VaultService(VaultPaths(Path(sys.argv[1])), KeyringSecretStore())
    journal = service.unlock(sys.stdin.readline().rstrip("\\n"))
    journal.remember()
    journal.close()
    """
)

EXPECTED_SCREEN = {"app": "UnlockScreen", "bare": "QLabel", "quick-log": "QuickLogDialog"}
CHILD_CODE = {"app": APP_CHILD, "bare": BARE_CHILD, "quick-log": QUICK_LOG_CHILD}


class BenchmarkError(Exception):
    pass


def child_env(base: Path, platform_name: str) -> dict[str, str]:
    """A throwaway home for the children: nothing reads or writes the real one or its keyring."""
    env = dict(os.environ)
    for name in ("home", "config", "data", "cache", "state", "runtime", "tmp"):
        (base / name).mkdir(mode=0o700, exist_ok=True)
    env.update(
        HOME=str(base / "home"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CACHE_HOME=str(base / "cache"),
        XDG_STATE_HOME=str(base / "state"),
        XDG_RUNTIME_DIR=str(base / "runtime"),
        TMPDIR=str(base / "tmp"),
        QT_QPA_PLATFORM=platform_name,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        BENCH_KEYRING_FILE=str(base / "keyring.json"),
    )
    env.pop("RECOVERY_APP_DATA_DIR", None)
    # A person's Python caches bytecode (pip even compiles it at install time). With
    # PYTHONDONTWRITEBYTECODE inherited from a CI shell, every child would recompile every
    # module of the app (about 15 ms here) and measure a start no person ever has.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def create_vault(data_dir: Path, env: dict[str, str], cwd: Path) -> None:
    """Setup, not timed: a journal in data_dir through the real CLI and the real Argon2 cost."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "recovery_app",
            "--data-dir",
            str(data_dir),
            "--password-stdin",
            "init",
        ],
        input=PASSWORD,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise BenchmarkError(
            f"could not create the journal (exit {done.returncode}):\n{done.stdout}{done.stderr}"
        )


def quick_log_env(env: dict[str, str], base: Path) -> dict[str, str]:
    """The children's home with a keyring that remembers (a file in the throwaway home)."""
    (base / "bench_keyring.py").write_text(FILE_KEYRING)
    return {
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(base), env.get("PYTHONPATH")])),
        "PYTHON_KEYRING_BACKEND": "bench_keyring.FileKeyring",
    }


def remember_key(data_dir: Path, env: dict[str, str], cwd: Path) -> None:
    """Setup, not timed: "remember on this computer" for the quick-log child's keyring."""
    done = subprocess.run(
        [sys.executable, "-c", REMEMBER, str(data_dir)],
        input=PASSWORD,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise BenchmarkError(f"could not remember the key (exit {done.returncode}):\n{done.stderr}")


def run_child(
    kind: str, data_dir: Path, env: dict[str, str], cwd: Path, extra: list[str] | None = None
) -> tuple[float, str]:
    """One sample: seconds from just before Popen to the child's first turn after show().

    For the quick-log child, the seconds until the journal was open follow on `err`'s last
    line as `READY <seconds>`.
    """
    argv = [sys.executable, *(extra or []), "-c", CHILD_CODE[kind], str(data_dir)]
    started = time.time()
    child = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd
    )
    try:
        out, err = child.communicate(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        raise BenchmarkError(
            f"the {kind} child did not finish in {CHILD_TIMEOUT_S} s:\n{out}{err[-4000:]}"
        ) from None
    lines = [line.split() for line in out.splitlines() if line.startswith(MARK + " ")]
    expected_fields = 4 if kind == "quick-log" else 3
    if child.returncode != 0 or len(lines) != 1 or len(lines[0]) != expected_fields:
        raise BenchmarkError(
            f"the {kind} child failed (exit {child.returncode}):\n{out}{err[-4000:]}"
        )
    _, shown_text, screen, *ready = lines[0]
    if ready:
        err += f"\nREADY {float(ready[0]) - started}"
    if screen != EXPECTED_SCREEN[kind]:
        raise BenchmarkError(
            f"the {kind} child showed {screen}, expected {EXPECTED_SCREEN[kind]}:\n{err[-4000:]}"
        )
    return float(shown_text) - started, err


def import_times(kind: str, data_dir: Path, env: dict[str, str], cwd: Path) -> dict[str, int]:
    """Cumulative import time (µs) per module imported before the window showed (-X importtime)."""
    _, err = run_child(kind, data_dir, env, cwd, ["-X", "importtime"])
    cumulative: dict[str, int] = {}
    for line in err.splitlines():
        if line.strip() == f"{MARK}-SHOWN":
            break  # later imports (the keyring check's thread) come after the window is up
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, _, rest = line.partition(":")
        fields = [part.strip() for part in rest.split("|")]
        if len(fields) == 3 and fields[1].isdigit():
            name = fields[2].strip()
            cumulative[name] = max(cumulative.get(name, 0), int(fields[1]))
    return cumulative


def report_imports(
    kind: str, data_dir: Path, envs: dict[str, dict[str, str]], cwd: Path, top: int = 10
) -> None:
    app = import_times(kind, data_dir, envs[kind], cwd)
    bare = import_times("bare", data_dir, envs["bare"], cwd)
    print()
    print(f"Top {top} cumulative import times before the {kind} window shows (-X importtime):")
    print(f"  {'cumulative ms':>13}  module{'':<44}  also in bare?")
    for name, micros in sorted(app.items(), key=lambda item: item[1], reverse=True)[:top]:
        print(f"  {micros / 1000:13.1f}  {name:<50}  {'yes' if name in bare else 'no'}")
    only_app = {name: us for name, us in app.items() if name not in bare}
    top_level = {name: us for name, us in only_app.items() if "." not in name}
    print(f"Top {top} top-level modules the bare window does not import (cumulative ms):")
    for name, micros in sorted(top_level.items(), key=lambda item: item[1], reverse=True)[:top]:
        print(f"  {micros / 1000:13.1f}  {name}")


def summary(label: str, samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return (
        f"  {label:<9} {statistics.median(ms):9.1f} {min(ms):9.1f} {max(ms):9.1f}"
        f"   ({', '.join(f'{m:.0f}' for m in ms)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument(
        "--platform",
        choices=("offscreen", "xcb"),
        default="offscreen",
        help="Qt platform for the children (xcb needs DISPLAY; default offscreen)",
    )
    parser.add_argument(
        "--importtime",
        action="store_true",
        help="also list the slowest imports of the app and quick-log children (-X importtime)",
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs DISPLAY to be set")

    import PySide6

    print(f"Python {platform.python_version()} ({sys.executable})")
    print(f"PySide6 {PySide6.__version__}, Qt platform {args.platform}")
    print(f"CPUs {os.cpu_count()}, {platform.platform()}")

    with tempfile.TemporaryDirectory(prefix="recovery-app-bench-") as tmp:
        base = Path(tmp)
        env = child_env(base, args.platform)
        data_dir = base / "journal"
        try:
            create_vault(data_dir, env, base)
            envs = {"bare": env, "app": env, "quick-log": quick_log_env(env, base)}
            kinds = tuple(envs)
            remember_key(data_dir, envs["quick-log"], base)
            for kind in kinds:  # warm-up: bytecode caches, disk cache; not counted
                run_child(kind, data_dir, envs[kind], base)
            samples: dict[str, list[float]] = {kind: [] for kind in kinds}
            ready: list[float] = []
            for _ in range(args.runs):
                for kind in kinds:  # alternate them, run by run
                    seconds, err = run_child(kind, data_dir, envs[kind], base)
                    samples[kind].append(seconds)
                    if kind == "quick-log":
                        ready.append(float(err.rsplit("READY ", 1)[1]))
            bare = statistics.median(samples["bare"])
            print()
            print(f"Process start to window shown, {args.runs} runs each after one warm-up (ms):")
            print(f"  {'':<9} {'median':>9} {'min':>9} {'max':>9}   (all runs)")
            for kind in kinds:
                print(summary(kind, samples[kind]))
            for kind, what in (("app", "unlock window"), ("quick-log", "quick-log window")):
                ratio = statistics.median(samples[kind]) / bare
                met = "met" if ratio <= TARGET_RATIO else "not met"
                print(
                    f"Ratio {kind}/bare ({what}, medians): {ratio:.2f}   "
                    f"target ≤ {TARGET_RATIO}: {met}"
                )
            print(
                "Quick log, process start to the remembered journal open and ready to save "
                f"(not part of the target): median {statistics.median(ready) * 1000:.1f} ms"
            )
            if args.importtime:
                for kind in ("app", "quick-log"):
                    report_imports(kind, data_dir, envs, base)
        except BenchmarkError as error:
            print(f"startup benchmark: could not measure: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
