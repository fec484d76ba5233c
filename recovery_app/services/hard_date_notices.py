"""What Today and the tray say about marked dates: one calm line for the most pressing one.

From the lead time the person chose until the day, Today's notice counts the days to go,
with the plan one key away (the notice's button); on the day, the plan and Ride the wave;
the day after, a gentle check-in, unless today's check-in is already done. "Don't show this
again" quiets that line until the date's next step (the day itself, the day after), so a
line dismissed two weeks ahead still greets the day. The tray's words are neutral: they
never name the date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlmodel import select

from recovery_app.domain.hard_dates import (
    Ahead,
    AheadKind,
    ahead_line,
    ahead_of,
    most_pressing,
)
from recovery_app.domain.hard_dates import tray_line as tray_words
from recovery_app.domain.notices import Notice, NoticeAction, NoticeKind
from recovery_app.services.hard_dates import QUIET_KEY
from recovery_app.services.texts import hard_date_offer_words, hard_date_words
from recovery_app.storage.models import CheckIn

if TYPE_CHECKING:
    from recovery_app.services.hard_dates import HardDateService, SavedHardDate

# The kinds of the notice's button, which the window maps to what it opens.
PLAN_ACTION = "hard-date-plan"  # target: the marked date's id
CHECK_IN_ACTION = "check-in"
QUIET_KEPT_DAYS = 3  # a quieted line is forgotten once its date is this far behind


@dataclass(frozen=True)
class Pressing:
    saved: SavedHardDate
    ahead: Ahead
    key: str  # the date's uid, this time's date and the step: what "don't show" remembers


def _checked_in(service: HardDateService, today: date) -> bool:
    with service.vault.session() as session:
        return session.exec(select(CheckIn.id).where(CheckIn.day == today)).first() is not None


def pressing(service: HardDateService) -> Pressing | None:
    """The one marked date Today speaks of, if any."""
    today = service.today()
    quiet = set(service.info_list(QUIET_KEY))
    uids = service.uids()
    near: list[Pressing] = []
    for saved in service.marked():
        ahead = ahead_of(saved.details.mark, today)
        if ahead is None:
            continue
        key = f"{uids.get(saved.id, saved.id)}:{ahead.day.isoformat()}:{ahead.kind.value}"
        if key not in quiet:
            near.append(Pressing(saved, ahead, key))
    if any(p.ahead.kind is AheadKind.DAY_AFTER for p in near) and _checked_in(service, today):
        near = [p for p in near if p.ahead.kind is not AheadKind.DAY_AFTER]
    chosen = most_pressing([(index, p.saved.details.mark) for index, p in enumerate(near)], today)
    return None if chosen is None else near[chosen[0]]


def notice(service: HardDateService) -> Notice | None:
    found = pressing(service)
    if found is None:
        return None
    _, ahead_words = hard_date_words()
    offers = hard_date_offer_words()
    text = ahead_line(found.ahead, found.saved.details.name, ahead_words)
    if found.ahead.kind is AheadKind.DAY_AFTER:
        action = NoticeAction(CHECK_IN_ACTION, offers.say("check_in"))
    else:
        action = NoticeAction(PLAN_ACTION, offers.say("see_plan"), str(found.saved.id))
    return Notice(NoticeKind.HARD_DATE, text, action, dismissible=True, key=found.key)


def _still_near(key: str, today: date) -> bool:
    try:
        day = date.fromisoformat(key.split(":")[1])
    except (IndexError, ValueError):
        return False
    return day >= today - timedelta(days=QUIET_KEPT_DAYS)


def dismiss(service: HardDateService, dismissed: Notice) -> None:
    if dismissed.kind is not NoticeKind.HARD_DATE or not dismissed.key:
        return
    today = service.today()
    keys = [k for k in service.info_list(QUIET_KEY) if _still_near(k, today)]
    if dismissed.key not in keys:
        keys.append(dismissed.key)
    service.save_info_list(QUIET_KEY, keys)


def tray_line(service: HardDateService) -> str | None:
    found = pressing(service)
    if found is None:
        return None
    _, ahead_words = hard_date_words()
    return tray_words(found.ahead, ahead_words)
