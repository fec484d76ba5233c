"""clock, contact, check-in and status on the command line, in-process on a real vault."""

import json
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app, succeeded

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer
from recovery_app.domain.kinds import Channel
from recovery_app.services.texts import today_texts
from recovery_app.services.vault_service import VaultService

BANNED = ("relapse", "fail", "reset", "lost your streak", "!")


def today() -> date:
    return date.today()


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    service.create(PASSWORD).close()
    return data_dir


def ok(data_dir: Path, *args: str) -> str:
    return succeeded(data_dir, *args, banned=BANNED)


def status(data_dir: Path) -> list[dict[str, object]]:
    return json.loads(ok(data_dir, "status", "--json"))["clocks"]


def figures(data_dir: Path) -> tuple[object, ...]:
    (clock,) = status(data_dir)
    return clock["current_days"], clock["longest_days"], clock["total_days"], clock["stretches"]


# ----- clock add / clock list ---------------------------------------------------------------


def test_clock_add_then_list(journal: Path, service: VaultService) -> None:
    since = days_ago(12)
    out = ok(journal, "clock", "add", "Sam", "--since", since.isoformat(), "--allowed", "pick-ups")
    assert out == f"Added Sam, counting from {since}: 12 days so far.\n"
    assert ok(journal, "clock", "list") == f"Sam: since {since}, current stretch 12 days\n"
    with closing(service.unlock(PASSWORD)) as opened:
        (clock,) = opened.clocks.list_clocks()
    assert (clock.name, clock.since, clock.allowed_contact) == ("Sam", since, "pick-ups")


def test_a_start_date_before_1900_is_refused_kindly(journal: Path) -> None:
    code, out, err = app(journal, "clock", "add", "Sam", "--since", "0001-01-01")
    assert (code, out) == (1, "")
    assert "from 1900 on" in err and "Traceback" not in err
    assert ok(journal, "clock", "list").startswith("No clocks yet")


def test_a_clock_counts_from_today_by_default(journal: Path) -> None:
    assert (
        ok(journal, "clock", "add", "J.") == f"Added J., counting from {today()}: 0 days so far.\n"
    )
    assert ok(journal, "clock", "list") == f"J.: since {today()}, current stretch 0 days\n"


def test_without_clocks_a_kind_hint_and_an_empty_list(journal: Path) -> None:
    assert "clock add NAME" in ok(journal, "clock", "list")
    assert "clock add NAME" in ok(journal, "status")
    assert json.loads(ok(journal, "status", "--json")) == {"clocks": []}


# ----- contact and status -------------------------------------------------------------------


def test_status_json_and_only_i_reached_out_changes_the_figures(
    journal: Path, service: VaultService
) -> None:
    since = days_ago(20)
    ok(journal, "clock", "add", "Sam", "--since", since.isoformat())
    assert status(journal) == [
        {
            "name": "Sam",
            "since": since.isoformat(),
            "current_days": 20,
            "longest_days": 20,
            "total_days": 20,
            "stretches": 1,
            "next_milestone": 21,
            "days_to_next_milestone": 1,
        }
    ]

    out = ok(journal, "contact", "--clock", "sam", "--kind", "them", "--channel", "call")
    # ... and the plan for when they reach out follows (tests/cli/test_cli_reach_out.py).
    assert out.startswith("Saved. This doesn't change your stretch (20 days).\n\n")
    at = f"{days_ago(5).isoformat()}T09:00"
    out = ok(journal, "contact", "--clock", "Sam", "--kind", "unavoidable", "--at", at)
    assert out == "Saved. This doesn't change your stretch (20 days).\n"
    assert figures(journal) == (20, 20, 20, 1)

    out = ok(journal, "contact", "--clock", "Sam", "--kind", "me", "--note", "it was hard")
    stretch, *suggestion = out.splitlines()
    assert stretch == today_texts().stretch_ended(20, today(), today=today())
    assert suggestion == [  # once, gently: a reading that may help just now
        "A new stretch starts from here. If it would help, there's a short reading: "
        "“Why it can take several tries”.",
        "To read it: recovery-app reading several_tries",
    ]
    (clock,) = status(journal)
    assert (clock["current_days"], clock["longest_days"], clock["total_days"]) == (0, 20, 20)
    assert (clock["stretches"], clock["next_milestone"], clock["days_to_next_milestone"]) == (
        2,
        1,
        1,
    )

    with closing(service.unlock(PASSWORD)) as opened:
        clocks = opened.clocks
        (sam,) = clocks.list_clocks()
        assert sam.id is not None
        events = clocks.list_contacts(sam.id)
    assert sorted((e.details.kind, e.details.channel, e.details.note) for e in events) == [
        ("me", None, "it was hard"),
        ("them", Channel.CALL.value, ""),
        ("unavoidable", None, ""),
    ]


