"""Watches a benchmark child from inside, without changing what it runs.

benchmarks/run.py puts this folder on PYTHONPATH, so Python imports this module at start-up
(as it does any `sitecustomize`), before the program itself: the installed `recovery-app`
command, or a bare PySide6 window. Without RECOVERY_BENCH it does nothing. With it, the
first time `PySide6.QtWidgets` is imported, `QApplication.exec` is wrapped: when the
program's event loop starts, the benchmark's observer begins.

- RECOVERY_BENCH=first-frame: once the first paint pass of any top-level window is done
  (seen by benchmarks/frames.py on the windows, not on the whole application), the moment
  (`time.time()`, which the parent compares with its own just before starting the child)
  is written with the resident memory to RECOVERY_BENCH_OUT; then the child exits at once.
- RECOVERY_BENCH=session: the module named by RECOVERY_BENCH_DRIVER (benchmarks/
  app_session.py) is imported and its `begin(app)` drives the real window as a person would.
- RECOVERY_BENCH=command (a command line run, or the bare process beside it): the first time
  `argon2.low_level` is imported, its `hash_secret_raw` is wrapped to add up the seconds the
  key derivation takes, written to RECOVERY_BENCH_OUT as the process exits. Its memory-hard
  256 MiB makes it vary by some 0.4 s from one start to the next, as much as the growth
  being measured, so benchmarks/command_line.py can set it apart.

Nothing here imports Qt or the app before the program does.
"""

from __future__ import annotations

import os
import sys

MODE = os.environ.get("RECOVERY_BENCH", "")


def resident_kib() -> dict[str, int]:
    """VmRSS (now) and VmHWM (the peak), in KiB, from /proc."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
    return found


def write_result(text: str) -> None:
    with open(os.environ["RECOVERY_BENCH_OUT"], "w", encoding="utf-8") as out:
        out.write(text)


def _watch_first_frame(app: object) -> None:
    import json
    import time

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from frames import FrameWatch

    def done(_window: object, _moment: float) -> None:
        frame = time.time()
        write_result(json.dumps({"frame": frame, **resident_kib()}))
        os._exit(0)

    # On the windows alone (frames.py): a filter on the application would be a call into
    # Python for every event of every object until then, which the program doesn't pay.
    watcher = FrameWatch(lambda _window: True, done)
    watcher.watch_windows(app)  # type: ignore[arg-type]
    _KEEP.append(watcher)


def _start_session(app: object) -> None:
    import importlib.util

    path = os.environ["RECOVERY_BENCH_DRIVER"]
    spec = importlib.util.spec_from_file_location("app_session", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, os.path.dirname(path))  # the driver imports run.py's table
    spec.loader.exec_module(module)
    module.begin(app)
    _KEEP.append(module)


_KEEP: list[object] = []


def _wrap_exec(widgets: object) -> None:
    application = widgets.QApplication  # type: ignore[attr-defined]
    original = application.exec

    def exec_watched(*_args: object) -> int:
        app = application.instance()
        try:
            if MODE == "first-frame":
                _watch_first_frame(app)
            elif MODE == "session":
                _start_session(app)
        except BaseException:  # said to the benchmark, never to a dialog nobody will close
            import json
            import traceback

            write_result(json.dumps({"errors": [traceback.format_exc()]}))
            os._exit(3)
        return int(original())

    application.exec = exec_watched


def _wrap_kdf(low_level: object) -> None:
    import atexit
    import json

    from kdf_timing import time_key_derivation  # once the program has loaded typing itself

    seconds: list[float] = []
    time_key_derivation(low_level, lambda started, ended: seconds.append(ended - started))
    atexit.register(lambda: write_result(json.dumps({"kdf_seconds": sum(seconds)})))


# The module each mode watches for, and what is done once it has been imported.
WATCHED = {"command": ("argon2.low_level", _wrap_kdf)}.get(MODE, ("PySide6.QtWidgets", _wrap_exec))


class _Finder:
    """Lets the real import of the watched module happen, then wraps what it defined."""

    @classmethod
    def find_spec(cls, name: str, path: object = None, target: object = None) -> object:
        if name != WATCHED[0]:
            return None
        sys.meta_path.remove(cls)  # type: ignore[arg-type]
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: object) -> None:
            original(module)  # type: ignore[arg-type]
            WATCHED[1](module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if MODE:
    sys.meta_path.insert(0, _Finder)  # type: ignore[arg-type]
