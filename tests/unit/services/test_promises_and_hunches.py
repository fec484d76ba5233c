"""Promises to myself (one store, shared with the check-in) and instincts and predictions."""

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from recovery_app.domain.check_in import CheckInAnswers, PromiseOutcome
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.instincts import (
    CheckOutcome,
    HunchKind,
    HunchMark,
    UrgePrediction,
    hunch_figures,
)
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.check_ins import CheckInService
from recovery_app.services.hunches import HunchService
from recovery_app.services.promises import PromiseService
from recovery_app.services.urges import UrgeService

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


@pytest.fixture
def promises(vault) -> PromiseService:
    return PromiseService(vault, now=lambda: NOW)


@pytest.fixture
def check_ins(vault) -> CheckInService:
    return CheckInService(vault, now=lambda: NOW)


@pytest.fixture
def tomorrow_check_ins(vault) -> CheckInService:
    return CheckInService(vault, now=lambda: NOW + timedelta(days=1))


def test_a_promise_is_added_marked_and_let_go(promises: PromiseService) -> None:
    today = promises.today()
    walk = promises.add("  Walk by the river ")
    call = promises.add("Call my sister", day=today - timedelta(days=1))
    assert walk.text == "Walk by the river"
    assert walk.day == today
    assert walk.outcome is None
    assert [p.id for p in promises.open_promises()] == [call.id, walk.id]  # oldest first

    promises.mark(walk.id, PromiseOutcome.KEPT)
    promises.mark(call.id, PromiseOutcome.LET_GO)
    assert promises.open_promises() == []
    assert [(p.text, p.outcome) for p in promises.promises()] == [
        ("Walk by the river", PromiseOutcome.KEPT),
        ("Call my sister", PromiseOutcome.LET_GO),
    ]
    assert promises.share_kept() == 1.0  # let go counts neither way
    promises.mark(call.id, PromiseOutcome.NOT_KEPT)
    assert promises.share_kept() == 0.5
    # NOW is a Monday, so yesterday's promise falls in the week before.
    assert [(w.kept, w.decided) for w in promises.self_trust_line()] == [(0, 1), (1, 1)]


def test_a_promise_that_cannot_be_saved_says_why(promises: PromiseService) -> None:
    with pytest.raises(InvalidInput, match="few words"):
        promises.add("   ")
    with pytest.raises(InvalidInput, match="promise list"):
        promises.mark(99, PromiseOutcome.KEPT)
    assert promises.promises() == []


def test_the_check_in_promise_is_the_same_promise_the_exercises_see(
    check_ins: CheckInService, tomorrow_check_ins: CheckInService, promises: PromiseService
) -> None:
    check_ins.save(CheckInAnswers(mood=3, promise="Go to bed by eleven"))
    (made,) = promises.promises()
    assert made.text == "Go to bed by eleven"
    assert made.day == check_ins.today()
    assert made.from_check_in

    # Marked on the Exercises screen (or `promise mark`) ...
    promises.mark(made.id, PromiseOutcome.KEPT)
    # ... the next day's check-in sees it, and can change it.
    assert tomorrow_check_ins.yesterdays_promise() == "Go to bed by eleven"
    tomorrow_check_ins.save(CheckInAnswers(mood=4))  # no answer: the mark stays
    saved = tomorrow_check_ins.get()
    assert saved is not None
    assert saved.answers.yesterday_promise is PromiseOutcome.KEPT
    tomorrow_check_ins.save(CheckInAnswers(yesterday_promise=PromiseOutcome.NOT_KEPT))
    assert [p.outcome for p in promises.promises()] == [PromiseOutcome.NOT_KEPT]
    tomorrow_check_ins.save(CheckInAnswers(yesterday_promise=PromiseOutcome.SKIPPED))
    assert [p.outcome for p in promises.promises()] == [None]  # "skip" is no answer


def test_editing_the_check_in_changes_or_removes_its_promise_only(
    check_ins: CheckInService, promises: PromiseService
) -> None:
    other = promises.add("Drink water")
    check_ins.save(CheckInAnswers(promise="Walk"))
    check_ins.save(CheckInAnswers(promise="Walk twice"))
    assert sorted(p.text for p in promises.promises()) == ["Drink water", "Walk twice"]
    check_ins.save(CheckInAnswers(promise=""))
    assert [p.id for p in promises.promises()] == [other.id]


