"""The year's calendar and the person's own words for a report, as the service reads them."""

from datetime import UTC, datetime, timedelta

from helpers.journal import journal_over

from recovery_app.domain.check_in import CheckInAnswers
from recovery_app.domain.fuzzy_dates import parse
from recovery_app.domain.kinds import ContactKind, MemoryKind, ReportSection
from recovery_app.domain.memories import MemoryDetails
from recovery_app.domain.review_range import DayRange
from recovery_app.domain.stretches import local_day
from recovery_app.services.clocks import ContactDetails
from recovery_app.services.journal import Journal
from recovery_app.services.review import ReviewService
from recovery_app.storage.vault import Vault

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
TODAY = local_day(NOW)


def on(days_ago: int) -> Journal:
    return journal_over_day(days_ago)


_vault: list[Vault] = []


def journal_over_day(days_ago: int) -> Journal:
    return journal_over(_vault[0], now=lambda: NOW - timedelta(days=days_ago))


def test_the_calendar_marks_check_ins_and_each_kind_of_contact(vault: Vault) -> None:
    _vault[:] = [vault]
    clocks = on(0).clocks
    clock = clocks.add_clock("A", TODAY - timedelta(days=40))
    assert clock.id is not None
    for days_ago, kind in (
        (3, ContactKind.ME),
        (3, ContactKind.THEM),
        (9, ContactKind.UNAVOIDABLE),
    ):
        at = (NOW - timedelta(days=days_ago)).astimezone()
        clocks.log_contact(clock.id, ContactDetails(kind, at))
    for days_ago, mood in ((0, 4), (2, None), (5, 1)):
        on(days_ago).check_ins.save(CheckInAnswers(mood=mood, pull=3))
    calendar = ReviewService(vault, now=lambda: NOW).calendar(TODAY)
    by_day = {d.day: d for d in calendar.days if d is not None}
    assert min(by_day) == TODAY - timedelta(days=40)  # nothing drawn before the journal began
    assert by_day[TODAY].mood == 4
    assert by_day[TODAY - timedelta(days=2)].checked_in
    assert by_day[TODAY - timedelta(days=2)].mood is None
    assert not by_day[TODAY - timedelta(days=1)].checked_in
    three = by_day[TODAY - timedelta(days=3)]
    assert (three.reached_out, three.they_reached_out, three.unavoidable) == (1, 1, 0)
    assert by_day[TODAY - timedelta(days=9)].unavoidable == 1


def test_an_empty_journal_has_an_empty_calendar(vault: Vault) -> None:
    calendar = ReviewService(vault, now=lambda: NOW).calendar(TODAY)
    assert calendar.is_empty


def test_own_words_are_read_only_when_named_and_only_from_the_range(vault: Vault) -> None:
    _vault[:] = [vault]
    on(1).check_ins.save(CheckInAnswers(note="A quiet evening"))
    on(2).check_ins.save(CheckInAnswers(mood=3))  # no note: not listed
    on(60).check_ins.save(CheckInAnswers(note="Long ago"))
    on(1).memories.add_memory(MemoryDetails(MemoryKind.GOOD, "The lake", parse("2021-07")))
    on(60).memories.add_memory(MemoryDetails(MemoryKind.HARM, "Older", parse("2020")))
    letters = on(1).letters
    letters.start("Dear you")
    on(1).letters.start("")  # an empty letter is not part of a report
    service = ReviewService(vault, now=lambda: NOW)
    span = DayRange(TODAY - timedelta(days=27), TODAY)
    nothing = service.writings(span, [ReportSection.URGES, ReportSection.CHECK_INS])
    assert (nothing.notes, nothing.memories, nothing.letters) == ((), (), ())
    everything = service.writings(
        span, [ReportSection.NOTES, ReportSection.MEMORIES, ReportSection.LETTERS]
    )
    assert [n.text for n in everything.notes] == ["A quiet evening"]
    assert [(m.title, m.when, m.kind) for m in everything.memories] == [
        ("The lake", "2021-07", MemoryKind.GOOD)
    ]
    assert [letter.text for letter in everything.letters] == ["Dear you"]
    assert service.writings(None, list(ReportSection)).notes == ()
    assert everything.notes[0].day == TODAY - timedelta(days=1)
