"""log-urge, urges and quick-log on the command line, in-process on a real vault."""

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app, succeeded
from sqlalchemy import event
from sqlalchemy.engine import Engine

from recovery_app.domain.urges import UrgeDetails, UrgeOutcome, week_start
from recovery_app.services.texts import trigger_suggestions
from recovery_app.services.urges import SavedUrge
from recovery_app.services.vault_service import VaultService

BANNED = ("relapse", "fail", "reset", "weak", "should have", "!")
NOTE = "I miss them"


def today() -> date:
    return date.today()


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment on this computer's local calendar, as `--at` reads a time without a zone."""
    return datetime.combine(day, time(hour, minute)).astimezone()


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    service.create(PASSWORD).close()
    return data_dir


def ok(data_dir: Path, *args: str) -> str:
    return succeeded(data_dir, *args, banned=BANNED)


def saved_urges(service: VaultService) -> list[SavedUrge]:
    with closing(service.unlock(PASSWORD)) as opened:
        return opened.urges.list_urges()


def log(service: VaultService, *urges: UrgeDetails) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        for details in urges:
            opened.urges.log_urge(details)


# ----- log-urge ------------------------------------------------------------------------------


def test_an_urge_with_only_its_intensity_is_noted_now(journal: Path, service: VaultService) -> None:
    before = datetime.now().astimezone()
    out = ok(journal, "log-urge", "--intensity", "6")
    (urge,) = saved_urges(service)
    assert before - timedelta(seconds=1) <= urge.details.at <= datetime.now().astimezone()
    assert urge.details == UrgeDetails(at=urge.details.at, intensity=6)
    at = urge.details.at.astimezone()
    assert out == f"Noted: intensity 6 at {at:%H:%M}. It took courage to notice it.\n"


def test_every_option_is_kept_and_a_new_trigger_joins_the_list(
    journal: Path, service: VaultService
) -> None:
    at = local(days_ago(2), 18, 30)
    out = ok(
        journal,
        "log-urge",
        "--intensity",
        "0",
        "--trigger",
        "a SONG",  # already on the list, whatever the case
        "--trigger",
        "  rain on the   window ",
        "--note",
        NOTE,
        "--outcome",
        "passed",
        "--minutes",
        "20",
        "--at",
        at.replace(tzinfo=None).isoformat(),
    )
    assert out == (f"Noted: intensity 0 at 18:30 on {days_ago(2)}. It took courage to notice it.\n")
    (urge,) = saved_urges(service)
    assert urge.details == UrgeDetails(
        at=at,
        intensity=0,
        triggers=("A song", "rain on the window"),
        outcome=UrgeOutcome.PASSED,
        minutes=20,
        note=NOTE,
    )
    with closing(service.unlock(PASSWORD)) as opened:
        assert opened.urges.triggers() == [*trigger_suggestions(), "rain on the window"]


def test_reaching_out_points_to_the_contact_command_without_deciding(journal: Path) -> None:
    lines = ok(journal, "log-urge", "--intensity", "9", "--outcome", "reached-out").splitlines()
    assert len(lines) == 2 and lines[0].startswith("Noted: intensity 9 at ")
    assert lines[1] == (
        "If you want to count it as contact (only you decide): "
        "recovery-app contact --clock NAME --kind me"
    )
    at = f"{days_ago(1).isoformat()}T07:45"
    lines = ok(
        journal, "log-urge", "--intensity", "9", "--outcome", "reached-out", "--at", at
    ).splitlines()
    assert lines[1].endswith(f"recovery-app contact --clock NAME --kind me --at {at}")
    assert "contact" not in ok(journal, "log-urge", "--intensity", "2", "--outcome", "passed")


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--intensity", "11"], 1, "Intensity goes from 0 to 10"),
        (["--intensity", "-1"], 1, "Intensity goes from 0 to 10"),
        (["--intensity", "5", "--at", "FUTURE"], 1, "hasn't come yet"),
        (["--intensity", "5", "--minutes", "-5"], 1, "Minutes go from 0"),
        (["--intensity", "5", "--minutes", "20000"], 1, "Minutes go from 0"),
        (["--intensity", "5", "--minutes", "ten"], 2, "whole number"),
        (["--intensity", "a lot"], 2, "whole number"),
        (["--intensity", "5", "--trigger", " "], 1, "a word or two"),
        (["--intensity", "5", "--at", "last night"], 2, "date and time"),
        (["--intensity", "5", "--outcome", "maybe"], 2, "'reached-out'"),
        ([], 2, "--intensity"),
    ],
)
def test_what_is_refused_is_one_kind_line_and_nothing_is_saved(
    journal: Path, service: VaultService, args: list[str], code: int, says: str
) -> None:
    future = (today() + timedelta(days=2)).isoformat()
    args = [future if arg == "FUTURE" else arg for arg in args]

    got, out, err = app(journal, "log-urge", "--note", NOTE, *args)

    assert (got, out) == (code, "")
    assert err.startswith("recovery-app: ") and err.count("\n") == 1
    assert says in err
    assert NOTE not in err and "miss" not in err
    assert "Traceback" not in err
    assert saved_urges(service) == []


