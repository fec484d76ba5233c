"""One person's session with the real window, driven from inside the installed `recovery-app`.

benchmarks/hook/sitecustomize.py imports this module when the app's event loop starts
(RECOVERY_BENCH=session) and calls `begin(app)`. The app is the one `recovery-app` builds:
nothing here makes a window or a screen. It then acts as a person would, through the widgets:

1. waits for the unlock screen to be usable (the remembered-key check answered), types the
   password one key every `type_ms` into the real field, and presses Enter;
2. times Enter, the end of the key derivation (argon2's own function, wrapped to note when it
   returns) and Today's first frame with its figures (the first paint pass of Today once its
   `ready` test in run.py's SCREENS holds; the moment is taken when that pass is done);
3. looks at Today for `look_ms`, then clicks each screen of SCREENS in the sidebar, in the
   order given (run.py turns it run by run), and times the click to the screen's first frame
   with its content; a content warning is read for `read_ms` and its button clicked, and the
   two waits are added up; then each screen again, Today first: the second visits;
4. after `settle_ms` of quiet, notes the resident memory (now and the peak, from /proc);
5. if `saves` is set: on the Urges screen, urges saved as its "Log an urge" does it (the
   quick-log window: a digit, Enter, then Close; the wait after Enter until the window says
   it is noted, plus the wait after Close until the list shows it), each beside a bare
   SQLCipher commit with synchronous=FULL on a database in the journal's folder;
6. writes everything as JSON to RECOVERY_BENCH_OUT and ends the process.

Settings come as JSON in RECOVERY_BENCH_SESSION; see run.py's `session_config`.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import run
from frames import FrameWatch
from kdf_timing import time_key_derivation
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sitecustomize import resident_kib, write_result

CONFIG: dict[str, Any] = json.loads(os.environ.get("RECOVERY_BENCH_SESSION", "{}"))
WAIT_S = 120.0


class SessionError(Exception):
    pass


@dataclass
class Sleep:
    ms: int


@dataclass
class Until:
    test: Callable[[], bool]
    what: str


@dataclass
class Frame:
    """Resumes with the moment the first paint pass of `target()` that shows `ready()` is done."""

    target: Callable[[], QWidget | None]
    ready: Callable[[], bool]
    what: str


Step = Sleep | Until | Frame


class Driver(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.results: dict[str, Any] = {"errors": []}
        self.kdf: list[tuple[float, float]] = []  # each key derivation's start and end
        self._frame: Frame | None = None
        self._deadline = 0.0
        self._steps = self.session()
        self._poll = QTimer(self)
        self._poll.setInterval(2)
        self._poll.timeout.connect(self._check_until)
        self._until: Until | None = None
        self._frames = FrameWatch(self._frame_wanted, self._frame_shown)

    # ----- the scheduler ---------------------------------------------------------------------

    def start(self) -> None:
        self._wrap_kdf()
        QTimer.singleShot(0, lambda: self._resume(None))

    def _resume(self, value: object) -> None:
        try:
            step = self._steps.send(value)
        except StopIteration:
            self._finish()
            return
        except Exception:
            self.results["errors"].append(traceback.format_exc())
            self._finish()
            return
        self._deadline = time.perf_counter() + WAIT_S
        if isinstance(step, Sleep):
            QTimer.singleShot(step.ms, lambda: self._resume(None))
        elif isinstance(step, Until):
            self._until = step
            self._poll.start()
        else:
            self._frame = step
            self._frames.watch_windows(self.app)
            self._poll.start()  # for the deadline and new windows: the frame watch resumes

    def _check_until(self) -> None:
        if time.perf_counter() > self._deadline:
            what = self._until.what if self._until else self._frame.what if self._frame else "?"
            self._poll.stop()
            self._until = self._frame = None
            page = self.page(self.window())
            shown = type(page).__name__ if page is not None else "nothing"
            moments = getattr(page, "moments", None)
            if moments is not None:
                lines = [moments.message.text(), moments.model.filters]
                shown += f" listing {moments.model.total} urges; {lines}"
            self.results["errors"].append(
                f"gave up waiting for {what} ({shown} on screen; expected {CONFIG['expected']})"
            )
            self._finish()
            return
        if self._frame is not None:
            self._frames.watch_windows(self.app)  # a window opened since
        if self._until is not None and self._until.test():
            self._poll.stop()
            self._until = None
            self._resume(None)

    def _frame_wanted(self, window: QWidget) -> bool:
        """The paint pass of the window showing the awaited target, once it is ready."""
        frame = self._frame
        if frame is None:
            return False
        target = frame.target()
        return (
            target is not None
            and target.window() is window
            and target.isVisible()
            and frame.ready()
        )

    def _frame_shown(self, window: QWidget, moment: float) -> None:
        if self._frame is None or not self._frame_wanted(window):
            return  # (a pass noted late, after the step it was for)
        self._frame = None
        self._poll.stop()
        QTimer.singleShot(0, lambda: self._resume(moment))

    def _finish(self) -> None:
        write_result(json.dumps(self.results))
        os._exit(0)

    def _wrap_kdf(self) -> None:
        import argon2.low_level as argon2

        time_key_derivation(argon2, lambda started, ended: self.kdf.append((started, ended)))

    # ----- the person ------------------------------------------------------------------------

    def window(self) -> Any:
        for widget in self.app.topLevelWidgets():
            if type(widget).__name__ == "JournalWindow":
                return widget
        raise SessionError("no journal window")

    def session(self) -> Generator[Step, Any, None]:
        window = self.window()
        yield Until(
            lambda: (
                window.stack.currentWidget() is window.unlock_screen
                and window.unlock_screen.password.isEnabled()
            ),
            "the unlock screen",
        )
        expected = CONFIG["expected"]
        yield from self.unlock(window, expected)
        yield Sleep(CONFIG["look_ms"])
        screens = {screen.title: screen for screen in (*run.SCREENS, *run.TABS)}
        order = [screens[title] for title in CONFIG["order"]]
        first: dict[str, float] = {}
        for screen in order:
            first[screen.title] = yield from self.visit(window, screen, expected)
            yield Sleep(CONFIG["look_ms"])
            yield from self.back_to_first_tab(window, screen, order)
        second: dict[str, float] = {}
        for screen in [screens["Today"], *order]:
            second[screen.title] = yield from self.visit(window, screen, expected)
            yield Sleep(CONFIG["look_ms"])
            yield from self.back_to_first_tab(window, screen, order)
        self.results["first_visit_ms"] = first
        self.results["second_visit_ms"] = second
        yield Sleep(CONFIG["settle_ms"])
        self.results["memory_kib"] = resident_kib()
        if CONFIG.get("saves"):
            yield from self.saves(window, screens["Urges"], expected, CONFIG["saves"])

    def unlock(self, window: Any, expected: dict[str, int]) -> Generator[Step, Any, None]:
        field = window.unlock_screen.password
        for key in CONFIG["password"]:
            QTest.keyClicks(field, key)
            yield Sleep(CONFIG["type_ms"])
        today = next(s for s in run.SCREENS if s.title == "Today")
        profiler = None
        if CONFIG.get("profile") == "unlock":
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        entered = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        shown = yield Frame(
            lambda: self.page(window), lambda: today.ready(self.page(window), expected), "Today"
        )
        if profiler is not None:
            profiler.disable()
            self.results["profile"] = profile_text(profiler)
        if not self.kdf:
            raise SessionError("the key derivation was not seen")
        kdf_started, kdf_done = self.kdf[-1]
        self.results["unlock"] = {
            "after_kdf_ms": (shown - kdf_done) * 1000,
            "from_enter_ms": (shown - entered) * 1000,
            "kdf_ms": (kdf_done - kdf_started) * 1000,
        }

    @staticmethod
    def page(window: Any) -> QWidget | None:
        view = window.main_view
        return None if view is None else view.pages.currentWidget()

    def visit(
        self, window: Any, screen: run.Screen, expected: dict[str, int]
    ) -> Generator[Step, Any, float]:
        """Click the screen's sidebar row; the wait until its content shows, in ms. With
        `profile` set to its title, the first visit runs under cProfile (the waits too)."""
        profiler = None
        if CONFIG.get("profile") == screen.title and "profile" not in self.results:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        waited = yield from self._visit(window, screen, expected)
        if profiler is not None:
            profiler.disable()
            self.results["profile"] = profile_text(profiler)
        return waited

    def back_to_first_tab(
        self, window: Any, screen: run.Screen, order: list[run.Screen]
    ) -> Generator[Step, Any, None]:
        """After a section's last tab, its first tab again (untimed), so the section is next
        shown as it was first measured: on its own first tab."""
        if not screen.section:
            return
        following = order[order.index(screen) + 1 :]
        if following and following[0].section == screen.section:
            return
        section = self.page(window)
        bar = section.tabBar()
        QTest.mouseClick(
            bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(0).center()
        )
        yield Frame(lambda: self.page(window), lambda: section.currentIndex() == 0, "tab 0")
        yield Sleep(CONFIG["look_ms"])

    def _visit_tab(
        self, window: Any, screen: run.Screen, expected: dict[str, int]
    ) -> Generator[Step, Any, float]:
        """A click on the tab in the section on show (visited just before it)."""
        section = self.page(window)
        if section is None or not hasattr(section, "tabBar"):
            raise SessionError(f"{screen.title}: its section {screen.section} is not on show")
        bar = section.tabBar()
        spot = bar.tabRect(screen.tab).center()
        started = time.perf_counter()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
        shown = yield Frame(
            lambda: self.page(window),
            lambda: screen.ready(self.page(window), expected),
            screen.title,
        )
        return (shown - started) * 1000

    def _visit(
        self, window: Any, screen: run.Screen, expected: dict[str, int]
    ) -> Generator[Step, Any, float]:
        if screen.section:
            return (yield from self._visit_tab(window, screen, expected))
        sidebar = window.main_view.sidebar
        (item,) = sidebar.findItems(screen.title, Qt.MatchFlag.MatchExactly)
        spot = sidebar.visualItemRect(item).center()
        started = time.perf_counter()
        QTest.mouseClick(
            sidebar.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot
        )

        def shows() -> bool:
            page = self.page(window)
            return screen.ready(page, expected) or screen.warning(page) is not None

        shown = yield Frame(lambda: self.page(window), shows, screen.title)
        waited = shown - started
        button = screen.warning(self.page(window))
        if button is not None:
            yield Sleep(CONFIG["read_ms"])
            started = time.perf_counter()
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            shown = yield Frame(
                lambda: self.page(window),
                lambda: screen.ready(self.page(window), expected),
                f"{screen.title} past its warning",
            )
            waited += shown - started
        return waited * 1000

    def saves(
        self, window: Any, urges: run.Screen, expected: dict[str, int], count: int
    ) -> Generator[Step, Any, None]:
        bare = run.BareCommit(CONFIG["bare_db"])
        if type(self.page(window)).__name__ != "UrgesSection":  # a click on the section
            yield from self.visit(window, urges, expected)  # showing would paint nothing
        section = self.page(window)
        app_ms: list[float] = []
        bare_ms: list[float] = []
        profiler = None
        if CONFIG.get("profile") == "saves":
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        try:
            for _ in range(count):
                bare_ms.append(bare.commit_ms())
                app_ms.append((yield from self.save_one(section)))
                yield Sleep(CONFIG["save_pause_ms"])
        finally:
            bare.close()
            if profiler is not None:
                profiler.disable()
                self.results["profile"] = profile_text(profiler)
        self.results["saves"] = {"app_ms": app_ms, "bare_ms": bare_ms}

    def save_one(self, section: Any) -> Generator[Step, Any, float]:
        screen = section.moments
        before = screen.model.total
        QTest.mouseClick(screen.log_button, Qt.MouseButton.LeftButton)
        dialog = section.dialog
        yield Frame(lambda: dialog, lambda: True, "the quick log")
        QTest.keyClicks(dialog, "7")
        started = time.perf_counter()
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        noted = yield Frame(lambda: dialog, lambda: dialog.saved is not None, "noted")
        waited = noted - started
        yield Sleep(CONFIG["save_pause_ms"])
        started = time.perf_counter()
        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        listed = yield Frame(
            lambda: screen, lambda: screen.model.total == before + 1, "the list with it"
        )
        return (waited + listed - started) * 1000


def profile_text(profiler: Any, top: int = 30) -> str:
    import io
    import pstats

    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def begin(app: QApplication) -> None:
    driver = Driver(app)
    driver.start()
    global _DRIVER
    _DRIVER = driver


_DRIVER: Driver | None = None
