"""One gentle line on Today naming a reading, at the right moment and never pushed: after a
first run, after "I reached out", after a hard urge (the quick log, the urge form, the
guide's end, never during it); at most once a day, dismissed for good, and turned off in
Settings. Driven by keys and clicks on a MainView whose journal stands on a fake clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers.main_view import WAIT_MS, FakeNow, activate, focus, open_main_view, press
from helpers.ui_window import click_checkbox
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from recovery_app.domain.notices import NoticeKind
from recovery_app.services.clocks import ClockService
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import TODAY, UNDERSTANDING
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.urges.quick_log import QuickLogDialog
from recovery_app.ui.urges.urge_dialog import UrgeDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


@pytest.fixture
def now() -> FakeNow:
    return FakeNow()


def line(view: MainView) -> str:
    """Today's notice, if it is a reading's line; "" otherwise."""
    notice = view.today.notice_card.notice
    if notice is None or notice.kind is not NoticeKind.READING:
        return ""
    assert view.today.notice_card.isVisible()
    return notice.text


def to_today(qtbot: QtBot, view: MainView) -> None:
    activate(qtbot, view)  # a dialog just closed: offscreen, no window manager gives it back
    view.focus_sidebar()
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert view.current_section() == TODAY


def quick_log(qtbot: QtBot, view: MainView, intensity: int) -> QuickLogDialog:
    """The quick log as Ctrl+U opens it, a digit, then Enter: saved."""
    dialog = view.urges.open_quick_log()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    press(qtbot, DIGITS[intensity])
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.saved is not None
    return dialog


def test_a_first_run_brings_one_line_and_read_it_opens_the_reading(
    qtbot: QtBot, service, vault, now: FakeNow
) -> None:
    view = open_main_view(qtbot, service, vault, now, first_run=True)
    assert "“What a trauma bond is”" in line(view)
    card = view.today.notice_card
    assert card.action_button.text() == "Read it"
    assert card.dismiss_button.text() == "Don't suggest this again"
    assert card.action_button.accessibleDescription() == line(view)
    qtbot.mouseClick(card.action_button, LEFT)
    assert view.current_section() == UNDERSTANDING
    reader = view.understanding.reader
    assert view.understanding.currentWidget() is reader
    assert reader.title.text() == "What a trauma bond is"
    assert reader.note_shown  # its content note still comes first
    to_today(qtbot, view)
    assert line(view) == ""  # taken up: the line has done its work
    assert not card.isVisible()


def test_a_normal_unlock_brings_no_line(qtbot: QtBot, service, vault, now: FakeNow) -> None:
    view = open_main_view(qtbot, service, vault, now)
    assert line(view) == "" and not view.today.notice_card.isVisible()


def test_after_i_reached_out_on_today_the_new_stretch_is_said_first_then_the_reading(
    qtbot: QtBot, service, vault, now: FakeNow
) -> None:
    ClockService(vault, now).add_clock("Sam", (now.now - timedelta(days=10)).date())
    view = open_main_view(qtbot, service, vault, now)
    today = view.today
    qtbot.mouseClick(today.cards[0].log_button, LEFT)
    dialog = today.dialog
    assert isinstance(dialog, ContactDialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.kind.buttons[0], LEFT)  # I reached out
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), LEFT)
    notice = today.notice_card.notice
    assert notice is not None and notice.kind is NoticeKind.STRETCH  # the person's days first
    assert line(view) == ""
    activate(qtbot, view)
    press(qtbot, Qt.Key.Key_2, CTRL)  # elsewhere, and back
    to_today(qtbot, view)
    assert "“Why it can take several tries”" in line(view)
    assert line(view).startswith("A new stretch starts from here.")


def test_a_hard_urge_from_the_quick_log_brings_the_line_once_it_is_closed(
    qtbot: QtBot, service, vault, now: FakeNow
) -> None:
    view = open_main_view(qtbot, service, vault, now)
    mild = quick_log(qtbot, view, 4)
    qtbot.mouseClick(mild.close_button, LEFT)
    assert line(view) == ""  # not every urge: a mild one brings nothing
    hard = quick_log(qtbot, view, 8)
    assert line(view) == ""  # the guide is still on offer
    qtbot.mouseClick(hard.close_button, LEFT)
    assert "“Why no contact can feel like withdrawal”" in line(view)
    assert line(view).startswith("That was a strong one, and it's noted.")


def test_after_the_guide_not_during_it(qtbot: QtBot, service, vault, now: FakeNow) -> None:
    view = open_main_view(qtbot, service, vault, now)
    dialog = quick_log(qtbot, view, 5)
    press(qtbot, Qt.Key.Key_Return)  # "Ride the wave", the offer's default
    guide = view.urges.dialog
    assert isinstance(guide, RideTheWaveDialog)
    qtbot.waitExposed(guide)
    assert not dialog.isVisible()
    assert line(view) == ""  # Today is under the guide, and says nothing yet
    qtbot.mouseClick(guide.start_button, LEFT)
    qtbot.mouseClick(guide.finish_button, LEFT)
    qtbot.mouseClick(guide.end_intensity.buttons[9], LEFT)  # stronger by the end
    assert line(view) == ""
    with qtbot.waitSignal(guide.accepted):
        qtbot.mouseClick(guide.save_button, LEFT)
    assert "“Why no contact can feel like withdrawal”" in line(view)


def test_the_urge_form_after_the_quick_log_brings_it_too(
    qtbot: QtBot, service, vault, now: FakeNow
) -> None:
    view = open_main_view(qtbot, service, vault, now)
    dialog = quick_log(qtbot, view, 9)
    qtbot.mouseClick(dialog.details_button, LEFT)
    form = view.urges.dialog
    assert isinstance(form, UrgeDialog)
    qtbot.waitExposed(form)
    activate(qtbot, form)
    assert line(view) == ""  # the form is still open
    now.advance(minutes=1)  # the quick log noted the real time; the journal's clock follows
    press(qtbot, Qt.Key.Key_Return, CTRL)  # save the form
    assert not form.isVisible(), form.message.text()
    assert "withdrawal" in line(view)


def test_dismissed_for_good_quiet_for_a_day_then_the_next_reading(
    qtbot: QtBot, service, vault, now: FakeNow
) -> None:
    view = open_main_view(qtbot, service, vault, now)
    qtbot.mouseClick(quick_log(qtbot, view, 8).close_button, LEFT)
    assert "withdrawal" in line(view)
    qtbot.mouseClick(view.today.notice_card.dismiss_button, LEFT)
    assert line(view) == "" and not view.today.notice_card.isVisible()
    readings = view.understanding.readings
    assert readings.dismissed() == {"withdrawal"}
    assert "withdrawal" in [c.id for c in readings.cards()]  # still there to read

    now.advance(hours=2)
    qtbot.mouseClick(quick_log(qtbot, view, 9).close_button, LEFT)
    to_today(qtbot, view)
    assert line(view) == ""  # one suggestion a day at most

    now.advance(hours=25)
    qtbot.mouseClick(quick_log(qtbot, view, 9).close_button, LEFT)
    to_today(qtbot, view)
    assert "“Why the good moments feel so strong”" in line(view)


def test_settings_turns_suggestions_off_and_on(qtbot: QtBot, service, vault, now: FakeNow) -> None:
    view = open_main_view(qtbot, service, vault, now, first_run=True)
    assert line(view)
    press(qtbot, Qt.Key.Key_7, CTRL)
    settings = view.settings
    box = settings.suggest_readings
    assert box.isChecked() and box.text() == "&Suggest a reading now and then"
    click_checkbox(qtbot, box)
    assert not box.isChecked()
    readings = view.understanding.readings
    assert not readings.suggestions_enabled()  # kept in the journal
    to_today(qtbot, view)
    assert line(view) == ""  # and the line already shown goes too
    press(qtbot, Qt.Key.Key_5, CTRL)
    off = view.understanding.suggestions_off
    assert off.isVisible() and "turned on again in Settings" in off.text()
    now.advance(days=2)
    qtbot.mouseClick(quick_log(qtbot, view, 9).close_button, LEFT)
    to_today(qtbot, view)
    assert line(view) == ""  # off means off

    activate(qtbot, view)
    press(qtbot, Qt.Key.Key_7, CTRL)
    click_checkbox(qtbot, box)
    assert box.isChecked() and readings.suggestions_enabled()
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert not view.understanding.suggestions_off.isVisible()
    assert focus() is not None
