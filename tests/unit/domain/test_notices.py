"""One notice at a time on Today, chosen in one place."""

from recovery_app.domain.notices import ORDER, Notice, NoticeKind, choose
from recovery_app.services.notices import TodayNotices


def test_nothing_offered_shows_nothing() -> None:
    assert choose([]) is None
    assert choose([None, Notice(NoticeKind.READING, "")]) is None  # an empty line is no notice


def test_what_just_happened_comes_before_what_can_wait() -> None:
    reading = Notice(NoticeKind.READING, "A reading")
    backup = Notice(NoticeKind.BACKUP, "Your last backup")
    milestone = Notice(NoticeKind.MILESTONE, "A month of distance")
    assert choose([reading, backup, milestone]) is milestone
    assert choose([reading, backup]) is backup
    assert list(ORDER) == list(NoticeKind)  # every kind has its place


def test_the_first_offered_wins_among_equals() -> None:
    first, second = Notice(NoticeKind.READING, "one"), Notice(NoticeKind.READING, "two")
    assert choose([first, second]) is first


def test_a_source_that_fails_is_skipped_and_the_rest_still_speak() -> None:
    def broken() -> Notice | None:
        raise RuntimeError("no")

    board = TodayNotices()
    board.add_source(NoticeKind.READING, broken)
    board.add_source(NoticeKind.BACKUP, lambda: Notice(NoticeKind.BACKUP, "Back up soon"))
    chosen = board.choose([Notice(NoticeKind.READING, "A reading")])
    assert chosen is not None and chosen.kind is NoticeKind.BACKUP
    assert TodayNotices().choose() is None


def test_dismissing_reaches_the_source_of_that_kind_only() -> None:
    forgotten: list[str] = []
    board = TodayNotices()
    board.add_source(NoticeKind.READING, lambda: None, lambda n: forgotten.append("reading"))
    board.add_source(NoticeKind.BACKUP, lambda: None, lambda n: forgotten.append("backup"))
    board.dismiss(Notice(NoticeKind.READING, "A reading", dismissible=True, key="grief"))
    assert forgotten == ["reading"]
