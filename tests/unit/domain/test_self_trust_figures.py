"""The self-trust line (promises kept) and the figures of instincts and predictions."""

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.instincts import (
    CheckOutcome,
    HunchKind,
    HunchMark,
    HunchTally,
    UrgeCheckTally,
    UrgePrediction,
    counted_hunch_figures,
    hunch_figures,
    is_waiting,
)
from recovery_app.domain.promises import (
    PromiseMark,
    clean_promise_text,
    self_trust_line,
    share_kept,
)
from recovery_app.domain.urges import UrgeOutcome

MONDAY = date(2026, 11, 16)
KEPT, NOT, LET_GO = PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.LET_GO


def test_the_self_trust_line_is_the_share_kept_per_week_and_let_go_counts_neither_way() -> None:
    marks = [
        PromiseMark(MONDAY, KEPT),
        PromiseMark(MONDAY + timedelta(days=2), NOT),
        PromiseMark(MONDAY + timedelta(days=3), LET_GO),
        PromiseMark(MONDAY + timedelta(days=4), None),  # not marked yet
        PromiseMark(MONDAY + timedelta(days=7), KEPT),
        PromiseMark(MONDAY + timedelta(days=8), KEPT),
    ]
    line = self_trust_line(marks)
    assert [(w.monday, w.kept, w.decided) for w in line] == [
        (MONDAY, 1, 2),
        (MONDAY + timedelta(days=7), 2, 2),
    ]
    assert [w.share for w in line] == [0.5, 1.0]
    assert share_kept(marks) == pytest.approx(3 / 4)


def test_nothing_marked_means_no_line_rather_than_zero() -> None:
    marks = [PromiseMark(MONDAY, None), PromiseMark(MONDAY, LET_GO)]
    assert self_trust_line(marks) == []
    assert share_kept(marks) is None


@pytest.mark.parametrize("text", ["", "   ", "x" * 301])
def test_a_promise_needs_a_few_words_and_fits_in_300(text: str) -> None:
    with pytest.raises(InvalidInput):
        clean_promise_text(text)


def test_instincts_right_and_fears_wrong_leave_out_cant_tell_and_unchecked() -> None:
    hunches = [
        HunchMark(HunchKind.INSTINCT, False, CheckOutcome.RIGHT),
        HunchMark(HunchKind.INSTINCT, False, CheckOutcome.RIGHT),
        HunchMark(HunchKind.INSTINCT, False, CheckOutcome.PARTLY),
        HunchMark(HunchKind.INSTINCT, False, CheckOutcome.CANT_TELL),
        HunchMark(HunchKind.INSTINCT, False, None),
        HunchMark(HunchKind.PREDICTION, True, CheckOutcome.WRONG),
        HunchMark(HunchKind.PREDICTION, True, CheckOutcome.RIGHT),
        HunchMark(HunchKind.PREDICTION, False, CheckOutcome.WRONG),  # not a fear
    ]
    figures = hunch_figures(hunches)
    assert figures.instincts_right.count == 3
    assert figures.instincts_right.share == pytest.approx(2 / 3)
    assert figures.fears_wrong.count == 2
    assert figures.fears_wrong.share == 0.5


def test_urge_predictions_feed_the_fears_figure() -> None:
    urges = [
        # "I will reach out", and it passed: a fear proved wrong.
        UrgePrediction(True, UrgeOutcome.PASSED, None, None),
        # "I will reach out", and I did: it proved right.
        UrgePrediction(True, UrgeOutcome.REACHED_OUT, None, None),
        # "It will last an hour", it lasted 20 minutes: proved wrong.
        UrgePrediction(None, None, 60, 20),
        # "Ten minutes", it lasted 30: proved right.
        UrgePrediction(None, None, 10, 30),
        # No outcome yet, no duration: nothing to count.
        UrgePrediction(True, None, 15, None),
        # "I won't reach out" is not a fear.
        UrgePrediction(False, UrgeOutcome.PASSED, None, None),
    ]
    figures = hunch_figures([HunchMark(HunchKind.PREDICTION, True, CheckOutcome.WRONG)], urges)
    assert figures.fears_wrong.count == 5
    assert figures.fears_wrong.share == pytest.approx(3 / 5)
    assert figures.instincts_right.share is None


def test_waiting_to_check_once_the_day_has_come_and_until_checked() -> None:
    assert is_waiting(MONDAY, checked=False, today=MONDAY)
    assert not is_waiting(MONDAY + timedelta(days=1), checked=False, today=MONDAY)
    assert not is_waiting(MONDAY, checked=True, today=MONDAY)


# ----- the same figures from counts (what the review's SQL hands over) --------------------------

_marks = st.builds(
    HunchMark,
    st.sampled_from(list(HunchKind)),
    st.booleans(),
    st.one_of(st.none(), st.sampled_from(list(CheckOutcome))),
)
_predictions = st.builds(
    UrgePrediction,
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.sampled_from(list(UrgeOutcome))),
    st.one_of(st.none(), st.integers(0, 300)),
    st.one_of(st.none(), st.integers(0, 300)),
)


@given(st.lists(_marks, max_size=40), st.lists(_predictions, max_size=40))
def test_counted_figures_equal_the_figures_of_each_entry(
    hunches: list[HunchMark], urges: list[UrgePrediction]
) -> None:
    counted = counted_hunch_figures(
        [HunchTally(mark, n) for mark, n in Counter(hunches).items()],
        [UrgeCheckTally(check, n) for check, n in Counter(u.check() for u in urges).items()],
    )
    assert counted == hunch_figures(hunches, urges)
