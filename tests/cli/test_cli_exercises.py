"""exercises list, promise add / mark / list on the command line, in-process on a real vault."""

import json
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app, succeeded

from recovery_app.domain.check_in import PromiseOutcome
from recovery_app.services.vault_service import VaultService

BANNED = ("relapse", "fail", "weak", "should have", "!")
TEXT = "Walk by the river"


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    service.create(PASSWORD).close()
    return data_dir


def ok(data_dir: Path, *args: str) -> str:
    return succeeded(data_dir, *args, banned=BANNED)


def test_exercises_list_shows_the_library_and_what_is_hidden(
    journal: Path, service: VaultService
) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        exercises = opened.exercises
        exercises.hide("name_the_cycle")
        exercises.save_run("reality_check", {0: "x"}, 0, finished=True)
    out = ok(journal, "exercises", "list")
    assert "reality_check: Reality check, 5 min." in out
    assert "name_the_cycle: Name the cycle, 5 min (hidden)." in out
    document = json.loads(ok(journal, "exercises", "list", "--json"))
    by_id = {e["id"]: e for e in document["exercises"]}
    assert len(by_id) == 9
    assert by_id["name_the_cycle"]["hidden"] is True
    assert by_id["reality_check"]["finished_runs"] == 1
    assert by_id["check_the_facts"]["minutes"] == 6
    assert document["left_out"] == []


def test_a_promise_added_then_marked_from_the_terminal(journal: Path) -> None:
    out = ok(journal, "promise", "add", TEXT)
    assert out.startswith("Promise 1 made for today.")
    assert TEXT not in out
    assert ok(journal, "promise", "mark", "1", "let-go") == "Promise 1 marked let go.\n"
    ok(journal, "promise", "add", "Drink water", "--day", "2026-03-01")
    assert (
        ok(journal, "promise", "mark", "2", "kept")
        == "Promise 2 marked kept. Promises kept so far: 1 of 1.\n"
    )
    listed = ok(journal, "promise", "list")
    assert TEXT in listed
    assert "2026-03-01  kept" in listed
    document = json.loads(ok(journal, "promise", "list", "--json"))
    assert [(p["id"], p["outcome"]) for p in document["promises"]] == [(1, "let-go"), (2, "kept")]


def test_no_promises_yet_says_how_to_make_one(journal: Path) -> None:
    assert "promise add" in ok(journal, "promise", "list")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("promise", "mark", "9", "kept"), 1, "no promise with that number"),
        (("promise", "mark", "one", "kept"), 2, "whole number"),
        (("promise", "mark", "1", "maybe"), 2, "please choose one of"),
        (("promise", "add", "x", "--day", "2026-02-30"), 2, "real date"),
        (("promise", "add", "   "), 1, "few words"),
    ],
)
def test_a_mistake_gets_one_kind_line(
    journal: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    got, out, err = app(journal, *args)
    assert got == code
    assert out == ""
    assert words in err
    assert err.count("\n") == 1
    assert "maybe" not in err


def test_marked_from_the_terminal_is_seen_by_the_next_days_check_in(
    journal: Path, service: VaultService
) -> None:
    yesterday = date.today() - timedelta(days=1)
    ok(journal, "promise", "add", TEXT, "--day", yesterday.isoformat())
    ok(journal, "promise", "mark", "1", "kept")
    ok(journal, "check-in", "--mood", "4")
    with closing(service.unlock(PASSWORD)) as opened:
        check_ins = opened.check_ins
        assert check_ins.yesterdays_promise() == TEXT
        saved = check_ins.get()
        assert saved is not None
        assert saved.answers.yesterday_promise is PromiseOutcome.KEPT
        assert opened.promises.promises()[0].outcome is PromiseOutcome.KEPT
