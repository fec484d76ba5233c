"""One notice at a time on Today, chosen in one place."""

from collections.abc import Callable

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


def test_a_source_is_asked_only_when_its_notice_would_be_the_one_shown() -> None:
    asked: list[str] = []

    def source(kind: NoticeKind, text: str) -> Callable[[], Notice | None]:
        def offer() -> Notice | None:
            asked.append(text)
            return Notice(kind, text) if text else None

        return offer

    board = TodayNotices()
    board.add_source(NoticeKind.READING, source(NoticeKind.READING, "A reading"))
    board.add_source(NoticeKind.BACKUP, source(NoticeKind.BACKUP, ""))
    board.add_source(NoticeKind.HARD_DATE, source(NoticeKind.HARD_DATE, "A hard date"))
    board.add_source(NoticeKind.HARD_DATE, source(NoticeKind.HARD_DATE, "Another"))
    chosen = board.choose()
    assert chosen is not None and chosen.text == "A hard date"
    assert asked == ["A hard date"]  # the first that speaks; the reading is never asked
    asked.clear()
    chosen = board.choose([Notice(NoticeKind.MILESTONE, "Three days")])
    assert chosen is not None and chosen.kind is NoticeKind.MILESTONE
    assert asked == []
