"""Every part of the review as a plain table: what the screen shows beside each chart (for
keyboard and screen-reader users) and what the report prints under it.

A function returns None when its part has nothing to show yet; the screen then says "Not
enough yet". The cells are counts of what the person wrote, never a score of them, and a
gap (a day without a check-in) reads as a gap, never as a zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from recovery_app.domain.review_calendar import calendar_months
from recovery_app.domain.review_distance import ClockReview, MilestoneReached
from recovery_app.drawing.review_data import (
    ReviewData,
    Step,
    day_text,
    mean_text,
    month_text,
    of_text,
    period_text,
    step_for,
    tr,
)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = field(default=())  # columns read right-aligned

    def is_numeric(self, column: int) -> bool:
        return column < len(self.numeric) and self.numeric[column]


def _clock_name(clock: ClockReview) -> str:
    return clock.name + (tr(" (archived)") if clock.archived else "")


def stretches_table(data: ReviewData) -> Table | None:
    rows = []
    for clock in data.review.clocks:
        for stretch in clock.stretches:
            rows.append(
                (
                    _clock_name(clock),
                    day_text(stretch.since),
                    tr("still going") if stretch.running else day_text(stretch.until),
                    f"{stretch.days:,}",
                )
            )
    if not rows:
        return None
    return Table(
        (tr("Clock"), tr("Began"), tr("Ended"), tr("Days")),
        tuple(rows),
        (False, False, False, True),
    )


def distance_table(data: ReviewData) -> Table | None:
    """Days of distance per clock and week or month: a day with "I reached out" costs that
    one day; contact from them and unavoidable contact cost nothing."""
    rows = []
    for clock in data.review.clocks:
        step = step_for(len(clock.weeks))
        periods = clock.weeks if step is Step.WEEK else clock.months
        for period in periods:
            if period.counted_days:
                rows.append(
                    (
                        _clock_name(clock),
                        period_text(period.first, period.last, step),
                        of_text(period.distance_days, period.counted_days),
                    )
                )
    if not rows:
        return None
    return Table(
        (tr("Clock"), tr("When"), tr("Days of distance")), tuple(rows), (False, False, True)
    )


def milestone_rows(
    clock: ClockReview, milestones: Sequence[MilestoneReached]
) -> list[tuple[str, ...]]:
    """One row per stretch: the milestones it reached, newest stretch first."""
    rows: list[tuple[str, ...]] = []
    for since, group in groupby(milestones, key=lambda m: m.stretch_since):
        reached = list(group)
        days = ", ".join(f"{m.days:,}" for m in reached)
        rows.append(
            (
                _clock_name(clock),
                day_text(since),
                day_text(reached[-1].reached_on),
                tr("%1 days").replace("%1", days) if days != "1" else tr("1 day"),
            )
        )
    return rows[::-1]


MILESTONE_HEADERS = (tr("Clock"), tr("Stretch began"), tr("Latest on"), tr("Milestones reached"))


def milestones_table(data: ReviewData) -> Table | None:
    """The milestones reached in these dates."""
    rows = []
    for clock in data.review.clocks:
        ordered = sorted(clock.milestones, key=lambda m: (m.stretch_since, m.days))
        rows += milestone_rows(clock, ordered)
    return Table(MILESTONE_HEADERS, tuple(rows)) if rows else None


def earlier_milestones_table(data: ReviewData) -> Table | None:
    """Milestones reached before these dates: what Today acknowledged is always found."""
    span = data.span
    rows = []
    for clock in data.review.clocks:
        earlier = [m for m in clock.all_milestones if span is None or m.reached_on < span.first]
        earlier.sort(key=lambda m: (m.stretch_since, m.days))
        rows += milestone_rows(clock, earlier)
    return Table(MILESTONE_HEADERS, tuple(rows)) if rows else None


def urges_table(data: ReviewData) -> Table | None:
    review = data.review
    if not review.urge_weeks:
        return None
    step = step_for(len(review.urge_weeks))
    periods = review.urge_weeks if step is Step.WEEK else review.urge_months
    return Table(
        (
            tr("Week") if step is Step.WEEK else tr("Month"),
            tr("Urges noted"),
            tr("Average strength\n(0–10)"),
            tr("Passed\n(of those with an outcome)"),
        ),
        tuple(
            (
                period_text(p.first, p.last, step),
                f"{p.count:,}",
                mean_text(p.mean_intensity),
                of_text(p.passed, p.decided) if p.decided else "—",
            )
            for p in periods
        ),
        (False, True, True, True),
    )


WEEKDAYS = (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))


def weekday_hour_table(data: ReviewData) -> Table | None:
    """An hour a row, a weekday a column: 24 short rows read better than 7 long ones."""
    grid = data.review.weekday_hour
    if not grid:
        return None
    rows = tuple(
        (f"{hour:02d}:00", *(f"{grid[weekday][hour]:,}" for weekday in range(7)))
        for hour in range(24)
    )
    return Table((tr("Hour"), *WEEKDAYS), rows, (False, *([True] * 7)))


def did_instead_table(data: ReviewData) -> Table | None:
    ranks = data.review.did_instead
    if not ranks:
        return None
    return Table(
        (tr("What I did instead"), tr("Urges"), tr("It passed\n(of those with an outcome)")),
        tuple(
            (r.text, f"{r.count:,}", of_text(r.passed, r.decided) if r.decided else "—")
            for r in ranks[:15]
        ),
        (False, True, True),
    )


def triggers_table(data: ReviewData) -> Table | None:
    triggers = data.review.triggers
    if triggers is None or not triggers.triggers:
        return None
    then = period_text(triggers.then.first, triggers.then.last, Step.WEEK)
    now = period_text(triggers.now.first, triggers.now.last, Step.WEEK)

    def change(value: int) -> str:
        return tr("the same") if value == 0 else f"{value:+,}".replace("-", "−")

    return Table(
        (
            tr("Trigger"),
            tr("Then (%1)").replace("%1", then),
            tr("Now (%1)").replace("%1", now),
            tr("Change"),
        ),
        tuple((t.name, f"{t.then:,}", f"{t.now:,}", change(t.change)) for t in triggers.triggers),
        (False, True, True, True),
    )


def mood_table(data: ReviewData) -> Table | None:
    review = data.review
    series = review.check_ins
    if series is None:
        return None
    step = step_for(len(review.check_in_weeks), len(series))
    if step is Step.DAY:
        rows = tuple(
            (
                day_text(series.day(i)),
                "—" if series.moods[i] is None else str(series.moods[i]),
                "—" if series.pulls[i] is None else str(series.pulls[i]),
            )
            if series.checked_in[i]
            else (day_text(series.day(i)), tr("no check-in"), "")
            for i in range(len(series))
        )
        return Table((tr("Day"), tr("Mood (1–5)"), tr("Pull (0–10)")), rows, (False, True, True))
    periods = review.check_in_weeks if step is Step.WEEK else review.check_in_months
    return Table(
        (
            tr("Week") if step is Step.WEEK else tr("Month"),
            tr("Days checked in"),
            tr("Average mood\n(1–5)"),
            tr("Average pull\n(0–10)"),
        ),
        tuple(
            (
                period_text(p.first, p.last, step),
                of_text(p.days_checked_in, (p.last - p.first).days + 1),
                mean_text(p.mean_mood),
                mean_text(p.mean_pull),
            )
            for p in periods
        ),
        (False, True, True, True),
    )


def calendar_table(data: ReviewData) -> Table | None:
    calendar = data.calendar
    if calendar is None or calendar.is_empty:
        return None
    return Table(
        (
            tr("Month"),
            tr("Days checked in"),
            tr("I reached out"),
            tr("They reached out"),
            tr("Unavoidable contact"),
        ),
        tuple(
            (
                month_text(m.first),
                of_text(m.days_checked_in, m.days_shown),
                days_count(m.reached_out_days),
                days_count(m.they_reached_out_days),
                days_count(m.unavoidable_days),
            )
            for m in calendar_months(calendar)
        ),
        (False, True, True, True, True),
    )


def days_count(count: int) -> str:
    return (
        "—"
        if count == 0
        else (tr("1 day") if count == 1 else tr("%1 days").replace("%1", str(count)))
    )


def promises_table(data: ReviewData) -> Table | None:
    review = data.review
    if not review.promise_weeks:
        return None
    step = step_for(len(review.promise_weeks))
    periods = review.promise_weeks if step is Step.WEEK else review.promise_months
    return Table(
        (
            tr("Week") if step is Step.WEEK else tr("Month"),
            tr("Kept"),
            tr("Not kept"),
            tr("Let go"),
            tr("Not marked yet"),
        ),
        tuple(
            (
                period_text(p.first, p.last, step),
                f"{p.kept:,}",
                f"{p.not_kept:,}",
                f"{p.let_go:,}",
                f"{p.open:,}",
            )
            for p in periods
        ),
        (False, True, True, True, True),
    )


def predictions_table(data: ReviewData) -> Table | None:
    figures = data.review.self_trust
    fears, instincts = figures.fears_wrong, figures.instincts_right
    rows = []
    if fears.count and fears.share is not None:
        rows.append(
            (
                tr("Fears checked"),
                f"{fears.count:,}",
                tr("%1 did not come true").replace("%1", f"{round(fears.count * fears.share):,}"),
            )
        )
    if instincts.count and instincts.share is not None:
        rows.append(
            (
                tr("Instincts checked"),
                f"{instincts.count:,}",
                tr("%1 proved right").replace(
                    "%1", f"{round(instincts.count * instincts.share):,}"
                ),
            )
        )
    if not rows:
        return None
    return Table(
        (tr("What was checked"), tr("How many"), tr("What happened")),
        tuple(rows),
        (False, True, False),
    )
