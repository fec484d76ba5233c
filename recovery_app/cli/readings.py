"""The readings ("Understanding") from the terminal: the list, and one reading as plain text.

`reading ID` needs no journal: the readings are files shipped with the app, so it prints
without a password. Only `--mark-read` opens the journal, where what was read is kept.
An id that names no reading is a mistake like a promise number that doesn't exist: one kind
line and exit 1, never the id typed back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from recovery_app.cli.context import Context, json_text, open_journal
from recovery_app.services.messages import EXIT_OK

if TYPE_CHECKING:
    from recovery_app.services.readings import ReadingLibrary, Suggestion

# Wider than this is hard to read, however wide the terminal is.
MAX_WIDTH = 78
_NO_SUCH_READING = "There's no reading with that name. `recovery-app readings` lists them all."
_TO_READ_ONE = "To read one: recovery-app reading ID"


def register(commands: Any) -> None:
    listing = commands.add_parser(
        "readings",
        help="short readings about the pull, and which you have read",
        description="The readings from Understanding: each one's id, title, length, "
        "whether you have read it, and its summary.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=readings_list)
    one = commands.add_parser(
        "reading",
        help="print one reading as plain text",
        description="Print one reading, its note (if it has one) first, wrapped to the "
        "terminal. It needs no password, unless --mark-read.",
    )
    one.add_argument("id", metavar="ID", help="the reading's id (recovery-app readings)")
    one.add_argument("--mark-read", action="store_true", help="then mark it read in the journal")
    one.set_defaults(handler=reading_show)


def readings_list(ctx: Context) -> int:
    from recovery_app.services.readings import readings_json

    with open_journal(ctx) as journal:
        readings = journal.readings
        cards = readings.cards()
        problems = readings.library.problems
    if ctx.args.json:
        print(json_text(readings_json(cards), indent=2, ensure_ascii=False), file=ctx.out)
    else:
        from recovery_app.services.reading_text import reading_texts

        words = reading_texts().screen
        for card in cards:
            state = words["read"] if card.read else words["not_read"]
            note = f", {words['content_note_mark'].lower()}" if card.has_content_note else ""
            line = f"{card.id}: {card.title} ({card.minutes} min, {state.lower()}{note})."
            print(f"{line} {card.summary}", file=ctx.out)
        print(_TO_READ_ONE, file=ctx.out)
    for problem in problems:
        print(f"recovery-app: left out {problem}", file=ctx.err)
    return EXIT_OK


def reading_show(ctx: Context) -> int:
    import shutil

    from recovery_app.services.errors import InvalidInput
    from recovery_app.services.exercises import load_library
    from recovery_app.services.reading_text import plain_text
    from recovery_app.services.readings import load_readings

    exercises = load_library()
    library: ReadingLibrary = load_readings(exercises=exercises)
    reading = library.get(ctx.args.id)
    if reading is None:
        raise InvalidInput(_NO_SUCH_READING)
    if ctx.args.mark_read:
        # Marked before printing: if the journal can't be opened, nothing is half done.
        with open_journal(ctx) as journal:
            journal.readings.mark_read(reading.id)
    columns = shutil.get_terminal_size((MAX_WIDTH + 2, 24)).columns
    width = min(columns - 1, MAX_WIDTH)
    print(plain_text(reading, exercises, width=width), end="", file=ctx.out)
    if ctx.args.mark_read:
        print("\nMarked as read.", file=ctx.out)
    return EXIT_OK


def print_suggestion(ctx: Context, suggestion: Suggestion | None) -> None:
    """The one gentle line a moment may bring (`contact --kind me`, a hard `log-urge`),
    with the way to read it."""
    if suggestion is not None:
        print(suggestion.line, file=ctx.out)
        print(f"To read it: recovery-app reading {suggestion.reading_id}", file=ctx.out)
