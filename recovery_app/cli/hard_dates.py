"""Hard dates from the terminal: mark a day, and see the days marked and the days the urge
history gathers around, with the years and counts behind each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from recovery_app.cli.arguments import choices
from recovery_app.cli.context import Context, json_text, open_journal, shown
from recovery_app.domain.kinds import HardDateNotice, PlanStep
from recovery_app.services.messages import EXIT_OK

if TYPE_CHECKING:
    from recovery_app.domain.hard_dates import Cluster, ClusterSearch
    from recovery_app.services.hard_dates import UpcomingHardDate

_MARKED = "Marked: {name} ({when})."
_SHOWN_FROM = {
    HardDateNotice.TWO_WEEKS: "Today will show it from 14 days before.",
    HardDateNotice.ONE_WEEK: "Today will show it from 7 days before.",
    HardDateNotice.ONE_DAY: "Today will show it the day before.",
    HardDateNotice.ON_THE_DAY: "Today will show it on the day.",
    HardDateNotice.NEVER: "Today won't show it ahead of time.",
}
_NOTHING_MARKED = (
    'No days marked yet. To mark one: recovery-app hard-date add "The day it ended" --date 03-09'
)
_MARKED_HEADING = "Days you marked:"
_CLUSTERS_HEADING = "Dates your urges gathered around:"
_NO_CLUSTERS = "None stand out in your history so far."


def month_day(text: str) -> tuple[int, int, int | None]:
    from recovery_app.domain.errors import InvalidInput
    from recovery_app.domain.marked_dates import parse_month_day

    try:
        return parse_month_day(text)
    except InvalidInput:
        raise argparse.ArgumentTypeError(
            "please give the date as MM-DD for every year, or YYYY-MM-DD for once, "
            "for example 12-25"
        ) from None


def register(commands: Any) -> None:
    """`hard-date add` and `hard-dates`, under the main parser's commands."""
    hard_date = commands.add_parser("hard-date", help="mark a hard day ahead, with a plan")
    actions = hard_date.add_subparsers(dest="hard_date_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="mark a day: an anniversary, a birthday, a holiday, the day it ended",
        description="Mark a day that may be hard. Today shows it ahead of time, with your plan.",
    )
    add.add_argument("name", metavar="NAME", help="what you call the day (- reads it from stdin)")
    add.add_argument(
        "--date",
        required=True,
        type=month_day,
        metavar="MM-DD|YYYY-MM-DD",
        help="MM-DD for every year, YYYY-MM-DD for once",
    )
    add.add_argument("--clock", metavar="NAME", help="the clock (person) it belongs to")
    add.add_argument(
        "--notice",
        choices=choices(HardDateNotice),
        default=HardDateNotice.TWO_WEEKS.value,
        help="how many days before Today starts to show it (0: only on the day; default 14)",
    )
    add.add_argument(
        "--plan",
        default="",
        metavar="TEXT",
        help="a short plan for the day (- reads it from stdin)",
    )
    add.add_argument(
        "--step",
        action="append",
        default=[],
        choices=choices(PlanStep),
        help="what the plan opens on the day; repeat for more",
    )
    add.set_defaults(handler=hard_date_add)
    listing = commands.add_parser(
        "hard-dates",
        help="the days you marked, with the days to go, and the dates your urges gathered around",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=hard_dates)


def _when(month: int, day: int, year: int | None) -> str:
    from recovery_app.domain.hard_dates import day_and_month

    words = day_and_month(month, day)
    return f"{words}, every year" if year is None else f"{words} {year}"


def _to_go(days: int | None) -> str:
    if days is None:
        return "passed"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def hard_date_add(ctx: Context) -> int:
    from recovery_app.domain.marked_dates import HardDateDetails

    args = ctx.args
    month, day, year = args.date
    with open_journal(ctx) as journal:
        texts = ctx.text(name=args.name, plan=args.plan)
        clock_id = None if args.clock is None else journal.clocks.find_clock(args.clock).id
        details = HardDateDetails(
            texts["name"],
            month,
            day,
            year,
            HardDateNotice(args.notice),
            clock_id,
            texts["plan"],
            tuple(PlanStep(step) for step in args.step),
        )
        saved = journal.hard_dates.add(details).details
    when = _when(saved.month, saved.day, saved.year)
    print(
        _MARKED.format(name=shown(saved.name), when=when), _SHOWN_FROM[saved.notice], file=ctx.out
    )
    return EXIT_OK


