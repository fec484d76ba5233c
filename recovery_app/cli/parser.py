"""The command line. It parses, asks for passwords, calls services and prints; no logic of its own.

Each command module adds its own parsers (`register`) and names its handler on them
(`set_defaults(handler=...)`); running a command calls that handler. A handler imports
what it needs when it runs, so the window (no command) and the quick log, which parse the
command line too, never pay for the others.

Exit codes: 0 ok, 1 any other error, 2 usage, 3 wrong password, 4 no vault in the data dir,
5 not a vault or damaged. Errors are one line on stderr and never carry what a person wrote.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from recovery_app import __version__
from recovery_app.cli import (
    contact_log,
    data,
    exercises,
    hard_dates,
    launcher,
    lifecycle,
    memories,
    readings,
    today,
    urges,
)
from recovery_app.cli.arguments import ArgumentParser, UsageError, folder
from recovery_app.cli.context import Context, PasswordReader, TextReader
from recovery_app.services.messages import EXIT_ERROR, EXIT_USAGE, exit_code_for, message_for

if TYPE_CHECKING:
    from recovery_app.services.secrets import SecretStore
    from recovery_app.services.vault_service import KdfParams

COMMAND_GROUPS = (
    lifecycle,
    today,
    contact_log,
    urges,
    memories,
    exercises,
    readings,
    hard_dates,
    data,
)
QUICK_LOG = "quick-log"  # a window, opened by app.py: see `window` below


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="recovery-app",
        usage="%(prog)s [--data-dir DIR] [--password-stdin] [COMMAND]",
        description="A private journal. With no command, the window opens.",
        epilog="While a command runs, its arguments can be seen by other users of this "
        "computer. Give a text as - to type it, or pipe it, on standard input instead "
        "(after the password lines, with --password-stdin): e.g. --note -",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=folder,
        metavar="DIR",
        help="folder that holds the journal (default: RECOVERY_APP_DATA_DIR, "
        "else your user data folder)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input "
        "(change-password: the current one, then the new one, a line each). Other commands "
        "use the key remembered on this computer instead, when there is one",
    )
    launcher.add_arguments(parser)
    parser.set_defaults(handler=None, window=None)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", prog="recovery-app [--data-dir DIR] [--password-stdin]"
    )
    for group in COMMAND_GROUPS:
        group.register(commands)
    commands.add_parser(
        QUICK_LOG,
        help="open a small window to note an urge in seconds (bind it to a keyboard shortcut "
        "in your desktop)",
    ).set_defaults(window=QUICK_LOG)
    return parser


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
    ask: Callable[[str], str] = input,
) -> int:
    """Run one command. Tests inject streams, a keyring fake, a cheap key derivation, and the
    terminal's answers (`prompt` for passwords, `ask` for texts and questions)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = parse(argv, stdout, stderr)
    if isinstance(args, int):
        return args
    return run_command(
        args,
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        secrets=secrets,
        kdf=kdf,
        prompt=prompt,
        ask=ask,
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
    ask: Callable[[str], str] = input,
) -> int:
    """The one CLI context: it builds the door to the journal, then runs the handler."""
    handler: Callable[[Context], int] | None = args.handler
    if handler is None:
        print("recovery-app: no command given (see --help)", file=stderr)
        return EXIT_USAGE
    from recovery_app.services.vault_service import VaultService, resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if secrets is None:
        from recovery_app.services.secrets import KeyringSecretStore

        secrets = KeyringSecretStore()
    door = VaultService.for_folder(data_dir, secrets, kdf)
    passwords = PasswordReader(args.password_stdin, stdin, prompt)
    ctx = Context(door, passwords, stdout, stderr, args, TextReader(stdin, ask))
    try:
        return handler(ctx)
    except UsageError as error:
        print(f"recovery-app: {error}", file=stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("recovery-app: stopped. Nothing was changed.", file=stderr)
        return EXIT_ERROR
    except Exception as error:  # every failure is one kind line, never a traceback
        print(f"recovery-app: {message_for(error, data_dir)}", file=stderr)
        return exit_code_for(error)
