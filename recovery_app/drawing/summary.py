"""The review at a glance, in a few plain lines per section: the report's first page and the
Review screen's summary say the same thing in the same words.

Counts of days, urges and promises, never a score, a grade or a percentage of the person.
"""

from __future__ import annotations

from collections.abc import Collection

from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.review_distance import ClockReview
from recovery_app.drawing.review_data import ReviewData, day_text, days_text, mean_text, of_text, tr


def clock_line(clock: ClockReview, in_range: bool) -> str:
    figures = clock.figures
    line = (
        tr("%1: the current stretch is %2; the longest, %3; %4 without contact in all.")
        .replace("%1", clock.name + (tr(" (archived)") if clock.archived else ""))
        .replace("%2", days_text(figures.current_days))
        .replace("%3", days_text(figures.longest_days))
        .replace("%4", days_text(figures.total_days))
    )
    if in_range and clock.counted_days:
        line += " " + tr("In these dates: %1 days of distance.").replace(
            "%1", of_text(clock.distance_days, clock.counted_days)
        )
    return line


def section_lines(data: ReviewData, section: ReportSection) -> list[str]:
    """What one section says at a glance; [] when it has nothing yet."""
    review = data.review
    in_range = review.span is not None
    if section is ReportSection.STRETCHES:
        return [clock_line(c, in_range) for c in review.clocks]
    if section is ReportSection.MILESTONES:
        reached = sorted(
            ((m, c) for c in review.clocks for m in c.milestones), key=lambda mc: mc[0].reached_on
        )
        if not reached:
            return []
        latest, clock = reached[-1]
        count = len(reached)
        first = (
            tr("1 milestone reached")
            if count == 1
            else tr("%1 milestones reached").replace("%1", f"{count:,}")
        )
        return [
            tr("%1 in these dates; the latest, %2 (%3), on %4.")
            .replace("%1", first)
            .replace("%2", days_text(latest.days))
            .replace("%3", clock.name)
            .replace("%4", day_text(latest.reached_on))
        ]
    if section is ReportSection.URGES:
        urges = review.urges
        if urges is None:
            return []
        line = (tr("1 urge noted.") if urges.count == 1 else tr("%1 urges noted.")).replace(
            "%1", f"{urges.count:,}"
        )
        if urges.mean_intensity is not None:
            line += " " + tr("Average strength %1 out of 10.").replace(
                "%1", mean_text(urges.mean_intensity)
            )
        if urges.decided:
            line += " " + tr("Of those with an outcome noted, %1 passed.").replace(
                "%1", of_text(urges.passed, urges.decided)
            )
        return [line]
    if section is ReportSection.TRIGGERS:
        triggers = review.triggers
        if triggers is None or not triggers.triggers:
            return []
        names = ", ".join(f"{t.name} ({t.now:,})" for t in triggers.triggers[:3] if t.now)
        return [tr("Most often lately: %1.").replace("%1", names)] if names else []
    if section is ReportSection.CHECK_INS:
        series = review.check_ins
        if series is None:
            return []
        weeks = review.check_in_weeks
        moods = sum(w.moods for w in weeks)
        pulls = sum(w.pulls for w in weeks)
        line = tr("Checked in on %1 days.").replace(
            "%1", of_text(sum(series.checked_in), len(series))
        )
        if moods:
            mood = sum(w.mood_sum for w in weeks) / moods
            line += " " + tr("Average mood %1 (1–5).").replace("%1", mean_text(mood))
        if pulls:
            pull = sum(w.pull_sum for w in weeks) / pulls
            line += " " + tr("Average pull %1 (0–10).").replace("%1", mean_text(pull))
        return [line]
    if section is ReportSection.PROMISES:
        promises = review.promise_weeks
        if not promises:
            return []
        kept, not_kept = sum(w.kept for w in promises), sum(w.not_kept for w in promises)
        let_go, waiting = sum(w.let_go for w in promises), sum(w.open for w in promises)
        return [
            tr("Promises to myself: %1 kept, %2 not kept, %3 let go, %4 not marked yet.")
            .replace("%1", f"{kept:,}")
            .replace("%2", f"{not_kept:,}")
            .replace("%3", f"{let_go:,}")
            .replace("%4", f"{waiting:,}")
        ]
    if section is ReportSection.PREDICTIONS:
        return prediction_lines(data)
    return own_words_lines(data, section)


def prediction_lines(data: ReviewData) -> list[str]:
    figures = data.review.self_trust
    lines = []
    fears = figures.fears_wrong
    if fears.count and fears.share is not None:
        lines.append(
            tr("Of %1 fears checked against what happened, %2 did not come true.")
            .replace("%1", f"{fears.count:,}")
            .replace("%2", f"{round(fears.count * fears.share):,}")
        )
    instincts = figures.instincts_right
    if instincts.count and instincts.share is not None:
        lines.append(
            tr("Of %1 instincts checked, %2 proved right.")
            .replace("%1", f"{instincts.count:,}")
            .replace("%2", f"{round(instincts.count * instincts.share):,}")
        )
    return lines


def own_words_lines(data: ReviewData, section: ReportSection) -> list[str]:
    writings = data.writings
    counts = {
        ReportSection.NOTES: (len(writings.notes), tr("check-in notes")),
        ReportSection.MEMORIES: (len(writings.memories), tr("memories")),
        ReportSection.LETTERS: (len(writings.letters), tr("unsent letters")),
    }
    count, what = counts[section]
    if not count:
        return []
    return [tr("Included at your choice: %1 (%2).").replace("%1", what).replace("%2", f"{count:,}")]


def summary(data: ReviewData, sections: Collection[ReportSection]) -> list[str]:
    lines: list[str] = []
    for section in ReportSection:
        if section in sections:
            lines += section_lines(data, section)
    return lines
