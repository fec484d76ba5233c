"""hard-date add and hard-dates on the command line, on a real vault."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app, succeeded

from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.vault_service import VaultService

BANNED = ("relapse", "fail", "toxic", "abuser", "narcissist", "victim", "!")


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    service.create(PASSWORD).close()
    return data_dir


def ok(data_dir: Path, *args: str) -> str:
    return succeeded(data_dir, *args, banned=BANNED)


def _soon(days: int) -> date:
    return date.today() + timedelta(days=days)


def test_nothing_marked_yet_says_how_to_mark_a_day(journal: Path) -> None:
    out = ok(journal, "hard-dates")
    assert "hard-date add" in out
    assert "after about a year of noting them" in out  # what the clusters still need
    document = json.loads(ok(journal, "hard-dates", "--json"))
    assert document["marked"] == [] and document["clusters"] == []
    assert document["clusters_need"]["days"] > 300


def test_a_yearly_and_a_once_day_are_marked_and_listed_with_the_days_to_go(journal: Path) -> None:
    ok(journal, "clock", "add", "Sam", "--since", "2024-01-01")
    soon = _soon(9)
    out = ok(journal, "hard-date", "add", "Their birthday", "--date", f"{soon:%m-%d}")
    assert out.startswith("Marked: Their birthday (") and "every year" in out
    assert "from 14 days before" in out
    hearing = _soon(30)
    out = ok(
        journal,
        "hard-date",
        "add",
        "The hearing",
        "--date",
        hearing.isoformat(),
        "--clock",
        "sam",
        "--notice",
        "7",
        "--plan",
        "Bring the folder",
        "--step",
        "people",
        "--step",
        "ride-the-wave",
    )
    assert f"{hearing.year})" in out and "from 7 days before" in out
    listing = ok(journal, "hard-dates")
    lines = listing.splitlines()
    assert lines[0] == "Days you marked:"
    assert "in 9 days" in lines[1] and "Their birthday" in lines[1]
    assert "in 30 days" in lines[2] and "The hearing" in lines[2] and "(Sam)" in lines[2]
    marked = json.loads(ok(journal, "hard-dates", "--json"))["marked"]
    assert [(m["name"], m["days_to_go"], m["every_year"]) for m in marked] == [
        ("Their birthday", 9, True),
        ("The hearing", 30, False),
    ]
    assert marked[0]["date"] == f"{soon:%m-%d}"
    assert marked[1]["date"] == hearing.isoformat()
    assert marked[1]["next"] == hearing.isoformat()
    assert (marked[1]["clock"], marked[1]["notice"], marked[1]["plan"]) == (
        "Sam",
        "7",
        "Bring the folder",
    )
    assert marked[1]["steps"] == ["ride-the-wave", "people"]


def test_the_name_and_the_plan_can_come_from_standard_input(journal: Path) -> None:
    stdin = f"{PASSWORD}\nThe day it ended\nA walk, then call Ana\n"
    code, _, err = app(
        journal, "hard-date", "add", "-", "--date", "03-09", "--plan", "-", stdin=stdin
    )
    assert (code, err) == (0, "")
    (marked,) = json.loads(ok(journal, "hard-dates", "--json"))["marked"]
    assert (marked["name"], marked["plan"]) == ("The day it ended", "A walk, then call Ana")


@pytest.mark.parametrize("when", ["2-14", "02-30", "14/02", "2027-02-29", "someday"])
def test_a_date_that_is_not_one_is_a_usage_error_that_never_repeats_it(
    journal: Path, when: str
) -> None:
    code, out, err = app(journal, "hard-date", "add", "X", "--date", when)
    assert (code, out) == (2, "")
    assert "MM-DD" in err and when not in err


def test_an_unknown_clock_and_an_empty_name_are_said_kindly(journal: Path) -> None:
    code, _, err = app(
        journal, "hard-date", "add", "Anniversary", "--date", "05-01", "--clock", "Nobody"
    )
    assert code == 1 and "clock list" in err and "Nobody" not in err
    code, _, err = app(journal, "hard-date", "add", "   ", "--date", "05-01")
    assert code == 1 and "name" in err
    assert json.loads(ok(journal, "hard-dates", "--json"))["marked"] == []


def test_stored_names_cannot_move_the_terminals_cursor(journal: Path) -> None:
    ok(journal, "hard-date", "add", "Bad\x1b[2Jday", "--date", "05-01")
    out = ok(journal, "hard-dates")
    assert "\x1b" not in out and "\\x1b" in out


def test_the_dates_urges_gathered_around_come_with_their_years_and_counts(
    service: VaultService, journal: Path
) -> None:
    opened = service.unlock(PASSWORD)
    try:
        today = opened.today()
        start = today - timedelta(days=3 * 365)
        for n in range(0, 3 * 365, 29):
            day = start + timedelta(days=n)
            if (day.month, day.day) < (2, 5) or (day.month, day.day) > (2, 25):
                opened.urges.log_urge(UrgeDetails(at=_evening(day)))
        for year in (today.year - 2, today.year - 1):
            for day in (12, 13, 14, 14, 15, 16):
                opened.urges.log_urge(UrgeDetails(at=_evening(date(year, 2, day))))
    finally:
        opened.close()
    out = ok(journal, "hard-dates")
    assert "Dates your urges gathered around:" in out
    assert "02-14" in out and "Around 14 February, urges have come more often" in out
    assert f"{today.year - 2}: 6 urges in those seven days." in out
    (cluster,) = json.loads(ok(journal, "hard-dates", "--json"))["clusters"]
    assert cluster["date"] == "02-14"
    assert cluster["years"] == [
        {"year": today.year - 2, "count": 6},
        {"year": today.year - 1, "count": 6},
    ]
    assert cluster["windows_from"] <= "02-14" <= cluster["windows_to"]


def _evening(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=20).astimezone()
