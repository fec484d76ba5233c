from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.report import DEFAULT_SECTIONS, OWN_WORDS, report_sections


def test_a_persons_own_words_are_never_in_the_default_report() -> None:
    assert not OWN_WORDS & set(DEFAULT_SECTIONS)
    assert set(DEFAULT_SECTIONS) | OWN_WORDS == set(ReportSection)
    assert report_sections() == DEFAULT_SECTIONS


def test_chosen_sections_come_once_each_in_the_reports_order() -> None:
    chosen = [ReportSection.LETTERS, ReportSection.URGES, ReportSection.LETTERS]
    assert report_sections(chosen) == (ReportSection.URGES, ReportSection.LETTERS)
    assert report_sections([]) == ()
