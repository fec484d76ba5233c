"""The record of each time they reached out: exact words, files with their fingerprints, and
every earlier version kept when an edit changes it."""

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recovery_app.domain import reach_out
from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_records import RecordService
from recovery_app.storage.errors import VaultDamaged

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


class Moving:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def now() -> Moving:
    return Moving()


@pytest.fixture
def clocks(vault, now) -> ClockService:
    return ClockService(vault, now=now)


@pytest.fixture
def records(vault, now) -> RecordService:
    return RecordService(vault, now=now)


def them(words: str = "", hours_ago: int = 3, channel: Channel | None = Channel.MESSAGE):
    return ContactDetails(
        ContactKind.THEM, NOW - timedelta(hours=hours_ago), channel, note="mine", words=words
    )


@pytest.fixture
def clock_id(clocks) -> int:
    return clocks.add_clock("A", NOW.date() - timedelta(days=30)).id


def test_the_exact_words_and_the_original_time_are_kept_apart_from_when_it_was_logged(
    clocks, records, clock_id, now
) -> None:
    now.now = NOW + timedelta(minutes=40)
    saved = clocks.log_contact(clock_id, them("\nAnswer me. I know you read this.\n"))
    record = records.record(saved.id)
    assert record.contact.details.words == "Answer me. I know you read this."
    assert record.contact.details.at == NOW - timedelta(hours=3)  # when it happened
    assert record.contact.created_at == NOW + timedelta(minutes=40)  # when it was noted
    assert record.contact.details.channel is Channel.MESSAGE
    assert (record.contact.edited_at, record.versions, record.clock_name) == (None, (), "A")


def test_only_contact_from_them_holds_exact_words(clocks, clock_id) -> None:
    mine = clocks.log_contact(
        clock_id, ContactDetails(ContactKind.ME, NOW - timedelta(hours=1), words="hello")
    )
    assert mine.details.words == ""


def test_an_edit_keeps_the_first_version_and_marks_the_entry_edited(
    clocks, records, clock_id, now
) -> None:
    saved = clocks.log_contact(clock_id, them("first words"))
    now.now = NOW + timedelta(days=1)
    clocks.update_contact(saved.id, them("second words", hours_ago=2))
    now.now = NOW + timedelta(days=2)
    edited = clocks.update_contact(saved.id, them("third words", channel=Channel.CALL))
    assert edited.edited_at == NOW + timedelta(days=2)
    record = records.record(saved.id)
    assert record.contact.details.words == "third words"
    first, second = record.versions
    assert (first.words, first.at, first.channel) == (
        "first words",
        NOW - timedelta(hours=3),
        Channel.MESSAGE,
    )
    assert first.replaced_at == NOW + timedelta(days=1)
    assert (second.words, second.replaced_at) == ("second words", NOW + timedelta(days=2))
    (listed,) = [c for c in clocks.list_contacts(clock_id) if c.id == saved.id]
    assert listed.edited


def test_changing_only_my_own_note_is_not_an_edit_of_the_record(clocks, records, clock_id) -> None:
    saved = clocks.log_contact(clock_id, them("words"))
    changed = them("words")
    clocks.update_contact(saved.id, ContactDetails(**{**changed.__dict__, "note": "new note"}))
    record = records.record(saved.id)
    assert record.contact.details.note == "new note"
    assert record.versions == () and record.contact.edited_at is None


def test_a_file_makes_the_round_trip_whole_with_its_fingerprint(
    clocks, records, clock_id, tmp_path: Path
) -> None:
    saved = clocks.log_contact(clock_id, them("see the picture"))
    shot = tmp_path / "Screenshot 2026-11-23.png"
    shot.write_bytes(PNG)
    kept = records.add_file(saved.id, shot)
    assert kept.name == "Screenshot 2026-11-23.png"
    assert (kept.media_type, kept.size, kept.is_image) == ("image/png", len(PNG), True)
    assert kept.sha256 == hashlib.sha256(PNG).hexdigest()
    assert records.attachment_data(kept.id) == PNG
    assert records.record(saved.id).attachments == (kept,)
    assert records.space_used() == len(PNG)
    folder = tmp_path / "out"
    folder.mkdir()
    first = records.save_copy(kept.id, folder)
    again = records.save_copy(kept.id, folder)  # never over the first
    assert first.read_bytes() == again.read_bytes() == PNG
    assert sorted(p.name for p in folder.iterdir()) == [
        "Screenshot 2026-11-23 (2).png",
        "Screenshot 2026-11-23.png",
    ]
    assert oct(first.stat().st_mode & 0o777) == oct(0o600)


