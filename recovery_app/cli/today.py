"""Today from the terminal: clocks, contacts, the daily check-in, status."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_app.cli.arguments import UsageError, choices, day, moment, whole_number
from recovery_app.cli.context import Context, json_text, open_journal, shown
from recovery_app.domain.kinds import Channel, ContactKind, NoContactAnswer
from recovery_app.services.messages import EXIT_OK
from recovery_app.services.texts import days_text

if TYPE_CHECKING:
    from recovery_app.services.clock_records import ClockSummary
    from recovery_app.services.journal import Journal
    from recovery_app.services.reach_out_plan import ReachOutPlan
    from recovery_app.services.support import SavedPerson


def register(commands: Any) -> None:
    clock = commands.add_parser(
        "clock", help="add or list clocks (the people you keep distance from)"
    )
    clock_commands = clock.add_subparsers(dest="clock_command", metavar="ACTION", required=True)
    add = clock_commands.add_parser("add", help="start counting the days of distance from someone")
    add.add_argument("name", metavar="NAME", help="a label: a nickname or an initial is enough")
    add.add_argument(
        "--since",
        type=day,
        metavar="DATE",
        help="the first day of distance, YYYY-MM-DD (default: today)",
    )
    add.add_argument(
        "--allowed", default="", metavar="TEXT", help="contact you allow, e.g. school pick-ups"
    )
    add.set_defaults(handler=clock_add)
    clock_commands.add_parser(
        "list", help="your clocks, with the days of the current stretch"
    ).set_defaults(handler=clock_list)

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
        choices=choices(ContactKind),
        help="me (I reached out), them (they reached out), or unavoidable (allowed or "
        "unavoidable contact)",
    )
    contact.add_argument(
        "--at",
        type=moment,
        metavar="WHEN",
        help="date and time, e.g. 2026-03-01T18:30 (default: now)",
    )
    contact.add_argument("--channel", choices=choices(Channel), help="how it happened")
    contact.add_argument(
        "--note", default="", metavar="TEXT", help="a note for yourself (- reads it from stdin)"
    )
    contact.add_argument(
        "--words",
        default="",
        metavar="TEXT",
        help="for --kind them: their exact words, kept in the record. Give - and paste them on "
        "standard input, after the password (the arguments of a command can be seen by others); "
        "with --note - too, each takes one line, the words first",
    )
    contact.add_argument(
        "--attach",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="for --kind them: keep a copy of a file (a screenshot, say) with the record, "
        "encrypted in the journal; up to 10 MB each (may be given more than once)",
    )
    contact.set_defaults(handler=log_contact)

    check_in = commands.add_parser(
        "check-in",
        help="today's check-in",
        description="Today's check-in. There is one a day: running it again edits it, and what "
        "you leave out keeps the answer you saved earlier today. Every question can be skipped.",
    )
    check_in.add_argument("--mood", type=whole_number, metavar="N", help="1 (low) to 5 (good)")
    check_in.add_argument(
        "--pull", type=whole_number, metavar="N", help="how strong the pull was, 0 to 10"
    )
    check_in.add_argument(
        "--no-contact",
        choices=choices(NoContactAnswer),
        help="kept no contact today: yes, no, or them (they reached out)",
    )
    check_in.add_argument(
        "--note", metavar="TEXT", help="a note for yourself (- reads it from stdin)"
    )
    check_in.set_defaults(handler=check_in_today)

    status_parser = commands.add_parser("status", help="each clock's stretch and next milestone")
    status_parser.add_argument("--json", action="store_true", help="print JSON")
    status_parser.set_defaults(handler=status)


def clock_add(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        texts = ctx.text(name=ctx.args.name, allowed=ctx.args.allowed)
        clocks = journal.clocks
        since = clocks.today() if ctx.args.since is None else ctx.args.since
        clock = clocks.add_clock(texts["name"], since, texts["allowed"])
        days = clocks.figures(clock.id).current_days
    print(
        f"Added {shown(clock.name)}, counting from {clock.since}: {days_text(days)} so far.",
        file=ctx.out,
    )
    return EXIT_OK


def clock_list(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        summaries = journal.clocks.summaries()
    if not summaries:
        print(_NO_CLOCKS_YET, file=ctx.out)
    for summary in summaries:
        days = days_text(summary.figures.current_days)
        print(f"{shown(summary.name)}: since {summary.since}, current stretch {days}", file=ctx.out)
    return EXIT_OK


_NO_CLOCKS_YET = (
    "No clocks yet. When you're ready, add one: recovery-app clock add NAME --since YYYY-MM-DD"
)


def log_contact(ctx: Context) -> int:
    from recovery_app.cli.readings import print_suggestion
    from recovery_app.domain.stretches import local_day
    from recovery_app.services.clock_records import ContactDetails
    from recovery_app.services.texts import today_texts

    args = ctx.args
    kind = ContactKind(args.kind)
    if kind is not ContactKind.THEM and (args.words or args.attach):
        raise UsageError("--words and --attach keep the record of contact from them (--kind them)")
    at = datetime.now(UTC) if args.at is None else args.at
    channel = None if args.channel is None else Channel(args.channel)
    files = [_read_attachment(path) for path in args.attach]  # before anything is saved
    with open_journal(ctx) as journal:
        clocks = journal.clocks
        clock = clocks.find_clock(args.clock)
        before = clocks.figures(clock.id)
        texts = ctx.text(words=args.words, note=args.note)  # stdin: the words first
        details = ContactDetails(kind, at, channel, texts["note"], words=texts["words"])
        _check_room(journal, files)
        saved = clocks.log_contact(clock.id, details)
        for name, data in files:
            journal.records.add_attachment(saved.id, name, data)
        after = clocks.figures(clock.id)
        today = clocks.today()
        plan = journal.reach_out_plan.plan() if kind is ContactKind.THEM else None
        people = journal.people.people() if plan is not None else []
        # Printed just below, so offered (and counted) now; only "I reached out" can bring
        # one, so no other contact loads the readings.
        suggestion = journal.readings.offer_after_contact(kind) if kind is ContactKind.ME else None
    new_since = after.current_since
    now = days_text(after.current_days)
    if args.kind != ContactKind.ME:
        line = f"Saved. This doesn't change your stretch ({now})."
    elif new_since != before.current_since or local_day(at) == new_since == today:
        days_before = (new_since - before.current_since).days
        line = today_texts().stretch_ended(days_before, new_since, today=today)
    else:  # on an earlier stretch's day: history, the current stretch goes on
        line = f"Saved in your history. Your current stretch goes on ({now})."
    print(line, file=ctx.out)
    if plan is not None:
        kept = _kept_in_record(bool(saved.details.words), len(files))
        if kept:
            print(kept, file=ctx.out)
        _print_plan(ctx, plan)
        _print_next_steps(ctx, people, record_kept=bool(kept))
    print_suggestion(ctx, suggestion)
    return EXIT_OK


def _read_attachment(path: Path) -> tuple[str, bytes]:
    from recovery_app.domain.reach_out import ATTACHMENT_MAX_BYTES, check_new_attachment

    try:
        if path.stat().st_size > ATTACHMENT_MAX_BYTES:
            check_new_attachment(path.stat().st_size, 0)  # says so without reading it
        return path.name, path.read_bytes()
    except FileNotFoundError:
        raise UsageError("a file given with --attach isn't there") from None
    except IsADirectoryError:
        raise UsageError("--attach takes a file, not a folder") from None
    except PermissionError:
        raise UsageError("a file given with --attach can't be read by this account") from None


def _check_room(journal: Journal, files: list[tuple[str, bytes]]) -> None:
    """Every file must fit before the entry is saved, so a refusal leaves nothing half-kept."""
    from recovery_app.domain.reach_out import check_new_attachment

    used = journal.records.space_used()
    for _, data in files:
        check_new_attachment(len(data), used)
        used += len(data)


def _kept_in_record(words: bool, files: int) -> str:
    parts = (["their exact words"] if words else []) + (
        ["1 file"] if files == 1 else [f"{files} files"] if files else []
    )
    return f"Kept in the record: {' and '.join(parts)}." if parts else ""


def _print_plan(ctx: Context, plan: ReachOutPlan) -> None:
    """The plan the person wrote, the moment they note it; nothing more is asked."""
    from recovery_app.services.texts import reach_out_texts

    words = reach_out_texts().moment
    print("", file=ctx.out)
    print(words["heading"], file=ctx.out)
    print(words["intro"] if plan.steps else words["no_plan"], file=ctx.out)
    for number, step in enumerate(plan.steps, start=1):
        print(f"  {number}. {shown(step.text)}", file=ctx.out)
    if plan.answers:
        print(f"{words['answers_heading']}:", file=ctx.out)
        for line in plan.answers:
            print(f"  - {shown(line.text)}", file=ctx.out)


def _print_next_steps(ctx: Context, people: list[SavedPerson], *, record_kept: bool) -> None:
    """What the window's buttons offer: the people on the list, the guide, the record."""
    from recovery_app.services.texts import guide_texts, reach_out_texts

    words = reach_out_texts().moment
    print("", file=ctx.out)
    print(f"{words['people_heading']}:" if people else words["no_people"], file=ctx.out)
    for person in people:
        reach = f": {shown(person.details.reach)}" if person.details.reach else ""
        print(f"  {shown(person.details.name)}{reach}", file=ctx.out)
    print(guide_texts().helplines, file=ctx.out)
    print(words["cli_ride"], file=ctx.out)
    if not record_kept:
        print(words["cli_record"], file=ctx.out)


