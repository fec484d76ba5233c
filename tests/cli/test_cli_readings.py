"""readings [--json] and reading ID [--mark-read] on the command line, in-process on a real
vault: the list with what was read, one reading wrapped to the terminal, a kind line for an
id that names no reading."""

import json
from contextlib import closing
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app, succeeded

from recovery_app.services.readings import load_readings
from recovery_app.services.vault_service import VaultService

BANNED = ("relapse", "fail", "weak", "should have", "!")
LIBRARY = load_readings()


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    service.create(PASSWORD).close()
    return data_dir


def ok(data_dir: Path, *args: str) -> str:
    return succeeded(data_dir, *args, banned=BANNED)


def test_readings_lists_each_with_its_length_and_what_has_been_read(
    journal: Path, service: VaultService
) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        opened.readings.mark_read("grief")
    lines = ok(journal, "readings").splitlines()
    assert len(lines) == len(LIBRARY.readings) + 1
    assert lines[0].startswith("trauma_bond: What a trauma bond is (2 min, not read yet, ")
    grief = next(line for line in lines if line.startswith("grief:"))
    assert grief.startswith("grief: Grief that doesn't make sense (2 min, read).")
    assert lines[-1] == "To read one: recovery-app reading ID"


def test_readings_json_is_a_list_of_objects_with_the_read_state(
    journal: Path, service: VaultService
) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        opened.readings.mark_read("withdrawal")
    document = json.loads(ok(journal, "readings", "--json"))
    assert isinstance(document, list)
    assert [item["id"] for item in document] == [r.id for r in LIBRARY.readings]
    for item in document:
        assert {"id", "title", "minutes", "summary", "read"} <= set(item)
        assert item["read"] is (item["id"] == "withdrawal")
        assert item["minutes"] == 2


def test_reading_prints_it_wrapped_to_the_terminal_without_a_journal(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    out = ok(data_dir, "reading", "the_cycle")  # no journal here at all: none is needed
    lines = out.splitlines()
    assert lines[0] == "The cycle, and when it doesn't fit"
    assert max(len(line) for line in lines) <= 49
    # The content note comes before the first paragraph.
    note = out.index("Before you read:")
    assert note < out.index("Many people find it helps to see the relationship")
    assert "What you can do here" in out
    assert "not therapy" in " ".join(out.split())
    assert not (data_dir / "journal.db").exists()


def test_a_wide_terminal_still_gets_readable_lines(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    out = ok(data_dir, "reading", "grief")
    assert max(len(line) for line in out.splitlines()) <= 78


def test_reading_mark_read_keeps_it_in_the_journal(journal: Path, service: VaultService) -> None:
    out = ok(journal, "reading", "several_tries", "--mark-read")
    assert out.startswith("Why it can take several tries\n")
    assert out.endswith("\nMarked as read.\n")
    with closing(service.unlock(PASSWORD)) as opened:
        assert opened.readings.read_ids() == {"several_tries"}
    assert ok(journal, "reading", "several_tries", "--mark-read").endswith("Marked as read.\n")


@pytest.mark.parametrize("typed", ["no_such_reading", "Grief", "../../etc/passwd"])
def test_an_unknown_id_gets_one_kind_line_that_does_not_repeat_it(
    data_dir: Path, typed: str
) -> None:
    code, out, err = app(data_dir, "reading", typed)
    assert code == 1  # like a promise number that doesn't exist
    assert out == ""
    assert err == (
        "recovery-app: There's no reading with that name. `recovery-app readings` lists them all.\n"
    )
    assert typed not in err


def test_marking_read_without_a_journal_says_so_kindly(data_dir: Path) -> None:
    code, out, err = app(data_dir, "reading", "grief", "--mark-read")
    assert code == 4
    assert out == ""
    assert "There is no journal" in err
