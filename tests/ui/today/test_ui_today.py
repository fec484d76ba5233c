"""Today: clocks, contacts, the daily check-in, calm milestones, undo, layout.

Most tests build the screen on its own with services whose clock stands still, so "today"
can't move under a test. The ContactDialog reads the real clock for its "when" field, so the
frozen moment is the real one at the start of each test (not a date picked in the past).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from helpers.ui_window import (
    WAIT_MS,
    close_window,
    focused,
    key_window,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6 import QtGui
from PySide6.QtCore import QDate, QDateTime, QPoint, QRect, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import select

from recovery_app.domain.check_in import CheckInAnswers, NoContactAnswer, PromiseOutcome
from recovery_app.domain.stretches import ContactKind
from recovery_app.services.check_ins import CheckInService
from recovery_app.services.clock_records import ContactDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.texts import today_texts
from recovery_app.storage.errors import DiskFull
from recovery_app.storage.models import CheckIn
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.theme import LIGHT, style_sheet
from recovery_app.ui.shell.sections import TODAY
from recovery_app.ui.today.check_in_dialog import CheckInDialog
from recovery_app.ui.today.clock_card import ClockCard
from recovery_app.ui.today.clock_dialog import ClockDialog
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.today.contact_history_dialog import ContactHistoryDialog
from recovery_app.ui.today.screen import TodayScreen

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton
MIN_CARD_WIDTH = 280

D = TypeVar("D", bound=QWidget)


# ----- building the screen ------------------------------------------------------------------


@pytest.fixture
def now() -> datetime:
    """The moment every service sees as 'now' for the whole test."""
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def today(now: datetime) -> date:
    return now.astimezone().date()


@pytest.fixture
def clocks(vault: Vault, now: datetime) -> ClockService:
    return ClockService(vault, now=lambda: now)


@pytest.fixture
def check_ins(vault: Vault, now: datetime) -> CheckInService:
    return CheckInService(vault, now=lambda: now)


@pytest.fixture
def make_screen(
    qtbot: QtBot, clocks: ClockService, check_ins: CheckInService
) -> Callable[..., TodayScreen]:
    def build(width: int = 900, height: int = 600) -> TodayScreen:
        screen = TodayScreen(clocks, check_ins)
        qtbot.addWidget(screen)
        screen.resize(width, height)
        screen.show()
        qtbot.waitExposed(screen)
        activate(qtbot, screen)
        return screen

    return build


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make the widget's window the active one, as a window manager does when a dialog closes.

    The offscreen platform has no window manager: after a dialog hides, no window is active,
    and window-wide shortcuts (Ctrl+K, Ctrl+Z) would go nowhere.
    """
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def focus_name() -> str:
    """The focus as a screen reader names it; an answer with its question first (the row's
    name, which Orca reads as the group's), as in "Mood: 3 of 5"."""
    widget = QApplication.focusWidget()
    if widget is None:
        return ""
    row = widget.parentWidget()
    if isinstance(row, ChoiceRow):
        return f"{row.accessibleName()}: {widget.accessibleName()}"
    return widget.accessibleName()


def current_dialog(qtbot: QtBot, screen: TodayScreen, kind: type[D]) -> D:
    dialog = screen.dialog
    assert isinstance(dialog, kind), f"expected a {kind.__name__}, Today shows {dialog!r}"
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def button(box: QMessageBox, text: str) -> QPushButton:
    found = [b for b in box.buttons() if b.text() == text]
    assert len(found) == 1, [b.text() for b in box.buttons()]
    assert isinstance(found[0], QPushButton)
    return found[0]


def choose_from_menu(qtbot: QtBot, menu_button: QPushButton, text: str) -> None:
    """Click a button that opens a menu, then pick `text` with the arrow keys and Enter.

    The menu runs its own event loop until it closes, so the picking happens from a timer
    that fires inside that loop.
    """
    menu = menu_button.menu()
    assert menu is not None
    picked: list[str] = []

    def pick() -> None:
        qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
        for _ in range(len(menu.actions())):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
            active = menu.activeAction()
            if active is not None and active.text() == text:
                picked.append(text)
                qtbot.keyClick(menu, Qt.Key.Key_Return)
                return
        menu.hide()

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(menu_button, LEFT)
    # The chosen action may rebuild the card, deleting the button and its menu.
    qtbot.waitUntil(lambda: not (shiboken6.isValid(menu) and menu.isVisible()), timeout=WAIT_MS)
    assert picked == [text], [a.text() for a in menu.actions()]


def save_button(dialog: QWidget) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    save = box.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    return save


def only_card(screen: TodayScreen) -> ClockCard:
    assert len(screen.cards) == 1
    return screen.cards[0]


