"""PySide6's check of each new module (does it use PySide6?) reads the file without keeping it.

Upstream, the check goes through `inspect.getsource`, and `linecache` then holds every line of
every module imported after PySide6 (about 24 MiB in this app after unlocking).
"""

import importlib
import inspect
import linecache
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  # installs PySide6's import hook
import pytest

from recovery_app.ui.kit.source_scan import stop_keeping_sources

FEATURE = sys.modules["shibokensupport.feature"]


@pytest.fixture
def on_path(tmp_path: Path):
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in ("scan_uses_qt", "scan_plain"):
        sys.modules.pop(name, None)


def test_a_module_imported_after_pyside_leaves_no_lines_behind(on_path: Path) -> None:
    assert stop_keeping_sources()
    (on_path / "scan_uses_qt.py").write_text("from PySide6.QtCore import QObject\nA = 1\n")
    (on_path / "scan_plain.py").write_text("B = 2\n" * 2000)

    import scan_plain  # type: ignore[import-not-found]  # noqa: F401  # an import statement,
    import scan_uses_qt  # type: ignore[import-not-found]  # noqa: F401  # as PySide6 hooks them

    kept = {Path(name).name for name, entry in linecache.cache.items() if len(entry) > 1}
    assert not {"scan_uses_qt.py", "scan_plain.py"} & kept
    # PySide6's own answer, as before: a module naming PySide6 takes part in its features.
    assert FEATURE.pyside_feature_dict["scan_uses_qt"] == 0
    assert FEATURE.pyside_feature_dict["scan_plain"] == -1


def test_the_check_answers_as_pyside_s_own_for_the_modules_loaded_here() -> None:
    stop_keeping_sources()
    check = FEATURE._mod_uses_pyside
    names = [
        "recovery_app.ui.kit.widgets",
        "recovery_app.ui.shell.window",
        "recovery_app.domain.stretches",
        "json",
        "sys",  # built in: no file at all
        "shiboken6.Shiboken",  # compiled
    ]
    for name in names:
        module = importlib.import_module(name)
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert check(module) is expected, name


def test_asking_twice_changes_nothing() -> None:
    stop_keeping_sources()
    first = FEATURE._mod_uses_pyside
    assert stop_keeping_sources()
    assert FEATURE._mod_uses_pyside is first
