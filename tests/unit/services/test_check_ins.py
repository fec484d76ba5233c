from datetime import UTC, datetime, timedelta

import pytest

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.domain.errors import InvalidInput
from recovery_app.services.check_ins import CheckInService

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


@pytest.fixture
def check_ins(vault) -> CheckInService:
    return CheckInService(vault, now=lambda: NOW)


def test_nothing_is_assumed_before_a_check_in(check_ins) -> None:
    assert check_ins.get() is None
    assert check_ins.yesterdays_promise() == ""


def test_every_answer_can_be_skipped(check_ins) -> None:
    saved = check_ins.save(CheckInAnswers())
    assert check_ins.get() == saved
    assert saved.answers.is_empty


def test_one_check_in_per_day_edited_in_place(check_ins) -> None:
    check_ins.save(CheckInAnswers(mood=2, pull=7, no_contact=NoContactAnswer.YES))
    check_ins.save(
        CheckInAnswers(mood=4, pull=3, no_contact=NoContactAnswer.THEM, note="  better  ")
    )
    saved = check_ins.get()
    assert saved is not None
    assert saved.answers == CheckInAnswers(
        mood=4, pull=3, no_contact=NoContactAnswer.THEM, note="better"
    )


def test_yesterdays_promise_comes_back_today(check_ins) -> None:
    yesterday = check_ins.today() - timedelta(days=1)
    check_ins.save(CheckInAnswers(promise="go for a walk"), day=yesterday)
    assert check_ins.yesterdays_promise() == "go for a walk"
    check_ins.save(CheckInAnswers(yesterday_promise=PromiseOutcome.KEPT))
    saved = check_ins.get()
    assert saved is not None
    assert saved.answers.yesterday_promise is PromiseOutcome.KEPT


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        (CheckInAnswers(mood=0), "1 to 5"),
        (CheckInAnswers(pull=11), "0 to 10"),
        (CheckInAnswers(promise="x" * 301), "300"),
    ],
)
def test_impossible_answers_get_a_kind_message_and_save_nothing(check_ins, answers, words) -> None:
    with pytest.raises(InvalidInput, match=words):
        check_ins.save(answers)
    assert check_ins.get() is None