def card_labels(card: ClockCard) -> list[QLabel]:
    return card.findChildren(QLabel)


def add_clock(clocks: ClockService, name: str, since: date, allowed: str = "") -> int:
    """A clock made earlier, its milestones so far already seen, as on a later day."""
    clock = clocks.add_clock(name, since, allowed)
    assert clock.id is not None
    clocks.summaries()
    clocks.acknowledge_milestones(clock.id)
    return clock.id


def contact(kind: ContactKind, on: date, note: str = "") -> ContactDetails:
    moment = datetime.combine(on, time(12)).astimezone()
    return ContactDetails(kind=kind, at=moment, note=note)


def milestone_records(clocks: ClockService, clock_id: int) -> list[tuple[date, int, bool]]:
    return [(m.stretch_since, m.days, m.acknowledged) for m in clocks.milestone_history(clock_id)]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


# ----- clocks ---------------------------------------------------------------------------------


def test_empty_today_invites_a_first_clock_added_by_keyboard(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService
) -> None:
    screen = make_screen()
    assert screen.empty_state.isVisible()
    assert screen.cards == []
    assert screen.check_in_card.isVisible()
    assert screen.check_in_button.text() == "Check in"
    assert not screen.archived_button.isVisible()

    qtbot.mouseClick(screen.empty_add_button, LEFT)
    dialog = current_dialog(qtbot, screen, ClockDialog)
    assert focus_name() == "Label"
    qtbot.keyClicks(QApplication.focusWidget(), "Sam B.")
    assert dialog.name.text() == "Sam B."
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    card = only_card(screen)
    qtbot.waitUntil(card.isVisible, timeout=WAIT_MS)
    assert card.days.text() == "0"
    assert not screen.empty_state.isVisible()
    [clock] = clocks.list_clocks()
    assert (clock.name, clock.since) == ("Sam B.", clocks.today())
    assert any(label.text() == "Sam B." for label in card_labels(card))


def test_an_empty_label_is_refused_kindly(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService
) -> None:
    screen = make_screen()
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    dialog = current_dialog(qtbot, screen, ClockDialog)

    qtbot.keyClicks(dialog.name, "   ")
    qtbot.mouseClick(save_button(dialog), LEFT)

    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "label" in dialog.message.text()
    assert clocks.list_clocks() == []
    assert screen.empty_state.isVisible()


def test_a_clock_started_in_the_past_counts_its_days_and_never_starts_tomorrow(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    screen = make_screen()
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    dialog = current_dialog(qtbot, screen, ClockDialog)
    assert dialog.windowTitle() == "Add a clock"
    qtbot.keyClicks(dialog.name, "Sam")

    # Counting from: today at most, whether set outright or stepped up by keyboard.
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.since
    assert dialog.since.maximumDate() == qdate(today)
    assert dialog.since.date() == qdate(today)
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.since.date() == qdate(today)
    dialog.since.setDate(qdate(today + timedelta(days=1)))
    assert dialog.since.date() == qdate(today)

    dialog.since.setDate(qdate(today - timedelta(days=20)))
    qtbot.keyClicks(dialog.allowed, "school pickups")
    qtbot.mouseClick(save_button(dialog), LEFT)

    qtbot.waitUntil(lambda: len(screen.cards) == 1, timeout=WAIT_MS)
    card = only_card(screen)
    assert card.days.text() == "20"
    assert card.figures.text() == "Longest: 20 days  ·  Total: 20 days"
    assert card.next_milestone.text() == "Next milestone: 21 days, in 1 day"
    texts = [label.text() for label in card_labels(card)]
    assert "Contact I allow: school pickups" in texts
    [clock] = clocks.list_clocks()
    assert clock.since == today - timedelta(days=20)
    assert clock.allowed_contact == "school pickups"


def test_editing_a_clock_from_its_more_menu(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    clock_id = add_clock(clocks, "Sam", today - timedelta(days=20))
    screen = make_screen()

    choose_from_menu(qtbot, only_card(screen).more_button, "Edit…")
    dialog = current_dialog(qtbot, screen, ClockDialog)
    assert dialog.windowTitle() == "Edit clock"
    assert dialog.name.text() == "Sam"
    assert dialog.since.date() == qdate(today - timedelta(days=20))
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "S.")
    dialog.since.setDate(qdate(today - timedelta(days=25)))
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    card = only_card(screen)
    assert card.summary.clock_id == clock_id
    assert card.days.text() == "25"
    assert any(label.text() == "S." for label in card_labels(card))
    [clock] = clocks.list_clocks()
    assert (clock.name, clock.since) == ("S.", today - timedelta(days=25))


def test_a_typed_label_shows_as_typed_not_as_markup(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService
) -> None:
    screen = make_screen()
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    dialog = current_dialog(qtbot, screen, ClockDialog)
    qtbot.keyClicks(dialog.name, "<b>Sam</b>")
    qtbot.keyClicks(dialog.allowed, "<i>emergencies</i>")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(screen.cards) == 1, timeout=WAIT_MS)
    card = only_card(screen)
    shown = {label.text(): label for label in card_labels(card)}
    for text in ("<b>Sam</b>", "Contact I allow: <i>emergencies</i>"):
        assert text in shown, list(shown)
        assert shown[text].textFormat() == Qt.TextFormat.PlainText
    assert clocks.list_clocks()[0].name == "<b>Sam</b>"


