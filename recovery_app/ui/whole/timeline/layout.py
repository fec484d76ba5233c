"""Where each memory sits on the timeline at one zoom: its span in pixels and its lane.

No painting here. Good moments take lanes above the line, harm below, the rest on it; a
memory goes in the first lane free at its start (its label counted when labels show), and
when every lane is taken it shares the one that frees up first. Zoomed out, a dot that
would only be painted over by its neighbour is marked `covered`, so a frame stays quick.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_app.domain.memories import ABOVE, BELOW, SIDE, Memory

# Pixels per day at each zoom step, from years to weeks.
ZOOMS = (0.5, 1.2, 4.0, 10.0, 24.0)
YEARS, MONTHS, WEEKS = 0, 2, 4
MARGIN_DAYS = 45
LANE_HEIGHT = 20
BAR_HEIGHT = 10
DOT_RADIUS = 6
AXIS_GAP = 34  # from the line to the first lane above or below
LABEL_WIDTH = 150
HIT_SLOP = 6
COVER_PX = DOT_RADIUS  # half a dot


@dataclass(slots=True)
class TimelineItem:
    memory: Memory
    x0: float  # in timeline pixels from the origin day
    x1: float
    lane: int = 0
    title: str = ""
    covered: bool = False  # drawn over by the item just before it in its lane, at this zoom
    side: int = 0  # ABOVE, BETWEEN or BELOW the line, by its kind


def lay_out(
    memories: Sequence[Memory],
    origin: date,
    scale: float,
    lane_limits: dict[int, int],
    label_width: Callable[[TimelineItem], int] | None = None,
) -> list[TimelineItem]:
    """The memories placed at `scale` pixels a day from `origin`, ordered by their start.
    `label_width` is given when labels show: a label needs room in its lane too."""
    # Years of memories are laid out before the first frame: each one's side is looked up
    # once, by the kind's identity (hashing an enum member is a call into Python).
    start = origin.toordinal()
    side_of = {id(kind): side for kind, side in SIDE.items()}
    items = [
        TimelineItem(
            m,
            (m.when.start.toordinal() - start) * scale,
            (m.when.end.toordinal() - start + 1) * scale,
            title=m.details.title,
            side=side_of[id(m.details.kind)],
        )
        for m in memories
    ]
    items.sort(key=lambda i: (i.x0, i.memory.id))
    lane_ends: dict[int, list[float]] = {ABOVE: [], 0: [], BELOW: []}
    dot = 2 * DOT_RADIUS
    for item in items:
        x0, x1 = item.x0, item.x1
        extent = x1 if x1 - x0 > dot else x0 + dot
        if label_width is not None:
            extent = max(extent, x0 + dot + 6 + label_width(item))
        side = item.side
        ends = lane_ends[side]
        for lane, end in enumerate(ends):
            if end + 4 <= x0:
                ends[lane] = extent
                break
        else:
            if len(ends) < lane_limits[side]:
                lane = len(ends)
                ends.append(extent)
            else:  # full: share the lane that frees up first
                lane = min(range(len(ends)), key=ends.__getitem__)
                ends[lane] = max(ends[lane], extent)
        item.lane = lane
    if label_width is None:
        _mark_covered(items)
    return items


def _mark_covered(items: list[TimelineItem]) -> None:
    """Zoomed out, a year of memories piles up in a few pixels: a dot within half a dot of
    the last one drawn in its lane (a bar of about its size, likewise) would only be painted
    over, so it is skipped. The chosen and ringed ones are always drawn, and the list shows
    every memory."""
    last: dict[tuple[int, int], TimelineItem] = {}
    for item in items:
        key = (item.side, item.lane)
        before = last.get(key)
        item.covered = (
            before is not None
            and item.x0 - before.x0 < COVER_PX
            and abs((item.x1 - item.x0) - (before.x1 - before.x0)) < COVER_PX
        )
        if not item.covered:
            last[key] = item


def ticks(first: date, last: date, zoom: int) -> list[tuple[date, str]]:
    """Year marks when zoomed out, months in the middle, Mondays when zoomed in."""
    ticks: list[tuple[date, str]] = []
    if zoom < MONTHS:
        ticks = [(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1)]
    elif zoom < WEEKS:
        year, month = first.year, first.month
        while date(year, month, 1) <= last:
            caption = f"{date(year, month, 1):%b}" + (f" {year}" if month == 1 else "")
            if zoom == MONTHS and month not in (1, 4, 7, 10):
                caption = ""
            ticks.append((date(year, month, 1), caption))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        monday = first - timedelta(days=first.weekday())
        while monday <= last:
            ticks.append((monday, f"{monday.day} {monday:%b %Y}"))
            monday += timedelta(days=7)
    return [(t, c) for t, c in ticks if first - timedelta(days=1) <= t <= last]