def test_a_promise_made_elsewhere_is_asked_about_in_the_next_check_in(
    promises: PromiseService, tomorrow_check_ins: CheckInService
) -> None:
    made = promises.add("Eat a proper lunch")
    assert tomorrow_check_ins.yesterdays_promise() == "Eat a proper lunch"
    tomorrow_check_ins.save(CheckInAnswers(yesterday_promise=PromiseOutcome.KEPT))
    assert promises.promises()[0].id == made.id
    assert promises.promises()[0].outcome is PromiseOutcome.KEPT


def test_the_check_in_reads_both_its_promises_as_the_next_check_in_chooses_them(
    promises: PromiseService, check_ins: CheckInService, tomorrow_check_ins: CheckInService
) -> None:
    """Today's answers read today's promise and yesterday's in one read of the journal: the
    one yesterday's check-in made comes before others for that day, made earlier or later."""
    today = check_ins.today()
    elsewhere = promises.add("Drink water")  # for today, made first and elsewhere
    check_ins.save(CheckInAnswers(promise="Call my sister"))
    promises.add("Go to bed early")
    promises.mark(elsewhere.id, PromiseOutcome.NOT_KEPT)
    tomorrow_check_ins.save(CheckInAnswers(promise="Walk", yesterday_promise=PromiseOutcome.KEPT))
    seen = tomorrow_check_ins.get()
    assert seen is not None
    assert seen.answers.promise == "Walk"
    assert seen.answers.yesterday_promise is PromiseOutcome.KEPT
    kept = {p.text: p.outcome for p in promises.promises(since=today) if p.day == today}
    assert kept == {
        "Drink water": PromiseOutcome.NOT_KEPT,
        "Call my sister": PromiseOutcome.KEPT,
        "Go to bed early": None,
    }
    # With no check-in the day before, its first promise is the one asked about.
    two_days_on = today + timedelta(days=2)
    first = promises.add("Read a chapter", day=two_days_on)
    promises.add("Cook something", day=two_days_on)
    promises.mark(first.id, PromiseOutcome.KEPT)
    after = CheckInService(check_ins._vault, now=lambda: NOW + timedelta(days=3))
    after.save(CheckInAnswers())
    seen = after.get()
    assert seen is not None
    assert seen.answers.yesterday_promise is PromiseOutcome.KEPT
    assert seen.answers.promise == ""


# ----- instincts and predictions ---------------------------------------------------------------


@pytest.fixture
def moment() -> list[datetime]:
    return [NOW]


@pytest.fixture
def hunches(vault, moment: list[datetime]) -> HunchService:
    return HunchService(vault, now=lambda: moment[0])


def test_a_hunch_waits_until_its_day_then_is_checked(
    hunches: HunchService, moment: list[datetime]
) -> None:
    today = hunches.today()
    gut = hunches.note(HunchKind.INSTINCT, "Something is off with that message", fearful=True)
    fear = hunches.note(
        HunchKind.PREDICTION,
        "They will apologise and then do it again",
        fearful=True,
        check_after=today + timedelta(days=2),
    )
    assert gut.check_after == today + timedelta(days=7)
    assert not gut.fearful  # only a prediction can be a fear
    assert hunches.waiting() == []

    moment[0] = NOW + timedelta(days=2)
    assert [h.id for h in hunches.waiting()] == [fear.id]
    moment[0] = NOW + timedelta(days=8)
    assert [h.id for h in hunches.waiting()] == [fear.id, gut.id]  # the longest waiting first

    hunches.check(fear.id, CheckOutcome.RIGHT, "  They did. ")
    hunches.check(gut.id, CheckOutcome.RIGHT)
    assert hunches.waiting() == []
    checked = {h.id: h for h in hunches.hunches()}
    assert checked[fear.id].what_happened == "They did."
    figures = hunches.figures()
    assert figures.instincts_right.share == 1.0
    assert figures.fears_wrong.share == 0.0


def test_the_first_waiting_come_with_how_many_wait_in_all(
    hunches: HunchService, moment: list[datetime]
) -> None:
    today = hunches.today()
    noted = [
        hunches.note(HunchKind.PREDICTION, f"Prediction {n}", check_after=today + timedelta(n))
        for n in range(5)
    ]
    hunches.note(HunchKind.PREDICTION, "Not yet", check_after=today + timedelta(days=30))
    moment[0] = NOW + timedelta(days=10)
    first = hunches.first_waiting(2)
    assert [h.id for h in first.first] == [noted[0].id, noted[1].id]  # the longest waiting
    assert first.total == 5
    assert hunches.first_waiting(9).total == 5
    assert [h.id for h in hunches.first_waiting(None).first] == [h.id for h in noted]
    hunches.check(noted[0].id, CheckOutcome.WRONG)
    assert hunches.first_waiting(2).total == 4


