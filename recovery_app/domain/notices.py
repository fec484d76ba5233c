"""Today's one gentle notice: of everything that could be said today, one thing at a time.

Every part of the app that wants a line on Today offers a `Notice`; `choose` picks the one
shown, by kind, in the order below (what just happened first, then what is coming, then
what can wait). Nothing else decides, so two parts never speak at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class NoticeKind(StrEnum):
    STRETCH = "stretch"  # a new stretch began just now: said straight after the contact
    MILESTONE = "milestone"  # a milestone reached, acknowledged once, calmly
    HARD_DATE = "hard-date"  # a hard date ahead, today, or just behind
    BACKUP = "backup"  # the last backup failed or is old
    READING = "reading"  # a reading that may help now, never pushed


ORDER = (
    NoticeKind.STRETCH,
    NoticeKind.MILESTONE,
    NoticeKind.HARD_DATE,
    NoticeKind.BACKUP,
    NoticeKind.READING,
)


@dataclass(frozen=True)
class NoticeAction:
    """What the notice's one button opens: `target` names it (a reading's id, a date's id)."""

    kind: str
    label: str
    target: str = ""


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    text: str  # may hold the person's own words (a clock's label): shown as plain text
    action: NoticeAction | None = None
    dismissible: bool = False  # offers "Don't show this again" (its source remembers)
    key: str = ""  # the source's own identity for it, for dismissing
    dismiss_label: str = ""  # the source's own words for that button, if it has them


def choose(notices: Iterable[Notice | None]) -> Notice | None:
    """The one notice shown: the first by kind in `ORDER`, then the first offered."""
    offered = [n for n in notices if n is not None and n.text]
    if not offered:
        return None
    return min(offered, key=lambda n: ORDER.index(n.kind))
