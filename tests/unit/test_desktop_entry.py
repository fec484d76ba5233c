"""The launcher and icons in the person's XDG data folder, read back as a desktop reads them."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from recovery_app import APP_ID, desktop_entry
from recovery_app.desktop_entry import data_home, desktop_file_text, install, remove

REPO = Path(__file__).resolve().parents[2]


def read_entry(path: Path) -> configparser.ConfigParser:
    entry = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    return entry


def test_the_data_folder_follows_xdg(private_home: Path) -> None:
    assert data_home({"XDG_DATA_HOME": "/somewhere/data"}) == Path("/somewhere/data")
    # The XDG spec ignores relative paths; so does the app.
    assert data_home({"XDG_DATA_HOME": "relative/data"}) == private_home / ".local" / "share"
    assert data_home({}) == private_home / ".local" / "share"


def test_install_writes_a_neutral_launcher_and_both_icons(private_home: Path) -> None:
    files = install(command=["/opt/journal/recovery-app"])
    assert files.desktop_file.is_relative_to(private_home)
    assert files.desktop_file == data_home() / "applications" / f"{APP_ID}.desktop"
    entry = read_entry(files.desktop_file)
    main = entry["Desktop Entry"]
    assert main["Name"] == "Journal"
    assert main["Exec"] == "/opt/journal/recovery-app"
    assert main["Icon"] == APP_ID == files.app_icon.stem
    assert main["Terminal"] == "false"
    assert main["Actions"] == "new-entry;"
    assert entry["Desktop Action new-entry"]["Name"] == "New entry"
    assert entry["Desktop Action new-entry"]["Exec"] == "/opt/journal/recovery-app quick-log"
    # Nothing a passer-by could read into it.
    text = files.desktop_file.read_text().lower()
    for telling in ("recovery", "trauma", "abuse", "no contact", "no-contact", "urge", "craving"):
        assert telling not in text.replace("/opt/journal/recovery-app", "")
    assert files.app_icon.read_bytes().startswith(b"<svg")
    assert files.symbolic_icon.name == f"{APP_ID}-symbolic.svg"
    assert files.symbolic_icon.parent.parent.name == "symbolic"


def test_installing_again_replaces_the_launcher(private_home: Path) -> None:
    install(command=["/old/place/recovery-app"])
    files = install(command=["/new/place/recovery-app"])
    assert read_entry(files.desktop_file)["Desktop Entry"]["Exec"] == "/new/place/recovery-app"


def test_remove_takes_only_its_own_files(private_home: Path) -> None:
    files = install(command=["recovery-app"])
    neighbour = files.desktop_file.with_name("someone-else.desktop")
    neighbour.write_text("[Desktop Entry]\n")
    assert sorted(remove()) == sorted(files.all())
    assert not any(path.exists() for path in files.all())
    assert neighbour.exists()
    assert remove() == []


@pytest.mark.parametrize(
    ("command", "exec_value"),
    [
        (["/usr/bin/recovery-app"], "/usr/bin/recovery-app"),
        (["/home/a b/bin/recovery-app"], '"/home/a b/bin/recovery-app"'),
        (["/usr/bin/python3", "-m", "recovery_app"], "/usr/bin/python3 -m recovery_app"),
        (["/x/100%/app"], "/x/100%%/app"),
        (['/x/$HOME"q/app'], '"/x/\\\\$HOME\\\\"q/app"'),
    ],
)
def test_exec_is_quoted_as_the_desktop_entry_spec_asks(command: list[str], exec_value: str) -> None:
    assert f"\nExec={exec_value}\n" in desktop_file_text(command)


def test_the_packaged_launcher_is_the_same_file_with_the_plain_command() -> None:
    packaged = REPO / "packaging" / f"{APP_ID}.desktop"
    assert packaged.read_text(encoding="utf-8") == desktop_file_text(["recovery-app"])


def test_the_icons_it_installs_are_the_packaged_ones() -> None:
    icons = REPO / "resources" / "icons"
    assert (icons / desktop_entry.APP_ICON).is_file()
    assert (icons / desktop_entry.SYMBOLIC_ICON).is_file()


def test_the_installed_launcher_passes_desktop_file_validate(private_home: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate (Debian's desktop-file-utils) is not installed")
    files = install(command=["/home/a b/bin/recovery-app"])
    done = subprocess.run([validator, str(files.desktop_file)], capture_output=True, text=True)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
