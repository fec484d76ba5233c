"""The schema's revisions, and Alembic run in-process on the vault's own connection.

Every unlock asks "is this journal at the head revision?". Alembic takes about a third of a
second to import, so that question is answered without it: the revision ids are read from the
migration files themselves (`revision = "..."`, `down_revision = "..."`, as Alembic's own
template writes them) and the journal's from its `alembic_version` table. Alembic is loaded
only to upgrade. tests/unit/storage/test_migrations.py checks both answers against Alembic's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

SCRIPT_LOCATION = "recovery_app.storage:migrations"
VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
_QUOTED = re.compile(r"""^(['"])([^'"]+)\1$""")


class MigrationFilesProblem(RuntimeError):
    """The migration files don't form one line of revisions (a developer's mistake)."""


def _revision_id(value: str, file: str) -> str | None:
    if value == "None":
        return None
    quoted = _QUOTED.match(value)
    if quoted is None:
        raise MigrationFilesProblem(f"{file}: a revision id must be a plain string, not {value}")
    return quoted.group(2)


@cache
def revision_parents(versions: Path = VERSIONS_DIR) -> dict[str, str | None]:
    """Each revision id, with the one it revises (None for the first), from the files."""
    parents: dict[str, str | None] = {}
    for path in sorted(versions.glob("*.py")):
        if path.name.startswith("__"):
            continue
        text = path.read_text(encoding="utf-8")
        found = {
            name: _revision_id(value, path.name) for name, value in _REVISION_LINE.findall(text)
        }
        revision = found.get("revision")
        if revision is None or "down_revision" not in found:
            raise MigrationFilesProblem(f"{path.name}: no revision and down_revision lines")
        parents[revision] = found["down_revision"]
    return parents


def head_revision(versions: Path = VERSIONS_DIR) -> str:
    """The one revision that no other revises."""
    parents = revision_parents(versions)
    heads = set(parents) - set(parents.values())
    if len(heads) != 1:
        raise MigrationFilesProblem(f"the migrations have {len(heads)} heads, not one")
    return heads.pop()


def known_revisions(versions: Path = VERSIONS_DIR) -> set[str]:
    return set(revision_parents(versions))


def current_revision(connection: Connection) -> str | None:
    """The journal's revision (None before the first migration), as Alembic stores it."""
    has_table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return None
    rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:
        raise MigrationFilesProblem("the journal records more than one revision")
    return str(rows[0][0]) if rows else None


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(connection), target)