def test_a_label_with_markup_in_a_milestone_notice_shows_as_typed(
    make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    clocks.add_clock("<b>Sam</b>", today - timedelta(days=7))
    screen = make_screen()
    assert screen.notice.isVisible()
    assert "<b>Sam</b>" in screen.notice.text()
    assert screen.notice.textFormat() == Qt.TextFormat.PlainText or not QtGui.Qt.mightBeRichText(
        screen.notice.text()
    )


# ----- the check-in ---------------------------------------------------------------------------


def test_a_check_in_by_keyboard_alone_saved_then_edited(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    check_ins: CheckInService,
    vault: Vault,
    today: date,
) -> None:
    screen = make_screen()
    assert screen.check_in_status.text().startswith("Not done yet.")

    press(qtbot, Qt.Key.Key_K, CTRL)
    dialog = current_dialog(qtbot, screen, CheckInDialog)
    assert not dialog.promise_outcome.isVisible()  # no promise yesterday, so no question

    # Mood 3: jump to the question, step right twice, Space to choose.
    press(qtbot, Qt.Key.Key_M, ALT)
    assert focus_name() == "Mood: 1 of 5"
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    assert focus_name() == "Mood: 3 of 5"
    press(qtbot, Qt.Key.Key_Space)
    # One Tab walks on to the next question (each row of answers is one Tab stop), "Yes".
    press(qtbot, Qt.Key.Key_Tab)
    assert focus_name() == "Kept no contact today: Yes"
    press(qtbot, Qt.Key.Key_Space)
    # Pull 4.
    press(qtbot, Qt.Key.Key_P, ALT)
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Right)
    assert focus_name() == "Pull: 4 of 10"
    press(qtbot, Qt.Key.Key_Space)
    # A promise, then a note in the next field.
    press(qtbot, Qt.Key.Key_T, ALT)
    assert QApplication.focusWidget() is dialog.promise
    qtbot.keyClicks(dialog.promise, "Walk by the river")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "A quiet evening.")
    press(qtbot, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    saved = check_ins.get()
    assert saved is not None
    assert saved.day == today
    assert saved.answers == CheckInAnswers(
        mood=3,
        no_contact=NoContactAnswer.YES,
        pull=4,
        yesterday_promise=None,
        promise="Walk by the river",
        note="A quiet evening.",
    )
    assert screen.check_in_button.text() == "Edit check-in"
    assert screen.saved_note.isVisible() and screen.saved_note.text() == "Check-in saved."
    status = screen.check_in_status.text()
    assert status.startswith("Done.")
    for part in ("Mood 3 of 5.", "Pull 4 of 10.", "No contact today.", "Promise made for today."):
        assert part in status
    assert not isinstance(screen.dialog, QMessageBox)  # "Yes" asks nothing more

    # Opening it again shows what was saved; a change replaces today's check-in.
    activate(qtbot, screen)
    press(qtbot, Qt.Key.Key_K, CTRL)
    again = current_dialog(qtbot, screen, CheckInDialog)
    assert again is not dialog
    assert again.mood.value() == 3
    assert again.mood.buttons[2].isChecked()
    assert again.no_contact.value() is NoContactAnswer.YES
    assert again.pull.value() == 4
    assert again.promise.text() == "Walk by the river"
    assert again.note.toPlainText() == "A quiet evening."
    press(qtbot, Qt.Key.Key_M, ALT)
    assert focus_name() == "Mood: 3 of 5"  # the row's one Tab stop is the chosen answer
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    assert again.mood.value() == 5
    assert [b.isChecked() for b in again.mood.buttons] == [False] * 4 + [True]
    press(qtbot, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: not again.isVisible(), timeout=WAIT_MS)
    edited = check_ins.get()
    assert edited is not None
    assert edited.answers.mood == 5
    assert edited.answers.pull == 4
    assert edited.answers.promise == "Walk by the river"
    assert "Mood 5 of 5." in screen.check_in_status.text()
    with vault.session() as session:
        assert len(session.exec(select(CheckIn)).all()) == 1


def test_yesterdays_promise_is_asked_about(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], check_ins: CheckInService, today: date
) -> None:
    check_ins.save(CheckInAnswers(promise="Call my sister"), day=today - timedelta(days=1))
    screen = make_screen()

    qtbot.mouseClick(screen.check_in_button, LEFT)
    dialog = current_dialog(qtbot, screen, CheckInDialog)
    assert dialog.promise_outcome.isVisible()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "Call my sister" in shown
    press(qtbot, Qt.Key.Key_Y, ALT)
    assert focus_name() == "Yesterday's promise: Kept"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    saved = check_ins.get()
    assert saved is not None
    assert saved.answers == CheckInAnswers(yesterday_promise=PromiseOutcome.KEPT)
    assert "Yesterday's promise kept." in screen.check_in_status.text()