def test_a_file_past_the_limits_is_refused_with_the_reason(
    clocks, records, clock_id, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = clocks.log_contact(clock_id, them())
    with pytest.raises(InvalidInput, match="up to 10 MB"):
        records.add_attachment(saved.id, "big.png", b"\0" * (reach_out.ATTACHMENT_MAX_BYTES + 1))
    records.add_attachment(saved.id, "ten.bin", b"\1" * reach_out.ATTACHMENT_MAX_BYTES)
    monkeypatch.setattr(reach_out, "ATTACHMENTS_TOTAL_MAX_BYTES", reach_out.ATTACHMENT_MAX_BYTES)
    with pytest.raises(InvalidInput, match="in all"):
        records.add_attachment(saved.id, "one more.png", PNG)
    assert [a.name for a in records.record(saved.id).attachments] == ["ten.bin"]


def test_files_are_kept_only_with_contact_from_them(clocks, records, clock_id) -> None:
    mine = clocks.log_contact(clock_id, ContactDetails(ContactKind.ME, NOW - timedelta(hours=1)))
    with pytest.raises(InvalidInput, match="from them"):
        records.add_attachment(mine.id, "x.png", PNG)


def test_removing_a_file_is_an_edit_the_record_keeps_and_undo_takes_back(
    clocks, records, clock_id, now
) -> None:
    saved = clocks.log_contact(clock_id, them("words"))
    kept = records.add_attachment(saved.id, "a.png", PNG)
    now.now = NOW + timedelta(hours=1)
    removed = records.remove_attachment(kept.id)
    record = records.record(saved.id)
    assert record.attachments == ()
    (version,) = record.versions
    assert [(a.name, a.sha256) for a in version.attachments] == [("a.png", kept.sha256)]
    assert record.contact.edited_at == NOW + timedelta(hours=1)
    back = records.restore_attachment(removed)
    record = records.record(saved.id)
    assert record.versions == () and record.contact.edited_at is None
    assert records.attachment_data(back.id) == PNG


def test_deleting_an_entry_or_its_clock_undoes_with_its_files_and_versions(
    clocks, records, clock_id, now
) -> None:
    saved = clocks.log_contact(clock_id, them("words"))
    records.add_attachment(saved.id, "a.png", PNG)
    now.now = NOW + timedelta(hours=1)
    clocks.update_contact(saved.id, them("new words"))
    removed = clocks.delete_contact(saved.id)
    assert records.space_used() == 0
    back = clocks.restore_contact(removed)
    record = records.record(back.id)
    assert [a.name for a in record.attachments] == ["a.png"]
    assert [v.words for v in record.versions] == ["words"]
    assert back.edited_at == NOW + timedelta(hours=1) and back.attachment_count == 1

    gone = clocks.remove_clock(clock_id)
    assert records.space_used() == 0
    restored = clocks.restore_clock(gone)
    (entry,) = records.attempts(restored.id)
    assert entry.contact.details.words == "new words"
    assert records.attachment_data(entry.attachments[0].id) == PNG
    assert [v.words for v in entry.versions] == ["words"]


def test_the_attempts_of_a_clock_for_some_days_in_the_order_they_came(
    clocks, records, clock_id
) -> None:
    other = clocks.add_clock("B", NOW.date() - timedelta(days=30)).id
    for days in (1, 9, 5):
        clocks.log_contact(clock_id, them(f"{days} days ago", hours_ago=24 * days))
    clocks.log_contact(other, them("other clock"))
    clocks.log_contact(clock_id, ContactDetails(ContactKind.ME, NOW - timedelta(days=2)))
    every = [r.contact.details.words for r in records.attempts(clock_id)]
    assert every == ["9 days ago", "5 days ago", "1 days ago"]
    day = (NOW - timedelta(days=5)).astimezone().date()
    some = records.attempts(clock_id, day, day + timedelta(days=3))
    assert [r.contact.details.words for r in some] == ["5 days ago"]
    with pytest.raises(InvalidInput, match="swap"):
        records.attempts(clock_id, day, day - timedelta(days=1))


def test_a_file_that_no_longer_matches_its_fingerprint_is_called_damaged(
    vault, clocks, records, clock_id
) -> None:
    saved = clocks.log_contact(clock_id, them())
    kept = records.add_attachment(saved.id, "a.png", PNG)
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE contact_attachment SET data = x'00'")
    with pytest.raises(VaultDamaged):
        records.attachment_data(kept.id)
