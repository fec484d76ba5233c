"""Clocks: the people a person keeps distance from."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import col, select

from recovery_app.storage.models import Clock
from recovery_app.storage.vault import Vault


class ClockService:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add_clock(self, name: str, since: date, allowed_contact: str = "") -> Clock:
        clean = name.strip()
        if not clean:
            raise ValueError("a clock needs a label")
        if since > date.today():
            raise ValueError("a start date cannot be in the future")
        clock = Clock(
            name=clean,
            since=since,
            allowed_contact=allowed_contact.strip(),
            created_at=datetime.now(UTC),
        )
        with self._vault.session() as session:
            session.add(clock)
            session.commit()
            session.refresh(clock)
        return clock

    def list_clocks(self) -> list[Clock]:
        with self._vault.session() as session:
            statement = (
                select(Clock).where(col(Clock.archived_at).is_(None)).order_by(col(Clock.id))
            )
            return list(session.exec(statement))
