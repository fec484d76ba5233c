"""What the Review screen and the report draw for one range, gathered in one record, and the
small rules both follow: how dates read, and when weeks give way to months.

`load_review_data` runs the counting queries (the window runs it off the GUI thread); the
record it returns holds only frozen records, so it crosses threads safely.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from recovery_app.domain.hard_date_review import MarkedDaysInRange
from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.report import OWN_WORDS
from recovery_app.domain.review import Review
from recovery_app.domain.review_calendar import YearCalendar
from recovery_app.domain.review_range import DayRange, RangeChoice
from recovery_app.services.report_writings import ReportWritings
from recovery_app.services.review import ReviewService

# Up to this many weeks a series is drawn week by week; beyond, month by month.
MOST_WEEKS = 26
# Up to this many days mood and pull are drawn day by day.
MOST_DAYS = 62


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


@dataclass(frozen=True)
class ReviewData:
    review: Review
    sentences: tuple[str, ...]  # then and now, from resources/texts/review.toml
    calendar: YearCalendar | None  # the year up to the range's last day
    # Only for a report that asked for them.
    writings: ReportWritings = field(default_factory=ReportWritings)
    # The days the person marked, for the screen: their names are the person's own words,
    # which a report holds only when asked for, so a report leaves them out.
    marked: MarkedDaysInRange[int] | None = None
    # Two dates chosen, as chosen (up to today), even where the journal holds nothing.
    asked: DayRange | None = None

    @property
    def span(self) -> DayRange | None:
        return self.review.span


def load_review_data(
    service: ReviewService,
    choice: RangeChoice,
    custom: tuple[date, date] | None = None,
    sections: Collection[ReportSection] = (),
    *,
    marked_days: bool = False,
) -> ReviewData:
    """Everything one range draws; the person's own words only for the sections named,
    and the days they marked only when `marked_days` (the screen)."""
    found = service.review(choice, custom)
    review = found.review
    calendar = service.calendar(review.span.last) if review.span is not None else None
    writings = ReportWritings()
    if OWN_WORDS & set(sections):
        writings = service.writings(review.span, sections)
    marked = service.marked_days(review.span) if marked_days else None
    asked = None
    if choice is RangeChoice.CUSTOM and custom is not None:
        first, last = sorted(custom)
        if first <= review.today:
            asked = DayRange(first, min(last, review.today))
    return ReviewData(review, found.then_and_now, calendar, writings, marked, asked)


class Step(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def step_for(weeks: int, days: int | None = None) -> Step:
    """Days for a short range (when `days` is given), weeks for a few months, then months."""
    if days is not None and days <= MOST_DAYS:
        return Step.DAY
    return Step.WEEK if weeks <= MOST_WEEKS else Step.MONTH


def day_text(day: date) -> str:
    """3 Mar 2026"""
    return f"{day.day} {day:%b %Y}"


def long_day_text(day: date) -> str:
    """3 March 2026"""
    return f"{day.day} {day:%B %Y}"


def short_day_text(day: date) -> str:
    """3 Mar"""
    return f"{day.day} {day:%b}"


def month_text(day: date) -> str:
    """Mar 2026"""
    return f"{day:%b %Y}"


def period_text(first: date, last: date, step: Step) -> str:
    if step is Step.MONTH:
        return month_text(first)
    if step is Step.DAY or first == last:
        return day_text(first)
    return f"{short_day_text(first)} – {day_text(last)}"


def range_text(span: DayRange) -> str:
    """1 September 2026 – 30 November 2026 (91 days)"""
    days = tr("1 day") if span.days == 1 else tr("%1 days").replace("%1", f"{span.days:,}")
    return f"{long_day_text(span.first)} – {long_day_text(span.last)} ({days})"


def days_text(count: int) -> str:
    return tr("1 day") if count == 1 else tr("%1 days").replace("%1", f"{count:,}")


def of_text(part: int, whole: int) -> str:
    """ "12 of 14": counts, never a percentage of the person."""
    return tr("%1 of %2").replace("%1", f"{part:,}").replace("%2", f"{whole:,}")


def mean_text(value: float | None) -> str:
    """A 0-10 or 1-5 mean to one decimal; an em dash when there is nothing behind it."""
    return "—" if value is None else f"{value:.1f}"