def test_reaching_out_on_an_earlier_day_in_local_time(journal: Path, service: VaultService) -> None:
    ok(journal, "clock", "add", "Sam", "--since", days_ago(20).isoformat())
    naive = datetime.combine(days_ago(5), datetime.min.time()).replace(hour=23, minute=30)

    out = ok(journal, "contact", "--clock", "Sam", "--kind", "me", "--at", naive.isoformat())
    assert out.splitlines()[0] == today_texts().stretch_ended(15, days_ago(5), today=today())
    assert figures(journal) == (5, 15, 20, 2)
    with closing(service.unlock(PASSWORD)) as opened:
        clocks = opened.clocks
        (sam,) = clocks.list_clocks()
        (event,) = clocks.list_contacts(sam.id or 0)
    assert event.details.at == naive.astimezone()  # a time without a zone is this computer's time

    # Inside an earlier stretch: history is kept, the current stretch goes on. (No second
    # reading line: one suggestion a day at most.)
    out = ok(journal, "contact", "--clock", "Sam", "--kind", "me", "--at", days_ago(10).isoformat())
    assert out == "Saved in your history. Your current stretch goes on (5 days).\n"
    assert figures(journal) == (5, 10, 20, 3)


def test_status_in_plain_words(journal: Path) -> None:
    ok(journal, "clock", "add", "Sam", "--since", days_ago(12).isoformat())
    ok(journal, "clock", "add", "R", "--since", days_ago(2).isoformat())
    assert ok(journal, "status").splitlines() == [
        "Sam: 12 days (longest 12, total 12). Next milestone: 14 days, in 2 days.",
        "R: 2 days (longest 2, total 2). Next milestone: 3 days, tomorrow.",
        today_texts().gentle_line(today()),
    ]


# ----- check-in -----------------------------------------------------------------------------


def test_a_check_in_is_saved_then_edited_keeping_what_was_not_given(
    journal: Path, service: VaultService
) -> None:
    out = ok(
        journal, "check-in", "--mood", "2", "--pull", "7", "--no-contact", "yes", "--note", "x"
    )
    assert out == "Saved today's check-in. Mood 2 of 5. Pull 7 of 10. No contact today.\n"

    out = ok(journal, "check-in", "--mood", "4")
    assert out == "Updated today's check-in. Mood 4 of 5. Pull 7 of 10. No contact today.\n"
    with closing(service.unlock(PASSWORD)) as opened:
        saved = opened.check_ins.get()
    assert saved is not None and saved.day == today()
    assert saved.answers == CheckInAnswers(mood=4, pull=7, no_contact=NoContactAnswer.YES, note="x")

    out = ok(journal, "check-in", "--no-contact", "them", "--note", "")
    assert out.splitlines() == [
        "Updated today's check-in. Mood 4 of 5. Pull 7 of 10. They reached out.",
        "If you'd like to log the contact: recovery-app contact --help",
    ]
    with closing(service.unlock(PASSWORD)) as opened:
        saved = opened.check_ins.get()
    assert saved is not None
    assert saved.answers == CheckInAnswers(mood=4, pull=7, no_contact=NoContactAnswer.THEM)


def test_a_check_in_with_every_question_skipped(journal: Path, service: VaultService) -> None:
    assert ok(journal, "check-in") == "Saved today's check-in.\n"
    with closing(service.unlock(PASSWORD)) as opened:
        saved = opened.check_ins.get()
    assert saved is not None and saved.answers.is_empty


