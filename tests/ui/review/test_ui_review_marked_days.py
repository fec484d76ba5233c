"""The days the person marked, in Review: a mark on the urges and the mood-and-pull charts
where each fell, a table of the pull and urges around each beside the usual level, a line
saying where days are marked when none falls in the dates, and never a word of them in a
report."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.report import ago, needs_pdftotext, pdf_text_of
from helpers.ui_window import WAIT_MS, finish_background_work
from PySide6.QtCharts import QChart, QScatterSeries
from pytestqt.qtbot import QtBot

from recovery_app.domain.check_in import CheckInAnswers
from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.domain.review_range import RangeChoice
from recovery_app.domain.urges import UrgeDetails, UrgeOutcome
from recovery_app.drawing.marked_days import MARKED_EMPTY, MARKED_TITLE
from recovery_app.drawing.report import ReportOptions, ReportWriter
from recovery_app.drawing.review_data import day_text, load_review_data
from recovery_app.services.journal import Journal
from recovery_app.ui.review.screen import ReviewScreen

MARKED_AGO = 20  # inside the default range, the last 3 months


def _fill(journal: Journal) -> None:
    """Two months of urges and check-ins, harder in the week around one day."""
    today = journal.today()
    for days_ago in range(0, 60):
        near = abs(days_ago - MARKED_AGO) <= 7
        for _ in range(3 if near else 1 if days_ago % 2 else 0):
            journal.urges.log_urge(
                UrgeDetails(
                    at=ago(days_ago), intensity=8 if near else 4, outcome=UrgeOutcome.PASSED
                )
            )
        journal.check_ins.save(
            CheckInAnswers(mood=3, pull=8 if near else 2), day=today - timedelta(days=days_ago)
        )


def _mark(journal: Journal, name: str, day: date) -> None:
    journal.hard_dates.add(HardDateDetails(name, day.month, day.day, year=day.year))


@pytest.fixture
def screen(qtbot: QtBot, journal: Journal) -> Iterator[ReviewScreen]:
    made = ReviewScreen(journal.review)
    qtbot.addWidget(made)
    made.resize(1100, 800)
    yield made
    finish_background_work()  # the other ranges, counted ahead


def _shown(qtbot: QtBot, screen: ReviewScreen) -> None:
    with qtbot.waitSignal(screen.filled, timeout=WAIT_MS):
        screen.show()


def _marks(chart: QChart | None) -> list[float]:
    assert chart is not None
    found = [s for s in chart.series() if MARKED_TITLE in s.name()]
    assert all(isinstance(s, QScatterSeries) for s in found)
    return [p.x() for s in found if isinstance(s, QScatterSeries) for p in s.points()]


def test_a_marked_day_is_on_the_charts_and_in_its_table_beside_the_usual_level(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    _fill(journal)
    day = journal.today() - timedelta(days=MARKED_AGO)
    _mark(journal, "The day it ended", day)
    _shown(qtbot, screen)

    panel = screen.panels["marked"]
    assert panel.filled and not panel.not_enough.isVisible()
    table = panel.table
    assert table is not None
    first, usual = table.rows[0], table.rows[-1]
    assert len(table.rows) == 2
    assert first[:2] == ("The day it ended", day_text(day))
    assert float(first[2]) == 8.0 and float(usual[2]) == 2.0  # the average pull, each side
    assert float(first[4]) > float(usual[4])  # urges a week, around the day and otherwise
    assert usual[0] == "Your usual level"
    assert panel.table_view is not None and panel.table_view.isVisible()  # a table alone

    data = screen.data
    assert data is not None
    urges = screen.panels["urges"]
    assert urges.chart_view is not None
    (x,) = _marks(urges.chart_view.chart())
    weeks = data.review.urge_weeks
    (index,) = [i for i, w in enumerate(weeks) if w.first <= day <= w.last]
    assert index - 0.5 < x < index + 0.5  # inside the bar of its week
    mood = screen.panels["mood"]
    assert mood.chart_view is not None
    (x,) = _marks(mood.chart_view.chart())
    series = data.review.check_ins
    assert series is not None
    assert x == pytest.approx((day - series.first).days)  # day by day: on its own day


def test_without_a_marked_day_in_the_dates_the_panel_says_where_days_are_marked(
    qtbot: QtBot, journal: Journal, screen: ReviewScreen
) -> None:
    _fill(journal)
    _mark(journal, "Long ago", journal.today() - timedelta(days=400))
    _shown(qtbot, screen)
    panel = screen.panels["marked"]
    assert not panel.filled
    assert panel.not_enough.isVisible() and panel.not_enough.text() == MARKED_EMPTY
    urges = screen.panels["urges"]
    assert urges.chart_view is not None
    assert _marks(urges.chart_view.chart()) == []


@needs_pdftotext
def test_a_report_never_names_a_marked_day(qapp: object, journal: Journal, tmp_path: Path) -> None:
    _fill(journal)
    name = f"MARKER{uuid.uuid4().hex[:12]}"
    _mark(journal, name, journal.today() - timedelta(days=MARKED_AGO))
    every = tuple(ReportSection)
    data = load_review_data(journal.review, RangeChoice.LAST_3_MONTHS, None, every)
    assert data.marked is None  # a report's numbers leave the marked days out
    writer = ReportWriter(data, ReportOptions(sections=every))
    while not writer.step():
        pass
    text = pdf_text_of(writer.result(), tmp_path)
    assert "Urges noted" in text
    assert name not in text and MARKED_TITLE not in text
