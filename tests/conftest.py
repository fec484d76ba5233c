"""Shared fixtures. Nothing here touches the real home folder or the OS keychain."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError

from recovery_app.services.journal import Journal
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.kdf import KdfParams
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import Vault, create_vault

# Argon2id at 8 MiB, one pass: hundreds of unlocks stay fast on 2 cores. One test
# (tests/unit/storage/test_keyfile.py) covers the real default profile.
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "correct horse battery"


class MemoryKeyring(KeyringBackend):
    """An in-memory system keyring: secure enough for `keyring`, invisible to the OS."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class NoKeyring(KeyringBackend):
    """What a headless Linux box has: `keyring.backends.fail.Keyring`'s behaviour."""

    priority = 0  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("no keyring")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("no keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("no keyring")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The attack suite's counts (tests/reliability), one line per test, at the end."""
    import sys

    counts = sys.modules.get("reliability_counts")
    reported = getattr(counts, "REPORTED", [])
    if reported:
        terminalreporter.section("reliability counts")
        for line in reported:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every per-user location at the test's own folder.

    The runtime folder (where the window's socket lives) is a short one of its own: socket
    paths are limited to 108 bytes, and tmp_path alone can be longer than that."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("RECOVERY_APP_DATA_DIR", raising=False)
    runtime = Path(tempfile.mkdtemp(prefix="rt-"))  # made 0700 by mkdtemp
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield home
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture(autouse=True)
def nothing_set_aside() -> Iterator[None]:
    """What a window set aside from Python's full collections (ui/shell/collector.py) is
    collectable again after each test, so a long run doesn't keep every test's screens."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(MemoryKeyring())


@pytest.fixture
def no_keyring() -> NoKeyring:
    backend = NoKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal-data"


@pytest.fixture
def paths(data_dir: Path) -> VaultPaths:
    return VaultPaths(data_dir)


@pytest.fixture
def service(paths: VaultPaths) -> VaultService:
    return VaultService(paths, KeyringSecretStore(), CHEAP_KDF)


@pytest.fixture
def vault(paths: VaultPaths) -> Iterator[Vault]:
    """A new, open vault, for tests of the storage layer and of one service at a time."""
    opened = create_vault(paths, PASSWORD, CHEAP_KDF)
    yield opened
    opened.close()


def unlock_vault(paths: VaultPaths, password: str = PASSWORD) -> Vault:
    """The storage layer's own unlock, for tests of the storage layer (the app goes through
    the door, `VaultService.unlock`, and gets a Journal)."""
    from recovery_app.storage.keyfile import read_keyfile
    from recovery_app.storage.vault import open_vault

    keyfile = read_keyfile(paths.keyfile)
    return open_vault(paths, keyfile, keyfile.unwrap(password))


@pytest.fixture
def journal(service: VaultService) -> Iterator[Journal]:
    """A new journal, unlocked through the door as the app does."""
    opened = service.create(PASSWORD)
    yield opened
    opened.close()


def vault_bytes(paths: VaultPaths) -> dict[str, bytes]:
    """Every file in the data folder, for 'nothing changed on disk' checks."""
    if not paths.data_dir.exists():
        return {}
    return {
        str(p.relative_to(paths.data_dir)): p.read_bytes()
        for p in sorted(paths.data_dir.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def restore_quit_on_last_window_closed() -> Iterator[None]:
    """For tests whose window has a tray: build_window(tray_available=True) changes this
    application-wide setting, which later tests would inherit."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.quitOnLastWindowClosed()
    yield
    app.setQuitOnLastWindowClosed(before)
