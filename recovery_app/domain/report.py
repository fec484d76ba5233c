"""Which sections a review report holds: the figures by default, a person's own words
(check-in notes, memories, unsent letters) only when they are asked for, each by name."""

from __future__ import annotations

from collections.abc import Iterable

from recovery_app.domain.kinds import ReportSection

OWN_WORDS = frozenset({ReportSection.NOTES, ReportSection.MEMORIES, ReportSection.LETTERS})
DEFAULT_SECTIONS = tuple(s for s in ReportSection if s not in OWN_WORDS)


def report_sections(chosen: Iterable[ReportSection] | None = None) -> tuple[ReportSection, ...]:
    """The sections chosen, once each, in the report's own order; None: the defaults."""
    if chosen is None:
        return DEFAULT_SECTIONS
    wanted = set(chosen)
    return tuple(s for s in ReportSection if s in wanted)
