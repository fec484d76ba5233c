"""The ride-the-wave timer and breathing rhythm, on made-up seconds."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.wave import Breath, WaveTimer, breath_phase


def test_breathing_is_four_seconds_in_then_six_out() -> None:
    assert breath_phase(0).breath is Breath.IN
    assert breath_phase(2).progress == pytest.approx(0.5)
    assert breath_phase(3.9).breath is Breath.IN
    assert breath_phase(4).breath is Breath.OUT
    assert breath_phase(7).progress == pytest.approx(0.5)
    assert breath_phase(10).breath is Breath.IN  # a new cycle
    assert breath_phase(0.2).seconds_left == 4
    assert breath_phase(4.5).seconds_left == 6


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
def test_fullness_always_stays_between_empty_and_full(seconds: float) -> None:
    assert 0.0 <= breath_phase(seconds).fullness <= 1.0


def test_the_timer_counts_down_and_stops_at_zero() -> None:
    timer = WaveTimer(10)
    assert not timer.started and timer.remaining(0) == 600
    timer.start(100)
    assert timer.remaining(160) == 540
    assert timer.is_running(160)
    assert timer.remaining(1000) == 0 and timer.is_up(1000)
    assert not timer.is_running(1000)


def test_a_pause_holds_the_time() -> None:
    timer = WaveTimer(10)
    timer.start(0)
    timer.pause(30)
    assert timer.elapsed(500) == 30
    timer.resume(500)
    assert timer.elapsed(510) == 40


def test_extending_adds_five_minutes_and_restarts_a_timer_that_was_up() -> None:
    timer = WaveTimer(1)
    timer.start(0)
    assert timer.is_up(90)
    timer.extend(90)
    assert timer.remaining(90) == 300
    assert timer.remaining(150) == 240
    assert timer.is_running(150)


def test_a_paused_timer_stays_paused_when_extended() -> None:
    timer = WaveTimer(10)
    timer.start(0)
    timer.pause(60)
    timer.extend(70)
    assert timer.remaining(1000) == 840


def test_a_minute_check_waits_for_its_answer() -> None:
    timer = WaveTimer(10)
    timer.start(0)
    assert not timer.check_due(59)
    assert timer.check_due(61)
    assert timer.check_due(500)  # still waiting, however long
    timer.answer_check(500)  # answered late: the next one is a full minute after the answer
    assert not timer.check_due(559)
    assert timer.check_due(561)


def test_no_check_comes_while_paused_or_before_starting() -> None:
    timer = WaveTimer(10)
    assert not timer.check_due(1000)
    timer.start(0)
    timer.pause(30)
    assert not timer.check_due(1000)


def test_minutes_so_far_rounds_and_counts_at_least_one() -> None:
    timer = WaveTimer(10)
    assert timer.minutes_so_far(0) == 0
    timer.start(0)
    assert timer.minutes_so_far(10) == 1
    assert timer.minutes_so_far(150) == 2  # 2.5 rounds to even
    assert timer.minutes_so_far(210) == 4


@pytest.mark.parametrize("minutes", [0, 121])
def test_a_timer_length_out_of_range_is_refused(minutes: int) -> None:
    with pytest.raises(ValueError, match="1 to 120 minutes"):
        WaveTimer(minutes)
