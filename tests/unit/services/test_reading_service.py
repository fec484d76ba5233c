"""Readings over an open journal: read or not yet (kept encrypted in the journal), search,
the page the reader shows, the suggestions on a fake clock, and `readings --json`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, unlock_vault

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.reading_moments import QUIET_HOURS, Moment
from recovery_app.domain.readings import Tool
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.exercises import load_library
from recovery_app.services.readings import ReadingService, load_readings, readings_json
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.models import VaultInfo
from recovery_app.storage.vault import create_vault

NOW = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def readings(vault, clock: FakeClock) -> ReadingService:
    return ReadingService(vault, load_readings(), load_library(), now=clock)


# ----- read, not yet read -----------------------------------------------------------------------


def test_every_reading_starts_not_read_and_marking_it_is_kept(readings: ReadingService) -> None:
    assert all(not card.read for card in readings.cards())
    assert readings.mark_read("grief") == NOW
    cards = {card.id: card for card in readings.cards()}
    assert cards["grief"].read
    assert cards["grief"].read_at == NOW
    assert not cards["signs"].read
    assert readings.read_ids() == {"grief"}


def test_marking_again_keeps_the_first_time_and_it_can_be_undone(
    readings: ReadingService, clock: FakeClock
) -> None:
    readings.mark_read("grief")
    clock.advance(days=3)
    assert readings.mark_read("grief") == NOW
    readings.mark_not_read("grief")
    readings.mark_not_read("grief")  # twice is fine
    assert readings.read_ids() == frozenset()
    assert readings.mark_read("grief") == NOW + timedelta(days=3)


def test_read_is_kept_in_the_encrypted_journal_across_a_lock(
    service: VaultService, data_dir: Path
) -> None:
    journal = service.create(PASSWORD)
    journal.readings.mark_read("withdrawal")
    journal.close()
    assert service.unlock(PASSWORD).readings.read_ids() == {"withdrawal"}
    reopened = unlock_vault(service.paths)  # and it is kept where the journal keeps things
    try:
        with reopened.session() as session:
            assert session.get(VaultInfo, "readings.read.withdrawal") is not None
    finally:
        reopened.close()
    for path in data_dir.rglob("*"):
        if path.is_file():  # nowhere in plain text: not in the journal, nor a settings file
            assert b"withdrawal" not in path.read_bytes(), path.name


def test_a_reading_not_in_the_library_is_refused_kindly(readings: ReadingService) -> None:
    with pytest.raises(InvalidInput, match="isn't in the library"):
        readings.mark_read("no_such_reading")
    with pytest.raises(InvalidInput):
        readings.page("no_such_reading")
    with pytest.raises(InvalidInput):
        readings.dismiss("no_such_reading")


def test_a_damaged_row_reads_as_not_known_never_a_crash(vault, readings: ReadingService) -> None:
    with vault.session() as session:
        session.add(VaultInfo(key="readings.read.grief", value="not a time"))
        session.add(VaultInfo(key="readings.offers.signs", value="lots"))
        session.add(VaultInfo(key="readings.last_offer", value="yesterday"))
        session.commit()
    grief = next(c for c in readings.cards() if c.id == "grief")
    assert grief.read  # the row says so, even if its time can't be read
    assert grief.read_at is None
    assert readings.read_ids() == {"grief"}
    assert readings.offer(Moment.HARD_URGE) is not None  # an unreadable last offer: no quiet
    assert readings.mark_read("grief") == NOW  # a time is still given back


# ----- search and the page -----------------------------------------------------------------------


def test_search_by_word_finds_title_summary_and_body(readings: ReadingService) -> None:
    assert readings.cards("grief")[0].id == "grief"
    assert "withdrawal" in [c.id for c in readings.cards("urges")]
    # "a cup of tea" is in one body only ("cup" starts no other word anywhere)
    assert [c.id for c in readings.cards("cup")] == ["several_tries"]
    assert readings.cards("zebra crossing") == []
    assert len(readings.cards("")) == len(readings.library.readings)


def test_a_page_carries_its_read_state_tools_and_the_not_therapy_line(
    readings: ReadingService,
) -> None:
    page = readings.page("withdrawal")
    assert not page.read
    assert page.read_at is None
    assert page.reading.title == "Why no contact can feel like withdrawal"
    assert [(b.tool, b.exercise_id) for b in page.tools] == [
        (Tool.RIDE_THE_WAVE, None),
        (Tool.REASONS, None),
        (Tool.EXERCISE, "prediction_check"),
    ]
    assert [b.label for b in page.tools] == [
        "Ride the wave",
        "My reasons",
        "The exercise “Prediction check”",
    ]
    assert "not therapy" in page.not_therapy
    readings.mark_read("withdrawal")
    assert readings.page("withdrawal").read
    assert readings.page("withdrawal").read_at == NOW


# ----- suggestions --------------------------------------------------------------------------------


def test_after_i_reached_out_one_gentle_line_names_one_reading(readings: ReadingService) -> None:
    suggestion = readings.offer_after_contact(ContactKind.ME)
    assert suggestion is not None
    assert suggestion.reading_id == "several_tries"
    assert suggestion.title == "Why it can take several tries"
    assert suggestion.line == (
        "A new stretch starts from here. If it would help, there's a short reading: "
        "“Why it can take several tries”."
    )


def test_contact_from_them_and_a_mild_urge_bring_nothing(readings: ReadingService) -> None:
    assert readings.offer_after_contact(ContactKind.THEM) is None
    assert readings.offer_after_contact(ContactKind.UNAVOIDABLE) is None
    assert readings.offer_after_urge(UrgeDetails(at=NOW, intensity=5)) is None
    assert readings.offer_after_urge(UrgeDetails(at=NOW)) is None


def test_a_hard_urge_suggests_once_a_day_at_most(
    readings: ReadingService, clock: FakeClock
) -> None:
    first = readings.offer_after_urge(UrgeDetails(at=NOW, intensity=8))
    assert first is not None
    assert first.reading_id == "withdrawal"
    assert "strong one" in first.line
    clock.advance(hours=2)
    assert readings.offer_after_urge(UrgeDetails(at=clock.now, intensity=9)) is None
    assert readings.offer_after_contact(ContactKind.ME) is None  # a quiet day is a quiet day
    clock.advance(hours=QUIET_HOURS)
    again = readings.offer_after_urge(UrgeDetails(at=clock.now, intensity=9))
    assert again is not None
    assert again.reading_id == "withdrawal"  # let pass once: it may come once more
    clock.advance(hours=QUIET_HOURS)
    third = readings.offer_after_urge(UrgeDetails(at=clock.now, intensity=9))
    assert third is not None
    assert third.reading_id == "good_moments"  # then the next one gets its turn


def test_an_urge_that_ended_in_reaching_out_is_the_reached_out_moment(
    readings: ReadingService,
) -> None:
    details = UrgeDetails(at=NOW, intensity=3, outcome=UrgeOutcome.REACHED_OUT)
    suggestion = readings.offer_after_urge(details)
    assert suggestion is not None
    assert suggestion.moment is Moment.REACHED_OUT


def test_a_dismissed_suggestion_is_gone_for_good_across_a_lock(
    service: VaultService, clock: FakeClock
) -> None:
    vault = create_vault(service.paths, PASSWORD, CHEAP_KDF)
    readings = ReadingService(vault, load_readings(), load_library(), now=clock)
    first = readings.offer(Moment.REACHED_OUT)
    assert first is not None
    readings.dismiss(first.reading_id)
    readings.dismiss(first.reading_id)  # twice is fine
    vault.close()
    vault = unlock_vault(service.paths)
    try:
        readings = ReadingService(vault, load_readings(), load_library(), now=clock)
        assert readings.dismissed() == {"several_tries"}
        for _ in range(6):
            clock.advance(days=2)
            suggestion = readings.offer(Moment.REACHED_OUT)
            assert suggestion is None or suggestion.reading_id != "several_tries"
        # It is only the suggestion that is gone: the reading is still in the list.
        assert "several_tries" in [c.id for c in readings.cards()]
    finally:
        vault.close()


def test_a_reading_already_read_is_never_suggested(readings: ReadingService) -> None:
    readings.mark_read("trauma_bond")
    readings.mark_read("signs")
    assert readings.offer(Moment.FIRST_RUN) is None


def test_the_first_run_line_comes_once(readings: ReadingService, clock: FakeClock) -> None:
    first = readings.offer(Moment.FIRST_RUN)
    assert first is not None
    assert first.reading_id == "trauma_bond"
    clock.advance(days=30)
    assert readings.offer(Moment.FIRST_RUN) is None


def test_suggestions_can_be_turned_off_and_on(readings: ReadingService) -> None:
    assert readings.suggestions_enabled()
    readings.set_suggestions_enabled(False)
    assert not readings.suggestions_enabled()
    assert readings.offer(Moment.REACHED_OUT) is None
    readings.set_suggestions_enabled(True)
    assert readings.offer(Moment.REACHED_OUT) is not None


# ----- readings --json ---------------------------------------------------------------------------


def test_the_json_document_lists_every_reading_with_its_read_state(
    readings: ReadingService,
) -> None:
    readings.mark_read("grief")
    document = readings_json(readings.cards())
    assert json.loads(json.dumps(document)) == document  # plain JSON all the way down
    assert [item["id"] for item in document] == [r.id for r in readings.library.readings]
    grief = next(item for item in document if item["id"] == "grief")
    assert grief == {
        "id": "grief",
        "title": "Grief that doesn't make sense",
        "minutes": 2,
        "summary": (
            "It is possible to grieve a relationship that hurt you. Relief and sorrow, "
            "anger and love: both can be true."
        ),
        "read": True,
        "read_at": "2026-11-23T21:30:00+00:00",
        "content_note": False,
    }
    unread = next(item for item in document if item["id"] == "the_cycle")
    assert unread["read"] is False
    assert unread["read_at"] is None
    assert unread["content_note"] is True
