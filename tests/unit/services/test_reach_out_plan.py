"""My plan for when they reach out: its suggested start, and editing it like the reasons."""

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import PlanPart
from recovery_app.services.reach_out_plan import ReachOutPlanService
from recovery_app.services.texts import reach_out_texts

STEP, ANSWER = PlanPart.STEP, PlanPart.ANSWER


@pytest.fixture
def plan(vault) -> ReachOutPlanService:
    return ReachOutPlanService(vault)


def texts(plan: ReachOutPlanService, part: PlanPart) -> list[str]:
    return [line.text for line in plan.lines(part)]


def test_the_plan_starts_from_the_gentle_suggestions_and_no_answers(plan) -> None:
    suggested = list(reach_out_texts().suggested_steps)
    assert len(suggested) == 6
    assert texts(plan, STEP) == suggested
    assert texts(plan, ANSWER) == []
    assert plan.plan().steps[0].part is STEP
    assert texts(plan, STEP) == suggested  # read again: seeded once, not twice


def test_every_suggestion_can_be_reworded_moved_or_removed(plan) -> None:
    first, second, *_ = plan.lines(STEP)
    plan.update(first.id, "Notice it, and breathe.")
    plan.move(second.id, -1)
    assert texts(plan, STEP)[:2] == [second.text, "Notice it, and breathe."]
    for line in plan.lines(STEP):
        plan.remove(line.id)
    assert texts(plan, STEP) == []
    assert plan.plan().steps == ()  # an emptied plan stays empty: no suggestions come back


def test_steps_and_answers_are_two_lists_each_in_its_own_order(plan) -> None:
    plan.add(ANSWER, "Please send anything about the school by email.")
    plan.add(ANSWER, "Saturday at 10 works for the handover.")
    added = plan.add(STEP, "Put the phone in another room.")
    assert texts(plan, STEP)[-1] == "Put the phone in another room."
    plan.move(added.id, -100)  # to the top of the steps, never among the answers
    assert texts(plan, STEP)[0] == "Put the phone in another room."
    (email, saturday) = plan.lines(ANSWER)
    plan.move(saturday.id, -1)
    assert texts(plan, ANSWER) == [saturday.text, email.text]
    assert len(plan.lines(STEP)) == 7


def test_a_removed_line_comes_back_where_it_was(plan) -> None:
    lines = plan.lines(STEP)
    removed = plan.remove(lines[2].id)
    assert lines[2].text not in texts(plan, STEP)
    back = plan.restore(removed)
    assert texts(plan, STEP) == [line.text for line in lines]
    assert back.text == lines[2].text and back.part is STEP


def test_empty_or_missing_lines_are_refused_kindly(plan) -> None:
    with pytest.raises(InvalidInput, match="few words"):
        plan.add(STEP, "  ")
    line = plan.add(ANSWER, "Email only, please.")
    with pytest.raises(InvalidInput, match="few words"):
        plan.update(line.id, "")
    plan.remove(line.id)
    with pytest.raises(InvalidInput, match="isn't there"):
        plan.update(line.id, "again")
    assert texts(plan, ANSWER) == []
