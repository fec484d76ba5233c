"""An urge noted in the quick log joins the Urges list in its place, without the list (years
of urges) being counted and paged afresh, and the screen then shows exactly what a full
read would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.urges import UrgeService
from recovery_app.storage.vault import Vault
from recovery_app.ui.urges.screen import UrgesScreen
from recovery_app.ui.urges.table_model import UrgeFilters, UrgeTableModel

NOW = datetime.now(UTC).replace(microsecond=0)


def shown_rows(model: UrgeTableModel) -> list[tuple[int, tuple[str, ...]]]:
    return [(model.urge_id(r), model._rows[r].triggers) for r in range(model.rowCount())]


def screen_over(qtbot: QtBot, urges: UrgeService, page_size: int) -> UrgesScreen:
    screen = UrgesScreen(urges)
    screen.model._page_size = page_size
    qtbot.addWidget(screen)
    screen.refresh()
    screen.show()
    return screen


def test_a_new_urge_joins_the_top_and_the_count_without_a_full_read(
    qtbot: QtBot, vault: Vault
) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    urges.triggers()
    for hours in range(1, 8):
        urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=hours), intensity=3))
    screen = screen_over(qtbot, urges, page_size=3)
    reads: list[str] = []
    counted = urges.count_urges
    urges.count_urges = lambda **kw: reads.append("count") or counted(**kw)  # type: ignore[method-assign]

    saved = urges.log_urge(
        UrgeDetails(
            at=NOW, intensity=8, triggers=("night-time", "A song"), outcome=UrgeOutcome.PASSED
        )
    )
    screen.urge_added(saved)

    assert reads == []  # the list was not counted again
    assert screen.model.total == 8
    assert "8 urges noted" in screen.count_label.text()
    assert shown_rows(screen.model)[0] == (saved.id, ("A song", "Night-time"))  # the list's order
    placed = shown_rows(screen.model)
    urges.count_urges = counted  # type: ignore[method-assign]
    screen.refresh()  # a full read agrees with what was placed
    assert shown_rows(screen.model) == placed


def test_an_older_urge_beyond_the_rows_loaded_is_fetched_in_its_place(
    qtbot: QtBot, vault: Vault
) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    ids = [urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=h))).id for h in range(1, 8)]
    screen = screen_over(qtbot, urges, page_size=3)
    oldest = urges.log_urge(UrgeDetails(at=NOW - timedelta(days=30)))
    screen.urge_added(oldest)
    assert screen.model.total == 8  # (the view may have fetched more to fill itself)
    while screen.model.canFetchMore():
        screen.model.fetchMore()
    assert [screen.model.urge_id(r) for r in range(8)] == [*ids, oldest.id]


def test_with_filters_on_the_list_is_read_again(qtbot: QtBot, vault: Vault) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    urges.log_urge(UrgeDetails(at=NOW - timedelta(days=3)))
    screen = screen_over(qtbot, urges, page_size=3)
    screen.model.set_filters(UrgeFilters(since=(NOW - timedelta(days=1)).astimezone().date()))
    assert screen.model.total == 0
    saved = urges.log_urge(UrgeDetails(at=NOW))
    screen.urge_added(saved)
    assert [screen.model.urge_id(r) for r in range(screen.model.rowCount())] == [saved.id]


def test_an_urge_naming_no_triggers_leaves_the_trigger_list_unread(
    qtbot: QtBot, vault: Vault
) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    urges.log_urge(UrgeDetails(at=NOW - timedelta(hours=2), intensity=3))
    screen = screen_over(qtbot, urges, page_size=3)
    combo = screen.filter_bar.trigger
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert len(offered) > 1  # "any trigger", then the suggestions
    reads: list[str] = []
    listed = urges.triggers
    urges.triggers = lambda: reads.append("triggers") or listed()  # type: ignore[method-assign]

    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=7))  # the quick log: a digit, Enter
    screen.urge_added(saved)

    assert reads == []  # nothing there could have changed
    assert shown_rows(screen.model)[0] == (saved.id, ())
    assert screen.model.total == 2
    assert [combo.itemText(i) for i in range(combo.count())] == offered  # still all there
