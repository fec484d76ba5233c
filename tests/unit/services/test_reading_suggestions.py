"""Today's reading line through the one notice board: noted at the moment, offered (and
counted) only when it is the notice shown, gone once taken up, dismissed or turned off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from helpers.journal import journal_over
from sqlmodel import select

from recovery_app.domain.notices import Notice, NoticeKind
from recovery_app.domain.reading_moments import QUIET_HOURS
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.services.journal import Journal
from recovery_app.services.reading_suggestions import OPEN_READING
from recovery_app.storage.models import VaultInfo

NOW = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def journal(vault, clock: FakeClock) -> Journal:
    return journal_over(vault, now=clock)


def offers(vault) -> dict[str, str]:
    with vault.session() as session:
        rows = session.exec(select(VaultInfo)).all()
    prefix = "readings.offers."
    return {row.key.removeprefix(prefix): row.value for row in rows if row.key.startswith(prefix)}


def test_nothing_noted_means_no_line_and_no_reading_files_loaded(journal: Journal) -> None:
    assert journal.notices.choose() is None
    assert journal._readings is None  # an ordinary unlock never reads the reading files


def test_a_reached_out_contact_brings_one_line_with_its_button(journal: Journal, vault) -> None:
    journal.reading_suggestions.note_contact(ContactKind.THEM)
    assert journal.notices.choose() is None  # contact from them is not a moment for a reading
    journal.reading_suggestions.note_contact(ContactKind.ME)
    notice = journal.notices.choose()
    assert notice is not None and notice.kind is NoticeKind.READING
    assert "Why it can take several tries" in notice.text
    assert notice.action is not None
    assert (notice.action.kind, notice.action.label, notice.action.target) == (
        OPEN_READING,
        "Read it",
        "several_tries",
    )
    assert notice.dismissible and notice.dismiss_label == "Don't suggest this again"
    assert journal.notices.choose() == notice  # it stays on Today, counted once
    assert offers(vault) == {"several_tries": "1"}


def test_the_line_is_offered_only_when_it_is_the_notice_shown(journal: Journal, vault) -> None:
    journal.reading_suggestions.note_urge(UrgeDetails(at=NOW, intensity=9))
    milestone = Notice(NoticeKind.MILESTONE, "Three days of distance")
    assert journal.notices.choose([milestone]) == milestone
    assert offers(vault) == {}  # not seen, so not counted
    shown = journal.notices.choose()
    assert shown is not None and "Why no contact can feel like withdrawal" in shown.text
    assert offers(vault) == {"withdrawal": "1"}


def test_a_mild_urge_brings_nothing_and_the_guides_rerating_can_make_it_hard(
    journal: Journal,
) -> None:
    journal.reading_suggestions.note_urge(UrgeDetails(at=NOW, intensity=4))
    assert journal.notices.choose() is None
    journal.reading_suggestions.note_urge(UrgeDetails(at=NOW, intensity=4, intensity_after=8))
    assert journal.notices.choose() is not None


def test_an_urge_that_ended_in_reaching_out_suggests_the_reached_out_reading(
    journal: Journal,
) -> None:
    details = UrgeDetails(at=NOW, intensity=2, outcome=UrgeOutcome.REACHED_OUT)
    journal.reading_suggestions.note_urge(details)
    notice = journal.notices.choose()
    assert notice is not None and notice.key == "several_tries"


def test_opening_the_reading_takes_the_line_away(journal: Journal) -> None:
    journal.reading_suggestions.note_first_run()
    notice = journal.notices.choose()
    assert notice is not None and notice.key == "trauma_bond"
    journal.reading_suggestions.taken("signs")  # another reading: the line stays
    assert journal.notices.choose() == notice
    journal.reading_suggestions.taken("trauma_bond")
    assert journal.notices.choose() is None


def test_dismissed_for_good_and_a_day_later_the_next_reading_gets_its_turn(
    journal: Journal, clock: FakeClock
) -> None:
    journal.reading_suggestions.note_contact(ContactKind.ME)
    notice = journal.notices.choose()
    assert notice is not None
    journal.notices.dismiss(notice)
    assert journal.notices.choose() is None
    assert journal.readings.dismissed() == {"several_tries"}
    clock.now += timedelta(hours=2)
    journal.reading_suggestions.note_contact(ContactKind.ME)
    assert journal.notices.choose() is None  # a quiet day stays quiet
    clock.now += timedelta(hours=QUIET_HOURS)
    journal.reading_suggestions.note_contact(ContactKind.ME)
    later = journal.notices.choose()
    assert later is not None and later.key == "self_blame"


def test_turning_suggestions_off_takes_the_line_away_and_brings_no_more(
    journal: Journal, clock: FakeClock
) -> None:
    journal.reading_suggestions.note_first_run()
    assert journal.notices.choose() is not None
    journal.readings.set_suggestions_enabled(False)
    assert journal.notices.choose() is None
    clock.now += timedelta(days=3)
    journal.reading_suggestions.note_urge(UrgeDetails(at=clock.now, intensity=10))
    assert journal.notices.choose() is None
