"""The command line. It parses, asks for passwords, calls services and prints; no logic of its own.

Exit codes: 0 ok, 1 any other error, 2 usage, 3 wrong password, 4 no vault in the data dir,
5 not a vault or damaged. Errors are one line on stderr and never carry what a person wrote.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, TextIO

from recovery_app import __version__, cli_desktop_entry, cli_exercises, cli_memories
from recovery_app.cli_context import (
    Context,
    PasswordReader,
    UsageError,
    existing_vault_service,
    kdf_args,
)
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


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(_without_what_was_typed(message))


# argparse quotes what was typed in some errors; a note typed without quotes would land on
# stderr ("unrecognized arguments: I miss them"). These say the same without repeating it.
_ECHOING_ERRORS = (
    (
        r"unrecognized arguments: .*",
        "some words weren't understood; put quotes around a text with spaces",
    ),
    (r"invalid choice: .*\(choose from (?P<choices>.*)\)", r"please choose one of \g<choices>"),
    (r"invalid \S+ value: .*", "that value isn't one it understands"),
    (r"ambiguous option: .* could match (?P<options>.*)", r"did you mean \g<options>?"),
    (r"ignored explicit argument .*", "this option takes no value"),
)


def _without_what_was_typed(message: str) -> str:
    for pattern, replacement in _ECHOING_ERRORS:
        message = re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


# The values of services.clocks.Channel, repeated so that parsing never loads SQL
# (tests/cli/test_cli_today.py checks they agree).
CHANNELS = ("message", "call", "in-person", "social-media", "other")
# The values of domain.memories.MemoryKind, stretches.ContactKind, check_in.NoContactAnswer
# and urges.UrgeOutcome, for the same reason: the window parses the command line too, and
# never needs those modules before it shows. tests/cli/test_cli.py checks they agree.
MEMORY_KINDS = ("good", "harm", "apology", "tension", "other")
CONTACT_KINDS = ("me", "them", "unavoidable")
NO_CONTACT_ANSWERS = ("yes", "no", "them")
URGE_OUTCOMES = ("passed", "reached-out")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "please give a real date as YYYY-MM-DD, for example 2026-03-01"
        ) from None


def _moment(text: str) -> datetime:
    """An ISO date and time; one without a time zone is this computer's local time."""
    try:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo is not None else moment.astimezone()
    except (ValueError, OverflowError, OSError):
        raise argparse.ArgumentTypeError(
            "please give a real date and time, for example 2026-03-01T18:30"
        ) from None


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("please give a whole number, for example 3") from None


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="recovery-app",
        usage="%(prog)s [--data-dir DIR] [--password-stdin] [COMMAND]",
        description="A private journal. With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    cli_desktop_entry.add_arguments(parser)
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
        "(change-password: the current one, then the new one, a line each). Other commands "
        "use the key remembered on this computer instead, when there is one",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", prog="recovery-app [--data-dir DIR] [--password-stdin]"
    )
    commands.add_parser("init", help="create a new journal")
    commands.add_parser("change-password", help="change the journal's password")

    clock = commands.add_parser(
        "clock", help="add or list clocks (the people you keep distance from)"
    )
    clock_commands = clock.add_subparsers(dest="clock_command", metavar="ACTION", required=True)
    add = clock_commands.add_parser("add", help="start counting the days of distance from someone")
    add.add_argument("name", metavar="NAME", help="a label: a nickname or an initial is enough")
    add.add_argument(
        "--since",
        type=_day,
        metavar="DATE",
        help="the first day of distance, YYYY-MM-DD (default: today)",
    )
    add.add_argument(
        "--allowed", default="", metavar="TEXT", help="contact you allow, e.g. school pick-ups"
    )
    clock_commands.add_parser("list", help="your clocks, with the days of the current stretch")

    contact = commands.add_parser(
        "contact",
        help="log a contact",
        description="Log a contact. Only 'me' (I reached out) starts a new stretch; "
        "contact from them, or allowed and unavoidable contact, never changes it.",
    )
    contact.add_argument("--clock", required=True, metavar="NAME", help="the clock's label")
    contact.add_argument(
        "--kind",
        required=True,
        choices=CONTACT_KINDS,
        help="me (I reached out), them (they reached out), or unavoidable (allowed or "
        "unavoidable contact)",
    )
    contact.add_argument(
        "--at",
        type=_moment,
        metavar="WHEN",
        help="date and time, e.g. 2026-03-01T18:30 (default: now)",
    )
    contact.add_argument("--channel", choices=CHANNELS, help="how it happened")
    contact.add_argument("--note", default="", metavar="TEXT", help="a note for yourself")

    check_in = commands.add_parser(
        "check-in",
        help="today's check-in",
        description="Today's check-in. There is one a day: running it again edits it, and what "
        "you leave out keeps the answer you saved earlier today. Every question can be skipped.",
    )
    check_in.add_argument("--mood", type=_whole_number, metavar="N", help="1 (low) to 5 (good)")
    check_in.add_argument(
        "--pull", type=_whole_number, metavar="N", help="how strong the pull was, 0 to 10"
    )
    check_in.add_argument(
        "--no-contact",
        choices=NO_CONTACT_ANSWERS,
        help="kept no contact today: yes, no, or them (they reached out)",
    )
    check_in.add_argument("--note", metavar="TEXT", help="a note for yourself")

    status = commands.add_parser("status", help="each clock's stretch and next milestone")
    status.add_argument("--json", action="store_true", help="print JSON")

    log_urge = commands.add_parser(
        "log-urge",
        help="note an urge to reach out",
        description="Note an urge to reach out. Only the intensity is needed; the rest can be "
        "skipped.",
    )
    log_urge.add_argument(
        "--intensity",
        required=True,
        type=_whole_number,
        metavar="N",
        help="how strong the pull is, 0 (barely there) to 10",
    )
    log_urge.add_argument(
        "--trigger",
        action="append",
        default=[],
        metavar="T",
        help="what set it off; repeat for more than one (a new one joins your list)",
    )
    log_urge.add_argument("--note", default="", metavar="TEXT", help="a note for yourself")
    log_urge.add_argument(
        "--outcome",
        choices=URGE_OUTCOMES,
        help="passed (it passed) or reached-out (I reached out)",
    )
    log_urge.add_argument(
        "--minutes", type=_whole_number, metavar="M", help="how long it lasted, in minutes"
    )
    log_urge.add_argument(
        "--at",
        type=_moment,
        metavar="WHEN",
        help="date and time, e.g. 2026-03-01T18:30 (default: now)",
    )
    urges = commands.add_parser(
        "urges", help="the urges you noted, newest first, with this week beside last week"
    )
    urges.add_argument(
        "--since", type=_day, metavar="DATE", help="only from this day on, YYYY-MM-DD"
    )
    urges.add_argument("--json", action="store_true", help="print JSON")
    cli_memories.add_parsers(commands, MEMORY_KINDS, _whole_number)
    commands.add_parser(  # the window opens it: app.py routes it, so it has no COMMANDS entry
        "quick-log",
        help="open a small window to note an urge in seconds (bind it to a keyboard shortcut "
        "in your desktop)",
    )
    cli_exercises.add_parsers(commands, _day, _whole_number)
    return parser


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
    from recovery_app.storage.errors import VaultAlreadyExists

    if ctx.paths.vault_exists():
        raise VaultAlreadyExists()
    service = VaultService(ctx.paths, ctx.secrets, **kdf_args(ctx))
    password = _new_password(ctx, "Choose a password for your journal: ")
    if password is None:
        return EXIT_ERROR
    service.create(password).close()
    print(f"Your journal is ready in {ctx.paths.data_dir}.", file=ctx.out)
    print("Keep your password safe: it cannot be recovered if it is lost.", file=ctx.out)
    return EXIT_OK


