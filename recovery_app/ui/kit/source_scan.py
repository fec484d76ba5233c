"""PySide6 reads the whole source of every module imported after it, and keeps it.

For its `__feature__` switches (`snake_case`, `true_property`), PySide6 asks of each module
imported after `PySide6.QtCore` whether it uses PySide6: `inspect.getsource(module)`, then a
search for "PySide6" (`shibokensupport/feature.py`, PYSIDE-2029). `inspect.getsource` reads
through `linecache`, which keeps every line of every such module for the rest of the process.
Here that is about 600 modules (SQLAlchemy, SQLModel, pydantic, the app's own), loaded after
the window shows, and about 24 MiB that nothing reads again: an eighth of the app's memory
after unlocking.

`stop_keeping_sources` asks PySide6's question of the file's bytes instead, and keeps nothing.
The answer is the same one, so a module that selects a feature still gets it. Where PySide6 has
no such check (another version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_installed: Callable[[ModuleType], bool] | None = None  # the check put in place here


def stop_keeping_sources() -> bool:
    """Call right after importing PySide6. True if PySide6's check now reads without keeping."""
    global _installed
    feature = sys.modules.get(_FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if upstream is not _installed:
        _installed = _reading_the_file(upstream)
        feature._mod_uses_pyside = _installed  # type: ignore[attr-defined]  # PySide6's own
    return True


def _reading_the_file(upstream: Callable[[ModuleType], object]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))  # built in, compiled or frozen: it reads no lines
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as upstream says of "a module without source file"

    return uses_pyside
