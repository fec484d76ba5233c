"""Exercises and promises to myself from the terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from recovery_app.cli_context import Context, json_text, open_vault
from recovery_app.services.messages import EXIT_OK

if TYPE_CHECKING:
    from recovery_app.services.promises import PromiseService, SavedPromise
    from recovery_app.storage.vault import Vault

# The values of domain.check_in.PromiseOutcome a person can mark, without loading it to parse.
MARKS = {"kept": "kept", "not": "not", "let-go": "let-go"}
_MARK_WORDS = {"kept": "kept", "not": "not kept", "let-go": "let go"}
_NO_PROMISES_YET = 'No promises yet. A small one is perfect: recovery-app promise add "TEXT"'


def add_parsers(
    commands: Any,
    day: Callable[[str], date],
    whole_number: Callable[[str], int],
) -> None:
    exercises = commands.add_parser("exercises", help="the self-trust exercises")
    exercise_commands = exercises.add_subparsers(
        dest="exercises_command", metavar="ACTION", required=True
    )
    listing = exercise_commands.add_parser("list", help="the exercise library")
    listing.add_argument("--json", action="store_true", help="print JSON")

    promise = commands.add_parser("promise", help="promises to yourself: add, mark, list")
    promise_commands = promise.add_subparsers(
        dest="promise_command", metavar="ACTION", required=True
    )
    add = promise_commands.add_parser("add", help="make a small promise to yourself")
    add.add_argument("text", metavar="TEXT", help="what you promise yourself, in quotes")
    add.add_argument(
        "--day", type=day, metavar="DATE", help="the day it is for, YYYY-MM-DD (default: today)"
    )
    mark = promise_commands.add_parser("mark", help="mark a promise kept, not kept or let go")
    mark.add_argument("id", type=whole_number, metavar="ID", help="its number (promise list)")
    mark.add_argument(
        "outcome",
        choices=list(MARKS),
        help="kept, not (not kept this time) or let-go (let go on purpose; counts neither way)",
    )
    listing = promise_commands.add_parser("list", help="your promises, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")


def _promises(vault: Vault) -> PromiseService:
    from recovery_app.services.promises import PromiseService

    return PromiseService(vault)


def exercises_list(ctx: Context) -> int:
    from recovery_app.services.exercises import ExerciseService, load_library

    library = load_library()
    with open_vault(ctx) as vault:
        service = ExerciseService(vault, library)
        hidden = service.hidden()
        finished = {e.id: len(service.history(e.id)) for e in library.exercises}
    if ctx.args.json:
        document = {
            "exercises": [
                {
                    "id": e.id,
                    "title": e.title,
                    "why": e.why,
                    "minutes": e.minutes,
                    "steps": len(e.steps),
                    "source": e.source,
                    "hidden": e.id in hidden,
                    "finished_runs": finished[e.id],
                }
                for e in library.exercises
            ],
            "left_out": list(library.problems),
        }
        print(json_text(document, indent=2, ensure_ascii=False), file=ctx.out)
        return EXIT_OK
    lines = []
    for e in library.exercises:
        extra = " (hidden)" if e.id in hidden else ""
        lines.append(f"{e.id}: {e.title}, {e.minutes} min{extra}. {e.why}")
    print("\n".join(lines), file=ctx.out)
    for problem in library.problems:
        print(f"recovery-app: left out {problem}", file=ctx.err)
    return EXIT_OK


def promise_add(ctx: Context) -> int:
    with open_vault(ctx) as vault:
        promises = _promises(vault)
        saved = promises.add(ctx.args.text, ctx.args.day)
        today = promises.today()
    when = "today" if saved.day == today else saved.day.isoformat()
    print(f"Promise {saved.id} made for {when}. Mark it later: ", end="", file=ctx.out)
    print(f"recovery-app promise mark {saved.id} kept|not|let-go", file=ctx.out)
    return EXIT_OK


def promise_mark(ctx: Context) -> int:
    from recovery_app.domain.check_in import PromiseOutcome

    with open_vault(ctx) as vault:
        promises = _promises(vault)
        saved = promises.mark(ctx.args.id, PromiseOutcome(MARKS[ctx.args.outcome]))
        line = promises.self_trust_line()
    assert saved.outcome is not None
    print(f"Promise {saved.id} marked {_MARK_WORDS[saved.outcome.value]}.", end="", file=ctx.out)
    kept, decided = sum(w.kept for w in line), sum(w.decided for w in line)
    if decided:
        print(f" Promises kept so far: {kept} of {decided}.", end="", file=ctx.out)
    print(file=ctx.out)
    return EXIT_OK


def promise_list(ctx: Context) -> int:
    with open_vault(ctx) as vault:
        listed = _promises(vault).promises()
    if ctx.args.json:
        print(json_text({"promises": [_fields(p) for p in listed]}, indent=2), file=ctx.out)
        return EXIT_OK
    if not listed:
        print(_NO_PROMISES_YET, file=ctx.out)
        return EXIT_OK
    lines = [
        f"{p.id:>4}  {p.day}  {_MARK_WORDS.get(p.outcome.value if p.outcome else '', 'open'):<8}"
        f"  {p.text}"
        for p in listed
    ]
    print("\n".join(lines), file=ctx.out)
    return EXIT_OK


def _fields(promise: SavedPromise) -> dict[str, object]:
    return {
        "id": promise.id,
        "day": promise.day.isoformat(),
        "text": promise.text,
        "outcome": None if promise.outcome is None else promise.outcome.value,
        "from_check_in": promise.from_check_in,
    }


COMMANDS: dict[str, Callable[[Context], int]] = {
    "exercises list": exercises_list,
    "promise add": promise_add,
    "promise mark": promise_mark,
    "promise list": promise_list,
}


def command_name(args: argparse.Namespace) -> str | None:
    """ "promise add" for `promise add TEXT`; None for the commands of other modules."""
    for command in ("exercises", "promise"):
        action = getattr(args, f"{command}_command", None)
        if args.command == command and action is not None:
            return f"{command} {action}"
    return None
