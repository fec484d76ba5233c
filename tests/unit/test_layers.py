"""domain/, storage/ and services/ never import Qt; ruff's TID251 says the same, and the
import-linter contracts in pyproject.toml hold the rest of the layering (docs/ARCHITECTURE.md)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "recovery_app"
LOWER_LAYERS = ["domain", "storage", "services"]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", LOWER_LAYERS)
def test_lower_layers_do_not_import_qt(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(m for m in _imported_modules(path) if "PySide6" in m)
        for path in (PACKAGE / layer).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("layer", ["drawing", "storage", "services", "domain"])
def test_lower_layers_do_not_import_the_ui(layer: str) -> None:
    for path in (PACKAGE / layer).rglob("*.py"):
        assert not any(m.startswith("recovery_app.ui") for m in _imported_modules(path)), path
