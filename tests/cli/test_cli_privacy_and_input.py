"""What the command line reads and shows: texts from standard input instead of arguments
anyone can see, strict numbers, a growing pause after wrong passwords, and stored text shown
safely in a terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.cli import app

from recovery_app import cli
from recovery_app.services.secrets import KeyringSecretStore


@pytest.fixture
def journal(data_dir: Path) -> Path:
    assert app(data_dir, "init", stdin=PASSWORD + "\n")[0] == 0
    return data_dir


def test_one_text_given_as_a_dash_takes_the_rest_of_standard_input(journal: Path) -> None:
    stdin = f"{PASSWORD}\nThe evening was hard.\nI walked instead.\n"
    code, _, err = app(journal, "log-urge", "--intensity", "6", "--note", "-", stdin=stdin)
    assert (code, err) == (0, "")
    (urge,) = json.loads(app(journal, "urges", "--json")[1])["urges"]
    assert urge["note"] == "The evening was hard.\nI walked instead."


def test_several_dashes_take_a_line_each_in_the_order_listed(journal: Path) -> None:
    stdin = f"{PASSWORD}\nThe lake\nWe swam till dark\n"
    args = ["memory", "add", "--kind", "good", "--date", "2021", "--title", "-", "--what", "-"]
    assert app(journal, *args, stdin=stdin)[0] == 0
    (memory,) = json.loads(app(journal, "memories", "--json")[1])["memories"]
    assert (memory["title"], memory["what_happened"]) == ("The lake", "We swam till dark")


def test_help_says_why_arguments_are_visible_and_how_to_avoid_it(journal: Path) -> None:
    out = app(journal, "--help")[1]
    assert "seen by other users" in out and "--note -" in out


@pytest.mark.parametrize("number", ["٣", "５", "1_0", "+5", " 5"])
def test_only_plain_digits_are_numbers(journal: Path, number: str) -> None:
    code, out, err = app(journal, "log-urge", "--intensity", number)
    assert (code, out) == (2, "")
    assert "plain digits" in err and number.strip() not in err.replace("3", "")


def test_an_empty_data_dir_is_refused_never_read_as_the_default(journal: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--data-dir", "", "status"], stdout=out, stderr=err, kdf=CHEAP_KDF)
    assert code == 2 and "name a folder" in err.getvalue()


def test_a_password_line_that_is_not_text_is_a_wrong_password(journal: Path) -> None:
    raw = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\xfd\n"), encoding="utf-8", errors="strict")
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["--data-dir", str(journal), "--password-stdin", "status"],
        stdin=raw,
        stdout=out,
        stderr=err,
        secrets=KeyringSecretStore(),
        kdf=CHEAP_KDF,
    )
    assert code == 3, err.getvalue()


def test_wrong_passwords_earn_a_growing_pause_that_a_right_one_ends(journal: Path) -> None:
    assert app(journal, "status", stdin="not it\n")[0] == 3
    delay_file = journal / ".unlock-delay"
    first = json.loads(delay_file.read_text())
    assert first["failures"] == 1
    assert (delay_file.stat().st_mode & 0o777) == 0o600
    pause = {"failures": 3, "not_before": 0.0}  # the pause itself is over: no waiting here
    delay_file.write_text(json.dumps(pause))
    assert app(journal, "status", stdin="still not it\n")[0] == 3
    assert json.loads(delay_file.read_text())["failures"] == 4
    assert app(journal, "status")[0] == 0
    assert not delay_file.exists() or json.loads(delay_file.read_text())["failures"] == 0


def test_stored_control_characters_are_shown_escaped_in_listings(journal: Path) -> None:
    title = "plain\x1b[2Jcleared\x07"
    args = ["memory", "add", "--kind", "good", "--date", "2021", "--title", title]
    assert app(journal, *args)[0] == 0
    listing = app(journal, "memories")[1]
    assert "\x1b" not in listing and "\x07" not in listing
    assert "plain" in listing and "cleared" in listing
