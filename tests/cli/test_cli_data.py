"""backup, backups, restore, export, import, rekey and delete-journal on the command line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, vault_bytes
from helpers.cli import app, succeeded

from recovery_app import cli
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.storage.paths import VaultPaths

NEW_PASSWORD = "lantern orchard seventeen"


@pytest.fixture
def journal(data_dir: Path) -> Path:
    """A journal with one clock and one urge."""
    succeeded(data_dir, "init")
    succeeded(data_dir, "clock", "add", "Sam", "--since", "2026-01-05")
    succeeded(data_dir, "log-urge", "--intensity", "6")
    return data_dir


def _backup(data_dir: Path) -> Path:
    out = succeeded(data_dir, "backup")
    assert out.startswith("Backed up and checked: ")
    return Path(out.removeprefix("Backed up and checked: ").rsplit(" (", 1)[0])


def _clocks(data_dir: Path, password: str = PASSWORD) -> list[str]:
    code, out, err = app(data_dir, "clock", "list", stdin=password + "\n")
    assert code == 0, err
    return [line.split(":")[0] for line in out.splitlines() if ": since " in line]


def _at_a_terminal(args: list[str], answers: list[str]) -> tuple[int, str, str]:
    """Run with a terminal: each password and question answered in turn."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    replies = iter(answers)
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        args,
        stdin=Terminal(""),
        stdout=out,
        stderr=err,
        secrets=KeyringSecretStore(),
        kdf=CHEAP_KDF,
        prompt=lambda _prompt: next(replies),
        ask=lambda _question: next(replies),
    )
    return code, out.getvalue(), err.getvalue()


# ----- backup and backups -------------------------------------------------------------------


def test_backup_makes_a_checked_backup_and_backups_lists_it(journal: Path) -> None:
    made = _backup(journal)
    assert (made / "journal.db").is_file() and (made / "manifest.json").is_file()

    lines = succeeded(journal, "backups").splitlines()
    assert len(lines) >= 1
    line = next(line for line in lines if line.startswith(str(made)))
    path, date_text, size, held = line.split("  ")
    assert path == str(made)
    assert len(date_text) == len("2026-03-01 09:12")
    assert size.endswith(("KB", "MB"))
    assert held == "1 clock, 1 urge"


def test_backups_as_json(journal: Path) -> None:
    made = _backup(journal)
    listed = json.loads(succeeded(journal, "backups", "--json"))
    mine = next(b for b in listed if b["path"] == str(made))
    assert mine["reason"] == "manual"
    assert mine["counts"]["urge"] == 1 and mine["counts"]["clock"] == 1
    assert mine["bytes"] > 0 and mine["created_at"].endswith("Z")


def test_backups_of_a_damaged_journal_are_still_listed(journal: Path) -> None:
    made = _backup(journal)
    db = VaultPaths(journal).db
    data = bytearray(db.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 100] ^= 0xFF  # every page after the first: the journal won't open
    db.write_bytes(bytes(data))

    code, out, err = app(journal, "backups")
    assert code == 0
    assert str(made) in out and "shown once opened" in out
    assert "didn't open" in err and err.count("\n") == 1


def test_backups_with_no_journal_here_lists_the_folder_without_a_password(
    journal: Path, tmp_path: Path
) -> None:
    made = _backup(journal)
    code, out, err = app(
        tmp_path / "new-computer", "backups", "--folder", str(made.parent), stdin=""
    )
    assert (code, err) == (0, "")
    assert str(made) in out


# ----- restore ------------------------------------------------------------------------------


def test_restore_shows_the_preview_then_restores(journal: Path) -> None:
    made = _backup(journal)
    succeeded(journal, "clock", "add", "Robin")
    assert sorted(_clocks(journal)) == ["Robin", "Sam"]

    out = succeeded(journal, "restore", str(made), "--yes")

    preview, rest = out.split("\nYour journal now: ", 1)
    assert preview.startswith("This backup: made today ")
    assert "1 clock, 1 urge" in preview
    assert rest.startswith("2 clocks, 1 urge")
    assert "Restored: the backup made today" in out
    assert "The safety backup: " in out
    assert _clocks(journal) == ["Sam"]


