"""memory add, memories and whole-relationship on the command line, on a real vault."""

import json
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app, succeeded

from recovery_app.services.vault_service import VaultService

BANNED = ("relapse", "fail", "toxic", "abuser", "narcissist", "victim", "!")


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    service.create(PASSWORD).close()
    return data_dir


def ok(data_dir: Path, *args: str) -> str:
    return succeeded(data_dir, *args)


def add(data_dir: Path, kind: str, when: str, title: str, *more: str) -> str:
    return ok(data_dir, "memory", "add", "--kind", kind, "--date", when, "--title", title, *more)


def test_memories_start_empty_with_a_hint(journal: Path) -> None:
    assert "memory add" in ok(journal, "memories")
    assert json.loads(ok(journal, "memories", "--json")) == {"memories": []}


def test_add_each_kind_of_date_and_list_them_in_time_order(journal: Path) -> None:
    ok(journal, "clock", "add", "Sam", "--since", "2024-01-01")
    assert "Summer 2021" in add(journal, "good", "summer-2021", "Lake", "--clock", "Sam")
    add(journal, "harm", "2021-07-15", "The fight", "--what", "shouting", "--feeling", "2")
    add(journal, "apology", "2021-07", "Sorry", "--tag", "flowers", "--tag", "promises")
    add(journal, "tension", "2021", "A hard year")
    add(journal, "other", "2021-03..2021-06", "Moving")
    listed = json.loads(ok(journal, "memories", "--json"))["memories"]
    assert [m["date"] for m in listed] == [
        "2021-03..2021-06",
        "2021",
        "2021-07-15",
        "2021-07",
        "summer-2021",
    ]
    lake = listed[-1]
    assert lake["clock_id"] is not None and lake["from"] == "2021-06-01"
    assert listed[2]["what_happened"] == "shouting" and listed[2]["feeling"] == 2
    assert listed[3]["tags"] == ["flowers", "promises"]
    text = ok(journal, "memories")
    assert "Summer 2021" in text and "making up" in text and "[flowers, promises]" in text


def test_whole_relationship_sets_the_good_moment_beside_the_harm(journal: Path) -> None:
    add(journal, "good", "summer-2021", "Lake")
    add(journal, "harm", "2021-07-15", "The fight")
    add(journal, "harm", "2020-01-01", "Long before")
    out = ok(journal, "whole-relationship", "--around", "2021-07")
    assert "hard memories" in out  # the content warning comes first
    assert out.index("You remember: Lake") < out.index("Around it, this happened:")
    assert "15 July 2021: The fight" in out and "Long before" not in out
    document = json.loads(
        ok(journal, "whole-relationship", "--around", "summer 2021", "--window-days", "0", "--json")
    )
    assert document["window_days"] == 0 and document["around"] == "summer-2021"
    (good,) = document["good_moments"]
    assert [h["title"] for h in good["harm_around"]] == ["The fight"]
    for word in BANNED:
        assert word not in out.lower()


def test_nothing_at_that_time_is_said_plainly(journal: Path) -> None:
    add(journal, "good", "2021", "A year")
    assert "No good moment" in ok(journal, "whole-relationship", "--around", "2015")


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("--date", "2023-02-30", "--title", "x"), 1, "doesn't exist"),
        (("--date", "someday", "--title", "x"), 1, "wasn't understood"),
        (("--date", "2999", "--title", "x"), 1, "hasn't come yet"),
        (("--date", "2021", "--title", "   "), 1, "few words"),
        (("--date", "2021", "--title", "x", "--clock", "Nobody"), 1, "no clock"),
        (("--date", "2021", "--title", "x", "--feeling", "12"), 1, "0 to 10"),
    ],
)
def test_what_cant_be_saved_is_said_kindly_and_nothing_is_kept(
    journal: Path, args: tuple[str, ...], code: int, says: str
) -> None:
    result, _, err = app(journal, "memory", "add", "--kind", "good", *args)
    assert result == code
    assert says in err and "Traceback" not in err
    assert json.loads(ok(journal, "memories", "--json")) == {"memories": []}


def test_a_typed_title_never_lands_on_stderr(journal: Path) -> None:
    code, _, err = app(journal, "memory", "add", "--kind", "good", "--date", "x", "--title", "Jo")
    assert code == 1 and "Jo" not in err
    code, _, err = app(
        journal, "memory", "add", "--kind", "nice", "--date", "2021", "--title", "Jo"
    )
    assert code == 2 and "Jo" not in err
