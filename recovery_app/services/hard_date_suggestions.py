"""What the journal suggests marking as a hard date, never added without a yes.

Three sources: the windows of the year the urge history gathers in (with the years and
counts behind each), the day each clock began, and memories dated to the day, which the
person picks from themselves. A suggestion that is kept becomes a marked date through the
same form as any other (its name and date filled in, every field the person's to change);
one dismissed is never made again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy
from sqlmodel import col

from recovery_app.domain.hard_dates import (
    Cluster,
    ClusterSearch,
    cluster_counts,
    cluster_sentence,
    day_and_month,
    not_yet_sentence,
)
from recovery_app.domain.kinds import MemoryKind
from recovery_app.domain.marked_dates import (
    ClockStart,
    HardDateDetails,
    clock_start_suggestions,
    cluster_suggestions,
)
from recovery_app.services.hard_dates import DISMISSED_KEY
from recovery_app.services.texts import hard_date_offer_words, hard_date_words
from recovery_app.storage.models import Clock, Memory

if TYPE_CHECKING:
    from recovery_app.services.hard_dates import HardDateService
    from recovery_app.storage.vault import Vault


@dataclass(frozen=True)
class ClusterOffer:
    key: str  # for dismissing
    cluster: Cluster
    sentence: str  # "Around 14 February, urges have come more often in past years."
    counts: tuple[str, ...]  # the years and counts behind it, a line each
    details: HardDateDetails  # what keeping it starts the form with


@dataclass(frozen=True)
class ClockStartOffer:
    key: str
    clock_id: int
    since: date
    sentence: str  # names the clock in the person's own label
    details: HardDateDetails


@dataclass(frozen=True)
class Suggestions:
    clusters: tuple[ClusterOffer, ...]
    clock_starts: tuple[ClockStartOffer, ...]
    search: ClusterSearch
    not_yet: str | None  # while the history is too short: how much more is needed

    @property
    def empty(self) -> bool:
        return not self.clusters and not self.clock_starts


@dataclass(frozen=True)
class DayMemory:
    """A memory dated to the day, offered for the person to mark."""

    id: int
    title: str
    kind: MemoryKind
    day: date
    clock_id: int | None

    def details(self) -> HardDateDetails:
        return HardDateDetails(
            self.title[:200], self.day.month, self.day.day, clock_id=self.clock_id
        )


def _clock_starts(vault: Vault) -> list[ClockStart]:
    statement = (
        sqlalchemy.select(col(Clock.id), col(Clock.uid), col(Clock.name), col(Clock.since))
        .where(col(Clock.archived_at).is_(None))
        .order_by(col(Clock.id))
    )
    with vault.session() as session:
        rows = session.connection().execute(statement).all()
    return [
        ClockStart(f"clock:{uid}", clock_id, name, since)
        for clock_id, uid, name, since in rows
        if clock_id is not None
    ]


def suggestions(service: HardDateService) -> Suggestions:
    cluster_words, _ = hard_date_words()
    offer_words = hard_date_offer_words()
    marked = [saved.details for saved in service.marked()]
    dismissed = service.info_list(DISMISSED_KEY)
    search = service.clusters()
    clusters = tuple(
        ClusterOffer(
            found.key,
            found.cluster,
            cluster_sentence(found.cluster, cluster_words),
            cluster_counts(found.cluster, cluster_words),
            HardDateDetails(
                offer_words.say(
                    "cluster_name", date=day_and_month(found.cluster.month, found.cluster.day)
                ),
                found.cluster.month,
                found.cluster.day,
            ),
        )
        for found in cluster_suggestions(search.clusters, marked, dismissed)
    )
    starts = tuple(
        ClockStartOffer(
            found.key,
            found.start.clock_id,
            found.start.since,
            offer_words.say(
                "clock_start",
                clock=found.start.name,
                date=day_and_month(found.start.since.month, found.start.since.day),
            ),
            HardDateDetails(
                offer_words.say("clock_start_name", clock=found.start.name)[:200],
                found.start.since.month,
                found.start.since.day,
                clock_id=found.start.clock_id,
            ),
        )
        for found in clock_start_suggestions(_clock_starts(service.vault), marked, dismissed)
    )
    return Suggestions(clusters, starts, search, not_yet_sentence(search, cluster_words))


def day_memories(vault: Vault) -> list[DayMemory]:
    """Memories dated to one day, the most recent first."""
    start, end = col(Memory.date_start), col(Memory.date_end)
    statement = (
        sqlalchemy.select(
            col(Memory.id), col(Memory.title), col(Memory.kind), start, col(Memory.clock_id)
        )
        .where(start == end)
        .order_by(start.desc(), col(Memory.id))
    )
    with vault.session() as session:
        rows = session.connection().execute(statement).all()
    return [
        DayMemory(memory_id, title, MemoryKind(kind), day, clock_id)
        for memory_id, title, kind, day, clock_id in rows
        if memory_id is not None
    ]
