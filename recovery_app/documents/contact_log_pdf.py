"""The contact log as a PDF: a cover page, then one block per time they reached out, in the
order they happened (when it happened, when it was logged, how, the exact words, the files
as thumbnails with their SHA-256, and "Edited on …" with every earlier version).

Only what the person chose goes in: one clock, the days chosen, their own notes only if
asked, the files only if asked. Pictures are read from the bytes in memory (QImage), never
from a file. The PDF is drawn into memory and handed back; a service writes it where the
person chose (services/contact_log.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage, QPainter

from recovery_app.documents.page_flow import PageFlow, Style, new_writer, open_buffer
from recovery_app.domain.reach_out import megabytes
from recovery_app.domain.text_input import for_terminal
from recovery_app.services.attempt_records import AttemptVersion, SavedAttachment
from recovery_app.services.contact_log import (
    ContactLog,
    channel_name,
    day_range_text,
    local_moment,
)
from recovery_app.services.contact_records import AttemptRecord

TITLE = "Contact log"
THUMBNAIL_MM = (46.0, 40.0)
EXPLANATION = (
    "Each entry was written down in this journal by the person who keeps it. “Happened” is "
    "when the contact came, as they noted it; “Logged” is when the entry was saved. An entry "
    "changed after it was first saved says “Edited on …”, and every earlier version is printed "
    "with it, the first one included: the journal keeps them all. Each attachment is listed "
    "with its SHA-256 fingerprint, taken when it was added; a copy of the file with the same "
    "fingerprint is the same file, byte for byte. Unusual characters in the exact words (ones "
    "that are invisible, or that change the direction of the text) are shown as codes such as "
    "\\u202e, so nothing is hidden."
)

HEADING = Style(size=20, bold=True, after=4)
SUBHEADING = Style(size=13, bold=True, after=2)
LABEL = Style(size=9, bold=True, after=0.5)
BODY = Style(size=10, after=1.5)
WORDS = Style(size=10, indent=4, after=2)
SMALL = Style(size=8.5, quiet=True, after=1)
HASH = Style(size=7.5, mono=True, after=1)
EDITED = Style(size=10, bold=True, italic=True, after=1.5)

Loader = Callable[[int], bytes]  # an attachment's bytes, by id


def render_contact_log(log: ContactLog, load: Loader) -> bytes:
    """The PDF's bytes. Needs a running QGuiApplication (documents/offscreen.py)."""
    letter = _letter_paper()
    measured = open_buffer()  # first, count the pages (nothing is drawn)
    pages = _draw(
        log, load, PageFlow(new_writer(measured, title=TITLE, letter=letter), None, TITLE)
    )
    measured.close()
    buffer = open_buffer()
    writer = new_writer(buffer, title=TITLE, letter=letter)
    painter = QPainter(writer)
    try:
        flow = PageFlow(writer, painter, TITLE)
        flow.pages_in_all = pages
        _draw(log, load, flow)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def _letter_paper() -> bool:
    return QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem


def _draw(log: ContactLog, load: Loader, flow: PageFlow) -> int:
    """Every page, on `flow`; how many pages it took."""
    _cover(flow, log)
    total = len(log.entries)
    for number, entry in enumerate(log.entries, start=1):
        if number == 1:
            flow.new_page()
        else:
            flow.keep(70)
        _entry(flow, log, entry, number, total, load)
    flow.finish()
    return flow.page


def _cover(flow: PageFlow, log: ContactLog) -> None:
    choice = log.choice
    flow.space(20)
    flow.paragraph(TITLE, HEADING)
    flow.paragraph("Contact that came from them, as noted in this journal.", BODY)
    flow.space(6)
    rows = [
        ("Clock (the journal's own label)", log.clock_name),
        ("Days", day_range_text(choice.start, choice.end)),
        ("Entries", str(len(log.entries))),
        ("Made", f"{local_moment(log.made_at)}, by Journal {log.app_version}"),
        ("Times", "The local time of the computer that made this, with its offset from UTC."),
        ("Included", _included(log)),
    ]
    for label, value in rows:
        flow.paragraph(label, LABEL)
        flow.paragraph(for_terminal(value), BODY)
    flow.space(6)
    flow.paragraph(EXPLANATION, SMALL)
    if not log.entries:
        flow.space(6)
        flow.paragraph("No contact from them was noted on these days.", BODY)


