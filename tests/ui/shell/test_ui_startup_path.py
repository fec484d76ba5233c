"""The ways to the unlock window and to the quick-log window stay light: neither builds
PySide6's `Qt` enum namespace nor loads the database libraries before it shows, and the
window that owns its folder loads Qt's network module (to answer later windows) only after.

The first touch of `Qt` builds ~170 enum classes at once (about 15 ms; see ui/lazy_qt.py);
SQLAlchemy, SQLModel, Alembic and SQLCipher take most of a second to import, and are loaded
while the person types the password (ui/shell/preload.py), never before the window shows.
This runs in a fresh interpreter, since this test process touched `Qt` long ago.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.ui_window import make_vault

pytestmark = pytest.mark.slow

WATCH = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    created = []

    def watch(frame, event, arg):
        code = frame.f_code
        if event == "call" and code.co_name == "_create_" and code.co_filename.endswith("enum.py"):
            created.append(frame.f_locals.get("class_name"))

    def shown(name):
        sys.setprofile(None)
        print(name)
        print(" ".join(name for name in created if name))
        print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & DATABASE_LIBRARIES)))
        print("PySide6.QtNetwork" in sys.modules)
        import linecache
        print(" ".join(sorted(name.rsplit("/", 1)[-1] for name, entry in linecache.cache.items()
                              if len(entry) > 1 and "recovery_app" in name)))
        app.quit()

    DATABASE_LIBRARIES = {"sqlalchemy", "sqlmodel", "alembic", "sqlcipher3"}
    """
)

WINDOW_CHILD = WATCH + textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import recovery_app.app as app_module

    app = QApplication([sys.argv[0]])
    sys.setprofile(watch)
    window, _ = app_module.build_window(Path(sys.argv[1]), tray_available=False)
    window.show()
    window.start()
    QTimer.singleShot(0, lambda: shown(type(window.stack.currentWidget()).__name__))
    app.exec()
    """
)

# As `recovery-app quick-log` does when no window is running (app.run_quick_log).
QUICK_LOG_CHILD = WATCH + textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.ui.kit.preferences import Preferences

    app = QApplication([sys.argv[0]])
    sys.setprofile(watch)
    from recovery_app.ui.shell.quick_log_session import QuickLogSession

    paths = VaultPaths(Path(sys.argv[1]))
    session = QuickLogSession(VaultService(paths, KeyringSecretStore()),
                              Preferences(paths.ui_settings))
    session.start()
    QTimer.singleShot(0, lambda: shown(type(session.dialog).__name__))
    app.exec()
    """
)

# Enums that live only in the Qt namespace: any of them means the whole namespace was built.
QT_NAMESPACE_ONLY = {"DayOfWeek", "AlignmentFlag", "TextFormat", "FocusReason", "Key"}


@pytest.mark.parametrize(
    ("child", "expected_screen"),
    [(WINDOW_CHILD, "UnlockScreen"), (QUICK_LOG_CHILD, "QuickLogDialog")],
    ids=["unlock window", "quick-log window"],
)
def test_the_first_window_shows_without_the_qt_namespace_or_the_database_libraries(
    private_home: Path, data_dir: Path, child: str, expected_screen: str
) -> None:
    make_vault(data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    done = subprocess.run(
        [sys.executable, "-c", child, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    screen, created, database_libraries, network, kept = done.stdout.split("\n")[:5]
    assert screen == expected_screen
    assert created, "the watcher saw no enum built at all; it is not watching"
    assert not QT_NAMESPACE_ONLY & set(created.split())
    assert database_libraries == ""
    if expected_screen == "UnlockScreen":  # the window owning its folder listens once drawn
        assert network == "False"
        # PySide6 kept no source of the modules the window loaded (ui/kit/source_scan.py)
        assert "window.py" not in kept.split(), kept
