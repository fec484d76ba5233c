"""'Remember on this computer': the data key in the system keyring, opt-in.

A small interface so no test touches an OS keychain (Vorta's keyring/abc.py pattern):
tests install an in-memory `keyring` backend and exercise this same class.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from recovery_app import APP_SLUG

NO_KEYRING_REASON = (
    "This computer has no secure password store (system keyring), so the journal "
    "can't be remembered here."
)
KEYRING_ERROR_REASON = "The system keyring did not answer, so the journal can't be remembered now."


@dataclass(frozen=True)
class SecretStoreStatus:
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
            import keyring

            backend = keyring.get_keyring()
            priority = float(getattr(backend, "priority", 0))
        except Exception:  # a broken backend must never stop the journal opening
            return SecretStoreStatus(False, KEYRING_ERROR_REASON)
        if priority < 1:
            return SecretStoreStatus(False, NO_KEYRING_REASON)
        return SecretStoreStatus(True)

    def load_key(self, vault_id: str) -> bytes | None:
        if not self.status().available:
            return None
        import keyring

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
        import keyring

        try:
            keyring.set_password(self._service, _username(vault_id), key.hex())
        except Exception as error:
            raise SecretStoreError(KEYRING_ERROR_REASON) from error

    def forget_key(self, vault_id: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(self._service, _username(vault_id))
        except PasswordDeleteError:
            pass  # nothing remembered: already forgotten
        except Exception as error:
            raise SecretStoreError(KEYRING_ERROR_REASON) from error


def _username(vault_id: str) -> str:
    return f"journal-{vault_id}"
