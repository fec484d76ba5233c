"""Where the files under resources/ are: beside the package in a checkout, inside it once
installed. No Qt here, so services can read the wording shipped as data."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "resources", package / "resources"):  # checkout, installed
        if (candidate / "icons").is_dir():
            return candidate
    import importlib.resources  # about 4 ms; only an unusual install (a zip) comes this far

    return Path(str(importlib.resources.files("recovery_app.resources")))
