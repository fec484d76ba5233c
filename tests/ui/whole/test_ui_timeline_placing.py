"""The timeline is placed from the left only as far as it is needed: the first frame, which
shows the earliest years, places what it shows, and everything else is placed, lane for lane
as a layout of the whole would, once something needs it (scrolling right, a memory chosen,
a screen reader asking where each one is)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers.ui_window import WAIT_MS
from pytestqt.qtbot import QtBot

from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.memories import Memory, MemoryDetails, MemoryKind
from recovery_app.ui.whole.timeline.layout import Placing, lay_out
from recovery_app.ui.whole.timeline.view import TimelineView

KINDS = (MemoryKind.GOOD, MemoryKind.HARM, MemoryKind.APOLOGY)
FIRST = date(2010, 1, 1)


def years_of_memories(count: int) -> list[Memory]:
    """Memories over about fifteen years, some of them sharing a day, some spans."""
    made = []
    for n in range(count):
        day = FIRST + timedelta(days=(n * 7919) % 5500)
        when = parse(f"{day:%Y-%m}") if n % 5 == 0 else parse(day.isoformat())
        made.append(Memory(n + 1, MemoryDetails(KINDS[n % 3], f"Memory {n}", when)))
    return sorted(made, key=lambda m: (m.when.start, m.id))


def placed(items: list) -> list[tuple[int, float, float, int, int, bool]]:
    return [(i.memory.id, i.x0, i.x1, i.side, i.lane, i.covered) for i in items]


@pytest.mark.parametrize("scale", [0.5, 4.0], ids=["years, dots covered", "weeks, labels"])
def test_placed_bit_by_bit_it_is_the_layout_of_the_whole(scale: float) -> None:
    memories = years_of_memories(600)
    labels = (lambda item: 7 * len(item.title)) if scale > 1 else None
    limits = {1: 4, 0: 2, -1: 4}
    whole = lay_out(memories, FIRST, scale, limits, labels)
    placing = Placing(memories, FIRST, scale, limits, labels)
    for right in (0.0, 300.0, 301.0, 1200.0, 1200.0, 9000.0):
        placing.place_until(right)
        assert [i.x0 for i in placing.items] == [x for x in placing.x0s if x <= right]
    placing.place_all()
    assert placing.done
    assert placed(placing.items) == placed(whole)
    assert placing.x0s == [i.x0 for i in whole]
    assert placing.widest == max(i.x1 - i.x0 for i in whole)
    assert any(i.covered for i in whole) == (labels is None)  # a pile of dots, zoomed out


def test_the_first_frame_places_only_the_years_it_shows(qtbot: QtBot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    memories = years_of_memories(3000)
    view.set_memories(memories)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view._placed.items != [], timeout=WAIT_MS)
    first_frame = len(view._placed.items)
    assert 0 < first_frame < len(memories) // 2  # about a year and a half of fifteen
    assert view.items_on_screen()  # what shows is there

    last = max(memories, key=lambda m: (m.when.start, m.id))
    assert view.item_rect(last) is not None  # asked where the last one is: all placed
    assert view._placed.done
    view.centre_on(last)
    qtbot.waitUntil(lambda: last in view.items_on_screen(), timeout=WAIT_MS)
