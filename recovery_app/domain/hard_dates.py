"""Hard dates: the days a person's own urge history gathers around, and the days they mark.

Clusters. A *window* is seven days of the year around a centre day (the centre and three
days either side), for each of the 365 days of a common year; Feb 29 has no window of its
own and, in a leap year, falls inside the windows around 26 February to 3 March, because a
window is seven real days of that year. A window around 30 December runs into the next
January and belongs to the centre's year. A window *stands out* in a year when it held at
least 3 urges and at least twice the person's own mean for seven days (their urges per day,
from the first urge to today, times seven). A cluster is a window that stood out in at
least two different years. Only windows that lie wholly between the first urge and today
are looked at, so history that was never recorded is never counted as calm.

That rule alone finds clusters in random histories: with a few urges a week, some week of
the year stands out twice in three years by chance in most of them (measured: 100 of 100
uniform histories of 200 urges over three years). So a cluster must also be unlikely by
chance: if urges came at the person's own steady rate, the chance that some window of the
year stands out as much, in as many years, must be at most 1 in 100 (a Poisson count per
window, the two counts that make it stand out, Bonferroni over the 365 windows). It never
claims more than the counts: "Around 14 February, urges have come more often in past years",
with the years and counts behind it.

Days to go. A marked day (yearly, or once) is announced from 14, 7 or 1 days ahead, or only
on the day, or never, as the person chose; the day after, a gentle check-in is offered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from recovery_app.domain.kinds import HardDateNotice as Notice
from recovery_app.domain.words import Words

WINDOW_HALF = 3  # days either side of the centre
WINDOW_DAYS = 2 * WINDOW_HALF + 1
MIN_URGES_IN_WINDOW = 3
TIMES_OWN_MEAN = 2
MIN_YEARS = 2
CHANCE = 0.01
MIN_HISTORY_DAYS = 365 + WINDOW_DAYS  # the same window, wholly, in two years
MIN_URGES = MIN_URGES_IN_WINDOW * MIN_YEARS
_COMMON_YEAR = 2001
CENTRES: tuple[date, ...] = tuple(date(_COMMON_YEAR, 1, 1) + timedelta(days=n) for n in range(365))


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class ClusterYear:
    year: int  # the year of the window's centre
    count: int  # urges in its seven days


@dataclass(frozen=True)
class Cluster:
    month: int  # the centre of the window that stood out most
    day: int
    years: tuple[ClusterYear, ...]  # the years it stood out, oldest first
    usual: float  # the person's own mean for seven days
    # the first and last centres of neighbouring windows that stood out too, as (month, day)
    spread: tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class ClusterSearch:
    enough_history: bool
    history_days: int  # from the first urge to today, both counted
    days_needed: int  # more days of history before clusters can show (0: enough)
    urges_needed: int  # more urges before clusters can show (0: enough)
    clusters: tuple[Cluster, ...]  # in calendar order


def poisson_tail(mean: float, count: int) -> float:
    """P(X >= count) for a Poisson count with this mean."""
    if count <= 0:
        return 1.0
    if mean <= 0:
        return 0.0

    def term(i: int) -> float:
        return math.exp(-mean + i * math.log(mean) - math.lgamma(i + 1))

    if count <= mean:  # a large tail: the complement is exact enough
        return max(0.0, 1.0 - sum(term(i) for i in range(count)))
    total, i = 0.0, count
    while True:  # terms fall from here on
        value = term(i)
        total += value
        if value < total * 1e-12:
            return min(1.0, total)
        i += 1


def _at_least_twice(years: int, p: float) -> float:
    """The chance that at least MIN_YEARS of `years` independent years do something of
    chance `p`."""
    below = sum(math.comb(years, j) * p**j * (1 - p) ** (years - j) for j in range(MIN_YEARS))
    return max(0.0, 1.0 - below)


def _history(counts: Iterable[DayCount], today: date) -> tuple[date | None, dict[date, int]]:
    by_day: dict[date, int] = {}
    for item in counts:
        if item.count > 0 and item.day <= today:
            by_day[item.day] = by_day.get(item.day, 0) + item.count
    return (min(by_day) if by_day else None), by_day


def find_clusters(counts: Iterable[DayCount], today: date) -> ClusterSearch:
    """The windows of the year that urges have gathered in, from urges counted per local day."""
    first, by_day = _history(counts, today)
    total = sum(by_day.values())
    history_days = 0 if first is None else (today - first).days + 1
    days_needed = max(0, MIN_HISTORY_DAYS - history_days)
    urges_needed = max(0, MIN_URGES - total)
    if first is None or days_needed or urges_needed:
        return ClusterSearch(False, history_days, days_needed, urges_needed, ())
    prefix = [0]
    for offset in range(history_days):
        prefix.append(prefix[-1] + by_day.get(first + timedelta(days=offset), 0))
    usual = WINDOW_DAYS * total / history_days
    threshold = max(MIN_URGES_IN_WINDOW, TIMES_OWN_MEAN * usual)

    standing: dict[int, tuple[ClusterYear, ...]] = {}
    for index, centre in enumerate(CENTRES):
        seen = 0
        out: list[ClusterYear] = []
        for year in range(first.year, today.year + 1):
            start = (date(year, centre.month, centre.day) - first).days - WINDOW_HALF
            end = start + WINDOW_DAYS
            if start < 0 or end > history_days:
                continue
            seen += 1
            count = prefix[end] - prefix[start]
            if count >= threshold:
                out.append(ClusterYear(year, count))
        if len(out) < MIN_YEARS:
            continue
        second = sorted((y.count for y in out), reverse=True)[MIN_YEARS - 1]
        if len(CENTRES) * _at_least_twice(seen, poisson_tail(usual, second)) <= CHANCE:
            standing[index] = tuple(out)
    return ClusterSearch(True, history_days, 0, 0, tuple(_merged(standing, usual)))


def _merged(standing: dict[int, tuple[ClusterYear, ...]], usual: float) -> list[Cluster]:
    """Neighbouring windows that stood out are one cluster, named by the window that held
    the most (the middle one of those on a tie, so urges from 13 to 15 February are "around
    14 February"); the year wraps from 31 December to 1 January."""
    if not standing:
        return []
    size = len(CENTRES)
    if len(standing) == size:
        runs = [list(range(size))]
    else:
        start = next(i for i in range(size) if i in standing and (i - 1) % size not in standing)
        runs, run = [], []
        for step in range(size):
            index = (start + step) % size
            if index in standing:
                run.append(index)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    clusters = []
    for run in runs:
        totals = [sum(y.count for y in standing[i]) for i in run]
        tied = [i for i, total in zip(run, totals, strict=True) if total == max(totals)]
        best = tied[len(tied) // 2]
        centre = CENTRES[best]
        clusters.append(
            Cluster(
                centre.month,
                centre.day,
                standing[best],
                usual,
                (
                    (CENTRES[run[0]].month, CENTRES[run[0]].day),
                    (CENTRES[run[-1]].month, CENTRES[run[-1]].day),
                ),
            )
        )
    return sorted(clusters, key=lambda c: (c.month, c.day))


def day_and_month(month: int, day: int) -> str:
    """ "14 February" (the month's name as the Today wording writes it)."""
    return f"{day} {date(2000, month, day):%B}"


CLUSTER_WORD_KEYS = ("around", "year_count", "too_little_history", "too_few_urges")


def cluster_sentence(cluster: Cluster, words: Words) -> str:
    return words.say("around", date=day_and_month(cluster.month, cluster.day))


def cluster_counts(cluster: Cluster, words: Words) -> tuple[str, ...]:
    """The counts behind a cluster, one line per year ("2024: 9 urges in those seven days")."""
    return tuple(words.say("year_count", year=y.year, count=y.count) for y in cluster.years)


def not_yet_sentence(search: ClusterSearch, words: Words) -> str | None:
    """What more is needed before clusters can show; None once there is enough."""
    if search.days_needed:
        return words.say("too_little_history", days=f"{search.days_needed:,}")
    if search.urges_needed:
        return words.say("too_few_urges")
    return None


# ----- marked days: days to go ------------------------------------------------------------------


@dataclass(frozen=True)
class MarkedDay:
    """A day the person marked: yearly (`year` None) or once. A yearly 29 February falls on
    28 February in common years."""

    month: int
    day: int
    year: int | None = None
    notice: Notice = Notice.TWO_WEEKS

    def __post_init__(self) -> None:
        date(2000 if self.year is None else self.year, self.month, self.day)  # ValueError

    def on_year(self, year: int) -> date | None:
        if self.year is not None and self.year != year:
            return None
        if (self.month, self.day) == (2, 29) and not _is_leap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class AheadKind(StrEnum):
    COMING = "coming"
    TODAY = "today"
    DAY_AFTER = "day-after"


@dataclass(frozen=True)
class Ahead:
    kind: AheadKind
    day: date  # the marked day's date this time
    days_to_go: int  # 0 on the day, -1 the day after


def ahead_of(mark: MarkedDay, today: date) -> Ahead | None:
    """What Today shows for one marked day, if anything."""
    reach = mark.notice.days_ahead
    if reach is None:
        return None
    yesterday = today - timedelta(days=1)
    if mark.on_year(yesterday.year) == yesterday:
        return Ahead(AheadKind.DAY_AFTER, yesterday, -1)
    for year in (today.year, today.year + 1):
        day = mark.on_year(year)
        if day is not None and day >= today:
            to_go = (day - today).days
            if to_go > reach:
                return None
            return Ahead(AheadKind.TODAY if to_go == 0 else AheadKind.COMING, day, to_go)
    return None


Key = TypeVar("Key")


def most_pressing(marks: Sequence[tuple[Key, MarkedDay]], today: date) -> tuple[Key, Ahead] | None:
    """The one line Today shows: a day that is today first, then the nearest coming, then a
    day that was yesterday; on a tie, the first given."""
    found = [(key, ahead) for key, mark in marks if (ahead := ahead_of(mark, today))]
    if not found:
        return None
    rank = {AheadKind.TODAY: 0, AheadKind.COMING: 1, AheadKind.DAY_AFTER: 2}
    return min(found, key=lambda item: (rank[item[1].kind], item[1].days_to_go))


AHEAD_WORD_KEYS = ("coming", "tomorrow", "today", "day_after", "tray_coming", "tray_today")


def ahead_line(ahead: Ahead, name: str, words: Words) -> str:
    """Today's one calm line, with the name the person gave the day."""
    if ahead.kind is AheadKind.TODAY:
        return words.say("today", name=name)
    if ahead.kind is AheadKind.DAY_AFTER:
        return words.say("day_after", name=name)
    if ahead.days_to_go == 1:
        return words.say("tomorrow", name=name)
    return words.say("coming", name=name, days=ahead.days_to_go)


def tray_line(ahead: Ahead, words: Words) -> str | None:
    """The tray's reminder: neutral words only, never the day's name; none the day after."""
    if ahead.kind is AheadKind.TODAY:
        return words.say("tray_today")
    if ahead.kind is AheadKind.COMING:
        return words.say("tray_coming")
    return None