def check_in_today(ctx: Context) -> int:
    from recovery_app.domain.check_in import CheckInAnswers

    args = ctx.args
    no_contact = None if args.no_contact is None else NoContactAnswer(args.no_contact)
    with open_journal(ctx) as journal:
        check_ins = journal.check_ins
        earlier = check_ins.get()
        kept = earlier.answers if earlier else CheckInAnswers()
        answers = replace(  # what wasn't given keeps today's earlier answer
            kept,
            mood=kept.mood if args.mood is None else args.mood,
            pull=kept.pull if args.pull is None else args.pull,
            no_contact=kept.no_contact if no_contact is None else no_contact,
            note=kept.note if args.note is None else ctx.text(note=args.note)["note"],
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


def status(ctx: Context) -> int:
    from recovery_app.services.texts import today_texts

    with open_journal(ctx) as journal:
        summaries = journal.clocks.summaries()
        today = journal.today()
    if ctx.args.json:
        print(json_text({"clocks": [_status_fields(s) for s in summaries]}, indent=2), file=ctx.out)
        return EXIT_OK
    if not summaries:
        print(_NO_CLOCKS_YET, file=ctx.out)
        return EXIT_OK
    for s in summaries:
        f = s.figures
        when = (
            "tomorrow"
            if s.days_to_next_milestone == 1
            else f"in {days_text(s.days_to_next_milestone)}"
        )
        print(
            f"{shown(s.name)}: {days_text(f.current_days)} "
            f"(longest {f.longest_days}, total {f.total_days}). "
            f"Next milestone: {days_text(s.next_milestone)}, {when}.",
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
