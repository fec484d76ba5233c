"""Hard dates on Today, driven as a person would: one calm line 14, 7 and 1 days ahead (a fake
clock), the plan one key away, on the day the plan and Ride the wave, the day after a
gentle check-in, and "Don't show this again" waiting for the day itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.hard_date_view import (
    ALT,
    CTRL,
    THE_DAY,
    DayClock,
    a_month_before,
    activate,
    journal_on,
    main_view_over,
    mark,
    on,
    open_dialog,
    press,
)
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recovery_app.domain.kinds import HardDateNotice, PlanStep
from recovery_app.services.journal import Journal
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import Vault
from recovery_app.ui.shell.main_view import MainView
from recovery_app.ui.shell.sections import URGES
from recovery_app.ui.today.check_in_dialog import CheckInDialog
from recovery_app.ui.urges.hard_dates.date_dialog import HardDateDialog
from recovery_app.ui.urges.hard_dates.plan_dialog import PlanDialog
from recovery_app.ui.urges.section import UrgesSection
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog


@pytest.fixture
def clock() -> DayClock:
    return a_month_before()


@pytest.fixture
def journal(vault: Vault, clock: DayClock) -> Journal:
    return journal_on(vault, clock)


@pytest.fixture
def view(qtbot: QtBot, journal: Journal, paths: VaultPaths, tmp_path: Path) -> Iterator[MainView]:
    yield from main_view_over(qtbot, journal, paths, tmp_path)


@pytest.mark.parametrize(
    ("notice", "shown_from"),
    [(HardDateNotice.TWO_WEEKS, 14), (HardDateNotice.ONE_WEEK, 7), (HardDateNotice.ONE_DAY, 1)],
)
def test_today_shows_one_calm_line_from_the_chosen_lead_time(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock, notice, shown_from: int
) -> None:
    mark(journal, notice=notice)
    card = view.today.notice_card
    on(view, clock, THE_DAY - timedelta(days=shown_from + 1))
    assert card.isHidden()
    on(view, clock, THE_DAY - timedelta(days=shown_from))
    assert card.isVisible()
    expected = (
        "The day it ended is tomorrow."
        if shown_from == 1
        else f"The day it ended is in {shown_from} days."
    )
    assert card.text.text() == expected + " Your plan is here when you want it."
    assert card.text.accessibleName() == card.text.text()
    assert card.action_button.isVisible() and card.action_button.text() == "See your &plan"
    assert card.dismiss_button.isVisible()
    for days in range(shown_from - 1, 0, -1):
        on(view, clock, THE_DAY - timedelta(days=days))
        assert str(days) in card.text.text() or "tomorrow" in card.text.text()


def test_the_plan_is_one_key_away_and_on_the_day_ride_the_wave_is_there(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    mark(journal, steps=(PlanStep.PEOPLE,), notice=HardDateNotice.ONE_WEEK)
    on(view, clock, THE_DAY - timedelta(days=7))
    qtbot.keyClick(view.today, Qt.Key.Key_P, ALT)  # the notice's button: "See your &plan"
    plan = open_dialog(qtbot, view, PlanDialog)
    assert isinstance(plan, PlanDialog)
    assert plan.windowTitle() == "Your plan"  # never the day's name
    assert plan.name.text() == "The day it ended"
    assert "in 7 days" in plan.when.text()
    assert plan.plan.text() == "Walk with Sam, then an early night."
    assert plan.step_buttons[PlanStep.PEOPLE].isVisible()
    assert not plan.step_buttons[PlanStep.RIDE_THE_WAVE].isVisible()  # not chosen, not yet
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not plan.isVisible(), timeout=WAIT_MS)

    activate(qtbot, view)
    on(view, clock, THE_DAY)
    card = view.today.notice_card
    assert card.text.text() == (
        "The day it ended is today. Your plan and Ride the wave are one key away."
    )
    qtbot.keyClick(view.today, Qt.Key.Key_P, ALT)
    plan = open_dialog(qtbot, view, PlanDialog)
    assert isinstance(plan, PlanDialog)
    wave = plan.step_buttons[PlanStep.RIDE_THE_WAVE]
    assert wave.isVisible() and wave.isDefault() and wave.hasFocus()
    assert plan.when.text().startswith("Today")
    press(qtbot, Qt.Key.Key_Space)  # Ride the wave
    guide = open_dialog(qtbot, view.urges, RideTheWaveDialog)
    assert not plan.isVisible()
    guide.reject()


def test_the_plans_reasons_and_people_open_their_tabs(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    mark(journal, steps=(PlanStep.REASONS, PlanStep.PEOPLE))
    on(view, clock, THE_DAY - timedelta(days=3))
    qtbot.mouseClick(view.today.notice_card.action_button, Qt.MouseButton.LeftButton)
    plan = open_dialog(qtbot, view, PlanDialog)
    assert isinstance(plan, PlanDialog)
    qtbot.mouseClick(plan.step_buttons[PlanStep.REASONS], Qt.MouseButton.LeftButton)
    assert view.current_section() == URGES
    assert view.urges.currentIndex() == UrgesSection.REASONS
    view.show_section(0)
    qtbot.mouseClick(view.today.notice_card.action_button, Qt.MouseButton.LeftButton)
    plan = open_dialog(qtbot, view, PlanDialog)
    assert isinstance(plan, PlanDialog)
    qtbot.mouseClick(plan.step_buttons[PlanStep.PEOPLE], Qt.MouseButton.LeftButton)
    assert view.urges.currentIndex() == UrgesSection.PEOPLE


def test_the_plan_can_be_changed_from_where_it_is_read(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    mark(journal, plan="")
    on(view, clock, THE_DAY - timedelta(days=2))
    qtbot.mouseClick(view.today.notice_card.action_button, Qt.MouseButton.LeftButton)
    plan = open_dialog(qtbot, view, PlanDialog)
    assert isinstance(plan, PlanDialog)
    assert plan.no_plan.isVisible() and not plan.plan.isVisible()
    qtbot.mouseClick(plan.edit_button, Qt.MouseButton.LeftButton)
    editor = open_dialog(qtbot, plan, HardDateDialog)
    assert isinstance(editor, HardDateDialog)
    editor.plan.setFocus()
    qtbot.keyClicks(editor.plan, "Stay at Ana's")
    qtbot.keyClick(editor.plan, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: plan.plan.isVisible(), timeout=WAIT_MS)
    assert plan.plan.text() == "Stay at Ana's"
    assert journal.hard_dates.marked()[0].details.plan == "Stay at Ana's"


def test_the_day_after_offers_a_gentle_check_in(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    mark(journal)
    on(view, clock, THE_DAY + timedelta(days=1))
    card = view.today.notice_card
    assert card.text.text() == "The day it ended was yesterday. A short check-in, if you'd like."
    assert card.action_button.text() == "Check &in"
    qtbot.keyClick(view.today, Qt.Key.Key_I, ALT)
    dialog = open_dialog(qtbot, view.today, CheckInDialog)
    dialog.reject()
    on(view, clock, THE_DAY + timedelta(days=2))
    assert card.isHidden()


def test_dont_show_again_waits_for_the_day_itself(
    qtbot: QtBot, view: MainView, journal: Journal, clock: DayClock
) -> None:
    mark(journal)
    on(view, clock, THE_DAY - timedelta(days=10))
    card = view.today.notice_card
    card.dismiss_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert card.isHidden()
    on(view, clock, THE_DAY - timedelta(days=1))
    assert card.isHidden()
    on(view, clock, THE_DAY)
    assert card.isVisible() and card.text.text().startswith("The day it ended is today")
