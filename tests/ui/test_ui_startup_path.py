"""The way to the unlock window stays light: it never builds PySide6's `Qt` enum namespace.

The first touch of `Qt` builds ~170 enum classes at once (about 15 ms; see ui/lazy_qt.py).
This runs in a fresh interpreter, since this test process touched `Qt` long ago.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ui_window_helpers import make_vault

pytestmark = pytest.mark.slow

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    created = []

    def watch(frame, event, arg):
        code = frame.f_code
        if event == "call" and code.co_name == "_create_" and code.co_filename.endswith("enum.py"):
            created.append(frame.f_locals.get("class_name"))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import recovery_app.app as app_module

    app = QApplication([sys.argv[0]])
    sys.setprofile(watch)
    window, _ = app_module.build_window(Path(sys.argv[1]), tray_available=False,
                                       single_instance=False)
    window.show()
    window.start()

    def shown():
        sys.setprofile(None)
        print(type(window.stack.currentWidget()).__name__)
        print(" ".join(name for name in created if name))
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    """
)

# Enums that live only in the Qt namespace: any of them means the whole namespace was built.
QT_NAMESPACE_ONLY = {"DayOfWeek", "AlignmentFlag", "TextFormat", "FocusReason", "Key"}


def test_the_unlock_window_shows_without_building_the_qt_namespace(
    private_home: Path, data_dir: Path
) -> None:
    make_vault(data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    screen, created = done.stdout.splitlines()
    assert screen == "UnlockScreen"
    assert created, "the watcher saw no enum built at all; it is not watching"
    assert not QT_NAMESPACE_ONLY & set(created.split())
