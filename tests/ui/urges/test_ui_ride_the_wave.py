"""Ride the wave, driven by clicks and keys on a fake clock: no real waiting anywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from recovery_app.domain.support import SupportPersonDetails
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.texts import guide_texts
from recovery_app.services.urges import SavedUrge, UrgeService
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

LEFT = Qt.MouseButton.LeftButton
NOW = datetime.now(UTC).replace(microsecond=0)


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def urges(vault) -> UrgeService:
    return UrgeService(vault, now=lambda: NOW)


def guide(
    qtbot: QtBot,
    vault,
    urges: UrgeService,
    clock: FakeClock,
    *,
    urge: SavedUrge | None = None,
    reduce_motion: bool = False,
) -> RideTheWaveDialog:
    dialog = RideTheWaveDialog(
        urges,
        ReasonService(vault),
        SupportPeopleService(vault),
        LetterService(vault),
        urge=urge,
        reduce_motion=reduce_motion,
        clock=clock,
        now=lambda: NOW,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def tick(dialog: RideTheWaveDialog, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    dialog.tick()


def test_the_timer_starts_at_ten_minutes_and_counts_down(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)
    assert dialog.minutes.value() == 10
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.steps.currentIndex() == dialog.RIDING
    assert dialog.remaining.text() == "10:00"
    tick(dialog, clock, 75)
    assert dialog.remaining.text() == "8:45"


def test_predictions_made_at_the_start_are_kept_with_the_urge(qtbot, vault, urges, clock) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=8))
    dialog = guide(qtbot, vault, urges, clock, urge=saved)
    assert dialog.intensity.isHidden()  # already rated in the quick log
    dialog.predicted_minutes.setFocus()
    dialog.predicted_minutes.selectAll()  # as Tab leaves it
    qtbot.keyClicks(dialog.predicted_minutes, "60")
    qtbot.mouseClick(dialog.predicted_reach_out.buttons[0], LEFT)  # "Yes"
    qtbot.mouseClick(dialog.start_button, LEFT)
    kept = urges.get_urge(saved.id).details
    assert (kept.intensity, kept.predicted_minutes, kept.predicted_reach_out) == (8, 60, True)
    assert urges.list_urges() == [urges.get_urge(saved.id)]  # the same urge, not a second one


def test_each_minute_a_check_asks_and_waits_for_its_answer(qtbot, vault, urges, clock) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=7))
    dialog = guide(qtbot, vault, urges, clock, urge=saved)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 59)
    assert dialog.check_panel.isHidden()
    tick(dialog, clock, 2)
    assert dialog.check_panel.isVisible()
    assert dialog.check_rating.value() is None  # nothing chosen for the person
    assert not dialog.check_answer.isEnabled()
    tick(dialog, clock, 400)  # nobody answers for minutes: it still waits, nothing moves on
    assert dialog.check_panel.isVisible()
    assert dialog.steps.currentIndex() == dialog.RIDING
    first = dialog.check_rating.focus_proxy()
    first.setFocus()
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # moving chooses nothing
    assert dialog.check_rating.value() is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.check_rating.value() == 4
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter answers
    assert dialog.check_panel.isHidden()
    assert dialog.steps.currentIndex() == dialog.RIDING  # and didn't finish the ride
    assert urges.get_urge(saved.id).details.intensity_after == 4
    tick(dialog, clock, 30)
    assert dialog.check_panel.isHidden()
    tick(dialog, clock, 40)  # the next minute has passed
    assert dialog.check_panel.isVisible()
    assert dialog.check_rating.value() is None  # asked afresh, not at the last answer


def test_a_minute_check_can_be_let_pass_without_a_rating(qtbot, vault, urges, clock) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=7))
    dialog = guide(qtbot, vault, urges, clock, urge=saved)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 61)
    press(qtbot, Qt.Key.Key_Return)  # Enter with nothing chosen records nothing
    assert dialog.check_panel.isVisible()
    assert dialog.steps.currentIndex() == dialog.RIDING
    qtbot.mouseClick(dialog.check_skip, LEFT)
    assert dialog.check_panel.isHidden()
    assert urges.get_urge(saved.id).details.intensity_after is None
    tick(dialog, clock, 60)
    assert dialog.check_panel.isVisible()


def test_time_up_waits_and_five_more_minutes_runs_again(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)
    dialog.minutes.setValue(2)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 500)
    assert dialog.remaining.text() == "0:00"
    assert dialog.time_up.isVisible()
    assert dialog.steps.currentIndex() == dialog.RIDING  # never moves on by itself
    qtbot.mouseClick(dialog.extend_button, LEFT)
    assert dialog.remaining.text() == "5:00"
    assert dialog.time_up.isHidden()
    tick(dialog, clock, 60)
    assert dialog.remaining.text() == "4:00"


def test_pause_holds_the_countdown(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 30)
    qtbot.mouseClick(dialog.pause_button, LEFT)
    assert dialog.pause_button.text() == "&Resume"
    tick(dialog, clock, 300)
    assert dialog.remaining.text() == "9:30"
    assert dialog.check_panel.isHidden()  # no checks while paused
    qtbot.mouseClick(dialog.pause_button, LEFT)
    tick(dialog, clock, 30)
    assert dialog.remaining.text() == "9:00"


def test_the_end_rerates_and_notes_the_outcome(qtbot, vault, urges, clock) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=9))
    dialog = guide(qtbot, vault, urges, clock, urge=saved)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 61)
    qtbot.mouseClick(dialog.check_rating.buttons[5], LEFT)
    qtbot.mouseClick(dialog.check_answer, LEFT)
    tick(dialog, clock, 8 * 60)
    qtbot.mouseClick(dialog.finish_button, LEFT)
    assert dialog.steps.currentIndex() == dialog.END
    assert dialog.end_intensity.value() is None  # asked afresh: nothing chosen for the person
    assert dialog.end.last_answer.text() == "At the last check it was 5 of 10."
    assert dialog.lasted.value() == 9  # 9 min 1 s ridden
    qtbot.mouseClick(dialog.end_intensity.buttons[2], LEFT)
    qtbot.mouseClick(dialog.outcome.buttons[0], LEFT)  # "It passed"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, LEFT)
    kept = urges.get_urge(saved.id).details
    assert (kept.intensity, kept.intensity_after, kept.outcome, kept.minutes) == (
        9,
        2,
        UrgeOutcome.PASSED,
        9,
    )


def test_without_a_check_answer_the_end_rating_is_left_to_the_person(
    qtbot, vault, urges, clock
) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW, intensity=9))
    dialog = guide(qtbot, vault, urges, clock, urge=saved)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 30)
    qtbot.mouseClick(dialog.finish_button, LEFT)
    assert dialog.end_intensity.value() is None
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert urges.get_urge(saved.id).details.intensity_after is None


def test_closing_half_way_keeps_what_was_entered(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)  # opened without a logged urge
    qtbot.mouseClick(dialog.intensity.buttons[6], LEFT)
    dialog.predicted_minutes.setValue(30)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 61)
    qtbot.mouseClick(dialog.check_rating.buttons[4], LEFT)
    qtbot.mouseClick(dialog.check_answer, LEFT)
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    (kept,) = urges.list_urges()
    assert kept.details.at == NOW
    assert (kept.details.intensity, kept.details.predicted_minutes) == (6, 30)
    assert kept.details.intensity_after == 4
    assert kept.details.outcome is None  # nothing was said about it, so nothing is assumed


def test_closing_before_anything_was_entered_leaves_nothing(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)
    dialog.reject()
    assert urges.list_urges() == []


def test_reasons_come_first_then_a_kind_word_then_people(qtbot, vault, urges, clock) -> None:
    ReasonService(vault).add("I sleep through the night now")
    SupportPeopleService(vault).add(SupportPersonDetails("Maya", "text any time"))
    dialog = guide(qtbot, vault, urges, clock)
    panel = dialog.companions
    assert panel.currentIndex() == panel.REASONS
    assert "I sleep through the night now" in texts_in(panel.currentWidget())
    next_button = buttons_in(panel.currentWidget(), "Next: a kind word")
    qtbot.mouseClick(next_button, LEFT)
    assert panel.currentIndex() == panel.KINDNESS
    assert guide_texts().self_compassion[0] in texts_in(panel.currentWidget())
    qtbot.mouseClick(buttons_in(panel.currentWidget(), "Next: people you can reach"), LEFT)
    people_text = texts_in(panel.currentWidget())
    assert "Maya" in people_text and "text any time" in people_text
    assert "findahelpline.com" in people_text


def test_empty_lists_say_where_to_add_them(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)
    panel = dialog.companions
    assert "haven't written any reasons yet" in texts_in(panel.widget(panel.REASONS))
    assert "No one on your list yet" in texts_in(panel.widget(panel.PEOPLE))


def test_the_pacer_moves_unless_motion_is_reduced(qtbot, vault, urges, clock) -> None:
    moving = guide(qtbot, vault, urges, clock)
    seen = set()
    for _ in range(5):
        tick(moving, clock, 1)
        seen.add(round(moving.pacer._fullness, 2))
    assert len(seen) == 5
    still = guide(qtbot, vault, urges, clock, reduce_motion=True)
    words, fullness = set(), set()
    for _ in range(10):
        tick(still, clock, 1)
        words.add(still.breath.text())
        fullness.add(still.pacer._fullness)
    assert len(fullness) == 1  # the circle stays put
    assert any("in" in w for w in words) and any("out" in w for w in words)


def test_breathing_is_four_in_and_six_out(qtbot, vault, urges, clock) -> None:
    dialog = guide(qtbot, vault, urges, clock)
    start = clock.seconds
    clock.seconds = start + 0.5
    dialog.tick()
    assert dialog.breath.text() == "Breathe in… 4"
    clock.seconds = start + 4.5
    dialog.tick()
    assert dialog.breath.text() == "Breathe out… 6"


def test_a_lock_closes_the_guide_and_keeps_the_answers(qtbot, vault, urges, clock) -> None:
    saved = urges.log_urge(UrgeDetails(at=NOW - timedelta(minutes=1), intensity=6))
    dialog = guide(qtbot, vault, urges, clock, urge=saved)
    qtbot.mouseClick(dialog.start_button, LEFT)
    tick(dialog, clock, 3 * 60)
    qtbot.mouseClick(dialog.finish_button, LEFT)
    qtbot.mouseClick(dialog.outcome.buttons[1], LEFT)  # "I reached out"
    dialog.reject()  # what the window's lock() does to every open dialog
    kept = urges.get_urge(saved.id).details
    assert (kept.outcome, kept.minutes) == (UrgeOutcome.REACHED_OUT, 3)


def texts_in(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def buttons_in(widget, text: str):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def test_the_letter_link_opens_a_pad_that_keeps_what_was_written(
    qtbot, vault, urges, clock
) -> None:
    from recovery_app.ui.urges.letter_pad import LetterPadDialog

    dialog = guide(qtbot, vault, urges, clock)
    panel = dialog.companions
    panel.setCurrentIndex(panel.LETTER)
    qtbot.mouseClick(panel.letter_button, LEFT)
    pad = dialog.dialog
    assert isinstance(pad, LetterPadDialog)
    qtbot.waitExposed(pad)
    qtbot.keyClicks(pad.pad.editor, "I wanted you to know")
    pad.reject()
    (letter,) = LetterService(vault).letters()
    assert letter.body == "I wanted you to know"


# ----- from the Urges section -------------------------------------------------------------------


@pytest.fixture
def section(qtbot: QtBot, vault):
    from helpers.journal import journal_over, navigation_for

    from recovery_app.ui.urges.section import UrgesSection

    journal = journal_over(vault)
    widget = UrgesSection(journal, navigation_for(journal), lambda: True)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_ride_the_wave_from_the_urges_screen_notes_a_new_urge(qtbot, section) -> None:
    qtbot.mouseClick(section.moments.wave_button, LEFT)
    guide_dialog = section.dialog
    assert isinstance(guide_dialog, RideTheWaveDialog)
    assert guide_dialog._reduce_motion  # the person's setting reaches the pacer
    qtbot.mouseClick(guide_dialog.intensity.buttons[6], LEFT)
    qtbot.mouseClick(guide_dialog.start_button, LEFT)
    with qtbot.waitSignal(section.urges_changed):
        guide_dialog.reject()
    assert section.moments.model.total == 1


def test_reaching_out_at_the_end_offers_the_clock_and_only_asks(qtbot, section, vault) -> None:
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from recovery_app.services.clocks import ClockService

    ClockService(vault).add_clock("J", date(2026, 1, 1))
    guide_dialog = section.ride_the_wave(None)
    qtbot.mouseClick(guide_dialog.start_button, LEFT)
    guide_dialog.finish()
    qtbot.mouseClick(guide_dialog.outcome.buttons[1], LEFT)  # "I reached out"
    qtbot.mouseClick(guide_dialog.save_button, LEFT)
    offer = next(w for w in section.findChildren(QMessageBox) if w.isVisible())
    assert "contact on your clock" in offer.text()
    offer.reject()  # "Not now"
    assert ClockService(vault).list_contacts(ClockService(vault).list_clocks()[0].id or 0) == []