def test_restore_without_yes_or_a_terminal_changes_nothing(journal: Path) -> None:
    made = _backup(journal)
    before = vault_bytes(VaultPaths(journal))
    code, out, err = app(journal, "restore", str(made))
    assert code == 2
    assert out.startswith("This backup: ")  # the preview came first
    assert "--yes" in err and "nothing was changed" in err
    after = vault_bytes(VaultPaths(journal))
    assert {k: v for k, v in after.items() if not k.startswith("backups")} == {
        k: v for k, v in before.items() if not k.startswith("backups")
    }


def test_restore_at_a_terminal_asks_and_no_keeps_the_journal(journal: Path) -> None:
    made = _backup(journal)
    succeeded(journal, "clock", "add", "Robin")
    code, out, _ = _at_a_terminal(
        ["--data-dir", str(journal), "restore", str(made)], [PASSWORD, "n"]
    )
    assert code == 1 and "Nothing was changed." in out
    assert sorted(_clocks(journal)) == ["Robin", "Sam"]
    code, out, _ = _at_a_terminal(
        ["--data-dir", str(journal), "restore", str(made)], [PASSWORD, "y"]
    )
    assert code == 0 and _clocks(journal) == ["Sam"]


def test_restore_asks_for_the_older_password_of_a_backup_that_was_away(
    journal: Path, tmp_path: Path
) -> None:
    made = _backup(journal)
    away = tmp_path / "drive" / made.name
    shutil.copytree(made, away)  # away during the password change and the re-key
    succeeded(journal, "clock", "add", "Robin")
    code, _, err = app(journal, "change-password", stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert code == 0, err
    code, _, err = app(journal, "rekey", "--yes", stdin=NEW_PASSWORD + "\n")
    assert code == 0, err

    code, out, err = app(
        journal, "restore", str(away), "--yes", stdin=f"{NEW_PASSWORD}\n{PASSWORD}\n"
    )
    assert code == 0, err
    assert "older password" in err and err.count("\n") == 1
    assert "Restored" in out
    assert _clocks(journal, NEW_PASSWORD) == ["Sam"]  # and today's password still opens it


def test_restore_with_a_wrong_password_is_exit_3(journal: Path) -> None:
    made = _backup(journal)
    code, out, err = app(journal, "restore", str(made), "--yes", stdin="not it\n")
    assert code == 3 and out == "" and err.count("\n") == 1


@pytest.mark.parametrize("change", [{"app_version": "9.0.0"}, {"schema_revision": "9999"}])
def test_a_backup_from_a_newer_version_is_refused_with_exit_5(journal: Path, change) -> None:
    made = _backup(journal)
    manifest = made / "manifest.json"
    doc = json.loads(manifest.read_text())
    doc.update(change)
    manifest.write_text(json.dumps(doc))
    code, out, err = app(journal, "restore", str(made), "--yes")
    assert (code, out) == (5, "")
    assert err == (
        "recovery-app: That was made by a newer version of the app. Please update the app to "
        "use it. Nothing was changed.\n"
    )


def test_something_that_is_not_a_backup_is_refused_with_exit_5(
    journal: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0")
    code, _, err = app(journal, "restore", str(photo), "--yes")
    assert code == 5
    assert err == "recovery-app: That isn't a backup this app made. Nothing was changed.\n"


def test_a_backup_restores_onto_a_computer_with_no_journal(journal: Path, tmp_path: Path) -> None:
    made = _backup(journal)
    fresh = tmp_path / "new-computer"
    out = succeeded(fresh, "restore", str(made), "--yes")
    assert "There is no journal here now" in out
    assert _clocks(fresh) == ["Sam"]


# ----- export and import --------------------------------------------------------------------


def test_export_warns_and_needs_yes_without_a_terminal(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    code, out, err = app(journal, "export", "--format", "json", "--out", str(target))
    assert code == 2 and out == ""
    assert "won't be encrypted" in err and "--yes" in err
    assert not target.exists()
    assert list(tmp_path.glob(".mine.json.*")) == []


@pytest.mark.parametrize(("format", "name"), [("json", "mine.json"), ("csv", "mine.zip")])
def test_export_with_yes_writes_the_file(journal: Path, tmp_path: Path, format, name) -> None:
    target = tmp_path / name
    out = succeeded(journal, "export", "--format", format, "--out", str(target), "--yes")
    assert out.startswith(f"Saved to {target} (") and "isn't encrypted" in out
    assert target.stat().st_size > 0
    code, _, err = app(journal, "export", "--format", format, "--out", str(target), "--yes")
    assert code == 1 and "already a file" in err
    succeeded(journal, "export", "--format", format, "--out", str(target), "--yes", "--replace")


def test_import_dry_run_then_import_then_nothing_new(journal: Path, tmp_path: Path) -> None:
    document = tmp_path / "mine.json"
    succeeded(journal, "export", "--format", "json", "--out", str(document), "--yes")
    other = tmp_path / "other"
    succeeded(other, "init")

    out = succeeded(other, "import", str(document), "--dry-run")
    assert out == "1 clock, 1 urge would be added.\n"
    assert _clocks(other) == []

    out = succeeded(other, "import", str(document), "--yes")
    assert out.startswith("1 clock, 1 urge would be added.\nAdded 1 clock, 1 urge.")
    assert "A backup from just before: " in out
    assert _clocks(other) == ["Sam"]

    out = succeeded(other, "import", str(document))  # nothing to ask about
    assert out == "Nothing new would be added: all 2 are already here.\n"


def test_import_of_a_newer_document_is_refused_with_exit_5(journal: Path, tmp_path: Path) -> None:
    document = tmp_path / "mine.json"
    succeeded(journal, "export", "--format", "json", "--out", str(document), "--yes")
    doc = json.loads(document.read_text())
    doc["version"] = 2
    document.write_text(json.dumps(doc))
    code, _, err = app(journal, "import", str(document), "--yes")
    assert code == 5 and "newer version" in err and err.count("\n") == 1


# ----- rekey and delete ---------------------------------------------------------------------


def test_rekey_makes_old_backups_go_and_keeps_the_password(journal: Path) -> None:
    old = _backup(journal)
    out = succeeded(journal, "rekey", "--yes")
    assert out.startswith("Your journal has a new key.")
    assert "fresh backup was made and checked" in out
    assert not old.exists()
    assert _clocks(journal) == ["Sam"]


def test_rekey_with_a_wrong_password_asks_nothing_and_changes_nothing(journal: Path) -> None:
    key = VaultPaths(journal).keyfile.read_bytes()
    code, out, _ = app(journal, "rekey", "--yes", stdin="not it\n")
    assert (code, out) == (3, "")
    assert VaultPaths(journal).keyfile.read_bytes() == key


def test_delete_journal_names_what_goes_then_removes_it(journal: Path, tmp_path: Path) -> None:
    _backup(journal)
    code, out, err = app(journal, "delete-journal")
    assert code == 2 and "--yes" in err
    assert "This deletes, for good:" in out and "can't reach" in out
    assert VaultPaths(journal).db.exists()

    out = succeeded(journal, "delete-journal", "--yes")
    assert out.rstrip().endswith(
        "Your journal is deleted. Exports you saved and copies elsewhere were not touched."
    )
    assert not journal.exists()


def test_delete_journal_needs_the_password(journal: Path) -> None:
    before = vault_bytes(VaultPaths(journal))
    code, out, _ = app(journal, "delete-journal", "--yes", stdin="someone guessing\n")
    assert (code, out) == (3, "")
    assert vault_bytes(VaultPaths(journal)).keys() >= {"journal.db", "journal.key"}
    assert vault_bytes(VaultPaths(journal))["journal.db"] == before["journal.db"]


def test_change_password_names_a_backup_folder_that_was_away(journal: Path, tmp_path: Path) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    # Choose the drive through the service (the window's Choose folder…), back up to it,
    # then unplug it.
    from recovery_app.services.vault_service import VaultService

    door = VaultService(VaultPaths(journal), KeyringSecretStore(), CHEAP_KDF)
    opened = door.unlock(PASSWORD)
    opened.backups.choose_folder(drive)
    opened.backups.back_up_now()
    opened.close()
    shutil.move(drive, tmp_path / "in-a-drawer")

    code, out, err = app(journal, "change-password", stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert (code, err) == (0, "")
    assert out.startswith("Your password is changed. The old one no longer opens the journal")
    assert str(drive) in out and "still open with your old password until" in out
