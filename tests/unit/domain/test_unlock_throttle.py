import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.unlock_throttle import MAX_PAUSE_SECONDS, UnlockThrottle, pause_after


def test_first_two_wrong_tries_cost_nothing_extra() -> None:
    assert pause_after(1) == 0
    assert pause_after(2) == 0


def test_pause_grows_and_is_capped() -> None:
    pauses = [pause_after(n) for n in range(3, 12)]
    assert pauses[0] == 2.0
    assert pauses == sorted(pauses)
    assert max(pauses) == MAX_PAUSE_SECONDS


def test_success_clears_the_pause() -> None:
    throttle = UnlockThrottle()
    for _ in range(4):
        throttle.record_failure(now=100.0)
    assert throttle.seconds_left(100.0) > 0
    assert throttle.seconds_left(100.0 + MAX_PAUSE_SECONDS) == 0
    throttle.record_success()
    assert throttle.seconds_left(100.0) == 0


@given(st.integers(min_value=0, max_value=10_000))
def test_pause_is_never_negative_nor_above_the_cap(failures: int) -> None:
    assert 0 <= pause_after(failures) <= MAX_PAUSE_SECONDS


def test_the_pause_left_never_exceeds_the_cap_even_if_told_otherwise() -> None:
    far_future = UnlockThrottle(failures=3, not_before=10**12)
    assert far_future.seconds_left(now=100.0) == MAX_PAUSE_SECONDS


@pytest.mark.parametrize(
    ("failures", "not_before"),
    [
        ("3", 10.0),
        (3, "soon"),
        (-1, 10.0),
        (True, 10.0),
        (3, True),
        (3, float("nan")),
        (3, float("inf")),
        (10**9, 10.0),
        (None, None),
    ],
)
def test_odd_figures_read_back_mean_no_pause(failures: object, not_before: object) -> None:
    assert UnlockThrottle.restored(failures, not_before) == UnlockThrottle()


def test_sound_figures_read_back_are_kept() -> None:
    assert UnlockThrottle.restored(4, 120.5) == UnlockThrottle(4, 120.5)
    assert UnlockThrottle.restored(4, 120) == UnlockThrottle(4, 120.0)
