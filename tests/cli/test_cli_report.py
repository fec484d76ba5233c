"""`recovery-app report`: the PDF of two dates, written only after the plain word that it is
not encrypted (asked at a terminal, `--yes` for scripts, refused with neither), the person's
own words only when named, and nothing of them anywhere else."""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.cli import app
from helpers.report import fill_with_marker, needs_pdftotext, pdf_text

from recovery_app import cli
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths

pytestmark = needs_pdftotext


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def marker(data_dir: Path) -> str:
    """A journal holding `marker` in a letter, a memory, notes; the marker itself."""
    written = f"MARKER{uuid.uuid4().hex[:12]}"
    journal = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).create(PASSWORD)
    try:
        fill_with_marker(journal, written)
    finally:
        journal.close()
    return written


def _dates() -> tuple[str, str]:
    from datetime import date

    today = date.today()
    return (today - timedelta(days=90)).isoformat(), today.isoformat()


def _report(data_dir: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    first, last = _dates()
    return app(data_dir, "report", "--from", first, "--to", last, "--out", str(out), *extra)


def test_without_a_terminal_or_yes_it_writes_nothing_and_says_why(
    data_dir: Path, marker: str, tmp_path: Path
) -> None:
    out = tmp_path / "review.pdf"
    code, stdout, err = _report(data_dir, out)
    assert code == 2
    assert not out.exists()
    assert "nothing was written" in err and "not encrypted" in err and "--yes" in err
    assert stdout == ""


def test_yes_writes_the_usual_sections_and_none_of_ones_own_words(
    data_dir: Path, marker: str, tmp_path: Path
) -> None:
    out = tmp_path / "review.pdf"
    code, stdout, err = _report(data_dir, out, "--yes")
    assert (code, err) == (0, "")
    assert "Wrote the report (" in stdout and "not encrypted" in stdout
    text = pdf_text(out)
    assert "At a glance" in text and "Self-reported" in text
    assert "Stretches and days of distance" in text and "Predictions and instincts" in text
    assert marker not in text
    assert "Unsent letters" not in text
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["review.pdf"]


def test_named_sections_replace_the_usual_ones(data_dir: Path, marker: str, tmp_path: Path) -> None:
    out = tmp_path / "letters.pdf"
    code, stdout, _ = _report(data_dir, out, "--yes", "--include", "urges", "letters")
    assert code == 0
    assert "urges, letters" in stdout
    text = pdf_text(out)
    assert f"Dear you, {marker}" in text
    assert "Urges noted" in text
    assert "Mood and pull" not in text and f"Title {marker}" not in text


def test_at_a_terminal_it_asks_first(data_dir: Path, marker: str, tmp_path: Path) -> None:
    first, last = _dates()
    for answer, written in (("n", False), ("y", True)):
        out = tmp_path / f"asked-{answer}.pdf"
        err = io.StringIO()
        code = cli.run(
            [
                "--data-dir",
                str(data_dir),
                "--password-stdin",
                "report",
                "--from",
                first,
                "--to",
                last,
                "--out",
                str(out),
            ],
            stdin=Terminal(f"{answer}\n{PASSWORD}\n"),
            stdout=io.StringIO(),
            stderr=err,
            secrets=KeyringSecretStore(),
            kdf=CHEAP_KDF,
        )
        assert "not encrypted" in err.getvalue() and "Write it? [y/N]" in err.getvalue()
        assert out.exists() is written
        assert code == (0 if written else 2)


def test_it_never_writes_over_a_file_or_into_a_missing_folder(
    data_dir: Path, marker: str, tmp_path: Path
) -> None:
    out = tmp_path / "taken.pdf"
    out.write_bytes(b"someone else's")
    code, _, err = _report(data_dir, out, "--yes")
    assert code == 2 and "already a file" in err
    assert out.read_bytes() == b"someone else's"
    code, _, err = _report(data_dir, tmp_path / "missing" / "r.pdf", "--yes")
    assert code == 2 and "doesn't exist" in err


def _recent_files_containing(root: Path, marker: str, since: float) -> list[Path]:
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    found = []
    # os.walk, not rglob: the system's temp folder is shared, and a folder another process
    # removes during the walk is skipped instead of ending it.
    for folder, _, names in os.walk(root, onerror=lambda _error: None):
        for name in names:
            path = Path(folder) / name
            try:
                if not path.is_file() or path.stat().st_mtime < since - 1:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if any(needle in data for needle in needles):
                found.append(path)
    return found


def test_a_marker_in_a_letter_and_a_memory_is_in_no_default_report_nor_any_other_file(
    data_dir: Path,
    marker: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    system_temp = Path(tempfile.gettempdir())
    temp = tmp_path / "temp"
    temp.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP", "SQLITE_TMPDIR"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    started = time.time()
    default = tmp_path / "default.pdf"
    assert _report(data_dir, default, "--yes")[0] == 0
    assert marker not in pdf_text(default)
    assert _recent_files_containing(tmp_path, marker, started) == []  # the journal is encrypted
    chosen = tmp_path / "with-words.pdf"
    assert _report(data_dir, chosen, "--yes", "--include", "letters", "memories")[0] == 0
    assert marker in pdf_text(chosen)  # (compressed in the file: read back, not searched)
    assert _recent_files_containing(tmp_path, marker, started) == []
    written = {
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and p.stat().st_mtime >= started - 1 and data_dir not in p.parents
    }
    assert written == {default, chosen}  # no other file, temporary or not
    elsewhere = _recent_files_containing(system_temp, marker, started)
    assert [p for p in elsewhere if tmp_path not in p.parents] == []
    out, err = capfd.readouterr()
    assert marker not in out + err