def test_every_check_in_question_can_be_skipped(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], check_ins: CheckInService
) -> None:
    screen = make_screen()
    qtbot.keyClick(screen, Qt.Key.Key_K, CTRL)
    dialog = current_dialog(qtbot, screen, CheckInDialog)

    # Nothing is chosen in advance.
    for row in (dialog.mood, dialog.no_contact, dialog.pull, dialog.promise_outcome):
        assert row.value() is None
        assert not any(b.isChecked() for b in row.buttons)
    assert dialog.promise.text() == ""
    assert dialog.note.toPlainText() == ""

    press(qtbot, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    saved = check_ins.get()
    assert saved is not None
    assert saved.answers == CheckInAnswers()
    assert saved.answers.is_empty
    assert screen.check_in_status.text() == "Done."
    assert screen.check_in_button.text() == "Edit check-in"


def test_choosing_an_answer_again_clears_it(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], check_ins: CheckInService
) -> None:
    screen = make_screen()
    qtbot.mouseClick(screen.check_in_button, LEFT)
    dialog = current_dialog(qtbot, screen, CheckInDialog)

    qtbot.mouseClick(dialog.mood.buttons[3], LEFT)
    assert dialog.mood.value() == 4
    qtbot.mouseClick(dialog.mood.buttons[1], LEFT)
    assert dialog.mood.value() == 2
    assert [b.isChecked() for b in dialog.mood.buttons] == [False, True, False, False, False]
    qtbot.mouseClick(dialog.mood.buttons[1], LEFT)
    assert dialog.mood.value() is None
    assert not any(b.isChecked() for b in dialog.mood.buttons)
    # The same by keyboard: Space on the chosen answer.
    press(qtbot, Qt.Key.Key_P, ALT)
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.pull.value() == 0
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.pull.value() is None
    qtbot.mouseClick(save_button(dialog), LEFT)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    saved = check_ins.get()
    assert saved is not None
    assert saved.answers.mood is None
    assert saved.answers.pull is None


def test_a_check_in_with_contact_offers_to_log_it(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    clocks: ClockService,
    check_ins: CheckInService,
    today: date,
) -> None:
    add_clock(clocks, "Sam", today - timedelta(days=10))
    screen = make_screen()
    qtbot.mouseClick(screen.check_in_button, LEFT)
    dialog = current_dialog(qtbot, screen, CheckInDialog)
    qtbot.mouseClick(dialog.no_contact.buttons[1], LEFT)
    assert dialog.no_contact.value() is NoContactAnswer.NO
    qtbot.mouseClick(save_button(dialog), LEFT)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    saved = check_ins.get()
    assert saved is not None
    assert saved.answers.no_contact is NoContactAnswer.NO
    box = current_dialog(qtbot, screen, QMessageBox)
    assert box.text() == "Would you like to log the contact now?"
    assert box.defaultButton() is button(box, "Log contact")
    qtbot.mouseClick(button(box, "Log contact"), LEFT)

    contact_dialog = current_dialog(qtbot, screen, ContactDialog)
    assert contact_dialog.windowTitle() == "Log contact"
    assert contact_dialog.kind.value() is None
    qtbot.mouseClick(contact_dialog.kind.buttons[1], LEFT)  # They reached out
    qtbot.mouseClick(save_button(contact_dialog), LEFT)
    qtbot.waitUntil(lambda: not contact_dialog.isVisible(), timeout=WAIT_MS)
    [event] = clocks.list_contacts(only_card(screen).summary.clock_id)
    assert event.details.kind is ContactKind.THEM


