"""The real `recovery-app` / `python -m recovery_app`, as a person runs them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_app import __version__

pytestmark = pytest.mark.slow


def app(*args: str, stdin: str = "", home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("RECOVERY_APP_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "recovery_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_version(private_home: Path) -> None:
    result = app("--version", home=private_home)
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_and_wrong_password_with_the_real_key_derivation(
    private_home: Path, data_dir: Path
) -> None:
    created = app(
        "--data-dir",
        str(data_dir),
        "--password-stdin",
        "init",
        stdin="a real password\n",
        home=private_home,
    )
    assert created.returncode == 0, created.stderr
    wrong = app(
        "--data-dir",
        str(data_dir),
        "--password-stdin",
        "change-password",
        stdin="not it\nsomething new\n",
        home=private_home,
    )
    assert wrong.returncode == 3
    # one kind line; no traceback, no SQLCipher logging
    assert wrong.stderr.count("\n") == 1
    assert "Traceback" not in wrong.stderr and "CORE" not in wrong.stderr
    changed = app(
        "--data-dir",
        str(data_dir),
        "--password-stdin",
        "change-password",
        stdin="a real password\nsomething new\n",
        home=private_home,
    )
    assert changed.returncode == 0, changed.stderr


def test_a_damaged_vault_exits_5_quietly(private_home: Path, data_dir: Path) -> None:
    app(
        "--data-dir",
        str(data_dir),
        "--password-stdin",
        "init",
        stdin="a real password\n",
        home=private_home,
    )
    db = data_dir / "journal.db"
    data = bytearray(db.read_bytes())
    data[200:260] = bytes(60)
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    result = app(
        "--data-dir",
        str(data_dir),
        "--password-stdin",
        "change-password",
        stdin="a real password\nsomething new\n",
        home=private_home,
    )
    assert result.returncode == 5
    assert "damaged" in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and "CORE" not in result.stderr
    assert db.read_bytes() == before