def _included(log: ContactLog) -> str:
    choice = log.choice
    parts = ["When each contact happened and was logged, how, and the exact words"]
    parts.append(
        "the attachments, as thumbnails with their SHA-256 fingerprints"
        if choice.include_attachments
        else "not the attachments (only how many there were)"
    )
    parts.append(
        "the journal keeper's own notes"
        if choice.include_notes
        else "not the journal keeper's own notes"
    )
    return "; ".join(parts) + "."


def _entry(
    flow: PageFlow,
    log: ContactLog,
    entry: AttemptRecord,
    number: int,
    total: int,
    load: Loader,
) -> None:
    contact, details = entry.contact, entry.contact.details
    flow.paragraph(f"Entry {number} of {total}", SUBHEADING)
    if contact.edited_at is not None:
        flow.paragraph(f"Edited on {local_moment(contact.edited_at)}", EDITED)
    for label, value in (
        ("Happened", local_moment(details.at)),
        ("Logged", local_moment(contact.created_at)),
        ("How", channel_name(details.channel)),
    ):
        flow.paragraph(f"{label}: {value}", BODY)
    flow.paragraph("Exact words", LABEL)
    if details.words:
        flow.paragraph(for_terminal(details.words, keep_line_breaks=True), WORDS)
    else:
        flow.paragraph("No exact words were noted.", SMALL)
    _attachments(flow, log, entry.attachments, load)
    if log.choice.include_notes and details.note:
        flow.paragraph("The journal keeper's own note", LABEL)
        flow.paragraph(for_terminal(details.note, keep_line_breaks=True), WORDS)
    if entry.versions:
        _versions(flow, log, entry.versions)
    flow.space(2)
    flow.rule()


def _attachments(
    flow: PageFlow, log: ContactLog, files: tuple[SavedAttachment, ...], load: Loader
) -> None:
    if not files:
        return
    if not log.choice.include_attachments:
        count = "1 attachment" if len(files) == 1 else f"{len(files)} attachments"
        flow.paragraph(f"{count}, not included in this document.", SMALL)
        return
    flow.paragraph("Attachments", LABEL)
    for file in files:
        image = QImage.fromData(load(file.id)) if file.is_image else None
        kind = "picture" if file.is_image else file.media_type
        flow.picture_beside(
            image,
            THUMBNAIL_MM,
            [
                (for_terminal(file.name), Style(size=9.5, bold=True, after=0.8)),
                (
                    f"{kind}, {megabytes(file.size)}, added {local_moment(file.added_at)}",
                    SMALL,
                ),
                (f"SHA-256 {file.sha256}", HASH),
            ],
        )


def _versions(flow: PageFlow, log: ContactLog, versions: tuple[AttemptVersion, ...]) -> None:
    flow.space(1)
    flow.paragraph("Earlier versions, oldest first", LABEL)
    for index, version in enumerate(versions):
        which = "First version" if index == 0 else f"Version {index + 1}"
        flow.paragraph(f"{which}, replaced on {local_moment(version.replaced_at)}", SMALL)
        flow.paragraph(
            f"Happened: {local_moment(version.at)} · How: {channel_name(version.channel)}",
            Style(size=9, indent=4, after=0.8),
        )
        if version.words:
            flow.paragraph(
                for_terminal(version.words, keep_line_breaks=True),
                Style(size=9, indent=4, after=1),
            )
        else:
            flow.paragraph("No exact words.", Style(size=8.5, quiet=True, indent=4))
        if log.choice.include_attachments and version.attachments:
            for file in version.attachments:
                flow.paragraph(
                    f"{for_terminal(file.name)}, SHA-256 {file.sha256}",
                    Style(size=7.5, mono=True, indent=4, after=0.5),
                )
        flow.space(1)