def test_not_now_logs_nothing_and_without_clocks_nothing_is_asked(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    clocks: ClockService,
    check_ins: CheckInService,
    today: date,
) -> None:
    screen = make_screen()
    qtbot.mouseClick(screen.check_in_button, LEFT)
    dialog = current_dialog(qtbot, screen, CheckInDialog)
    qtbot.mouseClick(dialog.no_contact.buttons[1], LEFT)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert screen.dialog is dialog  # no clock, so no question

    clock_id = add_clock(clocks, "Sam", today - timedelta(days=10))
    screen.refresh()
    activate(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_K, CTRL)
    dialog = current_dialog(qtbot, screen, CheckInDialog)
    assert dialog.no_contact.value() is NoContactAnswer.NO
    press(qtbot, Qt.Key.Key_Return, CTRL)
    box = current_dialog(qtbot, screen, QMessageBox)
    press(qtbot, Qt.Key.Key_Escape)  # "Not now"
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert screen.dialog is box
    assert clocks.list_contacts(clock_id) == []


# ----- contacts -------------------------------------------------------------------------------


def open_log_contact(qtbot: QtBot, screen: TodayScreen) -> ContactDialog:
    activate(qtbot, screen)
    qtbot.mouseClick(only_card(screen).log_button, LEFT)
    return current_dialog(qtbot, screen, ContactDialog)


