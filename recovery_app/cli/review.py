"""The review as a PDF from the terminal: `report --from DATE --to DATE --out FILE.pdf`.

The PDF is made by the same code as the window's (recovery_app/drawing/report.py), which
draws with Qt: this command alone starts a Qt application, off screen unless told otherwise,
and only once everything else has been checked. Before writing, it says plainly that the
PDF itself is not encrypted, and asks (`--yes` answers for scripts; with no terminal to ask
and no `--yes`, it writes nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from recovery_app.cli.arguments import UsageError, choices, day
from recovery_app.cli.context import Context, open_journal, shown
from recovery_app.domain.kinds import ReportSection
from recovery_app.services.messages import EXIT_OK, EXIT_USAGE

WARNING = (
    "The PDF itself is not encrypted: anyone who can open the file can read it, wherever it "
    "is copied or sent. Keep it somewhere safe, and delete it when you no longer need it."
)
_NO_TERMINAL = "recovery-app: nothing was written. " + WARNING + " Add --yes to write it anyway."


def register(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write the review of two dates as a PDF, to print or give someone you trust",
        description="Write the review of two dates as a PDF: a one-page summary, then the "
        "sections chosen. Without --include: stretches, milestones, urges, triggers, "
        "check-ins, promises and predictions. Your own words (notes, memories, letters) go "
        "in only when you name them. The PDF is not encrypted.",
    )
    report.add_argument(
        "--from",
        dest="first",
        required=True,
        type=day,
        metavar="DATE",
        help="the first day, YYYY-MM-DD",
    )
    report.add_argument(
        "--to",
        dest="last",
        required=True,
        type=day,
        metavar="DATE",
        help="the last day, YYYY-MM-DD (a day after today counts as today)",
    )
    report.add_argument(
        "--include",
        action="extend",
        nargs="+",
        choices=choices(ReportSection),
        metavar="SECTION",
        help="the sections to put in, instead of the usual ones: "
        + ", ".join(choices(ReportSection))
        + " (notes, memories and letters hold your own words)",
    )
    report.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write it")
    report.add_argument(
        "--title",
        metavar="TEXT",
        help="the title on every page (default: Personal review; - reads it from stdin)",
    )
    report.add_argument(
        "--name-the-app",
        action="store_true",
        help="say on the report which app made it (it doesn't, unless asked)",
    )
    report.add_argument(
        "--yes",
        action="store_true",
        help="write it without asking about the file not being encrypted",
    )
    report.set_defaults(handler=write_report_command)


def _target(text: str) -> Path:
    target = Path(text).expanduser()
    if target.is_dir():
        raise UsageError("--out names a folder; give the file's name too, e.g. review.pdf")
    if target.exists():
        raise UsageError(
            "there's already a file where --out points; choose another name, or move it first"
        )
    if not target.parent.is_dir():
        raise UsageError("the folder for --out doesn't exist yet")
    return target.resolve()


def _agreed(ctx: Context) -> bool:
    """The plain word about the unencrypted file, and the person's answer."""
    if ctx.args.yes:
        return True
    stdin = ctx.passwords.stdin
    if not stdin.isatty():
        print(_NO_TERMINAL, file=ctx.err)
        return False
    print(WARNING, file=ctx.err)
    print("Write it? [y/N] ", end="", file=ctx.err, flush=True)
    return stdin.readline().strip().lower() in ("y", "yes")


def write_report_command(ctx: Context) -> int:
    from recovery_app.domain.report import report_sections

    target = _target(ctx.args.out)
    sections = report_sections(
        None if ctx.args.include is None else [ReportSection(s) for s in ctx.args.include]
    )
    title = ctx.text(title=ctx.args.title)["title"] if ctx.args.title is not None else None
    if not _agreed(ctx):
        return EXIT_USAGE
    from recovery_app.drawing.application import drawing_application

    app = drawing_application()  # Qt draws the pages; started for this command only
    from recovery_app.domain.review_range import RangeChoice
    from recovery_app.drawing.report import DEFAULT_TITLE, ReportOptions, ReportWriter
    from recovery_app.drawing.review_data import load_review_data
    from recovery_app.services.report_file import save_report

    with open_journal(ctx) as journal:
        data = load_review_data(
            journal.review, RangeChoice.CUSTOM, (ctx.args.first, ctx.args.last), sections
        )
    options = ReportOptions(
        " ".join((title or "").split()) or DEFAULT_TITLE, sections, ctx.args.name_the_app
    )
    writer = ReportWriter(data, options)
    while not writer.step():
        pass
    save_report(target, writer.result())
    del app  # kept alive until the pages are painted
    pages = writer.progress.page_count
    in_it = ", ".join(s.value for s in sections) or "the summary alone"
    print(
        f"Wrote the report ({pages} page{'s' if pages != 1 else ''}: {in_it}) to "
        f"{shown(str(target))}. It is not encrypted: keep it somewhere safe.",
        file=ctx.out,
    )
    return EXIT_OK
