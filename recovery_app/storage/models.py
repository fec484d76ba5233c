"""Tables. XBase holds the fields a person edits; X is the table (full-stack-fastapi style).

Every schema change goes through an Alembic migration in storage/migrations/versions.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class VaultInfo(SQLModel, table=True):
    __tablename__ = "vault_info"

    key: str = Field(primary_key=True, max_length=64)
    value: str


class ClockBase(SQLModel):
    """A person to keep distance from. `name` is whatever label the person chose."""

    name: str = Field(min_length=1, max_length=200)
    since: date
    allowed_contact: str = ""


class Clock(ClockBase, table=True):
    __tablename__ = "clock"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime
    archived_at: datetime | None = None
