"""When they reach out, on the command line: `contact --kind them` keeps the exact words
(from standard input, after the password) and files, then prints the plan; `contact-log`
writes the attempts as a PDF or CSV file."""

import csv
import hashlib
import io
import subprocess
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli import app

from recovery_app.domain.kinds import Channel, PlanPart
from recovery_app.domain.support import SupportPersonDetails
from recovery_app.services.texts import reach_out_texts
from recovery_app.services.vault_service import VaultService

PNG = b"\x89PNG\r\n\x1a\n" + b"picture" * 50


@pytest.fixture
def journal(service: VaultService, data_dir: Path) -> Path:
    with closing(service.create(PASSWORD)) as opened:
        opened.clocks.add_clock("Sam", date.today() - timedelta(days=20))
        opened.clocks.add_clock("Other", date.today() - timedelta(days=20))
    return data_dir


def records(service: VaultService, clock: str = "Sam"):
    with closing(service.unlock(PASSWORD)) as opened:
        found = opened.clocks.find_clock(clock)
        return opened.records.attempts(found.id)


def test_they_reached_out_keeps_the_words_from_stdin_and_shows_the_plan(
    journal: Path, service: VaultService, tmp_path: Path
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(PNG)
    words = "You can't ignore me forever.\nCall me back."
    code, out, err = app(
        journal,
        *("contact", "--clock", "Sam", "--kind", "them", "--channel", "message"),
        *("--at", (date.today() - timedelta(days=1)).isoformat() + "T21:15"),
        *("--words", "-", "--attach", str(shot)),
        stdin=f"{PASSWORD}\n{words}\n",
    )
    assert (code, err) == (0, "")
    assert "This doesn't change your stretch" in out
    assert "Kept in the record: their exact words and 1 file." in out
    assert reach_out_texts().moment["heading"] in out
    for number, step in enumerate(reach_out_texts().suggested_steps, start=1):
        assert f"  {number}. {step}" in out
    assert reach_out_texts().moment["no_people"] in out  # the next steps, as the window's
    assert reach_out_texts().moment["cli_ride"] in out
    assert reach_out_texts().moment["cli_record"] not in out  # a record was kept already
    (record,) = records(service)
    assert record.contact.details.words == words
    assert record.contact.details.channel is Channel.MESSAGE
    assert record.contact.details.at.astimezone().hour == 21
    (file,) = record.attachments
    assert (file.name, file.sha256) == ("shot.png", hashlib.sha256(PNG).hexdigest())
    assert words not in out + err


def test_the_plan_printed_is_the_persons_own(journal: Path, service: VaultService) -> None:
    with closing(service.unlock(PASSWORD)) as opened:
        plan = opened.reach_out_plan
        for line in plan.lines(PlanPart.STEP):
            plan.remove(line.id)
        plan.add(PlanPart.STEP, "Phone face down, then text Jo.")
        plan.add(PlanPart.ANSWER, "Email only, please.")
        opened.people.add(SupportPersonDetails("Jo", reach="text, any time"))
    code, out, _ = app(journal, "contact", "--clock", "Sam", "--kind", "them")
    assert code == 0
    assert "  1. Phone face down, then text Jo." in out
    assert "  Jo: text, any time" in out
    assert reach_out_texts().moment["cli_record"] in out  # nothing kept: where it can go
    assert "  - Email only, please." in out
    assert reach_out_texts().suggested_steps[0] not in out


def test_no_plan_follows_other_kinds_and_they_take_no_record(journal: Path) -> None:
    code, out, _ = app(journal, "contact", "--clock", "Sam", "--kind", "unavoidable")
    assert code == 0 and reach_out_texts().moment["heading"] not in out
    code, _, err = app(journal, "contact", "--clock", "Sam", "--kind", "me", "--words", "x")
    assert code == 2 and "--kind them" in err


def test_a_file_too_large_is_refused_before_anything_is_saved(
    journal: Path, service: VaultService, tmp_path: Path
) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    code, out, err = app(
        journal, "contact", "--clock", "Sam", "--kind", "them", "--attach", str(big)
    )
    assert code == 1 and "up to 10 MB" in err and out == ""
    assert records(service) == []


def _log_a_few(journal: Path, service: VaultService) -> None:
    for days, words in ((9, "=HYPERLINK(1)"), (5, "-5 is what you owe"), (2, "@you answer")):
        at = (date.today() - timedelta(days=days)).isoformat() + "T10:00"
        code, _, _ = app(
            journal,
            *("contact", "--clock", "Sam", "--kind", "them", "--at", at, "--words", "-"),
            *("--note", "-"),
            stdin=f"{PASSWORD}\n{words}\nmy own note {days}\n",
        )
        assert code == 0
    app(journal, "contact", "--clock", "Other", "--kind", "them", "--words", "other clock")


def test_contact_log_csv_escapes_formulas_and_holds_only_what_was_chosen(
    journal: Path, service: VaultService, tmp_path: Path
) -> None:
    _log_a_few(journal, service)
    out_file = tmp_path / "log.csv"
    start = (date.today() - timedelta(days=6)).isoformat()
    code, out, err = app(
        journal, "contact-log", "--clock", "Sam", "--from", start, "--out", str(out_file), "--yes"
    )
    assert (code, err) == (0, "")
    assert "2 entries" in out and "won't be encrypted" in out
    rows = list(csv.reader(io.StringIO(out_file.read_text(encoding="utf-8-sig"))))
    assert rows[0][:5] == ["entry", "happened at", "logged at", "how", "exact words"]
    assert "my note" not in rows[0]
    assert [r[4] for r in rows[1:]] == ["'-5 is what you owe", "'@you answer"]
    text = out_file.read_text(encoding="utf-8-sig")
    assert "HYPERLINK" not in text and "other clock" not in text and "my own note" not in text
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["log.csv"]


def test_contact_log_pdf_reads_back_with_the_entries_and_nothing_else(
    journal: Path, service: VaultService, tmp_path: Path, qapp
) -> None:
    """In-process, the command draws with the test's own application; the test below runs
    the installed command, which starts an offscreen one of its own."""
    _log_a_few(journal, service)
    out_file = tmp_path / "log.pdf"
    code, _, err = app(
        journal,
        *("contact-log", "--clock", "Sam", "--out", str(out_file), "--yes", "--with-notes"),
    )
    assert (code, err) == (0, "")
    text = subprocess.run(
        ["pdftotext", str(out_file), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("=HYPERLINK(1)", "-5 is what you owe", "@you answer", "my own note 5"):
        assert words in text
    assert "other clock" not in text
    assert "Entry 3 of 3" in text


def test_contact_log_asks_before_writing_a_plain_file(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out_file = folder / "log.pdf"
    code, _, err = app(journal, "contact-log", "--clock", "Sam", "--out", str(out_file))
    assert code == 2 and "--yes" in err
    code, _, err = app(journal, "contact-log", "--clock", "Sam", "--out", str(folder / "a.txt"))
    assert code == 2 and ".pdf or .csv" in err
    assert list(folder.iterdir()) == []
    out_file.write_bytes(b"mine")
    code, _, err = app(journal, "contact-log", "--clock", "Sam", "--out", str(out_file), "--yes")
    assert code == 1 and "already a file" in err
    assert out_file.read_bytes() == b"mine"


@pytest.mark.slow
def test_the_installed_command_draws_the_pdf_offscreen_with_no_display(
    journal: Path, tmp_path: Path
) -> None:
    import os
    import sys

    out_file = tmp_path / "log.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("recovery-app")),
            *("--data-dir", str(journal), "--password-stdin", "contact-log", "--clock", "Sam"),
            *("--out", str(out_file), "--yes"),
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert out_file.read_bytes().startswith(b"%PDF-")
