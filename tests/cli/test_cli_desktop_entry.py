"""`recovery-app --install-desktop-entry` / `--remove-desktop-entry`, as a person types them."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import app

from recovery_app import APP_ID


def launcher(home: Path) -> Path:
    return home / "xdg_data_home" / "applications" / f"{APP_ID}.desktop"


def test_install_then_remove(private_home: Path, data_dir: Path) -> None:
    code, out, err = app(data_dir, "--install-desktop-entry")
    assert (code, err) == (0, "")
    assert "applications menu" in out and str(launcher(private_home)) in out
    assert launcher(private_home).is_file()
    assert not data_dir.exists()  # neither the window nor a journal was started
    code, out, err = app(data_dir, "--remove-desktop-entry")
    assert (code, err) == (0, "") and "removed" in out
    assert not launcher(private_home).exists()
    code, out, _ = app(data_dir, "--remove-desktop-entry")
    assert code == 0 and "no launcher" in out


def test_a_folder_that_cannot_be_written_is_one_kind_line(
    private_home: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (private_home / "xdg_data_home").write_text("a file where the folder should be")
    code, _, _ = app(data_dir, "--install-desktop-entry")
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("recovery-app: the launcher couldn't be written in ")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.slow
def test_the_installed_launcher_starts_this_copy_of_the_app(private_home: Path) -> None:
    """Through the real entry point under a throwaway HOME; then the menu's command, as a
    desktop would run it, answers --version."""
    env = {**os.environ, "HOME": str(private_home)}
    env.pop("XDG_DATA_HOME")
    done = subprocess.run(
        [sys.executable, "-m", "recovery_app", "--install-desktop-entry"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    path = private_home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(path, encoding="utf-8")
    command = shlex.split(entry["Desktop Entry"]["Exec"].replace("\\\\", "\\"))
    assert command == [os.path.abspath(sys.executable), "-m", "recovery_app"]
    version = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("recovery-app ")
