"""The project installed the way the README's start command installs it (a wheel, not an
editable checkout) holds every module of the package and the resources it reads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]

CHECK = textwrap.dedent(
    """
    import importlib, sys
    from pathlib import Path

    target = Path(sys.argv[1])
    import recovery_app
    assert Path(recovery_app.__file__).is_relative_to(target), recovery_app.__file__
    failed = []
    for name in sys.argv[2:]:
        try:
            importlib.import_module(name)
        except Exception as error:
            failed.append(f"{name}: {type(error).__name__}: {error}")
    from recovery_app.resource_files import resources_dir
    from recovery_app.services.exercises import load_library
    from recovery_app.services.texts import today_texts

    assert resources_dir().is_relative_to(target), resources_dir()
    assert (resources_dir() / "icons" / "journal.svg").is_file()
    library = load_library()
    assert library.exercises and not library.problems, library.problems
    assert today_texts().gentle_lines
    print("\\n".join(failed) if failed else "all imported")
    """
)


# Modules that run when imported: the entry point, and Alembic's environment script (run by
# Alembic inside a migration). Both are checked to be present instead.
RUN_ON_IMPORT = {"recovery_app.__main__", "recovery_app.storage.migrations.env"}


def _modules() -> list[str]:
    package = ROOT / "recovery_app"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_installed_package_holds_every_module_and_its_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("recovery_app-*.whl")
    target = tmp_path / "installed"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)

    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    for name in RUN_ON_IMPORT:
        assert (target / (name.replace(".", "/") + ".py")).is_file(), name
    assert (target / "recovery_app/storage/migrations/script.py.mako").is_file()
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(target), *sorted(set(_modules()) - RUN_ON_IMPORT)],
        cwd=tmp_path,  # never the checkout, whose folder would shadow the installed package
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "all imported"
