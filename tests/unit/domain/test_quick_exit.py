from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.quick_exit import ShiftTripleDetector


def test_three_presses_within_two_seconds_trigger() -> None:
    detector = ShiftTripleDetector()
    assert not detector.shift_pressed(10.0)
    assert not detector.shift_pressed(10.6)
    assert detector.shift_pressed(11.9)


def test_presses_spread_over_more_than_two_seconds_do_not_trigger() -> None:
    detector = ShiftTripleDetector()
    assert not detector.shift_pressed(0.0)
    assert not detector.shift_pressed(1.5)
    assert not detector.shift_pressed(2.6)  # the first press has expired
    assert detector.shift_pressed(3.0)  # 1.5, 2.6, 3.0 are within two seconds


def test_any_other_key_starts_again_so_capital_letters_never_trigger() -> None:
    detector = ShiftTripleDetector()
    for t in (0.0, 0.2, 0.4):
        assert not detector.shift_pressed(t)
        detector.other_key_pressed()  # Shift+A, Shift+B, Shift+C


def test_count_restarts_after_triggering() -> None:
    detector = ShiftTripleDetector()
    for t in (0.0, 0.1):
        detector.shift_pressed(t)
    assert detector.shift_pressed(0.2)
    assert not detector.shift_pressed(0.3)


@given(st.lists(st.floats(min_value=0, max_value=1000), min_size=1, max_size=30))
def test_never_triggers_with_fewer_than_three_presses_in_any_window(times: list[float]) -> None:
    detector = ShiftTripleDetector()
    ordered = sorted(times)
    for i, t in enumerate(ordered):
        fired = detector.shift_pressed(t)
        recent = [u for u in ordered[: i + 1] if t - u <= 2.0]
        if fired:
            assert len(recent) >= 3