@pytest.mark.parametrize(
    "args",
    [
        ["--intensity", "5", "--note", NOTE, "--mood", "3"],  # an option it doesn't have
        ["--intensity", "5", "--note", "I", "miss", "them"],  # no quotes around the note
        ["--intensity", "5", "--nte", NOTE],  # a misspelt option
        ["--intensity", NOTE],
        ["--intensity", "5", "--outcome", NOTE],
        ["--intensity", "5", "--at", NOTE],
        ["--intensity", "5", f"--note={NOTE}", "--json"],
        ["--intensity", "5", "--trigger", NOTE * 10],  # longer than a trigger can be
    ],
)
def test_a_note_never_reaches_stderr(journal: Path, service: VaultService, args: list[str]) -> None:
    code, out, err = app(journal, "log-urge", *args)
    assert code in (1, 2) and out == ""
    assert err.count("\n") == 1 and "miss" not in err.lower()
    assert saved_urges(service) == []


# ----- urges ---------------------------------------------------------------------------------


def test_an_empty_journal_says_how_to_note_one(journal: Path) -> None:
    assert ok(journal, "urges") == (
        "No urges noted yet. When the pull comes: recovery-app log-urge --intensity N\n"
    )
    monday = week_start(today())
    assert json.loads(ok(journal, "urges", "--json")) == {
        "urges": [],
        "this_week": {
            "monday": monday.isoformat(),
            "count": 0,
            "mean_intensity": None,
            "share_passed": None,
        },
        "last_week": {
            "monday": (monday - timedelta(days=7)).isoformat(),
            "count": 0,
            "mean_intensity": None,
            "share_passed": None,
        },
    }


def test_urges_newest_first_in_local_time_skipping_what_was_not_noted(
    journal: Path, service: VaultService
) -> None:
    log(
        service,
        UrgeDetails(at=local(days_ago(30), 9, 5)),
        UrgeDetails(
            at=local(days_ago(20), 18, 30),
            intensity=6,
            triggers=("A song", "Night-time"),
            outcome=UrgeOutcome.PASSED,
            minutes=20,
        ),
        UrgeDetails(at=local(days_ago(25), 23, 59), intensity=8, outcome=UrgeOutcome.REACHED_OUT),
    )
    lines = ok(journal, "urges").splitlines()
    assert lines[:4] == [
        f"{days_ago(20)} 18:30  intensity 6  passed  20 min  triggers: A song, Night-time",
        f"{days_ago(25)} 23:59  intensity 8  reached out",
        f"{days_ago(30)} 09:05",
        "",
    ]
    assert lines[4:] == [
        "This week so far: no urges noted.",
        "Last week: no urges noted.",
    ]


def test_urges_as_json(journal: Path, service: VaultService) -> None:
    full = UrgeDetails(
        at=local(days_ago(3), 18, 30),
        intensity=7,
        intensity_after=3,
        triggers=("Night-time", "the smell of rain"),
        feelings="lonely",
        place="home",
        company="alone",
        did_instead="called my sister",
        outcome=UrgeOutcome.PASSED,
        minutes=25,
        predicted_minutes=120,
        predicted_reach_out=True,
        note=NOTE,
    )
    log(service, full, UrgeDetails(at=local(days_ago(1), 7, 0)))
    document = json.loads(ok(journal, "urges", "--json"))
    assert set(document) == {"urges", "this_week", "last_week"}
    newest, oldest = document["urges"]
    assert newest == {
        "id": 2,
        "at": local(days_ago(1), 7, 0).isoformat(),
        "intensity": None,
        "intensity_after": None,
        "triggers": [],
        "feelings": None,
        "place": None,
        "company": None,
        "did_instead": None,
        "outcome": None,
        "minutes": None,
        "predicted_minutes": None,
        "predicted_reach_out": None,
        "note": None,
    }
    assert oldest == {
        "id": 1,
        "at": full.at.isoformat(),
        "intensity": 7,
        "intensity_after": 3,
        "triggers": ["Night-time", "the smell of rain"],
        "feelings": "lonely",
        "place": "home",
        "company": "alone",
        "did_instead": "called my sister",
        "outcome": "passed",
        "minutes": 25,
        "predicted_minutes": 120,
        "predicted_reach_out": True,
        "note": NOTE,
    }
    at = datetime.fromisoformat(oldest["at"])
    assert at.utcoffset() is not None and at == full.at


