"""The Exercises screen: the runner driven by keys for three exercises, resume of a half-done
run, earlier runs, hide and show again, promises and hunches, and a file that didn't load."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from helpers.ui_window import WAIT_MS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.check_in import CheckInAnswers, PromiseOutcome
from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.resource_files import resources_dir
from recovery_app.services.check_ins import CheckInService
from recovery_app.services.exercises import ExerciseService, Library, load_library
from recovery_app.services.hunches import HunchService
from recovery_app.services.promises import PromiseService
from recovery_app.storage.vault import Vault
from recovery_app.ui.exercises.history import ExerciseHistoryDialog
from recovery_app.ui.exercises.hunch_dialogs import CheckHunchDialog, NoteHunchDialog
from recovery_app.ui.exercises.runner import ExerciseRunner
from recovery_app.ui.exercises.screen import ExercisesScreen
from recovery_app.ui.kit.choices import ChoiceRow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
D = TypeVar("D", bound=QWidget)


@pytest.fixture
def moment() -> list[datetime]:
    return [datetime.now(UTC).replace(microsecond=0)]


@pytest.fixture
def services(vault: Vault, moment: list[datetime]):
    def now() -> datetime:
        return moment[0]

    return (
        ExerciseService(vault, load_library(), now=now),
        PromiseService(vault, now=now),
        HunchService(vault, now=now),
    )


@pytest.fixture
def make_screen(qtbot: QtBot, services) -> Callable[..., ExercisesScreen]:
    def build(library: Library | None = None) -> ExercisesScreen:
        exercises, promises, hunches = services
        if library is not None:
            exercises.library = library
        screen = ExercisesScreen(exercises, promises, hunches)
        qtbot.addWidget(screen)
        screen.resize(1100, 800)
        screen.show()
        qtbot.waitExposed(screen)
        activate(qtbot, screen)
        return screen

    return build


def activate(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where a real one would go: the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def go(qtbot: QtBot, runner: ExerciseRunner, key: Qt.Key) -> None:
    """Alt+B, Alt+N or Alt+S: a button's own Alt+letter, which clicks it a moment later (Qt
    shows the press first), so wait for the step to change or the runner to close."""
    before = runner.current()
    press(qtbot, key, ALT)
    qtbot.waitUntil(lambda: runner.current() != before or not runner.isVisible(), timeout=WAIT_MS)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert isinstance(target, QPlainTextEdit), f"the focus is on {target!r}"
    qtbot.keyClicks(target, text)


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


def current_dialog(qtbot: QtBot, screen: ExercisesScreen, kind: type[D]) -> D:
    dialog = screen.dialog
    assert isinstance(dialog, kind), f"expected a {kind.__name__}, the screen shows {dialog!r}"
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def start(qtbot: QtBot, screen: ExercisesScreen, exercise_id: str) -> ExerciseRunner:
    qtbot.mouseClick(screen.card(exercise_id).start_button, LEFT)
    return current_dialog(qtbot, screen, ExerciseRunner)


def step_prompt(runner: ExerciseRunner) -> str:
    return runner.pages[runner.current()].step.prompt


# ----- the runner, by keys ----------------------------------------------------------------------


def test_reality_check_by_keys_with_back_and_skip(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    exercises, _, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "reality_check")
    assert step_prompt(runner).startswith("What happened?")
    assert not runner.back_button.isEnabled()

    type_text(qtbot, "They said I was making it up.")
    go(qtbot, runner, Qt.Key.Key_N)
    assert step_prompt(runner) == "What did I feel, then and now?"
    type_text(qtbot, "Scared")
    go(qtbot, runner, Qt.Key.Key_B)  # back: what was written is still there
    assert runner.pages[0].value() == "They said I was making it up."
    go(qtbot, runner, Qt.Key.Key_N)
    assert focus_name() == "What did I feel, then and now?"
    go(qtbot, runner, Qt.Key.Key_S)  # skip: this step stays unanswered
    assert step_prompt(runner) == "What do I know to be true?"
    type_text(qtbot, "I heard the door slam.")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter goes on from inside a text
    go(qtbot, runner, Qt.Key.Key_S)
    # The last step, a scale: nothing chosen until the person chooses.
    assert focus_name() == "How much do I trust my own account now?: 0 of 10"
    assert runner.pages[4].value() is None
    assert runner.next_button.text() == "Fi&nish"
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    go(qtbot, runner, Qt.Key.Key_N)

    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    (run,) = exercises.history("reality_check")
    assert run.answers == {0: "They said I was making it up.", 2: "I heard the door slam.", 4: 6}
    assert "Well done" in screen.status.text()
    assert screen.recent_list.count() == 1


def test_name_the_cycle_by_keys_with_a_single_choice(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    exercises, _, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "name_the_cycle")
    go(qtbot, runner, Qt.Key.Key_S)
    assert focus_name() == "Where did it sit in the pattern?: Tension building"
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Down)  # the choices stack; Down walks them
    assert focus_name() == "Where did it sit in the pattern?: This doesn't fit the pattern"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)  # Enter on a choice goes on
    assert step_prompt(runner) == "What came before it?"
    for _ in range(2):
        go(qtbot, runner, Qt.Key.Key_S)
    assert focus_name() == "Have I seen this happen more than once?: Yes"
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # "No"
    go(qtbot, runner, Qt.Key.Key_N)
    type_text(qtbot, "It isn't always the same.")
    go(qtbot, runner, Qt.Key.Key_N)

    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    (run,) = exercises.history("name_the_cycle")
    assert run.answers == {
        1: "This doesn't fit the pattern",
        4: False,
        5: "It isn't always the same.",
    }


def test_values_by_keys_with_several_choices_and_a_change_of_mind(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    exercises, _, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "values_and_action")
    assert focus_name() == "Which of these matter most to me right now?: Honesty"
    press(qtbot, Qt.Key.Key_Space)  # Honesty
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # Calm
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # Family
    go(qtbot, runner, Qt.Key.Key_N)
    type_text(qtbot, "Being straight with myself.")
    go(qtbot, runner, Qt.Key.Key_B)
    assert focus_name() == "Which of these matter most to me right now?: Honesty"
    press(qtbot, Qt.Key.Key_Space)  # not Honesty after all
    for _ in range(3):
        go(qtbot, runner, Qt.Key.Key_N)
    assert focus_name() == "Would I like to make it a promise to myself?: Yes"
    press(qtbot, Qt.Key.Key_Space)
    go(qtbot, runner, Qt.Key.Key_N)

    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    (run,) = exercises.history("values_and_action")
    assert run.answers == {0: ("Calm", "Family"), 1: "Being straight with myself.", 3: True}


# ----- half-done runs ---------------------------------------------------------------------------


def test_a_half_done_run_is_saved_for_later_and_taken_up_again(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    exercises, _, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "check_the_facts")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # Guilt
    go(qtbot, runner, Qt.Key.Key_N)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # 1
    go(qtbot, runner, Qt.Key.Key_N)
    type_text(qtbot, "A message at midnight.")
    press(qtbot, Qt.Key.Key_L, ALT)  # save and finish later

    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    assert "pick it up again" in screen.status.text()
    assert screen.card("check_the_facts").start_button.text() == "Go on"
    assert exercises.history("check_the_facts") == []

    activate(qtbot, screen)
    qtbot.mouseClick(screen.card("check_the_facts").start_button, LEFT)
    ask = screen.dialog
    assert isinstance(ask, QMessageBox)
    qtbot.waitUntil(ask.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(next(b for b in ask.buttons() if b.text() == "&Go on where I left off"), LEFT)
    again = current_dialog(qtbot, screen, ExerciseRunner)
    assert again is not runner
    assert again.current() == 2
    assert again.pages[2].value() == "A message at midnight."
    assert again.pages[0].value() == "Guilt"
    assert again.pages[1].value() == 1
    go(qtbot, again, Qt.Key.Key_N)  # the words stay; Skip would leave this step unanswered
    for _ in range(3):
        go(qtbot, again, Qt.Key.Key_S)
    go(qtbot, again, Qt.Key.Key_N)

    qtbot.waitUntil(lambda: not again.isVisible(), timeout=WAIT_MS)
    (run,) = exercises.history("check_the_facts")
    assert run.answers == {0: "Guilt", 1: 1, 2: "A message at midnight."}
    assert exercises.unfinished_run("check_the_facts") is None


def test_closing_the_runner_keeps_what_was_written(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    exercises, _, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "self_compassion_break")
    type_text(qtbot, "Missing them tonight.")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    half = exercises.unfinished_run("self_compassion_break")
    assert half is not None
    assert half.answers == {0: "Missing them tonight."}

    # Nothing written, nothing kept.
    activate(qtbot, screen)
    empty = start(qtbot, screen, "validating_a_feeling")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not empty.isVisible(), timeout=WAIT_MS)
    assert exercises.unfinished_run("validating_a_feeling") is None


def test_earlier_runs_are_listed_by_date_and_read_back(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services, moment
) -> None:
    exercises, _, _ = services
    exercises.save_run("self_compassion_break", {0: "First time."}, 3, finished=True)
    moment[0] += timedelta(days=2)
    exercises.save_run("self_compassion_break", {0: "<b>Second</b>", 3: 7}, 3, finished=True)
    screen = make_screen()
    card = screen.card("self_compassion_break")
    assert card.history_button.text() == "Earlier (2)"
    qtbot.mouseClick(card.history_button, LEFT)
    history = current_dialog(qtbot, screen, ExerciseHistoryDialog)
    assert history.list.count() == 2
    shown = history.answers.toPlainText()
    assert "<b>Second</b>" in shown  # as typed
    assert "7 of 10" in shown
    assert "(skipped)" in shown
    assert history.answers.isReadOnly()
    history.list.setCurrentRow(1)
    assert "First time." in history.answers.toPlainText()


# ----- the library ------------------------------------------------------------------------------


def test_an_exercise_is_hidden_and_shown_again(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    exercises, _, _ = services
    screen = make_screen()
    assert len(screen.cards) == 9
    qtbot.mouseClick(screen.card("name_the_cycle").hide_button, LEFT)
    assert "name_the_cycle" not in [c.exercise.id for c in screen.cards]
    assert exercises.hidden() == {"name_the_cycle"}

    qtbot.mouseClick(screen.show_hidden, LEFT)
    card = screen.card("name_the_cycle")
    assert card.hide_button.text() == "Show again"
    qtbot.mouseClick(card.hide_button, LEFT)
    assert exercises.hidden() == set()
    qtbot.mouseClick(screen.show_hidden, LEFT)
    assert len(screen.cards) == 9


def test_a_file_that_did_not_load_is_a_quiet_notice_and_a_new_file_is_a_card(
    qtbot: QtBot,
    make_screen: Callable[..., ExercisesScreen],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = tmp_path / "exercises"
    folder.mkdir()
    for path in (resources_dir() / "exercises").glob("*.toml"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.toml").write_text('id = "broken"\ntitle = 3\n', encoding="utf-8")
    (folder / "grounding.toml").write_text(
        'id = "grounding"\ntitle = "Five things I can see"\nwhy = "It brings you back to now."\n'
        'minutes = 2\nsource = "A common grounding practice."\n'
        '[[steps]]\nprompt = "Five things I can see:"\nkind = "text"\n',
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        library = load_library(folder)
    screen = make_screen(library)
    assert "broken.toml: title must be some text" in caplog.text
    assert screen.notice.isVisible()
    assert "couldn't be loaded" in screen.notice.text()
    assert len(screen.cards) == 10
    runner = start(qtbot, screen, "grounding")
    assert step_prompt(runner) == "Five things I can see:"
    assert runner.next_button.text() == "Fi&nish"


# ----- promises and hunches ---------------------------------------------------------------------


def test_promises_are_made_and_marked_here_and_the_line_follows(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services, vault: Vault, moment
) -> None:
    _, promises, _ = services
    CheckInService(vault, now=lambda: moment[0] - timedelta(days=1)).save(
        CheckInAnswers(promise="Sleep before midnight")
    )
    screen = make_screen()
    assert "starts once a promise is marked" in screen.self_trust.summary.text()
    assert not screen.self_trust.line.isVisible()

    qtbot.keyClicks(screen.promises_panel.new_promise, "Drink water")
    qtbot.keyClick(screen.promises_panel.new_promise, Qt.Key.Key_Return)
    made = {p.text: p for p in promises.promises()}
    assert set(made) == {"Sleep before midnight", "Drink water"}  # the check-in's, and this one
    panel = screen.promises_panel
    qtbot.mouseClick(
        panel.mark_buttons[(made["Sleep before midnight"].id, PromiseOutcome.KEPT)], LEFT
    )
    qtbot.mouseClick(panel.mark_buttons[(made["Drink water"].id, PromiseOutcome.LET_GO)], LEFT)
    assert promises.open_promises() == []
    assert screen.self_trust.summary.text() == "Promises kept: 1 of 1 (100%)."
    assert screen.self_trust.line.isVisible()
    assert "1 of 1 kept" in screen.self_trust.line.accessibleDescription()


def test_an_empty_promise_is_refused_kindly(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    _, promises, _ = services
    screen = make_screen()
    qtbot.keyClicks(screen.promises_panel.new_promise, "   ")
    qtbot.mouseClick(screen.promises_panel.add_button, LEFT)
    assert screen.promises_panel.message.text() == "A promise needs a few words."
    assert promises.promises() == []


def test_a_prediction_is_noted_then_looked_back_at_when_its_day_comes(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services, moment
) -> None:
    _, _, hunches = services
    screen = make_screen()
    assert "Nothing is waiting" in screen.waiting.rows.itemAt(0).widget().text()
    qtbot.mouseClick(screen.waiting.note_button, LEFT)
    note = current_dialog(qtbot, screen, NoteHunchDialog)
    assert not note.fearful.isEnabled()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # a prediction
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "They will apologise and then do it again")
    press(qtbot, Qt.Key.Key_F, ALT)  # the box's Alt+letter ticks it a moment later
    qtbot.waitUntil(note.fearful.isChecked, timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=WAIT_MS)
    (noted,) = hunches.hunches()
    assert noted.kind is HunchKind.PREDICTION
    assert noted.fearful
    assert hunches.waiting() == []

    assert not screen.waiting_nudge.isVisible()
    moment[0] += timedelta(days=8)
    screen.refresh()
    assert screen.waiting_nudge.isVisible()
    (look_back,) = screen.waiting.check_buttons
    qtbot.mouseClick(look_back, LEFT)
    check = current_dialog(qtbot, screen, CheckHunchDialog)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # it was wrong
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "No apology this time; I stayed away.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not check.isVisible(), timeout=WAIT_MS)
    (checked,) = hunches.hunches()
    assert checked.outcome is CheckOutcome.WRONG
    assert screen.waiting.check_buttons == []
    assert not screen.waiting_nudge.isVisible()
    assert screen.self_trust.fears.text().endswith("Of them, 100% didn't come true.")


def test_a_check_needs_an_answer_or_cancel(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services, moment
) -> None:
    _, _, hunches = services
    hunches.note(HunchKind.INSTINCT, "Something is off", check_after=moment[0].astimezone().date())
    screen = make_screen()
    qtbot.mouseClick(screen.waiting.check_buttons[0], LEFT)
    check = current_dialog(qtbot, screen, CheckHunchDialog)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert check.isVisible()
    assert "asked again later" in check.message.text()
    assert hunches.waiting() != []


# ----- in the window ----------------------------------------------------------------------------


def test_ctrl_3_opens_exercises_and_locking_mid_run_keeps_the_words(
    qtbot: QtBot, data_dir: Path
) -> None:
    from conftest import CHEAP_KDF, PASSWORD
    from helpers.ui_window import (
        close_window,
        focused,
        key_window,
        make_vault,
        open_window,
        unlock_with_password,
    )

    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.paths import VaultPaths

    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    assert window.main_view is not None
    qtbot.keyClick(focused(window), Qt.Key.Key_3, CTRL)
    screen = window.main_view.exercises
    qtbot.waitUntil(screen.isVisible, timeout=WAIT_MS)
    assert window.main_view.pages.currentWidget() is screen
    assert window.windowTitle() == "Journal"

    runner = start(qtbot, screen, "reality_check")
    type_text(qtbot, "Written just before the lock")
    assert runner.windowTitle() == "Reality check"  # the exercise's name, never what was written
    qtbot.keyClick(key_window(window), Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.main_view is None, timeout=WAIT_MS)
    assert not any(
        isinstance(w, ExerciseRunner) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    close_window(window)

    journal = VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF).unlock(PASSWORD)
    try:
        half = journal.exercises.unfinished_run("reality_check")
        assert half is not None
        assert half.answers == {0: "Written just before the lock"}
    finally:
        journal.close()


def test_a_promise_to_myself_by_keys_joins_the_promises(
    qtbot: QtBot, make_screen: Callable[..., ExercisesScreen], services
) -> None:
    _, promises, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "promise_to_myself")
    type_text(qtbot, "Go to bed by eleven")
    go(qtbot, runner, Qt.Key.Key_N)
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)  # 8 of 10 sure
    go(qtbot, runner, Qt.Key.Key_N)
    go(qtbot, runner, Qt.Key.Key_S)  # skipping the last step finishes
    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    (run,) = services[0].history("promise_to_myself")
    assert run.answers == {0: "Go to bed by eleven", 1: 8}

    (promise,) = promises.promises()
    assert promise.text == "Go to bed by eleven"
    assert "Promises to myself" in screen.status.text()
    assert (promise.id, PromiseOutcome.KEPT) in screen.promises_panel.mark_buttons


def test_a_full_disk_says_so_kindly_and_loses_nothing(
    qtbot: QtBot,
    make_screen: Callable[..., ExercisesScreen],
    services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recovery_app.storage.errors import DiskFull

    exercises, promises, _ = services
    screen = make_screen()
    runner = start(qtbot, screen, "self_compassion_break")
    type_text(qtbot, "Hard evening.")
    real_save = ExerciseService.save_run

    def disk_full(*args: object, **kwargs: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(ExerciseService, "save_run", disk_full)
    press(qtbot, Qt.Key.Key_Escape)
    assert runner.isVisible()  # not closed: the words are still on screen
    assert "disk is full" in runner.message.text()
    assert runner.pages[0].value() == "Hard evening."

    monkeypatch.setattr(ExerciseService, "save_run", real_save)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not runner.isVisible(), timeout=WAIT_MS)
    half = exercises.unfinished_run("self_compassion_break")
    assert half is not None
    assert half.answers == {0: "Hard evening."}

    monkeypatch.setattr(PromiseService, "add", disk_full)
    qtbot.keyClicks(screen.promises_panel.new_promise, "Rest")
    qtbot.mouseClick(screen.promises_panel.add_button, LEFT)
    assert "disk is full" in screen.promises_panel.message.text()
    assert screen.promises_panel.new_promise.text() == "Rest"  # kept to try again
    monkeypatch.undo()
    assert promises.promises() == []
