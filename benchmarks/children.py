"""The processes run.py measures: a throwaway home for each, an X server when there is none,
and the time, exit code and peak memory of one child.

Every child gets its own HOME and XDG folders under the benchmark's folder and the null
keyring, so nothing reads or writes the real ones. hook/ is on its PYTHONPATH: its
sitecustomize watches the child from inside (see there), and does nothing unless asked.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HOOK = HERE / "hook"
DRIVER = HERE / "app_session.py"
TIMEOUT_S = 600
# The installed command, as a person runs it: the console script beside this interpreter.
RECOVERY_APP = Path(sys.executable).with_name("recovery-app")


class BenchmarkError(Exception):
    pass


def on_disk_folder(near: Path) -> Path:
    """A folder for the journals on the machine's own disk: /tmp may be a tmpfs, where an
    fsync costs nothing and a save would look faster than any person's."""
    for candidate in (Path(tempfile.gettempdir()), Path("/var/tmp"), near):
        if candidate.is_dir() and filesystem_type(candidate) not in ("tmpfs", "ramfs"):
            return Path(tempfile.mkdtemp(prefix="recovery-app-bench-", dir=candidate))
    raise BenchmarkError("no folder on a real disk for the journals")


def filesystem_type(folder: Path) -> str:
    """The type of the filesystem `folder` lives on, from /proc/mounts (the longest match)."""
    best, kind = "", "unknown"
    resolved = str(folder.resolve())
    with contextlib.suppress(OSError), open("/proc/mounts", encoding="utf-8") as mounts:
        for line in mounts:
            parts = line.split()
            if len(parts) >= 3:
                point = parts[1]
                inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
                if inside and len(point) > len(best):
                    best, kind = point, parts[2]
    return kind


def child_env(base: Path, platform: str, display: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("home", "config", "data", "cache", "state", "runtime", "tmp"):
        (base / name).mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(
        HOME=str(base / "home"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CACHE_HOME=str(base / "cache"),
        XDG_STATE_HOME=str(base / "state"),
        XDG_RUNTIME_DIR=str(base / "runtime"),
        TMPDIR=str(base / "tmp"),
        QT_QPA_PLATFORM=platform,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        PYTHONPATH=os.pathsep.join(filter(None, [str(HOOK), env.get("PYTHONPATH")])),
    )
    if display is not None:
        env["DISPLAY"] = display
    for name in ("RECOVERY_APP_DATA_DIR", "RECOVERY_BENCH", "QT_LOGGING_RULES"):
        env.pop(name, None)
    # A person's Python caches bytecode; a CI shell's PYTHONDONTWRITEBYTECODE would make every
    # child compile every module again, a start no person has.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextlib.contextmanager
def x_display(wanted: bool) -> Iterator[str | None]:
    """DISPLAY if there is one; else an Xvfb of our own (if installed), stopped afterwards."""
    if os.environ.get("DISPLAY") or not wanted or shutil.which("Xvfb") is None:
        yield os.environ.get("DISPLAY")
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as chosen:
            number = chosen.readline().strip()
        if not number:
            yield None
            return
        yield f":{number}"
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(10)


@dataclass(frozen=True)
class Finished:
    seconds: float  # from just before the child started to its exit
    started_at: float  # time.time() just before it started
    returncode: int
    peak_rss_kib: int  # the child's own peak, from wait4
    stdout: str
    stderr: str


def run_child(
    argv: list[str], env: Mapping[str, str], *, stdin: str = "", keep_stdout: bool = True
) -> Finished:
    """One child, timed from just before it starts until it has exited."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started_at = time.time()
        started = time.perf_counter()
        child = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=out if keep_stdout else subprocess.DEVNULL,
            stderr=err,
            env=dict(env),
        )
        assert child.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            child.stdin.write(stdin.encode())
            child.stdin.close()
        deadline = started + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                raise BenchmarkError(f"{Path(argv[0]).name} did not finish in {TIMEOUT_S} s")
            time.sleep(0.002)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(
            seconds,
            started_at,
            child.returncode,
            usage.ru_maxrss,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def watched(
    argv: list[str],
    env: Mapping[str, str],
    mode: str,
    out: Path,
    extra: Mapping[str, str],
    *,
    stdin: str = "",
    keep_stdout: bool = True,
) -> tuple[Finished, dict[str, Any]]:
    """A child watched from inside by hook/sitecustomize.py; what it wrote to `out`."""
    out.unlink(missing_ok=True)
    done = run_child(
        argv,
        {**env, **extra, "RECOVERY_BENCH": mode, "RECOVERY_BENCH_OUT": str(out)},
        stdin=stdin,
        keep_stdout=keep_stdout,
    )
    if done.returncode != 0 or not out.exists():
        raise BenchmarkError(
            f"{Path(argv[0]).name} ({mode}) failed with exit {done.returncode}:\n"
            f"{done.stdout[-2000:]}{done.stderr[-4000:]}"
        )
    return done, json.loads(out.read_text())


BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
window = QLabel("Journal")
window.resize(960, 640)  # the size the journal's window opens at
window.show()
app.exec()
"""


def first_frame(kind: str, data_dir: Path, env: Mapping[str, str], out: Path) -> dict[str, Any]:
    """Seconds from just before the start to the end of the first frame, and the memory then."""
    if kind == "app":
        argv = [str(RECOVERY_APP), "--data-dir", str(data_dir)]
    else:
        argv = [sys.executable, "-c", BARE_WINDOW]
    done, seen = watched(argv, env, "first-frame", out, {})
    return {"seconds": seen["frame"] - done.started_at, "rss_kib": seen["VmRSS"]}


def session(data_dir: Path, env: Mapping[str, str], out: Path, config: dict[str, Any]) -> Any:
    argv = [str(RECOVERY_APP), "--data-dir", str(data_dir)]
    extra = {"RECOVERY_BENCH_DRIVER": str(DRIVER), "RECOVERY_BENCH_SESSION": json.dumps(config)}
    _, results = watched(argv, env, "session", out, extra)
    if results.get("errors"):
        raise BenchmarkError("the session stopped:\n" + "\n".join(results["errors"]))
    return results