def test_since_is_a_local_day_included(journal: Path, service: VaultService) -> None:
    log(
        service,
        UrgeDetails(at=local(days_ago(10), 12), intensity=1),
        UrgeDetails(at=local(days_ago(4), 23, 59), intensity=2),
        UrgeDetails(at=local(days_ago(3), 0, 0), intensity=3),
        UrgeDetails(at=local(today(), 0, 1), intensity=4),
    )
    since = days_ago(3).isoformat()
    document = json.loads(ok(journal, "urges", "--since", since, "--json"))
    assert [u["intensity"] for u in document["urges"]] == [4, 3]
    lines = ok(journal, "urges", "--since", since).splitlines()
    assert [line.split("  ")[1] for line in lines[:2]] == ["intensity 4", "intensity 3"]
    assert lines[2] == ""

    out = ok(journal, "urges", "--since", today().isoformat())
    assert out.splitlines()[0] == f"{today()} 00:01  intensity 4"

    tomorrow = (today() + timedelta(days=1)).isoformat()
    lines = ok(journal, "urges", "--since", tomorrow).splitlines()
    assert lines[0] == f"No urges noted since {tomorrow}."
    assert lines[-2].startswith("This week so far: ")

    code, out, err = app(journal, "urges", "--since", "2026-02-30")
    assert (code, out) == (2, "") and "YYYY-MM-DD" in err


def test_this_week_beside_last_week(journal: Path, service: VaultService) -> None:
    monday = week_start(today())
    last_monday = monday - timedelta(days=7)
    log(
        service,
        # this week so far: 3 urges, intensities 4, 8 (one not rated), 1 of 2 outcomes passed
        UrgeDetails(at=local(today(), 0, 1), intensity=4, outcome=UrgeOutcome.PASSED),
        UrgeDetails(at=local(today(), 0, 2), intensity=8, outcome=UrgeOutcome.REACHED_OUT),
        UrgeDetails(at=local(monday, 0, 3)),
        # last week: 1 urge, passed
        UrgeDetails(
            at=local(last_monday + timedelta(days=6), 23, 59),
            intensity=3,
            outcome=UrgeOutcome.PASSED,
        ),
        # two weeks ago: not counted
        UrgeDetails(at=local(last_monday - timedelta(days=1), 12), intensity=10),
    )
    lines = ok(journal, "urges").splitlines()
    assert lines[-2:] == [
        "This week so far: 3 urges, average intensity 6.0, 50% passed.",
        "Last week: 1 urge, average intensity 3.0, 100% passed.",
    ]
    document = json.loads(ok(journal, "urges", "--json"))
    assert document["this_week"] == {
        "monday": monday.isoformat(),
        "count": 3,
        "mean_intensity": 6.0,
        "share_passed": 0.5,
    }
    assert document["last_week"] == {
        "monday": last_monday.isoformat(),
        "count": 1,
        "mean_intensity": 3.0,
        "share_passed": 1.0,
    }


@contextmanager
def counted_queries() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", count)


def test_listing_takes_the_same_queries_for_many_urges_as_for_few(
    journal: Path, service: VaultService
) -> None:
    def queries_for_listing() -> int:
        with counted_queries() as statements:
            ok(journal, "urges", "--json")
        return len(statements)

    log(service, UrgeDetails(at=local(days_ago(1), 9), intensity=1, triggers=("A song",)))
    few = queries_for_listing()
    log(
        service,
        *(
            UrgeDetails(at=local(days_ago(n % 20 + 1), 9), intensity=n % 11, triggers=(f"t{n}",))
            for n in range(40)
        ),
    )
    assert queries_for_listing() == few


# ----- quick-log and help --------------------------------------------------------------------


def test_help_lists_the_urge_commands_and_quick_log(journal: Path) -> None:
    out = " ".join(ok(journal, "--help").split())
    for command in ("log-urge", "urges"):
        assert f" {command} " in out
    assert "quick-log open a small window to note an urge in seconds" in out
    assert "keyboard shortcut" in out
    assert "usage:" in ok(journal, "quick-log", "--help")
    assert "repeat for more than one" in " ".join(ok(journal, "log-urge", "--help").split())


def test_parsing_the_urge_commands_loads_no_sql() -> None:
    script = (
        "import io, sys\n"
        "from recovery_app import cli\n"
        "for argv in (['log-urge', '--intensity', '5', '--trigger', 'x'], ['urges', '--json'],\n"
        "             ['quick-log']):\n"
        "    assert not isinstance(cli.parse(argv, io.StringIO(), io.StringIO()), int)\n"
        "heavy = ('sqlalchemy', 'sqlmodel', 'sqlcipher3', 'alembic', 'PySide6', 'keyring')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_streamed_json_is_the_document_json_would_print(
    journal: Path, service: VaultService, count: int
) -> None:
    """`urges --json` is written an urge at a time; byte for byte what json.dumps(indent=2)
    of the whole document gives, so nothing reading it can tell."""
    triggers = [(), ("A song",), ("Night-time", "A song \u201cours\u201d")]
    log(
        service,
        *(
            UrgeDetails(at=local(days_ago(n), 9), intensity=n, note=NOTE, triggers=triggers[n])
            for n in range(count)
        ),
    )
    out = ok(journal, "urges", "--json")
    assert out == json.dumps(json.loads(out), indent=2) + "\n"
    assert len(json.loads(out)["urges"]) == count
