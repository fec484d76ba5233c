"""The parts of a review, in the order they are shown: each a title, a line saying what it
shows, its plain table and (for most) its chart. The Review screen makes a panel of each;
the report prints those of the sections the person chose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCharts import QChart

from recovery_app.domain.kinds import ReportSection
from recovery_app.drawing import charts, tables
from recovery_app.drawing.marked_days import (
    MARKED_ABOUT,
    MARKED_EMPTY,
    MARKED_TITLE,
    marked_days_table,
)
from recovery_app.drawing.palette import Palette
from recovery_app.drawing.review_data import ReviewData, tr
from recovery_app.drawing.tables import Table

ChartMaker = Callable[[ReviewData, Palette], QChart | None]


@dataclass(frozen=True)
class ReviewPart:
    key: str
    section: ReportSection
    title: str
    about: str
    table: Callable[[ReviewData], Table | None]
    chart: ChartMaker | None = None  # None: a table alone (or the calendar, painted)
    calendar: bool = False
    empty: str | None = None  # what the screen says when there is nothing (None: "Not enough")
    on_screen_only: bool = False  # never in a report (it names what the person wrote)
    wide: bool = False  # a row of its own on a wide screen (the calendar, a wide table)

    def has_data(self, data: ReviewData) -> bool:
        return self.table(data) is not None


PARTS = (
    ReviewPart(
        "stretches",
        ReportSection.STRETCHES,
        tr("Stretches"),
        tr("Each stretch of no contact that falls in these dates, and how many days it ran."),
        tables.stretches_table,
        charts.stretches_chart,
    ),
    ReviewPart(
        "distance",
        ReportSection.STRETCHES,
        tr("Days of distance"),
        tr(
            "Only a day you reached out costs a day; contact from them and unavoidable "
            "contact cost nothing. Today is counted tomorrow."
        ),
        tables.distance_table,
    ),
    ReviewPart(
        "milestones",
        ReportSection.MILESTONES,
        tr("Milestones reached in these dates"),
        tr("Each stretch and the milestones it reached."),
        tables.milestones_table,
    ),
    ReviewPart(
        "urges",
        ReportSection.URGES,
        tr("Urges noted"),
        tr("How many urges you noted, how strong they were, and how many passed."),
        tables.urges_table,
        charts.urges_chart,
    ),
    ReviewPart(
        "weekday_hour",
        ReportSection.URGES,
        tr("When urges came"),
        tr("By weekday and hour: a larger, stronger dot where more urges came."),
        tables.weekday_hour_table,
        charts.weekday_hour_chart,
    ),
    ReviewPart(
        "did_instead",
        ReportSection.URGES,
        tr("What you did instead"),
        tr("What you did instead of reaching out, with how often the urge passed after it."),
        tables.did_instead_table,
    ),
    ReviewPart(
        "triggers",
        ReportSection.TRIGGERS,
        tr("Triggers then and now"),
        tr("The triggers of the first third of these dates beside those of the last third."),
        tables.triggers_table,
        charts.triggers_chart,
    ),
    ReviewPart(
        "mood",
        ReportSection.CHECK_INS,
        tr("Mood and pull"),
        tr("From your check-ins. A day without a check-in is left as a gap."),
        tables.mood_table,
        charts.mood_chart,
    ),
    ReviewPart(
        "marked",
        ReportSection.URGES,
        MARKED_TITLE,
        MARKED_ABOUT,
        marked_days_table,
        empty=MARKED_EMPTY,
        on_screen_only=True,
        wide=True,
    ),
    ReviewPart(
        "year",
        ReportSection.CHECK_INS,
        tr("The year at a glance"),
        tr("Each day up to the last of these dates: check-ins, and contacts by kind."),
        tables.calendar_table,
        calendar=True,
        wide=True,
    ),
    ReviewPart(
        "promises",
        ReportSection.PROMISES,
        tr("Promises to myself"),
        tr("Kept, not kept, or let go on purpose."),
        tables.promises_table,
        charts.promises_chart,
    ),
    ReviewPart(
        "predictions",
        ReportSection.PREDICTIONS,
        tr("Predictions and instincts checked"),
        tr("What you expected, set beside what happened."),
        tables.predictions_table,
    ),
)

SECTION_TITLES = {
    ReportSection.STRETCHES: tr("Stretches and days of distance"),
    ReportSection.MILESTONES: tr("Milestones"),
    ReportSection.URGES: tr("Urges"),
    ReportSection.TRIGGERS: tr("Triggers"),
    ReportSection.CHECK_INS: tr("Check-ins"),
    ReportSection.PROMISES: tr("Promises to myself"),
    ReportSection.PREDICTIONS: tr("Predictions and instincts"),
    ReportSection.NOTES: tr("Notes from your check-ins"),
    ReportSection.MEMORIES: tr("Memories you wrote down"),
    ReportSection.LETTERS: tr("Unsent letters"),
}

# What each section is called where the person chooses them: a person's own words say so.
SECTION_CHOICES = {
    **SECTION_TITLES,
    ReportSection.NOTES: tr("Notes from your check-ins (your own words)"),
    ReportSection.MEMORIES: tr("Memories you wrote down (your own words)"),
    ReportSection.LETTERS: tr("Unsent letters (your own words)"),
}


OWN_WORDS_NOTE = tr(
    "The last three hold what you wrote, from these dates, word for word. Each stays out "
    "unless you tick it."
)


def parts_of(section: ReportSection) -> list[ReviewPart]:
    """The parts a report prints for `section`."""
    return [part for part in PARTS if part.section is section and not part.on_screen_only]
