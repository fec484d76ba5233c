"""The report as a PDF, read back as text: the summary first, the chosen sections, the
neutral title and the footer on every page, and the person's own words only when chosen."""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

import pytest
from helpers.report import fill_with_marker, needs_pdftotext, pdf_text_of

from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.report import DEFAULT_SECTIONS
from recovery_app.domain.review_range import RangeChoice
from recovery_app.drawing.report import ReportOptions, ReportWriter, write_report
from recovery_app.drawing.review_data import load_review_data
from recovery_app.services.journal import Journal

pytestmark = needs_pdftotext
COLD_WORDS = ("relapse", "failed", "failure", "score", "grade", "%", "clean", "streak broken")


@pytest.fixture
def marker() -> str:
    return f"MARKER{uuid.uuid4().hex[:12]}"


def _report(journal: Journal, tmp_path: Path, **options: object) -> tuple[str, ReportWriter]:
    sections = options.get("sections", DEFAULT_SECTIONS)
    data = load_review_data(journal.review, RangeChoice.LAST_3_MONTHS, None, sections)  # type: ignore[arg-type]
    writer = ReportWriter(data, ReportOptions(**options))  # type: ignore[arg-type]
    while not writer.step():
        pass
    return pdf_text_of(writer.result(), tmp_path), writer


def test_a_default_report_holds_the_summary_and_the_figures_and_no_own_words(
    qapp: object, journal: Journal, tmp_path: Path, marker: str
) -> None:
    fill_with_marker(journal, marker)
    text, writer = _report(journal, tmp_path)
    pages = text.split("\f")
    first = pages[0]
    assert "Personal review" in first
    assert "At a glance" in first and "Then and now" in first
    assert "urges noted" in first
    assert "Sam: the current stretch is" in first
    assert re.search(r"\d+ September|\d+ \w+ \d{4} – \d+ \w+ \d{4} \(\d+ days\)", first)
    count = writer.progress.page_count
    assert count == len([p for p in pages if p.strip()]) > 1
    for number, page in enumerate(pages[:count], start=1):
        assert f"Page {number} of {count}" in page
        assert "Self-reported" in page and "not a diagnosis" in page
        assert "Personal review" in page
    for title in (
        "Stretches and days of distance",
        "Urges noted",
        "Triggers then and now",
        "Mood and pull",
        "The year at a glance",
        "Promises to myself",
    ):
        assert title in text, title
    assert marker not in text
    assert "Unsent letters" not in text and "Memories you wrote down" not in text
    assert "Notes from your check-ins" not in text
    assert "recovery-app" not in text and "Journal (" not in text  # no app name unless chosen
    lowered = text.lower()
    assert not [word for word in COLD_WORDS if word in lowered]


def test_own_words_go_in_only_when_each_is_chosen(
    qapp: object, journal: Journal, tmp_path: Path, marker: str
) -> None:
    fill_with_marker(journal, marker)
    letters_only, _ = _report(journal, tmp_path, sections=(ReportSection.LETTERS,))
    assert "Unsent letters" in letters_only
    assert f"Dear you, {marker}" in letters_only
    assert f"Title {marker}" not in letters_only  # the memory was not chosen
    assert "Urges noted" not in letters_only
    memories, _ = _report(journal, tmp_path, sections=(ReportSection.MEMORIES, ReportSection.NOTES))
    assert f"Title {marker}" in memories and f"What {marker}" in memories
    assert "Something that hurt" in memories
    assert "Notes from your check-ins" in memories
    assert f"Dear you, {marker}" not in memories


def test_the_app_is_named_only_when_asked_and_the_title_is_the_persons(
    qapp: object, journal: Journal, tmp_path: Path, marker: str
) -> None:
    fill_with_marker(journal, marker)
    text, _ = _report(journal, tmp_path, title="For my Tuesday session", name_the_app=True)
    assert "For my Tuesday session" in text
    assert "Made with Journal (recovery-app)" in text


def test_an_empty_journal_makes_a_short_kind_report(
    qapp: object, journal: Journal, tmp_path: Path
) -> None:
    data = load_review_data(journal.review, RangeChoice.ALL)
    text = pdf_text_of(write_report(data), tmp_path)
    assert "Nothing in the journal falls in these dates yet." in text
    assert "Not enough yet: this fills in as you go." in text  # no "ﬁ" ligature
    assert "Nothing noted in these dates." in text
    assert "Page 1 of" in text


def test_two_dates_with_nothing_in_them_are_still_named_on_the_report(
    qapp: object, journal: Journal, tmp_path: Path
) -> None:
    custom = (date(2024, 3, 1), date(2024, 1, 1))  # in either order, before the journal
    data = load_review_data(journal.review, RangeChoice.CUSTOM, custom)
    assert data.span is None
    text = pdf_text_of(write_report(data), tmp_path)
    assert "1 January 2024 – 1 March 2024 (61 days)" in text
    assert "1 Jan 2024 – 1 Mar 2024" in text  # at the top of every page
    assert "Nothing in the journal falls in these dates yet." in text


def test_a_report_stopped_half_way_keeps_nothing(
    qapp: object, journal: Journal, marker: str
) -> None:
    fill_with_marker(journal, marker)
    data = load_review_data(journal.review, RangeChoice.ALL)
    writer = ReportWriter(data)
    writer.step()
    writer.stop()
    assert writer.progress.stopped
    with pytest.raises(ValueError, match="not finished"):
        writer.result()
    with pytest.raises(ValueError, match="stopped"):
        writer.step()
