"""What every command gets: the door to the journal, a way to read passwords, its streams
and its arguments; and the one place the command line opens a `Journal`."""

from __future__ import annotations

import argparse
import contextlib
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from recovery_app.cli.arguments import UsageError

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.services.vault_service import VaultService


@dataclass
class Context:
    door: VaultService
    passwords: PasswordReader
    out: TextIO
    err: TextIO
    args: argparse.Namespace

    @property
    def data_dir(self) -> Path:
        return self.door.data_dir


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


def existing_door(ctx: Context) -> VaultService:
    """The door, once it is sure there is a journal behind it."""
    from recovery_app.services.errors import VaultMissing

    if not ctx.door.exists():
        raise VaultMissing()
    return ctx.door


@contextlib.contextmanager
def open_journal(ctx: Context) -> Iterator[Journal]:
    """The unlocked journal, locked again afterwards: with the key remembered on this
    computer if there is one (as the window does), else with the password."""
    door = existing_door(ctx)
    journal = door.unlock_remembered() or door.unlock(ctx.passwords.read("Password: "))
    try:
        yield journal
    finally:
        journal.close()


def json_text(document: object, **options: Any) -> str:
    """`json.dumps`, with json loaded only when a command prints JSON: the modules that hold
    parsers load with every start, the window's included."""
    import json

    return json.dumps(document, **options)