# ----- what is refused ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "says", "typed"),
    [
        (["clock", "add", "Amy", "--since", "FUTURE"], 1, "can't be in the future", "Amy"),
        (["clock", "add", "Amy", "--since", "2026-02-30"], 2, "YYYY-MM-DD", "2026-02-30"),
        (["clock", "add", "   "], 1, "nickname or an initial", None),
        (["contact", "--clock", "Nobody", "--kind", "me"], 1, "no clock with that label", "Nobody"),
        (["contact", "--clock", "Sam", "--kind", "sometimes"], 2, "'unavoidable'", "sometimes"),
        (["contact", "--clock", "Sam", "--kind", "me", "--at", "FUTURE"], 1, "hasn't come", None),
        (["contact", "--clock", "Sam", "--kind", "me", "--at", "last night"], 2, "date", "night"),
        (
            ["contact", "--clock", "Sam", "--kind", "me", "--note", "I", "miss", "it"],
            2,
            "quotes",
            "miss",
        ),
        (["contact", "--clock", "Sam", "--kind", "me", "--channel", "letter"], 2, "call", "letter"),
        (["check-in", "--mood", "9", "--note", "secret"], 1, "Mood goes from 1 to 5", "secret"),
        (["check-in", "--pull", "11"], 1, "pull goes from 0 to 10", None),
        (["check-in", "--pull", "a lot"], 2, "whole number", "a lot"),
        (["check-in", "--no-contact", "maybe"], 2, "'them'", "maybe"),
        (["check-in", "--n=secret"], 2, "did you mean --no-contact, --note?", "secret"),
        (["status", "--json=secret"], 2, "takes no value", "secret"),
    ],
)
def test_bad_input_is_one_kind_line_and_nothing_is_saved(
    journal: Path,
    service: VaultService,
    args: list[str],
    code: int,
    says: str,
    typed: str | None,
) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        sam = opened.clocks.add_clock("Sam", days_ago(10))
    future = (today() + timedelta(days=2)).isoformat()
    args = [future if arg == "FUTURE" else arg for arg in args]

    got, out, err = app(journal, *args)

    assert (got, out) == (code, "")
    assert err.startswith("recovery-app: ") and err.count("\n") == 1
    assert says in err
    assert typed is None or typed not in err
    assert "Traceback" not in err
    with closing(service.unlock(PASSWORD)) as opened:
        clocks = opened.clocks
        assert [c.name for c in clocks.list_clocks()] == ["Sam"]
        assert clocks.list_contacts(sam.id or 0) == []
        assert opened.check_ins.get() is None


def test_a_wrong_password_exits_3_and_no_journal_exits_4(journal: Path, tmp_path: Path) -> None:
    code, out, err = app(journal, "status", stdin="not the password\n")
    assert (code, out) == (3, "")
    assert err.count("\n") == 1 and "didn't open" in err
    code, _, err = app(tmp_path / "elsewhere", "clock", "add", "Sam")
    assert code == 4 and "no journal" in err.lower()
    assert "Sam" not in err


def test_a_key_remembered_on_this_computer_opens_without_a_password(
    journal: Path, service: VaultService
) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        opened.remember()
    code, out, err = app(journal, "clock", "add", "Sam", stdin="")
    assert (code, err) == (0, "")
    assert out.startswith("Added Sam")


# ----- help and wiring ----------------------------------------------------------------------


def test_help_names_the_new_commands_and_how_a_check_in_is_edited(journal: Path) -> None:
    out = ok(journal, "--help")
    for command in ("clock", "contact", "check-in", "status"):
        assert command in out
    assert "what you leave out keeps the answer you saved earlier today" in " ".join(
        ok(journal, "check-in", "--help").split()
    )


def test_a_clock_action_is_needed(journal: Path) -> None:
    code, out, err = app(journal, "clock")
    assert (code, out) == (2, "")
    assert "ACTION" in err and err.count("\n") == 1
