"""Urges: the list (a page at a time), filters, this week beside last, edit, delete with undo,
and the full urge form with its offer to note a contact.

Services see a clock that stands still. The ContactDialog reads the real clock for its "when"
field, so the frozen moment is the real one at the start of each test; the week comparison
test stands on a fixed Wednesday of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

import pytest
from helpers.journal import journal_over, navigation_for
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.clocks import ClockService
from recovery_app.services.urges import UrgeService
from recovery_app.storage.vault import Vault
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.urges.screen import UrgesScreen
from recovery_app.ui.urges.table_model import PAGE_SIZE, UrgeTableModel, when_text
from recovery_app.ui.urges.urge_dialog import UrgeDialog

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole

D = TypeVar("D", bound=QWidget)


# ----- building the screen ------------------------------------------------------------------


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def urges(vault: Vault, now: datetime) -> UrgeService:
    return UrgeService(vault, now=lambda: now)


@pytest.fixture
def clocks(vault: Vault, now: datetime) -> ClockService:
    return ClockService(vault, now=lambda: now)


@pytest.fixture
def make_screen(
    qtbot: QtBot, urges: UrgeService, vault: Vault, now: datetime
) -> Callable[[], UrgesScreen]:
    def build() -> UrgesScreen:
        navigation = navigation_for(journal_over(vault, lambda: now))
        return show_screen(qtbot, UrgesScreen(urges, navigation))

    return build


def show_screen(qtbot: QtBot, screen: UrgesScreen) -> UrgesScreen:
    qtbot.addWidget(screen)
    screen.resize(960, 640)
    screen.show()
    qtbot.waitExposed(screen)
    activate(qtbot, screen)
    return screen


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make the widget's window the active one, as a window manager does when a dialog closes
    (the offscreen platform has none, and window-wide shortcuts would go nowhere)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def current_dialog(qtbot: QtBot, widget: QWidget | None, kind: type[D]) -> D:
    assert isinstance(widget, kind), f"expected a {kind.__name__}, found {widget!r}"
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
    return widget


def shown(parent: QWidget, kind: type[D]) -> D:
    """The one `kind` window open above `parent` (a question, or the form it opened)."""
    found = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def button(box: QMessageBox, text: str) -> QPushButton:
    found = [b for b in box.buttons() if b.text() == text]
    assert len(found) == 1, [b.text() for b in box.buttons()]
    assert isinstance(found[0], QPushButton)
    return found[0]


def row_texts(screen: UrgesScreen, row: int) -> list[str]:
    model = screen.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def all_rows(screen: UrgesScreen) -> list[list[str]]:
    return [row_texts(screen, r) for r in range(screen.model.rowCount())]


def click_row(qtbot: QtBot, screen: UrgesScreen, row: int) -> None:
    rect = screen.table.visualRect(screen.model.index(row, UrgeTableModel.WHEN))
    qtbot.mouseClick(screen.table.viewport(), LEFT, pos=rect.center())


def log(urges: UrgeService, at: datetime, **answers: object) -> int:
    return urges.log_urge(UrgeDetails(at=at, **answers)).id  # type: ignore[arg-type]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# ----- the list -----------------------------------------------------------------------------


def test_dates_read_as_a_person_would_say_them() -> None:
    moment = datetime(2020, 11, 23, 18, 30).astimezone()
    assert when_text(moment, today=date(2020, 12, 1)) == "Mon 23 Nov, 18:30"
    assert when_text(moment, today=date(2021, 1, 2)) == "Mon 23 Nov 2020, 18:30"


def test_the_list_shows_urges_newest_first_with_their_columns(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    urges.triggers()  # the list starts with the suggestions, as on first opening
    log(urges, now - timedelta(days=1))
    log(
        urges,
        now - timedelta(hours=2),
        intensity=7,
        triggers=("Night-time", "A song"),
        outcome=UrgeOutcome.PASSED,
        minutes=25,
    )
    log(urges, now - timedelta(minutes=10), outcome=UrgeOutcome.REACHED_OUT, minutes=90)
    screen = make_screen()

    today = urges.today()
    assert [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "When",
        "Intensity",
        "Triggers",
        "Outcome",
        "Lasted",
    ]

    def when(ago: timedelta) -> str:
        return when_text(now - ago, today=today)

    assert all_rows(screen) == [
        [when(timedelta(minutes=10)), "—", "—", "I reached out", "1 h 30 min"],
        [when(timedelta(hours=2)), "7 / 10", "A song, Night-time", "It passed", "25 min"],
        [when(timedelta(days=1)), "—", "—", "—", "—"],
    ]
    model = screen.model
    assert model.data(model.index(0, UrgeTableModel.INTENSITY), ACCESSIBLE) == "not noted"
    assert model.data(model.index(1, UrgeTableModel.INTENSITY), ACCESSIBLE) == "7 out of 10"
    assert model.data(model.index(0, UrgeTableModel.LASTED), ACCESSIBLE) == "1 hour 30 minutes"
    assert screen.count_label.text() == "3 urges noted"
    assert screen.pages.currentWidget() is screen.table
    # Nothing chosen yet: nothing to edit or delete.
    assert not screen.edit_button.isEnabled()
    assert not screen.delete_button.isEnabled()
    click_row(qtbot, screen, 1)
    assert screen.edit_button.isEnabled()
    assert screen.delete_button.isEnabled()


def test_a_persons_words_stay_plain_text_in_a_tooltip(
    make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    log(urges, now, triggers=("<b>their</b> song",))
    screen = make_screen()
    index = screen.model.index(0, UrgeTableModel.TRIGGERS)
    assert screen.model.data(index) == "<b>their</b> song"
    tooltip = screen.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "<p>&lt;b&gt;their&lt;/b&gt; song</p>"  # shown as typed
    assert screen.filter_bar.trigger.findText("<b>their</b> song") > 0


def test_a_long_journal_loads_a_page_at_a_time_as_the_list_scrolls(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    for minutes in range(450):
        log(urges, now - timedelta(minutes=minutes), intensity=minutes % 11)
    screen = make_screen()
    assert screen.model.rowCount() == PAGE_SIZE
    assert screen.model.canFetchMore()
    assert screen.count_label.text() == "450 urges noted"

    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_End, CTRL)  # the end of what is loaded: more
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2 * PAGE_SIZE, timeout=WAIT_MS)
    qtbot.keyClick(screen.table, Qt.Key.Key_End, CTRL)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 450, timeout=WAIT_MS)
    assert not screen.model.canFetchMore()
    moments = [u.at for u in urges.urge_rows(0, 450)]
    assert [screen.model.urge_id(r) for r in range(450)] == [r.id for r in urges.urge_rows(0, 450)]
    assert moments == sorted(moments, reverse=True)


def test_an_empty_journal_invites_a_first_note_kindly(
    make_screen: Callable[[], UrgesScreen],
) -> None:
    screen = make_screen()
    assert screen.pages.currentWidget() is screen.nothing_yet
    assert not screen.filter_bar.isVisible()
    assert not screen.weeks.isVisible()
    assert not screen.edit_button.isVisible()
    words = " ".join(label.text() for label in screen.nothing_yet.findChildren(QLabel))
    assert "Nothing noted yet" in words
    assert "Ctrl+U" in words


def test_log_and_ride_the_wave_ask_the_window(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen]
) -> None:
    screen = make_screen()
    with qtbot.waitSignal(screen.log_requested, timeout=WAIT_MS):
        qtbot.mouseClick(screen.log_button, LEFT)
    with qtbot.waitSignal(screen.ride_the_wave_requested, timeout=WAIT_MS):
        qtbot.mouseClick(screen.wave_button, LEFT)


def test_the_list_is_reached_with_tab(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    log(urges, now)
    screen = make_screen()
    screen.log_button.setFocus()
    for _ in range(12):
        if screen.table.hasFocus():
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert screen.table.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)  # and left with Tab, not moved cell by cell
    assert not screen.table.hasFocus()


# ----- filters ------------------------------------------------------------------------------


def test_filter_by_trigger_then_clear(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    urges.triggers()
    log(urges, now - timedelta(hours=1), triggers=("A song",), intensity=3)
    log(urges, now - timedelta(hours=2), triggers=("Night-time",), intensity=5)
    log(urges, now - timedelta(hours=3), triggers=("A song", "Night-time"), intensity=8)
    screen = make_screen()
    combo = screen.filter_bar.trigger
    assert combo.itemText(0) == "All triggers"
    assert [combo.itemText(i) for i in range(1, combo.count())] == urges.triggers()
    assert not screen.filter_bar.clear_button.isEnabled()

    combo.setFocus()
    for _ in range(combo.findText("Night-time")):
        press(qtbot, Qt.Key.Key_Down)
    assert combo.currentText() == "Night-time"
    assert [r[UrgeTableModel.INTENSITY] for r in all_rows(screen)] == ["5 / 10", "8 / 10"]
    assert screen.count_label.text() == "2 urges match"
    assert screen.filter_bar.clear_button.isEnabled()

    # A trigger no urge has: said plainly, with a way back.
    for _ in range(combo.findText("A hard day") - combo.currentIndex()):
        press(qtbot, Qt.Key.Key_Down)
    assert screen.pages.currentWidget() is screen.no_match
    assert screen.filter_bar.isVisible()
    qtbot.mouseClick(screen.empty_clear_button, LEFT)
    assert combo.currentIndex() == 0
    assert screen.pages.currentWidget() is screen.table
    assert screen.model.rowCount() == 3
    assert not screen.filter_bar.clear_button.isEnabled()


def test_filter_by_dates_both_ends_included(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    today = urges.today()
    for days_ago in (0, 2, 5, 9):
        at = datetime.combine(today - timedelta(days=days_ago), time(12)).astimezone()
        log(urges, min(at, now), intensity=days_ago)
    screen = make_screen()
    assert not screen.filter_bar.since.isEnabled()  # all time by default

    qtbot.mouseClick(screen.filter_bar.use_since, LEFT)
    assert screen.filter_bar.since.isEnabled()
    screen.filter_bar.since.setDate(qdate(today - timedelta(days=5)))
    assert [r[UrgeTableModel.INTENSITY] for r in all_rows(screen)] == [
        "0 / 10",
        "2 / 10",
        "5 / 10",
    ]
    qtbot.mouseClick(screen.filter_bar.use_until, LEFT)
    screen.filter_bar.until.setDate(qdate(today - timedelta(days=2)))
    assert [r[UrgeTableModel.INTENSITY] for r in all_rows(screen)] == ["2 / 10", "5 / 10"]

    qtbot.mouseClick(screen.filter_bar.clear_button, LEFT)
    assert not screen.filter_bar.use_since.isChecked()
    assert not screen.filter_bar.use_until.isChecked()
    assert screen.model.rowCount() == 4


# ----- this week beside last week -----------------------------------------------------------


def test_this_week_beside_last_week_in_plain_figures(qtbot: QtBot, vault: Vault) -> None:
    wednesday = datetime(2024, 5, 15, 15, 0).astimezone()

    def on(day: int, hour: int = 12) -> datetime:
        return datetime(2024, 5, day, hour, 0).astimezone()

    urges = UrgeService(vault, now=lambda: wednesday)
    log(urges, on(13), intensity=4, outcome=UrgeOutcome.PASSED)  # Monday
    log(urges, on(14), intensity=7, outcome=UrgeOutcome.REACHED_OUT)
    log(urges, on(15, 9), outcome=UrgeOutcome.PASSED)  # no intensity noted
    log(urges, on(9), intensity=3)  # last Thursday, no outcome noted
    log(urges, on(5), intensity=10, outcome=UrgeOutcome.PASSED)  # two weeks ago: not counted
    screen = show_screen(qtbot, UrgesScreen(urges))

    assert screen.weeks.figures_text() == [["3", "1"], ["5.5", "3.0"], ["67%", "—"]]
    first_value = screen.weeks.values[2][1]
    assert first_value.accessibleName() == (
        "Last week, Passed, of those with an outcome: not noted"
    )


def test_shown_again_on_a_later_day_it_reads_the_weeks_afresh(qtbot: QtBot, vault: Vault) -> None:
    moment = [datetime(2024, 5, 15, 15, 0).astimezone()]  # a Wednesday
    urges = UrgeService(vault, now=lambda: moment[0])
    log(urges, moment[0] - timedelta(hours=1), intensity=4)
    screen = show_screen(qtbot, UrgesScreen(urges))
    assert screen.weeks.figures_text()[0] == ["1", "0"]

    screen.hide()
    moment[0] += timedelta(days=7)
    screen.show()
    assert screen.weeks.figures_text()[0] == ["0", "1"]


# ----- edit and delete ----------------------------------------------------------------------


def test_edit_with_enter_changes_the_row_and_keeps_it_chosen(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    log(urges, now - timedelta(hours=1), intensity=3)
    edited = log(urges, now - timedelta(hours=2), intensity=4, note="kept as it was")
    screen = make_screen()
    click_row(qtbot, screen, 1)
    press(qtbot, Qt.Key.Key_Return)
    dialog = current_dialog(qtbot, screen.dialog, UrgeDialog)
    assert dialog.windowTitle() == "Edit urge"
    assert dialog.intensity.value() == 4

    qtbot.mouseClick(dialog.intensity.buttons[9], LEFT)
    qtbot.mouseClick(dialog.outcome.buttons[0], LEFT)  # It passed
    qtbot.keyClicks(dialog.minutes, "40")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    assert row_texts(screen, 1)[1:] == ["9 / 10", "—", "It passed", "40 min"]
    assert screen.selected_id() == edited
    details = urges.get_urge(edited).details
    assert details.at == now - timedelta(hours=2)  # untouched, so kept to the second
    assert details.note == "kept as it was"
    assert dialog.offer is None  # "It passed" asks nothing


def test_a_double_click_opens_the_urge_and_escape_changes_nothing(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    urge_id = log(urges, now, intensity=6)
    screen = make_screen()
    rect = screen.table.visualRect(screen.model.index(0, UrgeTableModel.OUTCOME))
    # A real double-click: press and release, then the second press.
    qtbot.mouseClick(screen.table.viewport(), LEFT, pos=rect.center())
    assert screen.dialog is None  # one click only chooses
    qtbot.mouseDClick(screen.table.viewport(), LEFT, pos=rect.center())
    dialog = current_dialog(qtbot, screen.dialog, UrgeDialog)
    qtbot.mouseClick(dialog.intensity.buttons[2], LEFT)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert urges.get_urge(urge_id).details.intensity == 6
    assert row_texts(screen, 0)[UrgeTableModel.INTENSITY] == "6 / 10"


def test_an_urge_gone_meanwhile_is_explained_not_opened(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    urge_id = log(urges, now)
    log(urges, now - timedelta(hours=1))
    screen = make_screen()
    click_row(qtbot, screen, 0)
    urges.delete_urge(urge_id)  # elsewhere, say the command line
    press(qtbot, Qt.Key.Key_Return)
    assert screen.dialog is None
    assert screen.message.isVisible()
    assert screen.message.text() == "That urge isn't there any more."
    assert screen.model.rowCount() == 1


def test_delete_asks_nothing_and_ctrl_z_brings_it_back(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    urges.triggers()
    log(urges, now - timedelta(hours=1), intensity=2)
    details = UrgeDetails(
        at=now - timedelta(hours=3),
        intensity=8,
        triggers=("A song",),
        feelings="restless",
        outcome=UrgeOutcome.PASSED,
        minutes=15,
        predicted_minutes=60,
        predicted_reach_out=True,
        note="it eased",
    )
    urges.log_urge(details)
    screen = make_screen()
    before = all_rows(screen)

    # Delete in a filter's field is that field's own key, never the list's.
    screen.filter_bar.trigger.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert urges.count_urges() == 2

    click_row(qtbot, screen, 1)
    press(qtbot, Qt.Key.Key_Delete)
    assert urges.count_urges() == 1
    assert screen.model.rowCount() == 1
    assert screen.undo_bar.isVisible()
    assert screen.undo_bar.text.text() == "Urge deleted."
    assert screen.dialog is None  # nothing asked

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not screen.undo_bar.isVisible()
    assert all_rows(screen) == before
    [restored] = [s for s in urges.list_urges() if s.details.intensity == 8]
    assert restored.details == details
    assert screen.selected_id() == restored.id
    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing more to undo: nothing happens
    assert urges.count_urges() == 2


def test_delete_button_and_deleting_the_last_urge(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    log(urges, now)
    screen = make_screen()
    click_row(qtbot, screen, 0)
    qtbot.mouseClick(screen.delete_button, LEFT)
    assert screen.pages.currentWidget() is screen.nothing_yet
    assert screen.undo_bar.isVisible()
    qtbot.mouseClick(screen.undo_bar.button, LEFT)
    assert screen.pages.currentWidget() is screen.table
    assert screen.model.rowCount() == 1


# ----- the urge form ------------------------------------------------------------------------


def open_new(qtbot: QtBot, screen: UrgesScreen) -> UrgeDialog:
    screen.new_urge()
    return current_dialog(qtbot, screen.dialog, UrgeDialog)


def test_the_form_saves_with_only_the_time(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    screen = make_screen()
    dialog = open_new(qtbot, screen)
    assert dialog.windowTitle() == "Note an urge"
    assert dialog.intensity.value() is None  # nothing chosen in advance
    assert dialog.outcome.value() is None
    assert dialog.chosen_triggers() == ()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    assert dialog.saved is not None
    assert urges.get_urge(dialog.saved.id).details == UrgeDetails(at=now)
    assert screen.pages.currentWidget() is screen.table
    assert screen.selected_id() == dialog.saved.id


def test_every_answer_of_the_form_is_kept(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    screen = make_screen()
    dialog = open_new(qtbot, screen)
    earlier = QDateTime.fromSecsSinceEpoch(int((now - timedelta(minutes=45)).timestamp()))
    dialog.when.setDateTime(earlier)
    qtbot.mouseClick(dialog.intensity.buttons[6], LEFT)
    dialog.triggers.item(1).setCheckState(Qt.CheckState.Checked)
    for field, text in (
        (dialog.feelings, "lonely"),
        (dialog.place, "home"),
        (dialog.company, "alone"),
        (dialog.did_instead, "went for a walk"),
        (dialog.minutes, "20"),
        (dialog.predicted_minutes, "120"),
        (dialog.note, "it eased"),
    ):
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(dialog.outcome.buttons[0], LEFT)
    qtbot.mouseClick(dialog.predicted_reach_out.buttons[0], LEFT)  # Yes
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    assert dialog.saved is not None
    assert urges.get_urge(dialog.saved.id).details == UrgeDetails(
        at=now - timedelta(minutes=45),
        intensity=6,
        triggers=(urges.triggers()[1],),
        feelings="lonely",
        place="home",
        company="alone",
        did_instead="went for a walk",
        outcome=UrgeOutcome.PASSED,
        minutes=20,
        predicted_minutes=120,
        predicted_reach_out=True,
        note="it eased",
    )


def test_a_time_still_to_come_is_refused_kindly(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService, now: datetime
) -> None:
    screen = make_screen()
    dialog = open_new(qtbot, screen)
    later = QDateTime.fromSecsSinceEpoch(int((now + timedelta(hours=2)).timestamp()))
    dialog.when.setDateTime(later)
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text() == (
        "That time hasn't come yet. Please choose a moment that has passed."
    )
    assert dialog.when.hasFocus()
    assert urges.count_urges() == 0


def test_a_trigger_added_inline_joins_the_list_and_is_ticked(
    qtbot: QtBot, make_screen: Callable[[], UrgesScreen], urges: UrgeService
) -> None:
    screen = make_screen()
    dialog = open_new(qtbot, screen)
    count = dialog.triggers.count()

    dialog.new_trigger.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # nothing typed: a kind word, nothing saved
    assert dialog.isVisible()
    assert dialog.message.text() == "A trigger needs a word or two."

    qtbot.keyClicks(dialog.new_trigger, "  their   birthday ")
    press(qtbot, Qt.Key.Key_Return)  # adds the trigger; does not save the form
    assert dialog.isVisible()
    assert not dialog.message.isVisible()
    assert dialog.new_trigger.text() == ""
    assert dialog.triggers.count() == count + 1
    assert dialog.chosen_triggers() == ("their birthday",)
    assert urges.triggers()[-1] == "their birthday"

    qtbot.keyClicks(dialog.new_trigger, "A SONG")  # already there: ticked, not doubled
    qtbot.mouseClick(dialog.add_trigger_button, LEFT)
    assert dialog.triggers.count() == count + 1
    assert dialog.chosen_triggers() == ("A song", "their birthday")

    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert dialog.saved is not None
    assert dialog.saved.details.triggers == ("A song", "their birthday")
    assert screen.filter_bar.trigger.findText("their birthday") > 0  # the filter knows it too


def reach_out(qtbot: QtBot, dialog: UrgeDialog) -> None:
    qtbot.mouseClick(dialog.outcome.buttons[1], LEFT)
    assert dialog.outcome.value() is UrgeOutcome.REACHED_OUT
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_i_reached_out_offers_the_contact_dialog_and_logs_nothing_unless_saved(
    qtbot: QtBot,
    make_screen: Callable[[], UrgesScreen],
    urges: UrgeService,
    clocks: ClockService,
    now: datetime,
) -> None:
    clock = clocks.add_clock("Sam", urges.today() - timedelta(days=20))
    assert clock.id is not None
    screen = make_screen()
    dialog = open_new(qtbot, screen)
    dialog.when.setDateTime(
        QDateTime.fromSecsSinceEpoch(int((now - timedelta(minutes=30)).timestamp()))
    )
    reach_out(qtbot, dialog)
    assert dialog.saved is not None  # the urge is saved whatever comes next

    box = current_dialog(qtbot, dialog.offer, QMessageBox)
    assert box.text() == (
        "Would you like to note this as contact on your clock? Only you decide what counts."
    )
    assert box.defaultButton() is button(box, "Not now")  # never pressed on
    qtbot.mouseClick(button(box, "Note contact"), LEFT)
    contact = current_dialog(qtbot, shown(screen, ContactDialog), ContactDialog)
    assert contact.kind.value() is ContactKind.ME
    assert contact.reflection.isVisible()
    urge_moment = QDateTime.fromSecsSinceEpoch(int((now - timedelta(minutes=30)).timestamp()))
    assert contact.when.dateTime() == urge_moment
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not contact.isVisible(), timeout=WAIT_MS)
    assert clocks.list_contacts(clock.id) == []

    # "Not now" notes nothing either.
    activate(qtbot, screen)
    reach_out(qtbot, dialog := open_new(qtbot, screen))
    box = current_dialog(qtbot, dialog.offer, QMessageBox)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert not [w for w in screen.findChildren(ContactDialog) if w.isVisible()]
    assert clocks.list_contacts(clock.id) == []

    # Saving the contact dialog is what notes it.
    activate(qtbot, screen)
    reach_out(qtbot, dialog := open_new(qtbot, screen))
    box = current_dialog(qtbot, dialog.offer, QMessageBox)
    qtbot.mouseClick(button(box, "Note contact"), LEFT)
    contact = current_dialog(qtbot, shown(screen, ContactDialog), ContactDialog)
    with qtbot.waitSignal(screen.contact_logged, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Return)
    [event] = clocks.list_contacts(clock.id)
    assert event.details.kind is ContactKind.ME


def test_no_offer_without_a_clock_or_when_it_was_already_so(
    qtbot: QtBot,
    make_screen: Callable[[], UrgesScreen],
    urges: UrgeService,
    clocks: ClockService,
    now: datetime,
) -> None:
    screen = make_screen()
    dialog = open_new(qtbot, screen)
    reach_out(qtbot, dialog)
    assert dialog.offer is None  # no clock: nothing to ask

    clocks.add_clock("Sam", urges.today() - timedelta(days=20))
    activate(qtbot, screen)
    click_row(qtbot, screen, 0)
    qtbot.mouseClick(screen.edit_button, LEFT)
    dialog = current_dialog(qtbot, screen.dialog, UrgeDialog)
    assert dialog.outcome.value() is UrgeOutcome.REACHED_OUT
    qtbot.keyClicks(dialog.note, "an edit, not a new contact")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert dialog.offer is None
