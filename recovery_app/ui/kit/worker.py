"""Run slow work (key derivation, opening the vault) off the GUI thread; report by signal.

A SQLAlchemy session never crosses threads: a job may open and close its own sessions,
but hands back only plain results or the Vault (whose engine is thread-safe).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from recovery_app.ui.kit.free_memory import give_back_soon


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as error:  # reported to the GUI thread, never lost
            self._report(self._signals.failed, error)
        else:
            self._report(self._signals.done, result)

    @staticmethod
    def _report(signal: Any, value: object) -> None:
        # RuntimeError: the app is quitting and its objects are gone; nobody is left to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_running: set[_Signals] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    owner: QObject | None = None,
) -> _Signals:
    """Start `fn` on the global pool; `on_done` or `on_error` runs later on the GUI thread.

    If `owner` (the widget waiting for the answer) is gone by then, for example because the
    journal locked meanwhile, the answer is dropped instead of reaching a deleted widget.
    """
    signals = _Signals()
    _running.add(signals)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(signals)
        # Its connections go with it. They hold these callbacks, which hold the signals: a
        # loop through Qt that Python's collector can't see, which kept every job's owner
        # (a screen of a closed journal, with what it showed) for as long as the process ran.
        signals.deleteLater()
        if not _running:  # what the work freed goes back to the system (ui/kit/free_memory.py)
            give_back_soon(work_pending)
        if owner is not None and not shiboken6.isValid(owner):
            return
        callback(value)

    signals.done.connect(lambda value: finish(on_done, value))
    signals.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(_Job(fn, signals))
    return signals


def work_pending() -> bool:
    """Some work started here has not had its answer delivered yet."""
    return bool(_running)


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
