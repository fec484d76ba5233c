"""docs/FORMAT.md's recipe opens a journal the app made, with nothing of the app."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import PASSWORD

from recovery_app.domain.backups import Trigger

FORMAT = Path(__file__).parents[2] / "docs" / "FORMAT.md"
ALLOWED_IMPORTS = {"argon2", "cryptography", "sqlcipher3"} | {
    "base64",
    "hashlib",
    "json",
    "sys",
    "unicodedata",
    "pathlib",
}


def recipe() -> str:
    text = FORMAT.read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: open-journal -->\s*```python\n(.*?)```", text, re.S)
    assert found, "docs/FORMAT.md has lost its recipe"
    return found.group(1)


def test_the_recipe_uses_only_the_three_libraries_and_the_standard_library() -> None:
    modules = set()
    for node in ast.walk(ast.parse(recipe())):
        if isinstance(node, ast.Import):
            modules |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.module is not None
            modules.add(node.module.split(".")[0])
    assert modules <= ALLOWED_IMPORTS
    assert "recovery_app" not in recipe()


def _run(folder: Path, password: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "open_journal.py"
    script.write_text(recipe(), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-I", str(script), str(folder)],  # -I: nothing from the environment
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )


@pytest.mark.slow
def test_the_recipe_opens_a_journal_and_its_backup(service, paths, tmp_path: Path) -> None:
    journal = service.create(PASSWORD)
    journal.clocks.add_clock("A", date(2026, 1, 1))
    made = journal.backups.run(Trigger.UNLOCK).made
    assert made is not None
    journal.close()
    for folder in (paths.data_dir, made.path):
        done = _run(folder, PASSWORD, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "clock 1" in done.stdout.splitlines()
        assert "alembic_version 1" in done.stdout.splitlines()


@pytest.mark.slow
def test_the_recipe_says_no_to_a_wrong_password(service, paths, tmp_path: Path) -> None:
    service.create(PASSWORD).close()
    done = _run(paths.data_dir, "not the password", tmp_path)
    assert done.returncode != 0 and "InvalidTag" in done.stderr
