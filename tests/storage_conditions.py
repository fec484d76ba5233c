"""Real storage conditions for tests: a small tmpfs that fills up or turns read-only, a
second process that holds the journal's write lock, and a command run as another user.

Mounting needs root (CI runs as root); where it is impossible the test is skipped with the
reason, never passed silently.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY_UID = 65534


@contextlib.contextmanager
def small_disk(where: Path, size: str = "3M") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs can't be mounted here: {mounted.stderr.strip() or 'no root'}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill_leaving(disk: Path, free_bytes: int) -> Path:
    """Fill `disk` with one file so that about `free_bytes` stay free; remove it to undo."""
    filler = disk / "filler"
    room = shutil.disk_usage(disk).free - free_bytes
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, room))
    return filler


def remount(disk: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(disk)], check=True)


class WriteLockHolder:
    """Another process with a write transaction open on the journal until `release()`."""

    def __init__(self, db: Path, data_key: bytes) -> None:
        child = textwrap.dedent(
            f"""
            import sys
            from sqlcipher3 import dbapi2
            conn = dbapi2.connect({str(db)!r}, isolation_level=None)
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA key = " + '"' + "x'" + sys.stdin.readline().strip() + "'" + '"')
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO vault_info (key, value) VALUES ('held', 'by another')")
            print("holding", flush=True)
            sys.stdin.readline()
            conn.execute("ROLLBACK")
            """
        )
        # The key goes through a pipe, never the command line (readable in /proc).
        self._process = subprocess.Popen(
            [sys.executable, "-c", child],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(data_key.hex() + "\n")
        self._process.stdin.flush()
        assert self._process.stdout.readline().strip() == "holding"

    def release(self) -> None:
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write("\n")
        self._process.stdin.close()
        self._process.wait(timeout=10)
        self._process.stdout.close()


def recovery_app_command() -> str:
    return str(Path(sys.executable).with_name("recovery-app"))


def give_to(path: Path, uid: int) -> None:
    """Make `path` and everything in it belong to another account."""
    for root, folders, files in os.walk(path):
        for name in [*folders, *files]:
            os.chown(Path(root) / name, uid, uid)
    os.chown(path, uid, uid)


def run_without_permission_override(
    args: list[str], stdin: str
) -> subprocess.CompletedProcess[str]:
    """Run `args` as root without the capabilities that let root ignore file permissions,
    so files of another account are closed to it as they would be to any user. Skips where
    setpriv (util-linux) is not there."""
    setpriv = shutil.which("setpriv")
    if setpriv is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to meet files of another account")
    drop = "-dac_override,-dac_read_search,-fowner"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.run(
        [setpriv, f"--bounding-set={drop}", "--inh-caps=-all", "--", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