def test_contacts_of_each_kind_and_what_they_do_to_the_figures(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    clocks: ClockService,
    today: date,
) -> None:
    clock_id = add_clock(clocks, "Sam", today - timedelta(days=20))
    screen = make_screen()
    assert only_card(screen).days.text() == "20"
    assert not screen.notice.isVisible()

    # Saving without saying what happened: a kind word, nothing saved.
    dialog = open_log_contact(qtbot, screen)
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "For Sam" in shown
    assert not dialog.reflection.isVisible()
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Please choose what happened."
    assert clocks.list_contacts(clock_id) == []

    # They reached out: recorded, the stretch goes on.
    qtbot.mouseClick(dialog.kind.buttons[1], LEFT)
    assert not dialog.reflection.isVisible()
    qtbot.mouseClick(save_button(dialog), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert only_card(screen).days.text() == "20"
    assert [e.details.kind for e in clocks.list_contacts(clock_id)] == ["them"]
    assert not screen.notice.isVisible()

    # Allowed or unavoidable: the same.
    dialog = open_log_contact(qtbot, screen)
    qtbot.mouseClick(dialog.kind.buttons[2], LEFT)
    assert not dialog.reflection.isVisible()
    qtbot.mouseClick(save_button(dialog), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    card = only_card(screen)
    assert card.days.text() == "20"
    assert card.figures.text() == "Longest: 20 days  ·  Total: 20 days"
    assert sorted(e.details.kind for e in clocks.list_contacts(clock_id)) == ["them", "unavoidable"]
    assert not screen.notice.isVisible()

    # I reached out, five days ago: a new stretch from then; the days before still count.
    dialog = open_log_contact(qtbot, screen)
    qtbot.mouseClick(dialog.kind.buttons[0], LEFT)
    assert dialog.reflection.isVisible()
    qtbot.mouseClick(dialog.kind.buttons[1], LEFT)
    assert not dialog.reflection.isVisible()
    qtbot.mouseClick(dialog.kind.buttons[0], LEFT)
    assert dialog.reflection.isVisible()
    five_days_ago = today - timedelta(days=5)
    dialog.when.setDateTime(QDateTime(qdate(five_days_ago), QTime(21, 30)))
    qtbot.mouseClick(dialog.what_happened, LEFT)
    qtbot.keyClicks(dialog.what_happened, "A late night, feeling alone.")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.what_helped
    qtbot.keyClicks(dialog.what_helped, "Texting a friend afterwards.")
    qtbot.mouseClick(save_button(dialog), LEFT)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    card = only_card(screen)
    assert card.days.text() == "5"
    assert card.figures.text() == "Longest: 15 days  ·  Total: 20 days"
    assert card.next_milestone.text() == "Next milestone: 7 days, in 2 days"
    assert dialog.days_before == 15
    assert screen.notice.isVisible()
    lines = screen.notice.text().splitlines()
    assert lines[0] == today_texts().stretch_ended(15, five_days_ago, today=today)
    assert lines[0].startswith("A new stretch began on")
    assert "15 days before it still count" in lines[0]
    # the new stretch's own milestone (3 days) is shown too, not silently marked seen
    assert lines[1].startswith("Three days of distance")
    mine = [e for e in clocks.list_contacts(clock_id) if e.details.kind == "me"]
    assert len(mine) == 1
    assert mine[0].details.at.astimezone().date() == five_days_ago
    assert mine[0].details.what_happened == "A late night, feeling alone."
    assert mine[0].details.what_helped == "Texting a friend afterwards."


def test_contact_history_delete_and_undo(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    clock_id = add_clock(clocks, "Sam", today - timedelta(days=30))
    clocks.log_contact(clock_id, contact(ContactKind.ME, today - timedelta(days=10), "first"))
    clocks.log_contact(clock_id, contact(ContactKind.THEM, today - timedelta(days=2), "second"))
    screen = make_screen()
    assert only_card(screen).days.text() == "10"

    choose_from_menu(qtbot, only_card(screen).more_button, "Contact history…")
    history = current_dialog(qtbot, screen, ContactHistoryDialog)
    assert history.list.count() == 2
    assert "They reached out" in history.list.item(0).text()  # newest first
    assert "I reached out" in history.list.item(1).text()
    assert not history.undo_bar.button.isVisible()

    # Delete the older one ("I reached out"), then undo it.
    history.list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert history.list.currentRow() == 1
    qtbot.mouseClick(history.delete_button, LEFT)
    assert history.list.count() == 1
    assert [e.details.note for e in clocks.list_contacts(clock_id)] == ["second"]
    assert history.undo_bar.button.isVisible()
    qtbot.mouseClick(history.undo_bar.button, LEFT)
    assert history.list.count() == 2
    assert sorted(e.details.note for e in clocks.list_contacts(clock_id)) == ["first", "second"]
    assert not history.undo_bar.button.isVisible()

    # The same by keyboard: Delete in the list, Ctrl+Z.
    history.list.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert [e.details.note for e in clocks.list_contacts(clock_id)] == ["first"]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert sorted(e.details.note for e in clocks.list_contacts(clock_id)) == ["first", "second"]

    # Deleting "I reached out" for good gives the whole stretch back once the dialog closes.
    press(qtbot, Qt.Key.Key_End)
    qtbot.mouseClick(history.delete_button, LEFT)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not history.isVisible(), timeout=WAIT_MS)
    card = only_card(screen)
    assert card.days.text() == "30"
    assert card.figures.text() == "Longest: 30 days  ·  Total: 30 days"


# ----- milestones -----------------------------------------------------------------------------


def test_a_milestone_is_acknowledged_once(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    clocks: ClockService,
    today: date,
) -> None:
    clock = clocks.add_clock("Sam", today - timedelta(days=7))
    assert clock.id is not None
    screen = make_screen()

    assert screen.notice.isVisible()
    assert screen.notice.text() == (
        "A week of distance from Sam. However this week felt, you kept going."
    )
    assert only_card(screen).days.text() == "7"
    assert only_card(screen).next_milestone.text() == "Next milestone: 14 days, in 7 days"
    assert all(m.acknowledged for m in clocks.milestone_history(clock.id))
    assert [m.days for m in clocks.milestone_history(clock.id)] == [1, 3, 7]

    screen.refresh()
    assert all(s.new_milestones == () for s in clocks.summaries())
    assert "\n" not in screen.notice.text()  # not added a second time

    again = make_screen()
    assert not again.notice.isVisible()
    assert again.notice.text() == ""


# ----- archive, remove, undo ------------------------------------------------------------------


def test_archive_then_ctrl_z_brings_the_clock_back(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    clock_id = add_clock(clocks, "Sam", today - timedelta(days=12))
    screen = make_screen()

    choose_from_menu(qtbot, only_card(screen).more_button, "Archive")
    assert screen.cards == []
    assert screen.undo_bar.isVisible()
    assert screen.archived_button.isVisible()
    assert screen.archived_button.text() == "Archived (1)"
    assert [c.id for c in clocks.list_clocks(archived=True)] == [clock_id]

    activate(qtbot, screen)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not screen.undo_bar.isVisible()
    assert only_card(screen).days.text() == "12"
    assert not screen.archived_button.isVisible()
    assert clocks.list_clocks(archived=True) == []

    # Archived again, it also comes back from the Archived menu.
    choose_from_menu(qtbot, only_card(screen).more_button, "Archive")
    choose_from_menu(qtbot, screen.archived_button, "Bring back “Sam”")
    assert only_card(screen).summary.clock_id == clock_id
    assert not screen.archived_button.isVisible()


def test_remove_asks_first_and_can_be_undone(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    clock_id = add_clock(clocks, "Sam", today - timedelta(days=40))
    clocks.log_contact(clock_id, contact(ContactKind.THEM, today - timedelta(days=3), "hello"))
    clocks.log_contact(clock_id, contact(ContactKind.ME, today - timedelta(days=35)))
    clocks.summaries()
    clocks.acknowledge_milestones(clock_id)
    milestones_before = milestone_records(clocks, clock_id)
    screen = make_screen()
    assert only_card(screen).days.text() == "35"
    assert not screen.notice.isVisible()

    # "Keep it" keeps everything.
    choose_from_menu(qtbot, only_card(screen).more_button, "Remove…")
    box = current_dialog(qtbot, screen, QMessageBox)
    assert box.defaultButton() is button(box, "Keep it")
    qtbot.mouseClick(button(box, "Keep it"), LEFT)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert len(screen.cards) == 1
    assert [c.id for c in clocks.list_clocks()] == [clock_id]
    assert not screen.undo_bar.isVisible()

    # "Remove" removes it with its contacts; Undo brings all of it back.
    activate(qtbot, screen)
    choose_from_menu(qtbot, only_card(screen).more_button, "Remove…")
    box = current_dialog(qtbot, screen, QMessageBox)
    qtbot.mouseClick(button(box, "Remove"), LEFT)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert screen.cards == []
    assert clocks.list_clocks() == []
    assert clocks.list_contacts(clock_id) == []
    assert screen.undo_bar.isVisible()
    assert screen.undo_bar.text.text() == "Clock removed."

    qtbot.mouseClick(screen.undo_bar.button, LEFT)
    assert not screen.undo_bar.isVisible()
    card = only_card(screen)
    [restored] = clocks.list_clocks()  # the same clock, though maybe not the same id
    assert restored.id is not None
    assert card.summary.clock_id == restored.id
    assert (restored.name, restored.since) == ("Sam", today - timedelta(days=40))
    assert card.days.text() == "35"
    assert card.figures.text() == "Longest: 35 days  ·  Total: 40 days"
    assert sorted(e.details.note for e in clocks.list_contacts(restored.id)) == ["", "hello"]
    assert milestone_records(clocks, restored.id) == milestones_before
    assert not screen.notice.isVisible()  # nothing shown again as if new


def test_undo_remove_after_adding_another_clock_loses_nothing(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    add_clock(clocks, "Sam", today - timedelta(days=9))
    screen = make_screen()
    choose_from_menu(qtbot, only_card(screen).more_button, "Remove…")
    box = current_dialog(qtbot, screen, QMessageBox)
    qtbot.mouseClick(button(box, "Remove"), LEFT)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    activate(qtbot, screen)
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = current_dialog(qtbot, screen, ClockDialog)
    qtbot.keyClicks(dialog.name, "Alex")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    offered = screen.undo_bar.isVisible()

    activate(qtbot, screen)
    with qtbot.captureExceptions() as raised:
        press(qtbot, Qt.Key.Key_Z, CTRL)

    assert [str(error) for _, error, _ in raised] == []
    names = sorted(c.name for c in clocks.list_clocks())
    assert names == (["Alex", "Sam"] if offered else ["Alex"])
    assert sorted(s.name for s in screen.summaries) == names


def test_an_ampersand_in_a_label_is_not_a_shortcut_in_the_archived_menu(
    qtbot: QtBot, make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    add_clock(clocks, "Tom & Jerry", today - timedelta(days=9))
    screen = make_screen()
    choose_from_menu(qtbot, only_card(screen).more_button, "Archive")
    menu = screen.archived_button.menu()
    [action] = menu.actions()
    assert "Tom" in action.text()
    assert QtGui.QKeySequence.mnemonic(action.text()).isEmpty(), action.text()


# ----- layout ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "columns"), [(900, 600, 2), (1600, 1000, 3)])
def test_cards_fit_side_by_side(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    clocks: ClockService,
    today: date,
    width: int,
    height: int,
    columns: int,
) -> None:
    for name, days in (("Sam", 12), ("Alex with a rather long label", 130), ("J.", 400)):
        add_clock(clocks, name, today - timedelta(days=days), "only about the children")
    screen = make_screen(width, height)
    screen.setStyleSheet(style_sheet(LIGHT))
    screen.refresh()
    qtbot.waitUntil(lambda: all(card.isVisible() for card in screen.cards), timeout=WAIT_MS)

    scroll = screen.findChild(QScrollArea)
    assert scroll is not None
    viewport = scroll.viewport()
    assert not scroll.horizontalScrollBar().isVisible()
    assert len(screen.cards) == 3
    for card in screen.cards:
        assert card.width() >= MIN_CARD_WIDTH
        scroll.ensureWidgetVisible(card)
        top_left = card.mapTo(viewport, QPoint(0, 0))
        area = QRect(top_left, card.size())
        assert viewport.rect().contains(area), (card.summary.name, area, viewport.rect())
        for child in (card.log_button, card.more_button):
            assert child.isVisible()
            assert card.rect().contains(QRect(child.mapTo(card, QPoint(0, 0)), child.size()))
    lefts = sorted({card.mapTo(screen, QPoint(0, 0)).x() for card in screen.cards})
    assert len(lefts) == columns
    first_row = [c for c in screen.cards if c.y() == screen.cards[0].y()]
    assert len(first_row) == columns


# ----- in the window --------------------------------------------------------------------------


def test_today_shows_after_unlocking_and_ctrl_k_works_from_the_sidebar(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    view = window.main_view
    assert view is not None
    assert view.current_section() == TODAY
    today = view.today
    assert isinstance(today, TodayScreen)
    assert view.pages.currentWidget() is today
    qtbot.waitUntil(today.isVisible, timeout=WAIT_MS)
    assert today.empty_state.isVisible()
    assert QApplication.focusWidget() is view.sidebar

    qtbot.keyClick(focused(window), Qt.Key.Key_K, CTRL)
    dialog = current_dialog(qtbot, today, CheckInDialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Check-in"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    close_window(window)


def test_ctrl_l_in_an_open_check_in_locks_and_leaves_nothing_behind(
    qtbot: QtBot, data_dir: Path
) -> None:
    """Dialogs open with open(), not exec(): locking tears Today down with no nested loop."""
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.main_view is not None
    today = window.main_view.today
    qtbot.waitUntil(today.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(focused(window), Qt.Key.Key_K, CTRL)
    dialog = current_dialog(qtbot, today, CheckInDialog)
    qtbot.keyClicks(dialog.note, "not saved")
    qtbot.keyClick(key_window(window), Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.main_view is None, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.unlock_screen
    assert not any(
        isinstance(w, CheckInDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    close_window(window)


def test_with_every_clock_archived_the_empty_state_does_not_say_first(
    make_screen: Callable[..., TodayScreen], clocks: ClockService, today: date
) -> None:
    clock = clocks.add_clock("A", today)
    assert clock.id is not None
    clocks.archive_clock(clock.id)
    screen = make_screen()
    assert screen.empty_state.isVisible()
    assert screen.empty_add_button.text() == "Add a clock"
    assert screen.archived_button.text() == "Archived (1)"


def test_an_undo_that_cannot_be_saved_says_why_and_stays_on_offer(
    qtbot: QtBot,
    make_screen: Callable[..., TodayScreen],
    clocks: ClockService,
    today: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_clock(clocks, "Sam", today - timedelta(days=4))
    screen = make_screen()
    choose_from_menu(qtbot, only_card(screen).more_button, "Remove…")
    box = current_dialog(qtbot, screen, QMessageBox)
    qtbot.mouseClick(button(box, "Remove"), LEFT)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)

    real_restore = ClockService.restore_clock

    def disk_full(self: ClockService, removed: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(ClockService, "restore_clock", disk_full)
    qtbot.mouseClick(screen.undo_bar.button, LEFT)
    assert screen.message.isVisible()
    assert "disk is full" in screen.message.text()
    assert screen.undo_bar.isVisible()  # the removed clock is still held, ready to come back

    monkeypatch.setattr(ClockService, "restore_clock", real_restore)
    qtbot.mouseClick(screen.undo_bar.button, LEFT)
    assert not screen.undo_bar.isVisible()
    assert not screen.message.isVisible()
    assert only_card(screen).summary.name == "Sam"


# ----- one notice at a time ---------------------------------------------------------------------


def test_today_shows_one_notice_chosen_in_one_place_with_its_button(
    qtbot: QtBot, clocks: ClockService, check_ins: CheckInService, today: date
) -> None:
    from recovery_app.domain.notices import Notice, NoticeAction, NoticeKind
    from recovery_app.services.notices import TodayNotices

    dismissed: list[str] = []
    offers = {"reading": True}

    def reading() -> Notice | None:
        if not offers["reading"]:
            return None
        action = NoticeAction("reading", "Read it", "several_tries")
        return Notice(NoticeKind.READING, "A reading may help.", action, True, "several_tries")

    def forget(notice: Notice) -> None:
        dismissed.append(notice.key)
        offers["reading"] = False

    notices = TodayNotices()
    notices.add_source(NoticeKind.READING, reading, forget)
    notices.add_source(NoticeKind.BACKUP, lambda: None)
    screen = TodayScreen(clocks, check_ins, notices=notices)
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.show()
    qtbot.waitExposed(screen)
    card = screen.notice_card
    assert card.isVisible() and screen.notice.text() == "A reading may help."
    with qtbot.waitSignal(card.action_requested) as acted:
        qtbot.mouseClick(card.action_button, LEFT)
    assert acted.args[0].target == "several_tries"

    # A milestone reached comes before the reading: one notice at a time.
    clocks.add_clock("Sam", today - timedelta(days=3))
    screen.refresh()
    assert screen.notice.text().startswith("Three days of distance")
    assert not card.dismiss_button.isVisible() and not card.action_button.isVisible()
    screen.refresh()  # said once: the reading comes back
    assert screen.notice.text() == "A reading may help."
    qtbot.mouseClick(card.dismiss_button, LEFT)
    assert dismissed == ["several_tries"] and not card.isVisible()
