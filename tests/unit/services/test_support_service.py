"""Reasons, support people and unsent letters through their services, on a real vault."""

from datetime import UTC, datetime, timedelta

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.services.support import (
    OPENING_CHARS,
    LetterService,
    ListedLetter,
    ReasonService,
    SupportPeopleService,
)


class Ticking:
    """A clock that moves a minute each time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def reasons(vault) -> ReasonService:
    return ReasonService(vault)


@pytest.fixture
def people(vault) -> SupportPeopleService:
    return SupportPeopleService(vault)


@pytest.fixture
def letters(vault) -> LetterService:
    return LetterService(vault, now=Ticking())


def texts(reasons: ReasonService) -> list[str]:
    return [r.text for r in reasons.reasons()]


def test_reasons_keep_the_order_they_were_written_in(reasons) -> None:
    assert reasons.reasons() == []
    for text in ("I sleep again", "  They laughed when I cried  ", "My friends are back"):
        reasons.add(text)
    assert texts(reasons) == ["I sleep again", "They laughed when I cried", "My friends are back"]


def test_a_reason_can_be_edited_and_moved(reasons) -> None:
    first, second, third = (reasons.add(t) for t in ("one", "two", "three"))
    reasons.update(second.id, "two, said better")
    reasons.move(third.id, -2)
    assert texts(reasons) == ["three", "one", "two, said better"]
    reasons.move(third.id, -1)  # already at the top: stays there
    reasons.move(first.id, 5)  # past the end: goes last
    assert texts(reasons) == ["three", "two, said better", "one"]


def test_a_removed_reason_comes_back_in_its_place(reasons) -> None:
    for text in ("one", "two", "three"):
        reasons.add(text)
    middle = reasons.reasons()[1]
    copy = reasons.remove(middle.id)
    reasons.add("four")  # SQLite may hand the freed id to this one
    assert texts(reasons) == ["one", "three", "four"]
    reasons.restore(copy)
    assert texts(reasons) == ["one", "two", "three", "four"]
    assert len({r.id for r in reasons.reasons()}) == 4


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001])
def test_an_empty_or_huge_reason_is_refused_kindly(reasons, text) -> None:
    with pytest.raises(InvalidInput) as refused:
        reasons.add(text)
    assert text.strip()[:20] not in refused.value.message or not text.strip()
    assert reasons.reasons() == []


def test_support_people_are_kept_with_how_to_reach_them(people) -> None:
    sam = people.add(SupportPersonDetails("  Sam ", "text 07700 900123", "any time after 6"))
    people.add(SupportPersonDetails("Helpline I found", "the number on my fridge"))
    assert [p.details for p in people.people()] == [
        SupportPersonDetails("Sam", "text 07700 900123", "any time after 6"),
        SupportPersonDetails("Helpline I found", "the number on my fridge"),
    ]
    people.update(sam.id, SupportPersonDetails("Sam (sister)", "call"))
    people.move(sam.id, 1)
    assert [p.details.name for p in people.people()] == ["Helpline I found", "Sam (sister)"]
    copy = people.remove(sam.id)
    assert [p.details.name for p in people.people()] == ["Helpline I found"]
    people.restore(copy)
    assert [p.details.name for p in people.people()] == ["Helpline I found", "Sam (sister)"]


def test_a_support_person_needs_a_name(people) -> None:
    with pytest.raises(InvalidInput):
        people.add(SupportPersonDetails("  ", "call"))
    assert people.people() == []


def test_a_letter_is_saved_as_it_grows_and_listed_newest_first(letters) -> None:
    first = letters.start()
    letters.save(first.id, "I wanted to tell you")
    saved = letters.save(first.id, "I wanted to tell you that I'm leaving.")
    assert saved.updated_at > saved.created_at
    second = letters.start("Another day.")
    assert [letter.id for letter in letters.letters()] == [second.id, first.id]
    assert letters.get(first.id).body == "I wanted to tell you that I'm leaving."


def test_the_list_reads_how_each_letter_opens_not_the_whole_letter(letters) -> None:
    long = letters.start("\n \t\n" + "You said you'd change. " * 100)
    blank = letters.start("   \n ")
    listed = letters.listed()
    assert [letter.id for letter in listed] == [blank.id, long.id]  # newest first
    assert listed[0].opening == ""
    assert listed[1].opening == ("You said you'd change. " * 100)[:OPENING_CHARS]
    assert listed[1].created_at == long.created_at
    # A letter just saved is listed as the journal would list it.
    assert [ListedLetter.of(letter) for letter in letters.letters()] == listed


def test_saving_the_same_words_changes_nothing(letters) -> None:
    letter = letters.save(letters.start().id, "same")
    assert letters.save(letter.id, "same").updated_at == letter.updated_at


def test_how_i_feel_after_writing_is_optional_and_0_to_10(letters) -> None:
    letter = letters.start("words")
    assert letter.feeling_after is None
    assert letters.set_feeling(letter.id, 4).feeling_after == 4
    assert letters.set_feeling(letter.id, None).feeling_after is None
    for wrong in (-1, 11):
        with pytest.raises(InvalidInput):
            letters.set_feeling(letter.id, wrong)


def test_a_deleted_letter_can_be_put_back(letters) -> None:
    letter = letters.start("keep me")
    letters.set_feeling(letter.id, 6)
    copy = letters.delete(letter.id)
    assert letters.letters() == []
    back = letters.restore(copy)
    assert (back.body, back.feeling_after, back.created_at) == ("keep me", 6, letter.created_at)


def test_a_letter_that_is_gone_is_said_kindly(letters) -> None:
    with pytest.raises(InvalidInput):
        letters.save(999, "words")