def hard_dates(ctx: Context) -> int:
    with open_journal(ctx) as journal:
        upcoming = journal.hard_dates.upcoming()
        clocks = journal.hard_dates.clock_names()
        search = journal.hard_dates.clusters()
    if ctx.args.json:
        document = {
            "marked": [_marked_fields(item, clocks) for item in upcoming],
            "clusters": [_cluster_fields(c) for c in search.clusters],
            "clusters_need": _needed(search),
        }
        print(json_text(document, indent=2), file=ctx.out)
        return EXIT_OK
    lines = [*_marked_lines(upcoming, clocks), "", *_cluster_lines(search)]
    print("\n".join(lines), file=ctx.out)
    return EXIT_OK


def _marked_lines(upcoming: list[UpcomingHardDate], clocks: dict[int, str]) -> list[str]:
    if not upcoming:
        return [_NOTHING_MARKED]
    lines = [_MARKED_HEADING]
    for item in upcoming:
        details = item.saved.details
        line = f"  {_when(details.month, details.day, details.year):<26}"
        line += f"{_to_go(item.days_to_go):<14}{shown(details.name)}"
        if details.clock_id in clocks:
            line += f"  ({shown(clocks[details.clock_id])})"
        lines.append(line)
    return lines


def _mm_dd(month: int, day: int) -> str:
    return f"{month:02d}-{day:02d}"


def _cluster_lines(search: ClusterSearch) -> list[str]:
    from recovery_app.domain.hard_dates import cluster_counts, cluster_sentence, not_yet_sentence
    from recovery_app.services.texts import hard_date_words

    words, _ = hard_date_words()
    lines = [_CLUSTERS_HEADING]
    waiting = not_yet_sentence(search, words)
    if waiting is not None:
        return [*lines, f"  {waiting}"]
    if not search.clusters:
        return [*lines, f"  {_NO_CLUSTERS}"]
    for cluster in search.clusters:
        (first_month, first_day), (last_month, last_day) = cluster.spread
        around = _mm_dd(cluster.month, cluster.day)
        first, last = _mm_dd(first_month, first_day), _mm_dd(last_month, last_day)
        reach = f" (windows around {first} to {last})" if first != last else ""
        lines.append(f"  {around}{reach}: {cluster_sentence(cluster, words)}")
        lines += [f"      {line}" for line in cluster_counts(cluster, words)]
    return lines


def _marked_fields(item: UpcomingHardDate, clocks: dict[int, str]) -> dict[str, object]:
    from recovery_app.domain.marked_dates import month_day_text

    details = item.saved.details
    return {
        "id": item.saved.id,
        "name": details.name,
        "date": month_day_text(details.month, details.day, details.year),
        "every_year": details.every_year,
        "next": None if item.next is None else item.next.isoformat(),
        "days_to_go": item.days_to_go,
        "clock": clocks.get(details.clock_id) if details.clock_id is not None else None,
        "notice": details.notice.value,
        "plan": details.plan or None,
        "steps": [step.value for step in details.steps],
    }


def _cluster_fields(cluster: Cluster) -> dict[str, object]:
    (first_month, first_day), (last_month, last_day) = cluster.spread
    return {
        "date": _mm_dd(cluster.month, cluster.day),
        "windows_from": _mm_dd(first_month, first_day),
        "windows_to": _mm_dd(last_month, last_day),
        "years": [{"year": y.year, "count": y.count} for y in cluster.years],
        "usual_per_week": round(cluster.usual, 2),
    }


def _needed(search: ClusterSearch) -> dict[str, int] | None:
    if search.enough_history:
        return None
    return {"days": search.days_needed, "urges": search.urges_needed}
