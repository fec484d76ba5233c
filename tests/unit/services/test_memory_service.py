"""Memories through the service: saved in the vault, read back in time order, with undo."""

from datetime import UTC, date, datetime

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import Hemisphere, parse
from recovery_app.domain.memories import MemoryDetails, MemoryKind
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService, ViewSettings

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
GOOD, HARM, APOLOGY = MemoryKind.GOOD, MemoryKind.HARM, MemoryKind.APOLOGY


@pytest.fixture
def memories(vault) -> MemoryService:
    return MemoryService(vault, now=lambda: NOW)


def details(kind: MemoryKind, when: str, title: str = "A title", **more) -> MemoryDetails:
    return MemoryDetails(kind, title, parse(when), **more)


def test_a_memory_is_saved_and_read_back_whole(memories: MemoryService) -> None:
    saved = memories.add_memory(
        details(
            GOOD,
            "summer 2021",
            "  Lake  trip ",
            what_happened="Swimming",
            feeling=8,
            tags=("trips", "summer"),
        )
    )
    again = memories.get_memory(saved.id)
    assert again.details.title == "Lake trip"
    assert again.details.when == parse("summer-2021")
    assert again.details.tags == ("trips", "summer")
    assert again.details.feeling == 8
    assert memories.tags() == ["trips", "summer"]


def test_the_warning_comes_first_once_any_harm_is_remembered(memories: MemoryService) -> None:
    assert not memories.overview().warning_first  # nothing yet
    memories.add_memory(details(GOOD, "2021"))
    memories.add_memory(details(APOLOGY, "2022"))
    assert not memories.overview().has_harm
    harm = memories.add_memory(details(HARM, "2022"))
    assert memories.overview().warning_first
    memories.save_settings(ViewSettings(content_warning=False))
    assert memories.overview().has_harm and not memories.overview().warning_first
    memories.delete_memory(harm.id)
    assert not memories.overview().has_harm


def test_memories_come_back_in_time_order(memories: MemoryService) -> None:
    for when in ("2023", "2021-05-02", "summer 2021", "2019..2020"):
        memories.add_memory(details(GOOD, when))
    assert [m.when.text for m in memories.list_memories()] == [
        "2019..2020",
        "2021-05-02",
        "summer-2021",
        "2023",
    ]


def test_a_future_date_is_refused_kindly(memories: MemoryService) -> None:
    with pytest.raises(InvalidInput, match="hasn't come yet"):
        memories.add_memory(details(GOOD, "2027"))
    memories.add_memory(details(GOOD, "2026"))  # this year has begun: fine


def test_edit_and_delete_with_undo(memories: MemoryService) -> None:
    saved = memories.add_memory(details(HARM, "2022-03", "Shouting"))
    memories.update_memory(saved.id, details(HARM, "2022-04", "Shouting at me"))
    assert memories.get_memory(saved.id).details.title == "Shouting at me"
    copy = memories.delete_memory(saved.id)
    assert memories.list_memories() == []
    with pytest.raises(InvalidInput, match="isn't there"):
        memories.get_memory(saved.id)
    restored = memories.add_memory(copy)
    assert memories.get_memory(restored.id).details == copy


def test_a_memory_belongs_to_a_clock_and_outlives_its_removal(vault, memories) -> None:
    clocks = ClockService(vault, now=lambda: NOW)
    clock = clocks.add_clock("A", date(2024, 1, 1))
    assert clock.id is not None
    saved = memories.add_memory(details(GOOD, "2023", clock_id=clock.id))
    memories.add_memory(details(GOOD, "2022"))
    assert [m.id for m in memories.list_memories(clock_id=clock.id)] == [saved.id]

    removed = clocks.remove_clock(clock.id)
    assert memories.get_memory(saved.id).details.clock_id is None  # kept, unlinked
    back = clocks.restore_clock(removed)
    assert memories.get_memory(saved.id).details.clock_id == back.id
    with pytest.raises(InvalidInput, match="isn't there"):
        memories.add_memory(details(GOOD, "2023", clock_id=9999))


def test_the_timeline_answers_around_and_patterns(memories: MemoryService) -> None:
    good = memories.add_memory(details(GOOD, "2021-07-01", "Picnic"))
    harm = memories.add_memory(details(HARM, "2021-07-20", "The fight"))
    apology = memories.add_memory(details(APOLOGY, "2021-07-22", "Flowers"))
    memories.add_memory(details(HARM, "2019", "Far away"))
    timeline = memories.timeline()
    assert [m.id for m in timeline.around(good)] == [harm.id]
    patterns = timeline.patterns()
    assert patterns.harm_then_closeness.followed == 1
    assert patterns.harm_then_closeness.instances[0].then[0].id == apology.id
    assert timeline.find(good.id) == good


def test_around_a_date_lists_the_good_moments_there(memories: MemoryService) -> None:
    good = memories.add_memory(details(GOOD, "summer 2021", "Holiday"))
    memories.add_memory(details(GOOD, "2018", "Long ago"))
    harm = memories.add_memory(details(HARM, "2021-07-15"))
    (view,) = memories.around_date(parse("2021-07"))
    assert view.remembered.id == good.id
    assert [m.id for m in view.harm_around] == [harm.id]
    assert memories.around_date(parse("2010")) == []


def test_finding_good_moments_by_words(memories: MemoryService) -> None:
    lake = memories.add_memory(details(GOOD, "2021", "Lake trip", tags=("Summer",)))
    memories.add_memory(details(HARM, "2021", "Lake argument"))
    assert memories.find_good_moments("lake") == [lake]
    assert memories.find_good_moments("LAKE summer") == [lake]
    assert memories.find_good_moments("mountain") == []


def test_settings_default_save_and_redate_seasons(memories: MemoryService) -> None:
    assert memories.settings() == ViewSettings(30, True, Hemisphere.NORTH)
    summer = memories.add_memory(details(GOOD, "summer 2021"))
    memories.save_settings(ViewSettings(45, False, Hemisphere.SOUTH))
    assert memories.settings() == ViewSettings(45, False, Hemisphere.SOUTH)
    when = memories.get_memory(summer.id).when
    assert (when.start, when.end) == (date(2021, 12, 1), date(2022, 2, 28))
    assert memories.parse_date("summer 2022").start == date(2022, 12, 1)
    with pytest.raises(InvalidInput):
        memories.save_settings(ViewSettings(400))


def test_the_vault_sorts_as_the_timeline_does(memories: MemoryService) -> None:
    import random

    from recovery_app.domain.memories import in_time_order

    rng = random.Random(7)
    texts = ["2021", "2021-06", "summer 2021", "2021-07-16", "2020..2022", "2021-03..2021-09"]
    for n in range(40):
        memories.add_memory(details(rng.choice(list(MemoryKind)), rng.choice(texts), f"m{n}"))
    listed = memories.list_memories()
    assert listed == in_time_order(listed)


def test_the_warning_is_passed_once_per_unlock(service, journal) -> None:
    """Every view of one unlock shares the Journal's MemoryService; a new unlock asks again."""
    from conftest import PASSWORD

    assert not journal.memories.warning_passed()
    journal.memories.pass_warning()
    assert journal.memories.warning_passed()
    journal.close()
    reopened = service.unlock(PASSWORD)
    try:
        assert not reopened.memories.warning_passed()
    finally:
        reopened.close()