def _cmd_change_password(ctx: Context) -> int:
    service = existing_vault_service(ctx)
    # Checked before asking for the new one, so a wrong password is said at once.
    checked = service.check_password(ctx.passwords.read("Current password: "))
    new = _new_password(ctx, "New password: ")
    if new is None:
        return EXIT_ERROR
    service.rewrap(checked, new)
    print("Your password is changed. The old one no longer opens the journal.", file=ctx.out)
    return EXIT_OK


def _in(module: str, name: str) -> Callable[[Context], int]:
    """A command's handler from its own module, imported only when that command runs: the
    window (no command) and the quick log never pay for the others' imports."""

    def handler(ctx: Context) -> int:
        command: Callable[[Context], int] = getattr(
            importlib.import_module(f"recovery_app.{module}"), name
        )
        return command(ctx)

    return handler


COMMANDS: dict[str, Callable[[Context], int]] = {
    "init": _cmd_init,
    "change-password": _cmd_change_password,
    "clock add": _in("cli_today", "clock_add"),
    "clock list": _in("cli_today", "clock_list"),
    "contact": _in("cli_today", "contact"),
    "check-in": _in("cli_today", "check_in"),
    "status": _in("cli_today", "status"),
    "log-urge": _in("cli_urges", "log_urge"),
    "urges": _in("cli_urges", "urges"),
    "memory add": cli_memories.memory_add,
    "memories": cli_memories.memories,
    "whole-relationship": cli_memories.whole_relationship,
    **cli_exercises.COMMANDS,  # its module holds its parsers too, so it is loaded already
}


def _command_name(args: argparse.Namespace) -> str:
    """ "clock add" for `clock add NAME`; the command itself for the others."""
    nested = cli_exercises.command_name(args)
    if nested is not None:
        return nested
    action = getattr(args, "clock_command", None) or getattr(args, "memory_command", None)
    return str(args.command) if action is None else f"{args.command} {action}"


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
    passwords = PasswordReader(args.password_stdin, stdin, prompt)
    ctx = Context(paths, passwords, stdout, stderr, secrets, kdf, args)
    try:
        return COMMANDS[_command_name(args)](ctx)
    except UsageError as error:
        print(f"recovery-app: {error}", file=stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("recovery-app: stopped. Nothing was changed.", file=stderr)
        return EXIT_ERROR
    except Exception as error:  # every failure is one kind line, never a traceback
        print(f"recovery-app: {message_for(error, paths.data_dir)}", file=stderr)
        return exit_code_for(error)
