"""The Review screen, driven by keys and clicks: the range by keys, every chart's table a
toggle away, empty and one-entry journals, the milestones, the look followed live, and a
stale count dropped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    finish_background_work,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recovery_app.domain.check_in import CheckInAnswers
from recovery_app.domain.review_range import RangeChoice
from recovery_app.domain.stretches import ContactKind, local_day
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.journal import Journal
from recovery_app.ui.kit import theme
from recovery_app.ui.review.panels import NOT_ENOUGH, ReviewPanel
from recovery_app.ui.review.screen import ReviewScreen
from recovery_app.ui.shell.sections import REVIEW

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _ago(days: int, hour: int = 20) -> datetime:
    day = datetime.now(UTC).astimezone().date() - timedelta(days=days)
    return datetime.combine(day, datetime.min.time()).replace(hour=hour).astimezone()


def fill(journal: Journal) -> None:
    """A year and a bit: a clock with one new stretch, urges thinning out, check-ins."""
    today = journal.today()
    clock = journal.clocks.add_clock("Sam", today - timedelta(days=400))
    assert clock.id is not None
    journal.clocks.log_contact(clock.id, ContactDetails(ContactKind.ME, _ago(120)))
    journal.clocks.log_contact(clock.id, ContactDetails(ContactKind.THEM, _ago(10)))
    for days_ago in range(0, 360, 3):
        journal.urges.log_urge(
            UrgeDetails(
                at=_ago(days_ago, 8 + days_ago % 14),
                intensity=3 + days_ago % 6,
                outcome=UrgeOutcome.PASSED,
                triggers=("A song",) if days_ago % 2 else (),
                did_instead="Went for a walk",
            )
        )
    for days_ago in (0, 1, 3, 5, 8, 40, 100):
        journal.check_ins.save(CheckInAnswers(mood=3, pull=4), day=today - timedelta(days=days_ago))


@pytest.fixture
def screen(qtbot: QtBot, journal: Journal) -> Iterator[ReviewScreen]:
    made = ReviewScreen(journal.review)
    qtbot.addWidget(made)
    made.resize(1100, 800)
    yield made
    finish_background_work()


def show_and_wait(qtbot: QtBot, screen: ReviewScreen) -> None:
    """Shown and active (its shortcuts answer), once its first numbers are drawn."""
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS):
        screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=WAIT_MS)
    # Panels shown just now are laid out on the next turn of the event loop.
    qtbot.waitUntil(
        lambda: all(p.height() > 0 for p in screen.panels.values() if p.isVisible()),
        timeout=WAIT_MS,
    )


def glance(screen: ReviewScreen) -> list[str]:
    return [label.text() for label in screen.glance_lines if label.isVisible()]


def test_an_empty_journal_says_there_is_nothing_yet_and_draws_nothing(
    qtbot: QtBot, screen: ReviewScreen
) -> None:
    show_and_wait(qtbot, screen)
    assert screen.nothing_card.isVisible()
    assert not screen.grid.isVisible()
    assert not screen.milestones.isVisible()
    assert all(panel.chart_view is None for panel in screen.panels.values())


def test_one_urge_fills_its_part_and_the_rest_say_not_enough_yet(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    journal.urges.log_urge(UrgeDetails(at=_ago(2), intensity=6))
    show_and_wait(qtbot, screen)
    urges = screen.panels["urges"]
    assert urges.filled and not urges.not_enough.isVisible()
    assert urges.table is not None and urges.table_view is None  # made when first shown
    counts = [row[1] for row in urges.table.rows]
    assert sorted(counts)[-1] == "1" and set(counts) <= {"0", "1"}
    assert any(line.startswith("1 urge noted.") for line in glance(screen))
    assert urges.chart_view is not None and urges.chart_view.isVisible()
    promises = screen.panels["promises"]
    assert not promises.filled
    assert promises.not_enough.isVisible()
    assert promises.not_enough.text() == NOT_ENOUGH
    assert promises.chart_view is None  # never an empty chart
    assert not promises.toggle.isVisible()
    sentences = [label.text() for label in screen.sentences if label.isVisible()]
    assert sentences == ["Not enough yet: this fills in as you go."]


def test_the_range_changes_by_keys(qtbot: QtBot, journal: Journal, screen: ReviewScreen) -> None:
    fill(journal)
    show_and_wait(qtbot, screen)
    assert screen.shown_key == (RangeChoice.LAST_3_MONTHS, None)
    three_months = glance(screen)
    bar = screen.range_bar
    checked = bar.buttons[RangeChoice.LAST_3_MONTHS]
    checked.setFocus()
    assert checked.hasFocus()
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS) as shown:
        qtbot.keyClick(checked, Qt.Key.Key_Right)
    assert shown.args == [(RangeChoice.LAST_12_MONTHS, None)]
    assert bar.buttons[RangeChoice.LAST_12_MONTHS].hasFocus()
    assert "12 months" not in screen.range_line.text()
    assert screen.range_line.text().endswith("days)")
    assert glance(screen) != three_months
    table = screen.panels["urges"].table
    assert table is not None and table.headers[0] == "Month"  # a year, month by month
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS) as shown:
        qtbot.keyClick(bar.buttons[RangeChoice.LAST_12_MONTHS], Qt.Key.Key_A, ALT)
    assert shown.args == [(RangeChoice.ALL, None)]
    first = local_day(_ago(400))
    assert screen.range_line.text().startswith(f"{first.day} {first:%B %Y}")
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS) as shown:
        qtbot.keyClick(bar.buttons[RangeChoice.ALL], Qt.Key.Key_4, ALT)
    assert shown.args == [(RangeChoice.LAST_4_WEEKS, None)]


def test_two_dates_of_ones_own_are_chosen_by_keys(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    fill(journal)
    show_and_wait(qtbot, screen)
    bar = screen.range_bar
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS):
        qtbot.keyClick(bar.buttons[RangeChoice.LAST_3_MONTHS], Qt.Key.Key_H, ALT)
    assert bar.custom_row.isVisible()
    assert bar.first.hasFocus()
    key = screen.shown_key
    assert key is not None and key[0] is RangeChoice.CUSTOM
    assert key[1] == (journal.today() - timedelta(days=27), journal.today())
    qtbot.keyClick(bar.first, Qt.Key.Key_Down)  # a day earlier (the day part is first)
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS):
        qtbot.keyClick(bar.first, Qt.Key.Key_S, ALT)
    assert screen.shown_key == (
        RangeChoice.CUSTOM,
        (journal.today() - timedelta(days=28), journal.today()),
    )
    assert screen.range_line.text().endswith("(29 days)")


def test_every_chart_has_its_table_a_click_or_a_key_away(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    fill(journal)
    show_and_wait(qtbot, screen)
    urges = screen.panels["urges"]
    assert urges.chart_view is not None and urges.chart_view.isVisible()
    assert urges.table_view is None
    qtbot.mouseClick(urges.toggle, Qt.MouseButton.LeftButton)
    assert urges.table_view is not None
    assert urges.table_view.isVisible() and not urges.chart_view.isVisible()
    assert urges.toggle.text() == "Show as a chart"
    qtbot.mouseClick(urges.toggle, Qt.MouseButton.LeftButton)
    assert urges.chart_view.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_T, CTRL)  # every chart as its table
    for panel in screen.panels.values():
        if panel.filled:
            assert panel.table_view is not None and panel.table_view.isVisible(), panel.part.key
            if panel.chart_view is not None:
                assert not panel.chart_view.isVisible()
    table = urges.table_view
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().isValid()
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Week"


def test_a_milestone_acknowledged_on_today_is_found_whatever_the_range(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    today = journal.today()
    clock = journal.clocks.add_clock("Sam", today - timedelta(days=400))
    assert clock.id is not None
    for summary in journal.clocks.summaries():  # what Today records, and acknowledges
        journal.clocks.acknowledge_milestones(summary.clock_id)
    recorded = journal.clocks.milestone_history(clock.id)
    assert any(m.days == 365 for m in recorded)
    screen.range_bar.set_key((RangeChoice.LAST_4_WEEKS, None))
    show_and_wait(qtbot, screen)
    earlier = screen.milestones.earlier
    assert earlier.isVisible()
    cells = [earlier.model().index(0, c).data() for c in range(4)]
    assert cells[0] == "Sam"
    assert cells[3].startswith("1, 3, 7, 14, 21, 30, 60, 90, 180, 365")
    assert not screen.milestones.in_range.isVisible()  # none in the last 4 weeks


def test_the_charts_take_the_look_on_show_and_follow_a_change(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    fill(journal)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = theme.current()
    theme.apply(app, theme.LIGHT)
    try:
        show_and_wait(qtbot, screen)
        view = screen.panels["urges"].chart_view
        assert view is not None
        assert view.chart().backgroundBrush().color().name() == theme.LIGHT.surface
        theme.apply(app, theme.DARK)
        qtbot.waitUntil(
            lambda: view.chart().backgroundBrush().color().name() == theme.DARK.surface,
            timeout=WAIT_MS,
        )
    finally:
        theme.apply(app, before)


def test_a_count_from_before_a_change_is_dropped(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    fill(journal)
    show_and_wait(qtbot, screen)
    loader = screen.loader
    arrived: list[object] = []
    loader.ready.connect(lambda key, _data: arrived.append(key))
    loader.request((RangeChoice.CUSTOM, (journal.today(), journal.today())))
    loader.invalidate()  # the journal changed while it was being counted
    finish_background_work()
    assert arrived == []


def test_review_is_reached_from_the_window_and_counts_a_new_urge(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    view = window.main_view
    assert view is not None
    with qtbot.waitSignal(view.pages.currentChanged, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    review = view.review
    assert view.current_section() == REVIEW
    qtbot.waitUntil(lambda: review.shown_key is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: review.loader.idle, timeout=WAIT_MS)
    finish_background_work()
    assert review.nothing_card.isVisible()
    journal = window.journal
    assert journal is not None
    journal.urges.log_urge(UrgeDetails(at=_ago(1), intensity=4))
    with qtbot.waitSignal(review.filled, timeout=WAIT_MS):
        view.urges.urges_changed.emit()  # as the quick log does once it has saved
    assert review.panels["urges"].filled
    close_window(window)


def test_a_visit_counts_again_only_when_something_was_saved_meanwhile(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    """Shown again with nothing saved, the numbers on screen stay (no count, no wait);
    saved meanwhile from anywhere (another window, the terminal), they are counted again."""
    journal.urges.log_urge(UrgeDetails(at=_ago(2), intensity=6))
    show_and_wait(qtbot, screen)
    counted = screen.loader.generation
    screen.hide()
    screen.show()
    assert screen.loader.generation == counted
    assert not screen.counting.isVisible()
    assert any(line.startswith("1 urge noted.") for line in glance(screen))

    screen.hide()
    other = journal.urges  # a save the screen is not told of, as from the terminal
    other.log_urge(UrgeDetails(at=_ago(1), intensity=3))
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS):
        screen.show()
    assert screen.loader.generation > counted
    assert any(line.startswith("2 urges noted.") for line in glance(screen))


def _needed_height(panel: ReviewPanel) -> int:
    layout = panel.layout()
    assert layout is not None
    return layout.totalHeightForWidth(panel.width())


def test_panels_keep_their_height_between_one_and_two_columns(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    """Also when the columns are chosen before the panels are filled (a first visit)."""
    fill(journal)
    screen.resize(1300, 700)
    show_and_wait(qtbot, screen)
    for width, columns in ((1300, 2), (900, 1), (1300, 2)):
        screen.resize(width, 700)
        qtbot.waitUntil(lambda c=columns: screen.grid.columns == c, timeout=WAIT_MS)
        # What the panel's contents need at its width (a minimum size hint is worked out at
        # a narrower width, where its wrapped lines are more, so it would ask for too much).
        qtbot.waitUntil(
            lambda: all(
                p.height() >= _needed_height(p) for p in screen.panels.values() if p.isVisible()
            ),
            timeout=WAIT_MS,
        )


@pytest.mark.parametrize("width", [1300, 900], ids=["two columns", "one column"])
def test_each_panel_is_made_in_the_place_it_takes(
    qtbot: QtBot, screen: ReviewScreen, width: int
) -> None:
    """Made elsewhere and moved in, a panel and all it holds would be styled again."""
    made_in: dict[int, object] = {}
    real_init = ReviewPanel.__init__

    def made(panel: ReviewPanel, part: object, parent: object = None) -> None:
        real_init(panel, part, parent)  # type: ignore[arg-type]
        made_in[id(panel)] = parent

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ReviewPanel, "__init__", made)
        screen.resize(width, 700)
        show_and_wait(qtbot, screen)
        panels = list(screen.panels.values())
    assert len(made_in) == len(panels) > 0
    assert all(made_in[id(panel)] is panel.parentWidget() for panel in panels)
