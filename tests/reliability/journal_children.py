"""What the attack suite needs around a journal: small journals made through the app's own
services, the installed command run as a subprocess, and children (started through a fork
server, so each costs no imports) that save or change the password until killed with -9.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from multiprocessing.context import ForkServerContext
from pathlib import Path

# Imported here, not lazily as the app does, so the fork server holds them all and a child
# starts saving within milliseconds.
import argon2.low_level  # noqa: F401
import cryptography.hazmat.primitives.ciphers.aead  # noqa: F401
import sqlcipher3.dbapi2  # noqa: F401

import recovery_app.storage.keyfile
import recovery_app.storage.migrate
import recovery_app.storage.vault
from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.memories import MemoryService
from recovery_app.services.secrets import SecretStoreStatus
from recovery_app.services.urges import UrgeService
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.kdf import KdfParams
from recovery_app.storage.paths import VaultPaths

# Alembic reads its migration scripts once, here in the fork server, not in every child.
recovery_app.storage.migrate.known_revisions()

# tests/conftest.py's CHEAP_KDF, repeated: the fork server imports this module on its own.
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "correct horse battery"
OTHER_PASSWORD = "a different long password"


class NoSecrets:
    """No keyring at all: children and subprocesses never touch one."""

    def status(self) -> SecretStoreStatus:
        return SecretStoreStatus(False)

    def load_key(self, vault_id: str) -> bytes | None:
        return None

    def save_key(self, vault_id: str, key: bytes) -> None:
        raise AssertionError("nothing is remembered in the attack suite")

    def forget_key(self, vault_id: str) -> None:
        return None


def service_for(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), NoSecrets(), CHEAP_KDF)


def new_vault(data_dir: Path) -> recovery_app.storage.vault.Vault:
    """A new journal opened with storage's own door, for services used one at a time."""
    return recovery_app.storage.vault.create_vault(VaultPaths(data_dir), PASSWORD, CHEAP_KDF)


def opened_vault(data_dir: Path, password: str = PASSWORD) -> recovery_app.storage.vault.Vault:
    """The journal opened with storage's own door (the app's door hands out a Journal)."""
    paths = VaultPaths(data_dir)
    keyfile = recovery_app.storage.keyfile.read_keyfile(paths.keyfile)
    return recovery_app.storage.vault.open_vault(paths, keyfile, keyfile.unwrap(password))


def filled_journal(data_dir: Path, *, urges: int = 800, memories: int = 100) -> None:
    """A small journal of every common kind of row, over several dozen pages."""
    from recovery_app.domain.fuzzy_dates import parse
    from recovery_app.domain.memories import MemoryDetails, MemoryKind

    vault = new_vault(data_dir)
    try:
        clocks = ClockService(vault)
        for label in ("A", "B", "C"):
            clocks.add_clock(label, date(2024, 1, 5))
        start = datetime(2025, 1, 1, 20, tzinfo=UTC)
        for n in range(urges):
            at = start + timedelta(hours=7 * n)
            UrgeService(vault).log_urge(
                UrgeDetails(at=at, intensity=n % 11, note=f"note {n} " * 6, place="home")
            )
        for n in range(memories):
            MemoryService(vault).add_memory(
                MemoryDetails(MemoryKind.GOOD, f"memory {n}", parse("2023-05"), "what " * 20)
            )
    finally:
        vault.close()


def installed_command() -> str:
    return str(Path(sys.executable).with_name("recovery-app"))


def command_environment(home: Path) -> dict[str, str]:
    """The installed command's environment: a home of the test's own, no keyring."""
    env = {key: value for key, value in os.environ.items() if key != "RECOVERY_APP_DATA_DIR"}
    env.update(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    return env


def run_installed(
    data_dir: Path, home: Path, *args: str, password: str = PASSWORD, then: str = ""
) -> subprocess.CompletedProcess[str]:
    """The installed command; `then` follows the password on standard input (a text given
    as -)."""
    return subprocess.run(
        [installed_command(), "--data-dir", str(data_dir), "--password-stdin", *args],
        input=password + "\n" + then,
        env=command_environment(home),
        capture_output=True,
        text=True,
        timeout=120,
    )


def fresh_copy(pristine: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(pristine, into)
    return into


def fork_server() -> ForkServerContext:
    """Children that start in milliseconds: the server has imported the app already.

    Python 3.11's fork server ignores the sys.path it is handed, so this folder reaches it
    through PYTHONPATH, set only while the server starts."""
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), before]))
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before
    return context


# ----- what the killed children do --------------------------------------------------------


def save_until_killed(data_dir: str, acknowledgements: str, trial: int) -> None:
    """Log urges one after another; after each save returns, append its id to the
    acknowledgements file (the kernel keeps a write once made, kill -9 or not)."""
    vault = opened_vault(Path(data_dir))
    fd = os.open(acknowledgements, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(fd, b"open\n")
    at = datetime(2026, 1, 1, tzinfo=UTC)
    n = 0
    while True:
        saved = UrgeService(vault).log_urge(
            UrgeDetails(at=at + timedelta(minutes=n), intensity=n % 11, note=f"t{trial} n{n}")
        )
        os.write(fd, f"{saved.id}\n".encode())
        n += 1


def change_password_until_killed(data_dir: str, acknowledgements: str, current: str) -> None:
    """Change the password from `current` to the other one, saying when it started and
    when it returned."""
    new = OTHER_PASSWORD if current == PASSWORD else PASSWORD
    fd = os.open(acknowledgements, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(fd, b"start\n")
    service_for(Path(data_dir)).change_password(current, new)
    os.write(fd, b"done\n")
