"""What every command gets: the door to the journal, a way to read passwords and texts, its
streams and its arguments; and the one place the command line opens a `Journal`.

Arguments are readable by every user of the computer while a command runs (in
/proc/PID/cmdline), so a text can be given as `-`: it is then read from standard input,
after the password lines, or asked for at the terminal (see `TextReader`)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from recovery_app.cli.arguments import UsageError

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.services.vault_service import VaultService

T = TypeVar("T")
FROM_STDIN = "-"  # a text given as "-" is read from standard input


@dataclass
class Context:
    door: VaultService
    passwords: PasswordReader
    out: TextIO
    err: TextIO
    args: argparse.Namespace
    texts: TextReader | None = None

    def text(self, **given: str) -> dict[str, str]:
        """The texts of this command, those given as "-" read from standard input."""
        if self.texts is None:
            return dict(given)
        return self.texts.resolve(given)

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
            password = _line(self.stdin, "expected one more password line on standard input")
        else:
            if not self._interactive_checked:
                if not self.stdin.isatty():
                    raise UsageError("no terminal to ask for the password; use --password-stdin")
                self._interactive_checked = True
            password = self.prompt(prompt)
        try:
            password.encode("utf-8")
        except UnicodeEncodeError:  # bytes that aren't text, passed through: no password
            from recovery_app.services.errors import WrongPassword

            raise WrongPassword() from None
        return password


@dataclass
class TextReader:
    """Texts given as "-": with one, the rest of standard input (so a note may span lines);
    with several, a line each, in the order the command lists them. At a terminal, each is
    asked for on one line."""

    stdin: TextIO
    prompt: Callable[[str], str] = input

    def resolve(self, texts: Mapping[str, str]) -> dict[str, str]:
        wanted = [name for name, value in texts.items() if value == FROM_STDIN]
        resolved = dict(texts)
        if not wanted:
            return resolved
        if self.stdin.isatty():
            for name in wanted:
                resolved[name] = self.prompt(f"{name.replace('_', ' ').capitalize()}: ")
        elif len(wanted) == 1:
            resolved[wanted[0]] = _text(self.stdin.read()).rstrip("\r\n")
        else:
            for name in wanted:
                resolved[name] = _text(_line(self.stdin, f"expected a line for the {name}"))
        return resolved


def _line(stream: TextIO, missing: str) -> str:
    try:
        line = stream.readline()
    except UnicodeDecodeError:
        line = "\ufffd\n"  # not text: the caller decides what that means
    if not line:
        raise UsageError(missing)
    return line.rstrip("\r\n")


def _text(text: str) -> str:
    """Text from standard input; bytes that aren't UTF-8 are refused, never kept half-read."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("standard input held something that isn't text") from None
    return text


def existing_door(ctx: Context) -> VaultService:
    """The door, once it is sure there is a journal behind it."""
    from recovery_app.services.errors import VaultMissing

    if not ctx.door.exists():
        raise VaultMissing()
    return ctx.door


def with_password(ctx: Context, prompt: str, attempt: Callable[[str], T]) -> T:
    """One password try, after the pause earlier wrong tries earned (kept beside the journal,
    at most 30 seconds, forgotten once a right one is given)."""
    from recovery_app.services.errors import WrongPassword
    from recovery_app.services.unlock_delay import UnlockDelay

    delay = UnlockDelay(ctx.door.paths)
    pause = delay.seconds_to_wait()
    if pause > 0:
        print(
            f"recovery-app: waiting {pause:.0f} seconds after earlier wrong passwords…",
            file=ctx.err,
        )
        delay.wait()
    try:
        result = attempt(ctx.passwords.read(prompt))
    except WrongPassword:
        delay.record_wrong_password()
        raise
    delay.record_right_password()
    return result


@contextlib.contextmanager
def open_journal(ctx: Context) -> Iterator[Journal]:
    """The unlocked journal, checked page by page, locked again afterwards: with the key
    remembered on this computer if there is one (as the window does), else with the
    password."""
    door = existing_door(ctx)
    with _prepared(door):
        journal = door.unlock_remembered() or with_password(ctx, "Password: ", door.unlock)
    try:
        # Damage is named before anything is read or written.
        journal.check_integrity(side_by_side=True)
        yield journal
    finally:
        journal.close()


@contextlib.contextmanager
def _prepared(door: VaultService) -> Iterator[None]:
    """While the password is read and its key derived (Argon2, which lets go of Python's
    lock), the database libraries load on a second thread, as the window loads them while
    the password is typed: most of a second that would otherwise come after the other.
    Left only once that loading is done, whatever the password was."""
    import threading

    loading = threading.Thread(target=_prepare_quietly, args=(door,), name="prepare-unlock")
    loading.start()
    try:
        yield
    finally:
        loading.join()


def _prepare_quietly(door: VaultService) -> None:
    # Anything that goes wrong here goes wrong again, and is told, on the main thread.
    with contextlib.suppress(Exception):
        door.prepare_unlock()


def shown(text: str, *, keep_line_breaks: bool = False) -> str:
    """A person's text as printed to a terminal: control characters and escape sequences
    shown as visible escapes, so stored text can never move the cursor or rewrite a line."""
    from recovery_app.domain.text_input import for_terminal

    return for_terminal(text, keep_line_breaks=keep_line_breaks)


def json_text(document: object, **options: Any) -> str:
    """`json.dumps`, with json loaded only when a command prints JSON: the modules that hold
    parsers load with every start, the window's included."""
    import json

    return json.dumps(document, **options)
