"""Today from the terminal: clocks, contacts, the daily check-in, status."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from recovery_app.cli_context import Context, open_vault
from recovery_app.services.messages import EXIT_OK
from recovery_app.services.texts import days_text

if TYPE_CHECKING:
    from recovery_app.services.clocks import ClockService, ClockSummary
    from recovery_app.storage.vault import Vault


def _clock_service(vault: Vault) -> ClockService:
    from recovery_app.services.clocks import ClockService

    return ClockService(vault)


def clock_add(ctx: Context) -> int:
    with open_vault(ctx) as vault:
        clocks = _clock_service(vault)
        since = clocks.today() if ctx.args.since is None else ctx.args.since
        clock = clocks.add_clock(ctx.args.name, since, ctx.args.allowed)
        assert clock.id is not None
        days = clocks.figures(clock.id).current_days
    print(
        f"Added {clock.name}, counting from {clock.since}: {days_text(days)} so far.", file=ctx.out
    )
    return EXIT_OK


def clock_list(ctx: Context) -> int:
    with open_vault(ctx) as vault:
        summaries = _clock_service(vault).summaries()
    if not summaries:
        print(_NO_CLOCKS_YET, file=ctx.out)
    for summary in summaries:
        days = days_text(summary.figures.current_days)
        print(f"{summary.name}: since {summary.since}, current stretch {days}", file=ctx.out)
    return EXIT_OK


_NO_CLOCKS_YET = (
    "No clocks yet. When you're ready, add one: recovery-app clock add NAME --since YYYY-MM-DD"
)


def contact(ctx: Context) -> int:
    from recovery_app.domain.stretches import ContactKind, local_day
    from recovery_app.services.clocks import ContactDetails
    from recovery_app.services.texts import today_texts

    args = ctx.args
    at = datetime.now(UTC) if args.at is None else args.at
    with open_vault(ctx) as vault:
        clocks = _clock_service(vault)
        clock = clocks.find_clock(args.clock)
        assert clock.id is not None
        before = clocks.figures(clock.id)
        details = ContactDetails(ContactKind(args.kind), at, args.channel, args.note)
        clocks.log_contact(clock.id, details)
        after = clocks.figures(clock.id)
        today = clocks.today()
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
    return EXIT_OK


def check_in(ctx: Context) -> int:
    from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer
    from recovery_app.services.check_ins import CheckInService

    args = ctx.args
    no_contact = None if args.no_contact is None else NoContactAnswer(args.no_contact)
    with open_vault(ctx) as vault:
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


def status(ctx: Context) -> int:
    from recovery_app.services.texts import today_texts

    with open_vault(ctx) as vault:
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
            "tomorrow"
            if s.days_to_next_milestone == 1
            else f"in {days_text(s.days_to_next_milestone)}"
        )
        print(
            f"{s.name}: {days_text(f.current_days)} "
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
