"""My data is mine, from the terminal: backups, restore, export, import, re-key, delete.

Passwords come first on standard input (with --password-stdin), one a line, or are asked
for at the terminal. A question ("restore this backup?", "this file won't be encrypted") is
asked at a terminal; a script answers it with --yes, and without a terminal or --yes nothing
is done. A backup or a document from a newer version, or a file that isn't one, is refused
with one line and exit code 5 (services/messages.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_app.cli.arguments import UsageError
from recovery_app.cli.context import (
    Context,
    existing_door,
    json_text,
    open_journal,
    shown,
    with_password,
)
from recovery_app.services.messages import EXIT_ERROR, EXIT_OK

if TYPE_CHECKING:
    from recovery_app.services.my_data_records import BackupInfo, RestorePreview
    from recovery_app.services.restore import RestorePlan, RestoreService

_YES_HELP = "answer the question for a script: go ahead without asking"


def register(commands: Any) -> None:
    commands.add_parser(
        "backup", help="back up the journal now (encrypted, and checked after writing)"
    ).set_defaults(handler=backup)
    listing = commands.add_parser(
        "backups",
        help="list the backups, newest first: path, date, size and what each holds",
        description="One backup a line: its path (what `restore` takes), when it was made, its "
        "size, and the entries it holds. When the journal can't be opened, the backups in the "
        "data folder are listed without what they hold.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead")
    listing.add_argument("--folder", metavar="DIR", help="list the backups in another folder")
    listing.set_defaults(handler=list_backups)

    restore = commands.add_parser(
        "restore",
        help="put a backup in place of the journal (a safety backup of it is made first)",
        description="Shows what the backup holds beside the journal, asks, then restores: a "
        "safety backup of the journal first, a checked copy, one swap. Give the journal's "
        "password; a backup that missed a password change also asks for the older one.",
    )
    restore.add_argument("path", metavar="PATH", help="a backup, as `backups` lists it")
    restore.add_argument("--yes", action="store_true", help=_YES_HELP)
    restore.set_defaults(handler=restore_backup)

    export = commands.add_parser(
        "export",
        help="export the journal to a JSON document or a zip of CSV files (not encrypted)",
    )
    export.add_argument("--format", choices=["json", "csv"], required=True)
    export.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--replace", action="store_true", help="replace FILE if it is there")
    export.add_argument("--yes", action="store_true", help=_YES_HELP)
    export.set_defaults(handler=export_journal)

    bring_in = commands.add_parser(
        "import",
        help="bring in the entries of a JSON export (nothing you have is changed or doubled)",
        description="Shows what would be added first. A safety backup is made before anything "
        "is added. Entries already in the journal are left as they are.",
    )
    bring_in.add_argument("file", metavar="FILE", help="a JSON export")
    bring_in.add_argument("--dry-run", action="store_true", help="only say what would be added")
    bring_in.add_argument("--yes", action="store_true", help=_YES_HELP)
    bring_in.set_defaults(handler=import_document)

    rekey = commands.add_parser(
        "rekey",
        help="give the journal a new key: old copies and old backups no longer open",
        description="For when someone may know a password you used before, or hold a copy of "
        "the journal. The journal gets a new key (your password stays), a fresh backup is "
        "made, and the backups made under the old key are removed.",
    )
    rekey.add_argument("--yes", action="store_true", help=_YES_HELP)
    rekey.set_defaults(handler=rekey_journal)

    delete = commands.add_parser(
        "delete-journal",
        help="delete the journal, its key file, its reachable backups and settings",
        description="Needs the journal's password. Says what will go, and what it can't reach "
        "(backup folders not connected, exports you saved, copies elsewhere), then asks.",
    )
    delete.add_argument("--yes", action="store_true", help=_YES_HELP)
    delete.set_defaults(handler=delete_journal)


# ----- backups ------------------------------------------------------------------------------


def backup(ctx: Context) -> int:
    from recovery_app.services.messages import backup_failure_message
    from recovery_app.services.my_data_words import size_text

    with open_journal(ctx) as journal:
        outcome = journal.backups.back_up_now()
    if outcome.made is not None:
        made = outcome.made
        print(f"Backed up and checked: {made.path} ({size_text(made.size)}).", file=ctx.out)
        return EXIT_OK
    if outcome.failure is not None:
        print(f"recovery-app: {backup_failure_message(outcome.failure)}", file=ctx.err)
    else:
        print(
            "recovery-app: the journal was busy just then, so no backup was made. Please try "
            "again in a moment.",
            file=ctx.err,
        )
    return EXIT_ERROR


def list_backups(ctx: Context) -> int:
    from recovery_app.services.errors import (
        KeyFileDamaged,
        NotAVault,
        VaultDamaged,
        VaultMissing,
    )
    from recovery_app.services.restore import RestoreService
    from recovery_app.services.vault_service import VaultState

    folder = Path(ctx.args.folder).expanduser() if ctx.args.folder else None
    found: list[BackupInfo] = []
    away: list[Path] = []
    if ctx.door.state() is VaultState.PRESENT:
        try:
            with open_journal(ctx) as journal:
                backups = journal.backups
                for place in (folder,) if folder else backups.folders():
                    if place.is_dir():
                        found += backups.backups(place)
                    elif place != backups.default_folder:
                        away.append(place)
        except (VaultDamaged, KeyFileDamaged, NotAVault, VaultMissing):
            print(
                "recovery-app: the journal didn't open, so what each backup holds isn't shown.",
                file=ctx.err,
            )
            found = list(RestoreService(ctx.door).find(folder))
    else:
        found = list(RestoreService(ctx.door).find(folder))
    found.sort(key=lambda b: b.created_at, reverse=True)
    if ctx.args.json:
        print(json_text([_backup_document(b) for b in found], indent=2), file=ctx.out)
    else:
        for info in found:
            print(_backup_line(info), file=ctx.out)
        if not found:
            print("No backups yet.", file=ctx.out)
    for place in away:
        print(
            f"recovery-app: {place} isn't connected now, so its backups aren't listed.",
            file=ctx.err,
        )
    return EXIT_OK


def _backup_line(info: BackupInfo) -> str:
    from recovery_app.services.my_data_words import counts_text, size_text

    held = "holds: shown once opened" if info.counts is None else counts_text(info.counts)
    made = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{shown(str(info.path))}  {made}  {size_text(info.size)}  {held}"


def _backup_document(info: BackupInfo) -> dict[str, object]:
    return {
        "path": str(info.path),
        "created_at": info.created_at.isoformat().replace("+00:00", "Z"),
        "reason": info.reason,
        "bytes": info.size,
        "app_version": info.app_version,
        "counts": None if info.counts is None else dict(info.counts),
        "first_day": None if info.first_day is None else info.first_day.isoformat(),
        "last_day": None if info.last_day is None else info.last_day.isoformat(),
    }


# ----- restore ------------------------------------------------------------------------------


def restore_backup(ctx: Context) -> int:
    from recovery_app.services.restore import RestoreService
    from recovery_app.services.vault_service import VaultState

    path = Path(ctx.args.path).expanduser()
    restorer = RestoreService(ctx.door)
    journal_here = ctx.door.state() is VaultState.PRESENT
    prompt = "Password: " if journal_here else "The backup's password: "
    plan = _prepare(ctx, restorer, path, prompt)
    for line in _preview_lines(plan.preview, ctx, journal_here):
        print(line, file=ctx.out)
    if not _confirmed(
        ctx, "Restore this backup? A safety backup of your journal as it is now is made first."
    ):
        print("Nothing was changed.", file=ctx.out)
        return EXIT_ERROR
    from recovery_app.services.my_data_words import restore_done_text

    result = restorer.restore(plan)
    print(restore_done_text(result, plan.preview.backup, now=ctx.door.now()), file=ctx.out)
    if result.safety_copy is not None:
        print(f"The safety backup: {shown(str(result.safety_copy))}", file=ctx.out)
    return EXIT_OK


def _prepare(ctx: Context, restorer: RestoreService, path: Path, prompt: str) -> RestorePlan:
    """The plan, with the journal's password (and the older one, when the backup missed a
    password change). Each is one try, with the pause after wrong tries."""
    from recovery_app.services.errors import OlderPasswordNeeded
    from recovery_app.services.messages import message_for

    def first(password: str) -> tuple[RestorePlan | None, str]:
        try:
            return restorer.prepare(path, password), password
        except OlderPasswordNeeded:  # the journal's password was right: not a wrong try
            return None, password

    plan, password = with_password(ctx, prompt, first)
    if plan is not None:
        return plan
    print(f"recovery-app: {message_for(OlderPasswordNeeded(), ctx.data_dir)}", file=ctx.err)
    return with_password(
        ctx, "Older password: ", lambda older: restorer.prepare(path, password, older)
    )


def _preview_lines(preview: RestorePreview, ctx: Context, journal_here: bool) -> list[str]:
    from recovery_app.services.my_data_words import (
        counts_text,
        day_range_text,
        reason_text,
        size_text,
        when_text,
    )

    now = ctx.door.now()
    today = now.astimezone().date()
    backup, journal = preview.backup, preview.journal
    lines = [
        f"This backup: made {when_text(backup.created_at, now=now)} ({reason_text(backup.reason)}"
        f", {size_text(backup.size)}); {counts_text(backup.counts or {})}; entries from "
        f"{day_range_text(backup.first_day, backup.last_day, today=today)}."
    ]
    if journal is not None:
        lines.append(
            f"Your journal now: {counts_text(journal.counts)}; entries from "
            f"{day_range_text(journal.first_day, journal.last_day, today=today)}."
        )
        if not preview.same_journal:
            lines.append("This backup was made of another journal: it would take this one's place.")
    elif journal_here:
        lines.append(
            "Your journal now can't be read: it will be set aside whole, beside the backups."
        )
    else:
        lines.append("There is no journal here now: this backup becomes your journal.")
    if preview.replaces_key_file:
        lines.append("Afterwards, the password that opened this backup opens your journal.")
    return lines


# ----- export and import --------------------------------------------------------------------


def export_journal(ctx: Context) -> int:
    from recovery_app.services.my_data_records import ExportFormat
    from recovery_app.services.my_data_words import size_text

    target = Path(ctx.args.out).expanduser().absolute()
    with open_journal(ctx) as journal:
        if not _confirmed(
            ctx,
            "The exported file won't be encrypted: anyone who can open it can read everything "
            "in your journal. Write it?",
        ):
            print("Nothing was written.", file=ctx.out)
            return EXIT_ERROR
        result = journal.exports.export(
            target, ExportFormat(ctx.args.format), overwrite=ctx.args.replace
        )
    print(
        f"Saved to {shown(str(result.path))} ({size_text(result.bytes)}). It isn't encrypted: "
        "please keep it safe.",
        file=ctx.out,
    )
    return EXIT_OK


def import_document(ctx: Context) -> int:
    from recovery_app.services.my_data_records import ENTRY_TABLES
    from recovery_app.services.my_data_words import import_done_text, import_preview_text

    source = Path(ctx.args.file).expanduser()
    with open_journal(ctx) as journal:
        preview = journal.imports.preview(source)
        print(import_preview_text(preview), file=ctx.out)
        if ctx.args.dry_run or not any(
            preview.tables.get(t) and preview.tables[t].added for t in ENTRY_TABLES
        ):
            return EXIT_OK
        if not _confirmed(ctx, "Bring them in? A backup of your journal is made first."):
            print("Nothing was changed.", file=ctx.out)
            return EXIT_ERROR
        report = journal.imports.import_document(source)
    print(import_done_text(report), file=ctx.out)
    if report.safety_backup is not None:
        print(f"A backup from just before: {shown(str(report.safety_backup))}", file=ctx.out)
    return EXIT_OK


# ----- re-key and delete --------------------------------------------------------------------


def rekey_journal(ctx: Context) -> int:
    from recovery_app.services.my_data_words import rekey_done_text
    from recovery_app.services.rekey import RekeyService

    door = existing_door(ctx)
    # Checked before asking, so a wrong password is said at once (the re-key checks it again).
    password = with_password(ctx, "Password: ", lambda pw: (door.check_password(pw), pw)[1])
    if not _confirmed(
        ctx,
        "Give the journal a new key? Backups made under the old key are removed once a fresh "
        "one is made and checked.",
    ):
        print("Nothing was changed.", file=ctx.out)
        return EXIT_ERROR
    print(rekey_done_text(RekeyService(door).rekey_everything(password)), file=ctx.out)
    return EXIT_OK


def delete_journal(ctx: Context) -> int:
    from recovery_app.services.journal_deletion import JournalDeletion
    from recovery_app.services.my_data_words import deletion_done_text

    door = existing_door(ctx)
    deletion = JournalDeletion(door)
    plan, password = with_password(ctx, "Password: ", lambda pw: (deletion.plan(pw), pw))
    print("This deletes, for good:", file=ctx.out)
    print(f"  your journal and its key file, in {shown(str(door.data_dir))}", file=ctx.out)
    for backup_path in plan.backups:
        print(f"  the backup {shown(str(backup_path))}", file=ctx.out)
    if plan.window_settings is not None:
        print("  the window settings", file=ctx.out)
    if plan.remembered_key:
        print("  the key remembered on this computer", file=ctx.out)
    print("It can't reach, so it leaves:", file=ctx.out)
    for folder in plan.unreachable_folders:
        print(f"  backups in {shown(str(folder))}, which isn't connected now", file=ctx.out)
    if plan.folders_unknown:
        print("  backups in a folder you chose (the journal couldn't be opened)", file=ctx.out)
    print("  exports you saved, and copies made elsewhere", file=ctx.out)
    if not _confirmed(ctx, "Delete the journal? It can't be undone."):
        print("Nothing was deleted.", file=ctx.out)
        return EXIT_ERROR
    print(deletion_done_text(deletion.delete(password)), file=ctx.out)
    return EXIT_OK


# ----- helpers ------------------------------------------------------------------------------


def _confirmed(ctx: Context, question: str) -> bool:
    """--yes, or "y" typed at a terminal. With neither, nothing is done."""
    if ctx.args.yes:
        return True
    texts = ctx.texts
    if texts is None or not texts.stdin.isatty():
        raise UsageError(f"{question} Add --yes to go ahead (nothing was changed)")
    return texts.prompt(f"{question} [y/N] ").strip().lower() in ("y", "yes")