def test_urge_predictions_count_in_the_fears_figure(vault, hunches: HunchService) -> None:
    urges = UrgeService(vault, now=lambda: NOW)
    urges.log_urge(
        UrgeDetails(
            at=NOW,
            intensity=7,
            predicted_reach_out=True,
            outcome=UrgeOutcome.PASSED,
            predicted_minutes=60,
            minutes=15,
        )
    )
    urges.log_urge(UrgeDetails(at=NOW, intensity=3))  # no prediction: nothing to count
    fear = hunches.note(HunchKind.PREDICTION, "I will give in", fearful=True)
    hunches.check(fear.id, CheckOutcome.RIGHT)
    figures = hunches.figures()
    assert figures.fears_wrong.count == 3
    assert figures.fears_wrong.share == pytest.approx(2 / 3)


def test_the_figures_counted_in_sql_equal_those_of_every_row(vault, hunches: HunchService) -> None:
    rng = random.Random(11)
    urges = UrgeService(vault, now=lambda: NOW)
    logged = []
    for _ in range(40):
        details = UrgeDetails(
            at=NOW,
            outcome=rng.choice([None, *UrgeOutcome]),
            minutes=rng.choice([None, 5, 30, 90]),
            predicted_minutes=rng.choice([None, 10, 30, 60]),
            predicted_reach_out=rng.choice([None, True, False]),
        )
        urges.log_urge(details)
        logged.append(
            UrgePrediction(
                details.predicted_reach_out,
                details.outcome,
                details.predicted_minutes,
                details.minutes,
            )
        )
    marks = []
    for _ in range(15):
        kind, fearful = rng.choice(list(HunchKind)), rng.random() < 0.5
        noted = hunches.note(kind, "A feeling", fearful=fearful)
        outcome = rng.choice([None, *CheckOutcome])
        if outcome is not None:
            hunches.check(noted.id, outcome)
        marks.append(HunchMark(kind, noted.fearful, outcome))
    assert hunches.figures() == hunch_figures(marks, logged)


def test_a_hunch_needs_words_and_a_day_not_in_the_past(hunches: HunchService) -> None:
    with pytest.raises(InvalidInput):
        hunches.note(HunchKind.INSTINCT, "  ")
    with pytest.raises(InvalidInput):
        hunches.note(HunchKind.INSTINCT, "a feeling", check_after=date(2020, 1, 1))
    with pytest.raises(InvalidInput):
        hunches.check(42, CheckOutcome.WRONG)
    assert hunches.hunches() == []


def test_the_self_trust_line_counted_in_sql_equals_that_of_every_promise(vault) -> None:
    from recovery_app.domain.promises import PromiseMark, self_trust_line, share_kept

    rng = random.Random(5)
    service = PromiseService(vault, now=lambda: NOW)
    marks = []
    for _ in range(120):
        day = NOW.date() - timedelta(days=rng.randrange(400))  # every weekday, many weeks
        saved = service.add("A small thing", day=day)
        outcome = rng.choice([None, *MARKS_AND_SKIP])
        if outcome is not None:
            saved = service.mark(saved.id, outcome)
        marks.append(PromiseMark(saved.day, saved.outcome))
    assert service.self_trust_line() == self_trust_line(marks)
    assert service.share_kept() == share_kept(marks)


MARKS_AND_SKIP = [
    PromiseOutcome.KEPT,
    PromiseOutcome.NOT_KEPT,
    PromiseOutcome.LET_GO,
    PromiseOutcome.SKIPPED,
]


def test_the_newest_open_promises_are_the_end_of_them_all(promises: PromiseService) -> None:
    today = NOW.date()
    for offset in range(10):
        made = promises.add(f"Promise {offset}", day=today - timedelta(days=offset))
        if offset % 3 == 0:
            promises.mark(made.id, PromiseOutcome.KEPT)
    promises.add("Tomorrow's", day=today + timedelta(days=1))  # not due yet: never listed
    every = promises.open_promises()
    assert [p.day for p in every] == sorted(p.day for p in every)
    assert all(p.outcome is None and p.day <= today for p in every)
    assert promises.open_promises(newest=3) == every[-3:]


def test_the_urges_predictions_are_counted_from_their_index_alone(vault) -> None:
    from recovery_app.services.hunches import urge_prediction_tallies

    with vault.engine.connect() as conn:
        sql = str(urge_prediction_tallies().compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING COVERING INDEX ix_urge_predictions" in plan
    assert "TEMP B-TREE" not in plan  # grouped in the index's own order: no sort of every row
