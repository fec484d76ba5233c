"""The command line. It parses, asks for passwords, calls services and prints; no logic of its own.

Each command module adds its own parsers (`register`) and names its handler on them
(`set_defaults(handler=...)`); running a command calls that handler. A handler imports
what it needs when it runs, and the command modules load only when a command is given: the
window (no command), which parses the command line too, reads the options before a
command alone (`_window_only`), and pays for none of them.

Exit codes: 0 ok, 1 any other error, 2 usage, 3 wrong password, 4 no vault in the data dir,
5 not a vault or damaged. Errors are one line on stderr and never carry what a person wrote.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from recovery_app import __version__
from recovery_app.cli import launcher
from recovery_app.cli.arguments import ArgumentParser, UsageError, folder

if TYPE_CHECKING:
    from types import ModuleType

    from recovery_app.services.secrets import SecretStore
    from recovery_app.services.vault_service import KdfParams

QUICK_LOG = "quick-log"  # a window, opened by app.py: see `window` below


def command_groups() -> tuple[ModuleType, ...]:
    """The modules that add the commands, in the order --help lists them."""
    from recovery_app.cli import (
        contact_log,
        data,
        exercises,
        hard_dates,
        lifecycle,
        memories,
        readings,
        review,
        today,
        urges,
    )

    return (
        lifecycle,
        today,
        contact_log,
        urges,
        memories,
        exercises,
        readings,
        hard_dates,
        data,
        review,
    )


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only what comes before a command (the
    window's own start, which then loads none of the commands' modules)."""
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
    parser.set_defaults(handler=None, window=None, command=None)
    if not commands:
        return parser
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", prog="recovery-app [--data-dir DIR] [--password-stdin]"
    )
    for group in command_groups():
        group.register(subparsers)
    subparsers.add_parser(
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
        return _window_only(argv) or build_parser().parse_args(list(argv))
    except UsageError as error:
        from recovery_app.services.messages import EXIT_USAGE

        print(f"recovery-app: {error} (see --help)", file=stderr)
        return EXIT_USAGE
    except SystemExit as done:
        return int(done.code or 0)
    finally:
        sys.stdout = real_stdout


def _window_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they hold no command (the window opens), read without loading
    the commands; None for anything else (a command, --help, a mistake), which the whole
    parser reads and answers."""
    if any(word in ("-h", "--help", "--version") for word in argv):
        return None
    try:  # (the launcher options act, and exit, right here, as they would in the whole one)
        found, rest = build_parser(commands=False).parse_known_args(list(argv))
    except UsageError:
        return None  # told by the whole parser, in its words
    return None if rest else found


def run(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    secrets: SecretStore | None = None,
    kdf: KdfParams | None = None,
    prompt: Callable[[str], str] | None = None,
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
    prompt: Callable[[str], str] | None = None,
    ask: Callable[[str], str] = input,
) -> int:
    """The one CLI context: it builds the door to the journal, then runs the handler."""
    from recovery_app.cli.context import Context, PasswordReader, TextReader
    from recovery_app.services.messages import EXIT_ERROR, EXIT_USAGE, exit_code_for, message_for

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
    if prompt is None:  # the terminal's; getpass (and termios) stay off the window's start
        import getpass

        prompt = getpass.getpass
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
