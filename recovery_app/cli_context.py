"""What every command gets: its context, a way to read passwords, and the journal opened.

Shared by cli.py (parsing and dispatch) and the command modules (cli_today.py).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from recovery_app.storage.paths import VaultPaths

if TYPE_CHECKING:
    from recovery_app.services.secrets import SecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.kdf import KdfParams
    from recovery_app.storage.vault import Vault


class UsageError(Exception):
    pass


@dataclass
class Context:
    paths: VaultPaths
    passwords: PasswordReader
    out: TextIO
    err: TextIO
    secrets: SecretStore
    kdf: KdfParams | None
    args: argparse.Namespace


@dataclass
class PasswordReader:
    """Passwords from standard input (one per line) or from a terminal prompt, never echoed."""

    from_stdin: bool
    stdin: TextIO
    prompt: Callable[[str], str] = getpass.getpass
    _interactive_checked: bool = field(default=False, init=False)

    @property
    def interactive(self) -> bool:
        return not self.from_stdin

    def read(self, prompt: str) -> str:
        if self.from_stdin:
            line = self.stdin.readline()
            if not line:
                raise UsageError("expected one more password line on standard input")
            return line.rstrip("\r\n")
        if not self._interactive_checked:
            if not self.stdin.isatty():
                raise UsageError("no terminal to ask for the password; use --password-stdin")
            self._interactive_checked = True
        return self.prompt(prompt)


def kdf_args(ctx: Context) -> dict[str, KdfParams]:
    return {} if ctx.kdf is None else {"kdf": ctx.kdf}


def existing_vault_service(ctx: Context) -> VaultService:
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.errors import VaultMissing

    if not ctx.paths.vault_exists():
        raise VaultMissing()
    return VaultService(ctx.paths, ctx.secrets, **kdf_args(ctx))


@contextlib.contextmanager
def open_vault(ctx: Context) -> Iterator[Vault]:
    """The unlocked vault, checked page by page, closed afterwards: with the key remembered
    on this computer if there is one (as the window does), else with the password."""
    service = existing_vault_service(ctx)
    vault = service.unlock_remembered() or service.unlock(ctx.passwords.read("Password: "))
    try:
        service.check_integrity(vault)  # damage is named before anything is read or written
        yield vault
    finally:
        vault.close()


def json_text(document: object, **options: Any) -> str:
    """`json.dumps`, with json loaded only when a command prints JSON: the modules that hold
    parsers load with every start, the window's included."""
    import json

    return json.dumps(document, **options)
