"""The command line. It parses, asks for passwords, calls services and prints; no logic of its own.

Exit codes: 0 ok, 1 any other error, 2 usage, 3 wrong password, 4 no vault in the data dir,
5 not a vault or damaged. Errors are one line on stderr and never carry what a person wrote.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from recovery_app import __version__
from recovery_app.services.messages import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    exit_code_for,
    message_for,
)
from recovery_app.storage.paths import VaultPaths, resolve_data_dir

if TYPE_CHECKING:
    from recovery_app.services.secrets import SecretStore
    from recovery_app.storage.kdf import KdfParams


class UsageError(Exception):
    pass


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="recovery-app",
        usage="%(prog)s [--data-dir DIR] [--password-stdin] [COMMAND]",
        description="A private journal. With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder that holds the journal (default: RECOVERY_APP_DATA_DIR, "
        "else your user data folder)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input "
        "(change-password: the current one, then the new one, a line each)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("init", help="create a new journal")
    commands.add_parser("change-password", help="change the journal's password")
    return parser


@dataclass
class Context:
    paths: VaultPaths
    passwords: PasswordReader
    out: TextIO
    err: TextIO
    secrets: SecretStore
    kdf: KdfParams | None


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


def _new_password(ctx: Context, prompt: str) -> str | None:
    """A new password, confirmed when typed at a terminal; None (after saying why) if unusable."""
    from recovery_app.domain.passwords import MIN_PASSWORD_LENGTH, check_new_password

    password = ctx.passwords.read(prompt)
    if not check_new_password(password).acceptable:
        print(
            f"recovery-app: please choose a password of at least {MIN_PASSWORD_LENGTH} characters.",
            file=ctx.err,
        )
        return None
    if ctx.passwords.interactive and ctx.passwords.read("Type it once more: ") != password:
        print("recovery-app: the two passwords were different. Nothing was changed.", file=ctx.err)
        return None
    return password


def _cmd_init(ctx: Context) -> int:
    from recovery_app.services.vault_service import VaultService

    service = VaultService(ctx.paths, ctx.secrets, **_kdf(ctx))
    if ctx.paths.vault_exists():
        from recovery_app.storage.errors import VaultAlreadyExists

        raise VaultAlreadyExists()
    password = _new_password(ctx, "Choose a password for your journal: ")
    if password is None:
        return EXIT_ERROR
    service.create(password).close()
    print(f"Your journal is ready in {ctx.paths.data_dir}.", file=ctx.out)
    print("Keep your password safe: it cannot be recovered if it is lost.", file=ctx.out)
    return EXIT_OK


def _cmd_change_password(ctx: Context) -> int:
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.errors import VaultMissing

    service = VaultService(ctx.paths, ctx.secrets, **_kdf(ctx))
    if not ctx.paths.vault_exists():
        raise VaultMissing()
    # Checked before asking for the new one, so a wrong password is said at once.
    checked = service.check_password(ctx.passwords.read("Current password: "))
    new = _new_password(ctx, "New password: ")
    if new is None:
        return EXIT_ERROR
    service.rewrap(checked, new)
    print("Your password is changed. The old one no longer opens the journal.", file=ctx.out)
    return EXIT_OK


def _kdf(ctx: Context) -> dict[str, KdfParams]:
    return {} if ctx.kdf is None else {"kdf": ctx.kdf}


COMMANDS: dict[str, Callable[[Context], int]] = {
    "init": _cmd_init,
    "change-password": _cmd_change_password,
}


def parse(argv: Sequence[str], stdout: TextIO, stderr: TextIO) -> argparse.Namespace | int:
    """The parsed arguments, or an exit code once --help, --version or a usage error is printed."""
    real_stdout = sys.stdout
    sys.stdout = stdout  # argparse prints --help and --version to sys.stdout
    try:
        return build_parser().parse_args(list(argv))
    except UsageError as error:
        print(f"recovery-app: {error} (see --help)", file=stderr)
        return EXIT_USAGE
    except SystemExit as done:
        return int(done.code or 0)
    finally:
        sys.stdout = real_stdout


def run(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    secrets: SecretStore | None = None,
    kdf: KdfParams | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
) -> int:
    """Run one command. Tests inject streams, a keyring fake and a cheap key derivation."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = parse(argv, stdout, stderr)
    if isinstance(args, int):
        return args
    return run_command(
        args, stdin=stdin, stdout=stdout, stderr=stderr, secrets=secrets, kdf=kdf, prompt=prompt
    )


def run_command(
    args: argparse.Namespace,
    *,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    secrets: SecretStore | None = None,
    kdf: KdfParams | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
) -> int:
    if args.command is None:
        print("recovery-app: no command given (see --help)", file=stderr)
        return EXIT_USAGE
    paths = VaultPaths(resolve_data_dir(args.data_dir))
    if secrets is None:
        from recovery_app.services.secrets import KeyringSecretStore

        secrets = KeyringSecretStore()
    ctx = Context(
        paths, PasswordReader(args.password_stdin, stdin, prompt), stdout, stderr, secrets, kdf
    )
    try:
        return COMMANDS[args.command](ctx)
    except UsageError as error:
        print(f"recovery-app: {error}", file=stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("recovery-app: stopped. Nothing was changed.", file=stderr)
        return EXIT_ERROR
    except Exception as error:  # every failure is one kind line, never a traceback
        print(f"recovery-app: {message_for(error, paths.data_dir)}", file=stderr)
        return exit_code_for(error)
