"""When to back up, which backups to keep, and when Today should mention them: pure rules.

Retention follows what backup tools (borg, restic, Mini Diarium) settled on: the newest few,
then one a day, one a week and one a month going back, the newest of each period. Periods are
the person's local calendar days, ISO weeks and months. A size cap then drops the oldest, but
never the newest backup, which is the one a person is most likely to need.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import Enum

MIN_AUTOMATIC_GAP = timedelta(hours=1)
STALE_AFTER = timedelta(days=7)
DEFAULT_SIZE_CAP = 2 * 1024**3  # 2 GiB: about 40 backups of a journal kept for ten years


class Trigger(Enum):
    """Why a backup is being asked for. The value is written into the backup's manifest."""

    UNLOCK = "unlock"
    HOURLY = "hourly"
    QUIT = "quit"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_IMPORT = "before-import"
    BEFORE_RESTORE = "before-restore"
    BEFORE_PASSWORD_CHANGE = "before-password-change"
    AFTER_REKEY = "after-rekey"
    # Named so the rule is written down: these lock at once and wait for nothing.
    QUICK_EXIT = "quick-exit"
    AUTO_LOCK = "auto-lock"


AUTOMATIC = frozenset({Trigger.UNLOCK, Trigger.HOURLY, Trigger.QUIT})
NEVER = frozenset({Trigger.QUICK_EXIT, Trigger.AUTO_LOCK})


def backup_due(trigger: Trigger, last_backup_at: datetime | None, now: datetime) -> bool:
    """Whether `trigger` makes a backup now.

    Automatic backups come at most once an hour after the last backup (`last_backup_at`: the
    newest of any kind, or the last automatic try that failed, so a missing drive is not
    retried at every trigger). Backups the person asks for and the safety copies before a
    destructive step are never held back. A clock set back by more than the gap counts as a
    new start rather than a long wait.
    """
    if trigger in NEVER:
        return False
    if trigger not in AUTOMATIC or last_backup_at is None:
        return True
    elapsed = now - last_backup_at
    return elapsed >= MIN_AUTOMATIC_GAP or elapsed <= -MIN_AUTOMATIC_GAP


@dataclass(frozen=True)
class BackupStamp:
    """What retention needs to know of one backup: an identity, when it was made, its size."""

    key: Hashable
    at: datetime  # aware
    size: int = 0


@dataclass(frozen=True)
class Retention:
    newest: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12
    size_cap: int | None = DEFAULT_SIZE_CAP  # bytes; None: no cap

    @property
    def most_kept(self) -> int:
        """An upper bound on how many backups survive, whatever came before."""
        return self.newest + self.daily + self.weekly + self.monthly


def backups_to_keep(
    stamps: Iterable[BackupStamp], now: datetime, zone: tzinfo, rules: Retention = Retention()
) -> frozenset[Hashable]:
    """The keys of the backups to keep; every other one may be removed."""
    ordered = sorted(stamps, key=lambda s: (s.at, str(s.key)), reverse=True)
    if not ordered:
        return frozenset()
    today = now.astimezone(zone).date()
    keep = {s.key for s in ordered[: rules.newest]}

    def local(stamp: BackupStamp) -> date:
        return stamp.at.astimezone(zone).date()

    def day(d: date) -> Hashable:
        return d

    def week(d: date) -> date:
        return d - timedelta(days=d.weekday())  # its Monday

    def month(d: date) -> Hashable:
        return (d.year, d.month)

    windows: list[tuple[Callable[[date], Hashable], set[Hashable]]] = [
        (day, {today - timedelta(days=i) for i in range(rules.daily)}),
        (week, {week(today) - timedelta(weeks=i) for i in range(rules.weekly)}),
        (month, {_months_back(today, i) for i in range(rules.monthly)}),
    ]
    for period_of, window in windows:
        seen: set[Hashable] = set()
        for stamp in ordered:  # newest first, so the newest of each period is the one kept
            period = period_of(local(stamp))
            if period in window and period not in seen:
                seen.add(period)
                keep.add(stamp.key)
    if rules.size_cap is not None:
        kept = [s for s in ordered if s.key in keep]
        total = sum(s.size for s in kept)
        for stamp in reversed(kept[1:]):  # oldest first; the newest always stays
            if total <= rules.size_cap:
                break
            keep.discard(stamp.key)
            total -= stamp.size
    return frozenset(keep)


def _months_back(today: date, count: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 - count
    return (index // 12, index % 12 + 1)


class BackupAttention(Enum):
    """Whether Today shows a calm line about backups, and which."""

    NONE = "none"
    NEVER = "never"  # no backup yet
    OLD = "old"  # the newest good one is over a week old
    FAILED = "failed"  # the last try did not work, and none has worked since


def backup_attention(
    last_good_at: datetime | None, last_failure_at: datetime | None, now: datetime
) -> BackupAttention:
    if last_failure_at is not None and (last_good_at is None or last_failure_at > last_good_at):
        return BackupAttention.FAILED
    if last_good_at is None:
        return BackupAttention.NEVER
    if now - last_good_at > STALE_AFTER:
        return BackupAttention.OLD
    return BackupAttention.NONE
