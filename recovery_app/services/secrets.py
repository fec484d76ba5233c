"""'Remember on this computer': the data key in the system keyring, opt-in.

A small interface so no test touches an OS keychain (Vorta's keyring/abc.py pattern):
tests install an in-memory `keyring` backend and exercise this same class.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple, Protocol

from recovery_app import APP_SLUG

# keyring's own detection imports every backend it ships; the macOS one calls
# ctypes.util.find_library at import, which on Linux runs ldconfig and gcc/ld three times
# (about 50 ms and a dozen processes on every command). Elsewhere than macOS and Windows,
# the backends of those systems are skipped, and so is the chainer, whose priority loads
# them all again.
_FOREIGN_BACKENDS = {"macOS", "Windows", "chainer"}

NO_KEYRING_REASON = (
    "This computer has no secure password store (system keyring), so the journal "
    "can't be remembered here."
)
KEYRING_ERROR_REASON = "The system keyring did not answer, so the journal can't be remembered now."
NOTE_ERROR_REASON = (
    "The journal's folder could not be written to, so the journal can't be remembered now."
)


# A NamedTuple: on the unlock window's path, where dataclasses cost (ARCHITECTURE.md, Start-up).
class SecretStoreStatus(NamedTuple):
    available: bool
    reason: str = ""


class SecretStore(Protocol):
    def status(self) -> SecretStoreStatus: ...
    def load_key(self, vault_id: str) -> bytes | None: ...
    def save_key(self, vault_id: str, key: bytes) -> None: ...
    def forget_key(self, vault_id: str) -> None: ...


class SecretStoreError(Exception):
    pass


class KeyringSecretStore:
    """The `keyring` package. A backend with priority < 1 (fail, null, plain-text files) is none."""

    def __init__(self, service: str = APP_SLUG) -> None:
        self._service = service

    def status(self) -> SecretStoreStatus:
        try:
            backend = _keyring().get_keyring()
            priority = float(getattr(backend, "priority", 0))
        except Exception:  # a broken backend must never stop the journal opening
            return SecretStoreStatus(False, KEYRING_ERROR_REASON)
        if priority < 1:
            return SecretStoreStatus(False, NO_KEYRING_REASON)
        return SecretStoreStatus(True)

    def load_key(self, vault_id: str) -> bytes | None:
        if not self.status().available:
            return None
        keyring = _keyring()
        try:
            stored = keyring.get_password(self._service, _username(vault_id))
        except Exception:
            return None
        if not stored:
            return None
        try:
            return bytes.fromhex(stored)
        except ValueError:
            return None

    def save_key(self, vault_id: str, key: bytes) -> None:
        status = self.status()
        if not status.available:
            raise SecretStoreError(status.reason)
        keyring = _keyring()
        try:
            keyring.set_password(self._service, _username(vault_id), key.hex())
        except Exception as error:
            raise SecretStoreError(KEYRING_ERROR_REASON) from error

    def forget_key(self, vault_id: str) -> None:
        from keyring.errors import PasswordDeleteError

        keyring = _keyring()
        try:
            keyring.delete_password(self._service, _username(vault_id))
        except PasswordDeleteError:
            pass  # nothing remembered: already forgotten
        except Exception as error:
            raise SecretStoreError(KEYRING_ERROR_REASON) from error


class NotedSecretStore:
    """A secret store that leaves a note beside the journal while it holds the journal's key.

    Without the note nothing asks the keyring for a key: loading `keyring` and asking it
    took a quarter of a second of every command that opens the journal (measured: 270 ms of
    a `status` of 1.3 s), for the many people who never chose "remember on this computer".
    The note holds no secret, only that the choice was made; a lost note means the password
    is asked for, never that anything opens without it. Whether the keyring can remember at
    all (`status`) is asked of the keyring itself."""

    def __init__(self, store: SecretStore, note: Path) -> None:
        self._store = store
        self._note = note

    def status(self) -> SecretStoreStatus:
        return self._store.status()

    def noted(self) -> bool:
        """A key was put in the keyring for this journal (the note says so)."""
        return self._note.exists()

    def load_key(self, vault_id: str) -> bytes | None:
        if not self._note.exists():
            return None
        return self._store.load_key(vault_id)

    def save_key(self, vault_id: str, key: bytes) -> None:
        from recovery_app.storage.files import atomic_write_bytes

        self._store.save_key(vault_id, key)
        try:
            atomic_write_bytes(self._note, b"")  # owner-only, and there after a power cut
        except OSError as error:  # remembered, but it would never be looked for: undo it
            with contextlib.suppress(SecretStoreError):
                self._store.forget_key(vault_id)
            raise SecretStoreError(NOTE_ERROR_REASON) from error

    def forget_key(self, vault_id: str) -> None:
        self._store.forget_key(vault_id)
        self._note.unlink(missing_ok=True)


def _username(vault_id: str) -> str:
    return f"journal-{vault_id}"


def _keyring() -> ModuleType:
    """The `keyring` module, its backend chosen among this platform's own on first use.

    A backend already chosen (set by a test, or by keyring itself) is kept as it is."""
    import keyring
    from keyring import core

    if getattr(core, "_keyring_backend", None) is None and sys.platform not in {"darwin", "win32"}:
        core.set_keyring(_backend_of_this_platform())
    return keyring


def _backend_of_this_platform() -> Any:
    """What keyring's own detection picks, without importing the other systems' backends:
    the environment variable or keyringrc first, then the viable backend of top priority."""
    from importlib import metadata

    from keyring import backend, core
    from keyring.backends import fail

    configured = core.load_env() or core.load_config()
    if configured is not None:
        return configured
    for entry_point in metadata.entry_points(group="keyring.backends"):
        if entry_point.name in _FOREIGN_BACKENDS:
            continue
        try:
            initialise = entry_point.load()
            if callable(initialise):
                initialise()
        except Exception:  # a broken plugin must never stop the journal opening
            continue
    viable = [
        kind
        for kind in backend.KeyringBackend.get_viable_backends()
        if kind.__module__.rpartition(".")[2] not in _FOREIGN_BACKENDS
    ]
    candidates: list[Any] = []
    for kind in viable:
        try:
            candidates.append(kind())
        except TypeError:
            continue  # needs arguments: keyring's own detection skips these too
    nothing: Any = fail.Keyring
    return max(candidates, default=nothing(), key=backend.by_priority)
