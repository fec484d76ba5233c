"""Memories from the terminal: add one, list them, and see a time whole."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from recovery_app.cli.arguments import choices, whole_number
from recovery_app.cli.context import Context, json_text, open_journal
from recovery_app.domain.kinds import MemoryKind
from recovery_app.services.messages import EXIT_OK

if TYPE_CHECKING:
    from recovery_app.domain.memories import Memory

_KEPT = "Kept: {title} ({when})."
_NO_MEMORIES = (
    "No memories noted yet. To add one: recovery-app memory add --kind good --date 2023-05 "
    '--title "A few words"'
)
_WARNING = "This shows hard memories beside good ones. Take your time; you can stop at any point."
_NOTHING_THERE = "No good moment is noted within {days} days of {when}."
_REMEMBER = "You remember: {title} ({when})"
_AROUND_IT = "Around it, this happened:"
_NOTHING_AROUND = "Nothing hurtful is noted within {days} days of it."
_KIND_WORDS = {
    "good": "good moment",
    "harm": "something that hurt",
    "apology": "making up",
    "tension": "tension",
    "other": "other",
}


def register(commands: Any) -> None:
    """`memory add`, `memories` and `whole-relationship`, under the main parser's commands."""
    memory = commands.add_parser("memory", help="add a memory for the whole-relationship view")
    memory_commands = memory.add_subparsers(dest="memory_command", metavar="ACTION", required=True)
    memory_add = memory_commands.add_parser(
        "add",
        help="note a memory: a good moment, something that hurt, making up, tension, or other",
        description="Note a memory. The date can be rough: a day, a month, a season, a year, "
        "or a range.",
    )
    memory_add.add_argument(
        "--kind", required=True, choices=choices(MemoryKind), help="what kind of memory"
    )
    memory_add.add_argument(
        "--date",
        required=True,
        metavar="WHEN",
        help="2023-05-14, 2023-05, summer-2021, 2021 or 2021-03..2021-06",
    )
    memory_add.add_argument("--title", required=True, metavar="TEXT", help="a few words")
    memory_add.add_argument("--clock", metavar="NAME", help="the clock (person) it belongs to")
    memory_add.add_argument("--what", default="", metavar="TEXT", help="what happened")
    memory_add.add_argument(
        "--feeling", type=whole_number, metavar="N", help="how it felt, 0 to 10"
    )
    memory_add.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag; repeat for more"
    )
    memory_add.set_defaults(handler=memory_add_command)
    listing = commands.add_parser("memories", help="the memories you noted, in time order")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=memories)
    whole = commands.add_parser(
        "whole-relationship",
        help="the good moments at a time, each with what hurt around it",
    )
    whole.add_argument(
        "--around", required=True, metavar="WHEN", help="a date as for memory add, e.g. 2021-07"
    )
    whole.add_argument(
        "--window-days",
        type=whole_number,
        metavar="N",
        help="how many days either side count as around (default: your setting, 30)",
    )
    whole.add_argument("--json", action="store_true", help="print JSON")
    whole.set_defaults(handler=whole_relationship)


def memory_add_command(ctx: Context) -> int:
    from recovery_app.domain.fuzzy_dates import label
    from recovery_app.domain.memories import MemoryDetails

    args = ctx.args
    with open_journal(ctx) as journal:
        memories = journal.memories
        clock_id = None if args.clock is None else journal.clocks.find_clock(args.clock).id
        details = MemoryDetails(
            kind=MemoryKind(args.kind),
            title=args.title,
            when=memories.parse_date(args.date),
            what_happened=args.what,
            feeling=args.feeling,
            tags=tuple(args.tag),
            clock_id=clock_id,
        )
        saved = memories.add_memory(details)
    print(_KEPT.format(title=saved.details.title, when=label(saved.when)), file=ctx.out)
    return EXIT_OK


def memories(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        listed = journal.memories.list_memories()
    if ctx.args.json:
        print(json_text({"memories": [_fields(m) for m in listed]}, indent=2), file=ctx.out)
        return EXIT_OK
    if not listed:
        print(_NO_MEMORIES, file=ctx.out)
        return EXIT_OK
    print("\n".join(_line(m) for m in listed), file=ctx.out)
    return EXIT_OK


def whole_relationship(ctx: Context) -> int:
    from recovery_app.domain.fuzzy_dates import label

    args = ctx.args
    with open_journal(ctx) as journal:
        service = journal.memories
        settings = service.settings()
        when = service.parse_date(args.around)
        days = settings.window_days if args.window_days is None else args.window_days
        views = service.around_date(when, days)
    if args.json:
        document = {
            "around": when.text,
            "window_days": days,
            "good_moments": [
                {**_fields(v.remembered), "harm_around": [_fields(h) for h in v.harm_around]}
                for v in views
            ],
        }
        print(json_text(document, indent=2), file=ctx.out)
        return EXIT_OK
    if not views:
        print(_NOTHING_THERE.format(days=days, when=label(when)), file=ctx.out)
        return EXIT_OK
    lines = [_WARNING, ""] if settings.content_warning else []
    for view in views:
        good = view.remembered
        lines.append(_REMEMBER.format(title=good.details.title, when=label(good.when)))
        if view.harm_around:
            lines.append(_AROUND_IT)
            lines += [f"  - {label(h.when)}: {h.details.title}" for h in view.harm_around]
        else:
            lines.append(_NOTHING_AROUND.format(days=days))
        lines.append("")
    print("\n".join(lines).rstrip("\n"), file=ctx.out)
    return EXIT_OK


def _line(memory: Memory) -> str:
    from recovery_app.domain.fuzzy_dates import label

    details = memory.details
    parts = [f"{memory.id:>5}", f"{label(memory.when):<24}", f"{_KIND_WORDS[details.kind]:<19}"]
    parts.append(details.title)
    if details.tags:
        parts.append("[" + ", ".join(details.tags) + "]")
    return "  ".join(parts)


def _fields(memory: Memory) -> dict[str, object]:
    details = memory.details
    return {
        "id": memory.id,
        "kind": details.kind.value,
        "title": details.title,
        "date": details.when.text,
        "from": details.when.start.isoformat(),
        "to": details.when.end.isoformat(),
        "what_happened": details.what_happened or None,
        "feeling": details.feeling,
        "tags": list(details.tags),
        "clock_id": details.clock_id,
    }
