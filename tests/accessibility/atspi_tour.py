"""The tour (tests/helpers/tour.py) on a real display with the screen-reader bridge on, each
sight held on screen while atspi_walk.py reads the AT-SPI tree from outside.

Run by atspi_count.py inside the session it sets up (a display, a session bus, the
accessibility bus); writes one JSON report: per sight, the nodes the walker saw, and which
of them this process knows to be single choices (a ChoiceRow's answers) and combo boxes
(with the text they show, which must not be their name).

    python atspi_tour.py WALKER REPORT.json WORK_DIR
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from helpers.tour import settle, tour  # noqa: E402
from PySide6.QtCore import QEventLoop, QProcess, QTimer  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget  # noqa: E402

from recovery_app.storage.kdf import KdfParams  # noqa: E402
from recovery_app.ui.kit.choices import ChoiceRow  # noqa: E402
from recovery_app.ui.whole.timeline.view import TimelineView  # noqa: E402

WALK_TIMEOUT_S = 120
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "correct horse battery"


def accessible_id(widget: QWidget) -> str:
    return str(QAccessible.uniqueId(QAccessible.queryAccessibleInterface(widget)))


def known_widgets() -> tuple[list[str], dict[str, str], dict[str, int]]:
    """Ids of the single-choice answers on screen, the text each combo box shows, and how
    many memories each timeline shows (each must be reachable)."""
    single: list[str] = []
    combos: dict[str, str] = {}
    timelines: dict[str, int] = {}
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        for button in window.findChildren(QPushButton):
            if button.isVisible() and isinstance(button.parentWidget(), ChoiceRow):
                single.append(accessible_id(button))
        for combo in window.findChildren(QComboBox):
            if combo.isVisible():
                combos[accessible_id(combo)] = combo.currentText()
        for timeline in window.findChildren(TimelineView):
            if timeline.isVisible():
                timelines[accessible_id(timeline)] = len(timeline.items_on_screen())
    return single, combos, timelines


def walk(walker: str) -> list[dict[str, object]]:
    """The walker runs while this process keeps answering the bus (no blocking wait)."""
    process = QProcess()
    loop = QEventLoop()
    process.finished.connect(loop.quit)
    QTimer.singleShot(WALK_TIMEOUT_S * 1000, loop.quit)
    process.start("/usr/bin/python3", [walker, str(os.getpid())])
    if not process.waitForStarted(10_000):
        raise RuntimeError("the AT-SPI walker did not start")
    if process.state() != QProcess.ProcessState.NotRunning:
        loop.exec()  # a real event loop: each question on the bus is answered at once
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        raise RuntimeError("the AT-SPI walker took too long")
    if process.exitCode() != 0:
        error = bytes(process.readAllStandardError().data()).decode(errors="replace")
        raise RuntimeError(f"the AT-SPI walker failed: {error[-2000:]}")
    nodes: list[dict[str, object]] = json.loads(bytes(process.readAllStandardOutput().data()))
    return nodes


def main() -> int:
    walker, report_path, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    app = QApplication([sys.argv[0]])
    QAccessible.setActive(True)
    sights = []
    for sight in tour(work / "journal", kdf=CHEAP_KDF, password=PASSWORD):
        settle()
        QTest.qWait(150)  # the bridge's own events about the new window go out first
        single, combos, timelines = known_widgets()
        nodes = walk(walker)
        sights.append(
            {
                "sight": sight.name,
                "nodes": nodes,
                "single": single,
                "combos": combos,
                "timelines": timelines,
            }
        )
        print(f"walked {sight.name}", flush=True)
    report_path.write_text(json.dumps(sights))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
