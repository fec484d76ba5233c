"""The contact log from the terminal: the times they reached out, as a PDF or a CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from recovery_app.cli.arguments import UsageError, day
from recovery_app.cli.context import Context, open_journal
from recovery_app.services.messages import EXIT_ERROR, EXIT_OK

FORMATS = (".pdf", ".csv")


def register(commands: Any) -> None:
    log = commands.add_parser(
        "contact-log",
        help="write the times they reached out as a PDF or CSV file, to hand to someone",
        description="Write the contact from them noted on one clock (when it happened, when "
        "it was logged, how, their exact words, the files with their SHA-256, and every "
        "edit) as a PDF or a CSV file. The file is not encrypted.",
    )
    log.add_argument("--clock", required=True, metavar="NAME", help="the clock's label")
    log.add_argument("--from", dest="start", type=day, metavar="DATE", help="first day, YYYY-MM-DD")
    log.add_argument("--to", dest="end", type=day, metavar="DATE", help="last day, YYYY-MM-DD")
    log.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="a new FILE.pdf or FILE.csv"
    )
    log.add_argument("--with-notes", action="store_true", help="add your own notes too")
    log.add_argument(
        "--with-attachments",
        action="store_true",
        help="add the files kept with each entry: thumbnails of pictures, and every file's "
        "SHA-256 (without it, only how many there were)",
    )
    log.add_argument("--replace", action="store_true", help="replace FILE if it is there")
    log.add_argument(
        "--yes", action="store_true", help="write it without asking (it is not encrypted)"
    )
    log.set_defaults(handler=write_contact_log)


def write_contact_log(ctx: Context) -> int:
    from recovery_app.services.contact_log import ContactLogChoice
    from recovery_app.services.messages import NOT_ENCRYPTED_WARNING

    args = ctx.args
    target: Path = args.out.expanduser().absolute()
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError("--out names a file ending in .pdf or .csv")
    if not args.yes and not _agreed(ctx, NOT_ENCRYPTED_WARNING):
        print("recovery-app: nothing was written.", file=ctx.err)
        return EXIT_ERROR
    with open_journal(ctx) as journal:
        clock = journal.clocks.find_clock(args.clock)
        documents = journal.contact_log
        log = documents.log(
            ContactLogChoice(
                clock.id,
                args.start,
                args.end,
                include_notes=args.with_notes,
                include_attachments=args.with_attachments,
            )
        )
        if suffix == ".csv":
            written = documents.write_csv(log, target, overwrite=args.replace)
        else:
            from recovery_app.documents.contact_log_pdf import render_contact_log
            from recovery_app.documents.offscreen import gui_application

            gui_application()  # Qt's painter needs one; offscreen, for this command only
            data = render_contact_log(log, documents.attachment_data)
            written = documents.write_document(target, data, overwrite=args.replace)
    count = len(log.entries)
    entries = "1 entry" if count == 1 else f"{count} entries"
    print(f"Wrote the contact log ({entries}) to {written}.", file=ctx.out)
    print(NOT_ENCRYPTED_WARNING, file=ctx.out)
    return EXIT_OK


def _agreed(ctx: Context, warning: str) -> bool:
    """At a terminal, ask; otherwise --yes must say it."""
    stdin = ctx.passwords.stdin
    if ctx.passwords.from_stdin or not stdin.isatty():
        raise UsageError("the file won't be encrypted; add --yes to write it anyway")
    print(warning, file=ctx.err)
    answer = input("Write it? [y/N] ")
    return answer.strip().lower() in ("y", "yes")
