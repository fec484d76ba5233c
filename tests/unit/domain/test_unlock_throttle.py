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
