"""Urges from the terminal: note one in seconds, and look back at them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from itertools import chain
from typing import TYPE_CHECKING, Any

from recovery_app.cli.arguments import choices, day, moment, whole_number
from recovery_app.cli.context import Context, json_text, open_journal, shown
from recovery_app.domain.kinds import UrgeOutcome
from recovery_app.services.messages import EXIT_OK

if TYPE_CHECKING:
    from recovery_app.domain.urges import UrgeDetails, WeekFigures
    from recovery_app.services.urges import SavedUrge

_NOTED = "Noted: intensity {intensity} at {when}. It took courage to notice it."
_CONTACT_HINT = "If you want to count it as contact (only you decide): {command}"
_NO_URGES_YET = "No urges noted yet. When the pull comes: recovery-app log-urge --intensity N"
_NO_URGES_SINCE = "No urges noted since {day}."
_OUTCOME_WORDS = {"passed": "passed", "reached-out": "reached out"}


def register(commands: Any) -> None:
    log = commands.add_parser(
        "log-urge",
        help="note an urge to reach out",
        description="Note an urge to reach out. Only the intensity is needed; the rest can be "
        "skipped.",
    )
    log.add_argument(
        "--intensity",
        required=True,
        type=whole_number,
        metavar="N",
        help="how strong the pull is, 0 (barely there) to 10",
    )
    log.add_argument(
        "--trigger",
        action="append",
        default=[],
        metavar="T",
        help="what set it off; repeat for more than one (a new one joins your list)",
    )
    log.add_argument(
        "--note", default="", metavar="TEXT", help="a note for yourself (- reads it from stdin)"
    )
    log.add_argument(
        "--outcome",
        choices=choices(UrgeOutcome),
        help="passed (it passed) or reached-out (I reached out)",
    )
    log.add_argument(
        "--minutes", type=whole_number, metavar="M", help="how long it lasted, in minutes"
    )
    log.add_argument(
        "--at",
        type=moment,
        metavar="WHEN",
        help="date and time, e.g. 2026-03-01T18:30 (default: now)",
    )
    log.set_defaults(handler=log_urge)
    listing = commands.add_parser(
        "urges", help="the urges you noted, newest first, with this week beside last week"
    )
    listing.add_argument(
        "--since", type=day, metavar="DATE", help="only from this day on, YYYY-MM-DD"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=urges)


def log_urge(ctx: Context) -> int:
    from recovery_app.domain.urges import UrgeDetails

    args = ctx.args
    at = datetime.now(UTC) if args.at is None else args.at
    with open_journal(ctx) as journal:
        details = UrgeDetails(
            at=at,
            intensity=args.intensity,
            triggers=tuple(args.trigger),
            outcome=None if args.outcome is None else UrgeOutcome(args.outcome),
            minutes=args.minutes,
            note=ctx.text(note=args.note)["note"],
        )
        saved = journal.urges.log_urge(details).details
        today = journal.today()
    print(_NOTED.format(intensity=saved.intensity, when=_when(saved.at, today)), file=ctx.out)
    if saved.outcome is UrgeOutcome.REACHED_OUT:
        command = "recovery-app contact --clock NAME --kind me"
        if args.at is not None:  # so the contact lands at the same moment
            command += f" --at {saved.at.astimezone():%Y-%m-%dT%H:%M}"
        print(_CONTACT_HINT.format(command=command), file=ctx.out)
    return EXIT_OK


def _when(at: datetime, today: date) -> str:
    local = at.astimezone()
    if local.date() == today:
        return f"{local:%H:%M}"
    return f"{local:%H:%M} on {local:%Y-%m-%d}"


def urges(ctx: Context) -> int:
    since: date | None = ctx.args.since
    with open_journal(ctx) as journal:
        service = journal.urges
        this_week, last_week = service.week_comparison()
        # Printed as they are read, a batch at a time: forty years of urges would otherwise
        # sit in memory twice (the rows, then the text) before the first line appears.
        listed = service.each_urge(since=since)
        if ctx.args.json:
            _print_json(ctx, listed, this_week, last_week)
            return EXIT_OK
        first = next(listed, None)
        if first is None and since is None:
            print(_NO_URGES_YET, file=ctx.out)
            return EXIT_OK
        if first is None:
            print(_NO_URGES_SINCE.format(day=since), file=ctx.out)
        else:
            # A write per batch: 50,000 separate prints are needlessly slow.
            for lines in _batches(_urge_line(urge.details) for urge in chain([first], listed)):
                print("\n".join(lines), file=ctx.out)
    tail = ["", _week_line("This week so far", this_week), _week_line("Last week", last_week)]
    print("\n".join(tail), file=ctx.out)
    return EXIT_OK


def _print_json(
    ctx: Context, listed: Iterator[SavedUrge], this_week: WeekFigures, last_week: WeekFigures
) -> None:
    """The document `json_text(..., indent=2)` would print, written an urge at a time."""
    from json.encoder import encode_basestring_ascii as quoted  # json's own C function

    out = ctx.out
    out.write('{\n  "urges": [')
    separator = "\n"
    for urge in listed:
        out.write(f"{separator}    {_urge_json(_urge_fields(urge), quoted)}")
        separator = ",\n"
    out.write("\n  ]," if separator == ",\n" else "],")
    for name, week in (("this_week", this_week), ("last_week", last_week)):
        text = json_text(_week_fields(week), indent=2).replace("\n", "\n  ")
        out.write(f'\n  "{name}": {text}' + ("," if name == "this_week" else ""))
    out.write("\n}\n")


def _urge_json(fields: dict[str, object], quoted: Callable[[str], str]) -> str:
    """`json.dumps(fields, indent=2)` as an item of the document's "urges" list. An indent
    turns json's C encoder off, and 50,000 urges then take seconds; the fields are known
    (whole numbers, text, yes/no, nothing, lists of text), so each is written as json would."""
    inner = " " * 6
    lines = []
    for name, value in fields.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"{inner}  {_scalar_json(item, quoted)}" for item in value)
            text = f"[\n{items}\n{inner}]"
        else:
            text = _scalar_json(value, quoted)
        lines.append(f'{inner}"{name}": {text}')
    return "{\n" + ",\n".join(lines) + "\n    }"


def _scalar_json(value: object, quoted: Callable[[str], str]) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, list):  # an empty list: a full one is spread over lines above
        return "[]"
    raise TypeError(f"not a field an urge has: {type(value).__name__}")


def _batches(lines: Iterator[str], size: int = 1000) -> Iterator[list[str]]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _urge_line(details: UrgeDetails) -> str:
    parts = [f"{details.at.astimezone():%Y-%m-%d %H:%M}"]
    if details.intensity is not None:
        parts.append(f"intensity {details.intensity}")
    if details.outcome is not None:
        parts.append(_OUTCOME_WORDS[details.outcome.value])
    if details.minutes is not None:
        parts.append(f"{details.minutes} min")
    if details.triggers:
        parts.append("triggers: " + ", ".join(shown(t) for t in details.triggers))
    return "  ".join(parts)


def _week_line(label: str, week: WeekFigures) -> str:
    if week.count == 0:
        return f"{label}: no urges noted."
    parts = ["1 urge" if week.count == 1 else f"{week.count} urges"]
    if week.mean_intensity is not None:
        parts.append(f"average intensity {week.mean_intensity:.1f}")
    if week.share_passed is not None:
        parts.append(f"{round(week.share_passed * 100)}% passed")
    return f"{label}: {', '.join(parts)}."


def _urge_fields(urge: SavedUrge) -> dict[str, object]:
    details = urge.details
    return {
        "id": urge.id,
        "at": details.at.astimezone().isoformat(),
        "intensity": details.intensity,
        "intensity_after": details.intensity_after,
        "triggers": list(details.triggers),
        "feelings": details.feelings or None,
        "place": details.place or None,
        "company": details.company or None,
        "did_instead": details.did_instead or None,
        "outcome": None if details.outcome is None else details.outcome.value,
        "minutes": details.minutes,
        "predicted_minutes": details.predicted_minutes,
        "predicted_reach_out": details.predicted_reach_out,
        "note": details.note or None,
    }


def _week_fields(week: WeekFigures) -> dict[str, object]:
    return {
        "monday": week.monday.isoformat(),
        "count": week.count,
        "mean_intensity": week.mean_intensity,
        "share_passed": week.share_passed,
    }
