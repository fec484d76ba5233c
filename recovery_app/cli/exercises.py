"""Exercises and promises to myself from the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from recovery_app.cli.arguments import day, whole_number
from recovery_app.cli.context import Context, json_text, open_journal, shown
from recovery_app.domain.kinds import PromiseOutcome
from recovery_app.services.messages import EXIT_OK

if TYPE_CHECKING:
    from recovery_app.services.promises import SavedPromise

# What a person can mark a promise with: every outcome but the check-in's "skip".
MARKS = [o.value for o in PromiseOutcome if o is not PromiseOutcome.SKIPPED]
_MARK_WORDS = {"kept": "kept", "not": "not kept", "let-go": "let go"}
_NO_PROMISES_YET = 'No promises yet. A small one is perfect: recovery-app promise add "TEXT"'


def register(commands: Any) -> None:
    exercises = commands.add_parser("exercises", help="the self-trust exercises")
    exercise_commands = exercises.add_subparsers(
        dest="exercises_command", metavar="ACTION", required=True
    )
    listing = exercise_commands.add_parser("list", help="the exercise library")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=exercises_list)

    promise = commands.add_parser("promise", help="promises to yourself: add, mark, list")
    promise_commands = promise.add_subparsers(
        dest="promise_command", metavar="ACTION", required=True
    )
    add = promise_commands.add_parser("add", help="make a small promise to yourself")
    add.add_argument(
        "text", metavar="TEXT", help="what you promise yourself, in quotes (- reads it from stdin)"
    )
    add.add_argument(
        "--day", type=day, metavar="DATE", help="the day it is for, YYYY-MM-DD (default: today)"
    )
    add.set_defaults(handler=promise_add)
    mark = promise_commands.add_parser("mark", help="mark a promise kept, not kept or let go")
    mark.add_argument("id", type=whole_number, metavar="ID", help="its number (promise list)")
    mark.add_argument(
        "outcome",
        choices=MARKS,
        help="kept, not (not kept this time) or let-go (let go on purpose; counts neither way)",
    )
    mark.set_defaults(handler=promise_mark)
    listing = promise_commands.add_parser("list", help="your promises, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=promise_list)


def exercises_list(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        service = journal.exercises
        library = service.library
        hidden = service.hidden()
        finished = service.finished_counts()
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
                    "finished_runs": finished.get(e.id, 0),
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
    with open_journal(ctx) as journal:
        promises = journal.promises
        saved = promises.add(ctx.text(text=ctx.args.text)["text"], ctx.args.day)
        today = promises.today()
    when = "today" if saved.day == today else saved.day.isoformat()
    print(f"Promise {saved.id} made for {when}. Mark it later: ", end="", file=ctx.out)
    print(f"recovery-app promise mark {saved.id} kept|not|let-go", file=ctx.out)
    return EXIT_OK


def promise_mark(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        promises = journal.promises
        saved = promises.mark(ctx.args.id, PromiseOutcome(ctx.args.outcome))
        line = promises.self_trust_line()
    assert saved.outcome is not None
    print(f"Promise {saved.id} marked {_MARK_WORDS[saved.outcome.value]}.", end="", file=ctx.out)
    kept, decided = sum(w.kept for w in line), sum(w.decided for w in line)
    if decided:
        print(f" Promises kept so far: {kept} of {decided}.", end="", file=ctx.out)
    print(file=ctx.out)
    return EXIT_OK


def promise_list(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        listed = journal.promises.promises()
    if ctx.args.json:
        print(json_text({"promises": [_fields(p) for p in listed]}, indent=2), file=ctx.out)
        return EXIT_OK
    if not listed:
        print(_NO_PROMISES_YET, file=ctx.out)
        return EXIT_OK
    lines = [
        f"{p.id:>4}  {p.day}  {_MARK_WORDS.get(p.outcome.value if p.outcome else '', 'open'):<8}"
        f"  {shown(p.text)}"
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
