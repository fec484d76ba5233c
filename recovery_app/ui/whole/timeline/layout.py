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
    placing = Placing(memories, origin, scale, lane_limits, label_width)
    placing.place_all()
    return placing.items


class Dated:
    """Memories by start, then id, with each one's first and last day as day numbers: the
    part of a layout that depends on the memories alone (sorting years of them is most of
    it), worked out once for a list and shared by each layout of it, at every zoom and
    every height the view is given."""

    def __init__(self, memories: Sequence[Memory]) -> None:
        self.order = sorted(memories, key=lambda m: (m.when.start.toordinal(), m.id))
        self.starts = [m.when.start.toordinal() for m in self.order]
        self.ends = [m.when.end.toordinal() for m in self.order]


class Placing:
    """A layout made from the left as far as it is needed: a memory's lane depends only on
    those that start before it, so the first frame, which shows the earliest years, places
    only what it shows, and scrolling right (or anything that asks for every memory) places
    the rest. Years of memories made the first frame wait for all of them.

    `items` holds the placed ones, by start; `x0s` every memory's start, in the same order."""

    def __init__(
        self,
        memories: Sequence[Memory] | Dated,
        origin: date,
        scale: float,
        lane_limits: dict[int, int],
        label_width: Callable[[TimelineItem], int] | None = None,
    ) -> None:
        self._start = origin.toordinal()
        self._scale = scale
        # By start, then id: the order items are placed and drawn in. An item is made only
        # as its memory is placed; each start and width is worked out here, for finding
        # what is in view.
        dated = memories if isinstance(memories, Dated) else Dated(memories)
        self._order = dated.order
        self._ends = dated.ends
        start = self._start
        self.x0s = [(day - start) * scale for day in dated.starts]
        self.widest = max(
            ((end - start + 1) * scale - x0 for end, x0 in zip(dated.ends, self.x0s, strict=True)),
            default=0.0,
        )
        self.items: list[TimelineItem] = []  # those placed so far, in order
        # Each memory's side is looked up once, by the kind's identity (hashing an enum
        # member is a call into Python).
        self._side_of = {id(kind): side for kind, side in SIDE.items()}
        self._limits = lane_limits
        self._label_width = label_width
        self._lane_ends: dict[int, list[float]] = {ABOVE: [], 0: [], BELOW: []}
        self._last: dict[tuple[int, int], TimelineItem] = {}  # the last dot drawn, by lane

    @property
    def done(self) -> bool:
        return len(self.items) == len(self._order)

    def place_all(self) -> None:
        self.place_until(float("inf"))

    def place_until(self, x: float) -> None:
        """Place every memory that starts at or before `x` pixels.

        Zoomed out, a year of memories piles up in a few pixels: a dot within half a dot of
        the last one drawn in its lane (a bar of about its size, likewise) would only be
        painted over, so it is marked `covered` and skipped. The chosen and ringed ones are
        always drawn, and the list shows every memory."""
        items, order, x0s, ends_at = self.items, self._order, self.x0s, self._ends
        placed, count = len(items), len(order)
        lane_ends, limits, last = self._lane_ends, self._limits, self._last
        start, scale, side_of = self._start, self._scale, self._side_of
        dot = 2 * DOT_RADIUS
        label_width = self._label_width
        while placed < count and x0s[placed] <= x:
            memory, x0, x1 = order[placed], x0s[placed], (ends_at[placed] - start + 1) * scale
            placed += 1
            item = TimelineItem(
                memory,
                x0,
                x1,
                title=memory.details.title,
                side=side_of[id(memory.details.kind)],
            )
            items.append(item)
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
                if len(ends) < limits[side]:
                    lane = len(ends)
                    ends.append(extent)
                else:  # full: share the lane that frees up first
                    lane = min(range(len(ends)), key=ends.__getitem__)
                    ends[lane] = max(ends[lane], extent)
            item.lane = lane
            if label_width is None:
                key = (side, lane)
                before = last.get(key)
                if (
                    before is not None
                    and x0 - before.x0 < COVER_PX
                    and abs((x1 - x0) - (before.x1 - before.x0)) < COVER_PX
                ):
                    item.covered = True
                else:
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
