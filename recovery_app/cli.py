"""The command line. It parses, asks for passwords, calls services and prints; no logic of its own.

Exit codes: 0 ok, 1 any other error, 2 usage, 3 wrong password, 4 no vault in the data dir,
5 not a vault or damaged. Errors are one line on stderr and never carry what a person wrote.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
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
    from recovery_app.services.clocks import ClockService, ClockSummary
    from recovery_app.services.secrets import SecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.kdf import KdfParams
    from recovery_app.storage.vault import Vault


class UsageError(Exception):
    pass


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
    from recovery_app.domain.check_in import NoContactAnswer
    from recovery_app.domain.stretches import ContactKind

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
        choices=[k.value for k in ContactKind],
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
        choices=[a.value for a in NoContactAnswer],
        help="kept no contact today: yes, no, or them (they reached out)",
    )
    check_in.add_argument("--note", metavar="TEXT", help="a note for yourself")

    status = commands.add_parser("status", help="each clock's stretch and next milestone")
    status.add_argument("--json", action="store_true", help="print JSON")
    return parser


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
    service = VaultService(ctx.paths, ctx.secrets, **_kdf(ctx))
    password = _new_password(ctx, "Choose a password for your journal: ")
    if password is None:
        return EXIT_ERROR
    service.create(password).close()
    print(f"Your journal is ready in {ctx.paths.data_dir}.", file=ctx.out)
    print("Keep your password safe: it cannot be recovered if it is lost.", file=ctx.out)
    return EXIT_OK


def _cmd_change_password(ctx: Context) -> int:
    service = _existing_vault_service(ctx)
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


def _existing_vault_service(ctx: Context) -> VaultService:
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.errors import VaultMissing

    if not ctx.paths.vault_exists():
        raise VaultMissing()
    return VaultService(ctx.paths, ctx.secrets, **_kdf(ctx))


@contextlib.contextmanager
def _open_vault(ctx: Context) -> Iterator[Vault]:
    """The unlocked vault, closed afterwards: with the key remembered on this computer if
    there is one (as the window does), else with the password."""
    service = _existing_vault_service(ctx)
    vault = service.unlock_remembered() or service.unlock(ctx.passwords.read("Password: "))
    try:
        yield vault
    finally:
        vault.close()


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


# ----- Today: clocks, contacts, check-in, status ------------------------------------------------


def _clock_service(vault: Vault) -> ClockService:
    from recovery_app.services.clocks import ClockService

    return ClockService(vault)


def _cmd_clock_add(ctx: Context) -> int:
    with _open_vault(ctx) as vault:
        clocks = _clock_service(vault)
        since = clocks.today() if ctx.args.since is None else ctx.args.since
        clock = clocks.add_clock(ctx.args.name, since, ctx.args.allowed)
        assert clock.id is not None
        days = clocks.figures(clock.id).current_days
    print(f"Added {clock.name}, counting from {clock.since}: {_days(days)} so far.", file=ctx.out)
    return EXIT_OK


def _cmd_clock_list(ctx: Context) -> int:
    with _open_vault(ctx) as vault:
        summaries = _clock_service(vault).summaries()
    if not summaries:
        print(_NO_CLOCKS_YET, file=ctx.out)
    for summary in summaries:
        days = _days(summary.figures.current_days)
        print(f"{summary.name}: since {summary.since}, current stretch {days}", file=ctx.out)
    return EXIT_OK


_NO_CLOCKS_YET = (
    "No clocks yet. When you're ready, add one: recovery-app clock add NAME --since YYYY-MM-DD"
)


def _cmd_contact(ctx: Context) -> int:
    from recovery_app.domain.stretches import ContactKind, local_day
    from recovery_app.services.clocks import ContactDetails
    from recovery_app.services.texts import today_texts

    args = ctx.args
    at = datetime.now(UTC) if args.at is None else args.at
    with _open_vault(ctx) as vault:
        clocks = _clock_service(vault)
        clock = clocks.find_clock(args.clock)
        assert clock.id is not None
        before = clocks.figures(clock.id)
        details = ContactDetails(ContactKind(args.kind), at, args.channel, args.note)
        clocks.log_contact(clock.id, details)
        after = clocks.figures(clock.id)
        today = clocks.today()
    new_since = after.current_since
    if args.kind != ContactKind.ME:
        line = f"Saved. This doesn't change your stretch ({_days(after.current_days)})."
    elif new_since != before.current_since or local_day(at) == new_since == today:
        days_before = (new_since - before.current_since).days
        line = today_texts().stretch_ended(days_before, new_since, today=today)
    else:  # on an earlier stretch's day: history, the current stretch goes on
        line = f"Saved in your history. Your current stretch goes on ({_days(after.current_days)})."
    print(line, file=ctx.out)
    return EXIT_OK


def _cmd_check_in(ctx: Context) -> int:
    from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer
    from recovery_app.services.check_ins import CheckInService

    args = ctx.args
    no_contact = None if args.no_contact is None else NoContactAnswer(args.no_contact)
    with _open_vault(ctx) as vault:
        check_ins = CheckInService(vault)
        earlier = check_ins.get()
        kept = earlier.answers if earlier else CheckInAnswers()
        answers = replace(  # what wasn't given keeps today's earlier answer
            kept,
            mood=kept.mood if args.mood is None else args.mood,
            pull=kept.pull if args.pull is None else args.pull,
            no_contact=kept.no_contact if no_contact is None else no_contact,
            note=kept.note if args.note is None else args.note,
        )
        saved = check_ins.save(answers).answers
    words = {
        NoContactAnswer.YES: "No contact today.",
        NoContactAnswer.THEM: "They reached out.",
        NoContactAnswer.NO: "There was contact.",
    }
    parts = ["Updated today's check-in." if earlier else "Saved today's check-in."]
    if saved.mood is not None:
        parts.append(f"Mood {saved.mood} of 5.")
    if saved.pull is not None:
        parts.append(f"Pull {saved.pull} of 10.")
    if saved.no_contact is not None:
        parts.append(words[saved.no_contact])
    print(" ".join(parts), file=ctx.out)
    if saved.no_contact in (NoContactAnswer.NO, NoContactAnswer.THEM):
        print("If you'd like to log the contact: recovery-app contact --help", file=ctx.out)
    return EXIT_OK


def _cmd_status(ctx: Context) -> int:
    from recovery_app.services.texts import today_texts

    with _open_vault(ctx) as vault:
        clocks = _clock_service(vault)
        summaries = clocks.summaries()
        today = clocks.today()
    if ctx.args.json:
        print(
            json.dumps({"clocks": [_status_fields(s) for s in summaries]}, indent=2), file=ctx.out
        )
        return EXIT_OK
    if not summaries:
        print(_NO_CLOCKS_YET, file=ctx.out)
        return EXIT_OK
    for s in summaries:
        f = s.figures
        when = (
            "tomorrow" if s.days_to_next_milestone == 1 else f"in {_days(s.days_to_next_milestone)}"
        )
        print(
            f"{s.name}: {_days(f.current_days)} (longest {f.longest_days}, total {f.total_days}). "
            f"Next milestone: {_days(s.next_milestone)}, {when}.",
            file=ctx.out,
        )
    print(today_texts().gentle_line(today), file=ctx.out)
    return EXIT_OK


def _status_fields(summary: ClockSummary) -> dict[str, object]:
    figures = summary.figures
    return {
        "name": summary.name,
        "since": summary.since.isoformat(),
        "current_days": figures.current_days,
        "longest_days": figures.longest_days,
        "total_days": figures.total_days,
        "stretches": figures.stretches,
        "next_milestone": summary.next_milestone,
        "days_to_next_milestone": summary.days_to_next_milestone,
    }


COMMANDS: dict[str, Callable[[Context], int]] = {
    "init": _cmd_init,
    "change-password": _cmd_change_password,
    "clock add": _cmd_clock_add,
    "clock list": _cmd_clock_list,
    "contact": _cmd_contact,
    "check-in": _cmd_check_in,
    "status": _cmd_status,
}


def _command_name(args: argparse.Namespace) -> str:
    """ "clock add" for `clock add NAME`; the command itself for the others."""
    action = getattr(args, "clock_command", None)
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
