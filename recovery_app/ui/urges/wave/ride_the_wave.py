"""Ride the wave: a guide for the minutes when the pull is strongest.

Start (timer length, optional predictions) → riding (countdown, breathing, a check each
minute that waits for its answer, my reasons, a kind word, people, a letter) → the end
(re-rating and outcome). Pausable, and closable at any point: what was entered is saved
to the urge as it is entered, and once more on closing. The clock is injectable, so tests
ride a ten-minute wave in no time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.urges import UrgeDetails
from recovery_app.domain.wave import WaveTimer, breath_phase
from recovery_app.services.journal_part import utc_now
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.texts import guide_texts
from recovery_app.services.urges import SavedUrge, UrgeService
from recovery_app.ui.kit.announce import announce
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.urges.wave.pages import EndPage, RidingPage, StartPage
from recovery_app.ui.urges.wave.panels import CompanionPanel, breath_words

TICK_MS = 50  # smooth enough for the pacer; the countdown itself shows whole seconds
STILL_TICK_MS = 250  # with reduce motion only words change
WANTED_SIZE = (960, 600)  # where the screen has room; it fits 900×600 too


class RideTheWaveDialog(Dialog):
    START, RIDING, END = range(3)

    def __init__(
        self,
        urges: UrgeService,
        reasons: ReasonService,
        people: SupportPeopleService,
        letters: LetterService,
        *,
        navigation: Navigation | None = None,  # given: "What am I remembering?" is offered
        urge: SavedUrge | None = None,
        reduce_motion: bool = False,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._urges = urges
        self._letters = letters
        self._navigation = navigation
        self._clock = clock
        self._reduce_motion = reduce_motion
        self.saved: SavedUrge | None = urge
        self._opened_at = urge.details.at if urge else now()
        self._timer: WaveTimer | None = None
        self._check_rating: int | None = None  # the latest "Has it eased?" answer
        self._breath_began = clock()
        self._closing = False
        self.dialog: QDialog | None = None
        self.texts = guide_texts()
        self.setWindowTitle(self.tr("Ride the wave"))
        self._build_ui(reasons, people, urge)
        # Only once every button belongs to this window does the dialog keep it as its
        # default; set before, Enter in the timer field would reach a hidden button.
        self.start_button.setDefault(True)
        self._ticker = QTimer(self)
        self._ticker.setInterval(STILL_TICK_MS if reduce_motion else TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._connect_signals()
        self.tick()
        self.start_button.setFocus()

    # ----- building -----------------------------------------------------------------------

    def _build_ui(
        self, reasons: ReasonService, people: SupportPeopleService, urge: SavedUrge | None
    ) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 16, 16, 12)
        layout.setSpacing(16)
        start, riding, end = StartPage(self.texts), RidingPage(self.texts), EndPage(self.texts)
        self.steps = QStackedWidget()
        for page in (start, riding, end):
            self.steps.addWidget(page)
        main = QVBoxLayout()
        main.addWidget(self.steps, 1)
        self.message = MessageLine(self._urges.data_dir)
        main.addWidget(self.message)
        # The step's own button stays below its page, in reach however small the screen.
        self.start_button = QPushButton(self.tr("&Start"))
        self.save_button = QPushButton(self.tr("&Save and close"))
        self.save_button.hide()
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.start_button)
        bottom.addWidget(self.save_button)
        main.addLayout(bottom)
        layout.addLayout(main, 3)
        self.companions = CompanionPanel(self.texts, reasons.reasons(), people.people())
        self.companions.setMinimumWidth(300)
        layout.addWidget(self.companions, 2)
        # What the steps hold, by name, for the steps below and for tests.
        self.minutes, self.intensity = start.minutes, start.intensity
        self.predicted_minutes = start.predicted_minutes
        self.predicted_reach_out = start.predicted_reach_out
        self.riding = riding
        self.remaining, self.pacer, self.breath = riding.remaining, riding.pacer, riding.breath
        self.check_panel, self.check_rating = riding.check_panel, riding.check_rating
        self.check_answer, self.check_skip = riding.check_answer, riding.check_skip
        self.time_up = riding.time_up
        self.pause_button, self.extend_button = riding.pause_button, riding.extend_button
        self.finish_button = riding.finish_button
        self.end = end
        self.end_intensity, self.outcome, self.lasted = end.end_intensity, end.outcome, end.lasted
        if urge is not None:
            if urge.details.intensity is not None:
                self.intensity.set_value(urge.details.intensity)
                start.hide_intensity()
            if urge.details.predicted_minutes is not None:
                self.predicted_minutes.setValue(urge.details.predicted_minutes)
            self.predicted_reach_out.set_value(urge.details.predicted_reach_out)

    def wanted_size(self) -> tuple[int, int]:
        return WANTED_SIZE

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.extend_button.clicked.connect(self.extend)
        self.finish_button.clicked.connect(self.finish)
        self.check_answer.clicked.connect(self.answer_check)
        self.check_skip.clicked.connect(self.skip_check)
        self.save_button.clicked.connect(self.save_and_close)
        self.companions.letter_requested.connect(self.open_letter_pad)
        self.companions.remembering_requested.connect(self.open_remembering)
        if self._navigation is None:
            self.companions.setTabVisible(self.companions.MEMORY, False)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._default_action)

    # ----- the steps ----------------------------------------------------------------------

    def start(self) -> None:
        self._timer = WaveTimer(self.minutes.value())
        if self._persist() is None:
            self._timer = None
            return
        self._timer.start(self._clock())
        self.steps.setCurrentIndex(self.RIDING)
        self.start_button.hide()
        self.finish_button.setDefault(True)
        self.pause_button.setFocus()
        self.tick()

    def toggle_pause(self) -> None:
        if self._timer is None:
            return
        now = self._clock()
        if self._timer.is_running(now):
            self._timer.pause(now)
        else:
            self._timer.resume(now)
        self.tick()

    def extend(self) -> None:
        if self._timer is not None:
            self._timer.extend(self._clock())
            self.tick()

    def answer_check(self) -> None:
        rating = self.check_rating.value()
        if self._timer is None or rating is None:
            return
        self._check_rating = rating
        self._timer.answer_check(self._clock())
        self._persist()
        self._close_check()

    def skip_check(self) -> None:
        """'Not now': the minute passes with no rating recorded; the next one asks again."""
        if self._timer is not None:
            self._timer.answer_check(self._clock())
            self._close_check()

    def _close_check(self) -> None:
        self.check_panel.hide()
        self.finish_button.setDefault(True)  # not the hidden Answer button any more
        self.finish_button.setFocus()
        self.tick()

    def finish(self) -> None:
        if self._timer is not None:
            now = self._clock()
            self._timer.pause(now)
            self.lasted.setValue(self._timer.minutes_so_far(now))
        # Nothing is chosen for the person, not even their last minute check's answer (that
        # was then; this asks about now): it is mentioned beside the question instead.
        self.end.ask(self._check_rating)
        self.steps.setCurrentIndex(self.END)
        self.save_button.show()
        self.save_button.setDefault(True)
        self.end_intensity.focus_proxy().setFocus()
        self.tick()

    def save_and_close(self) -> None:
        if self._persist(final=True) is not None:
            self.accept()

    def open_letter_pad(self) -> None:
        from recovery_app.ui.urges.letter_pad import LetterPadDialog

        self.dialog = LetterPadDialog(self._letters, parent=self)
        self.dialog.open()

    def open_remembering(self) -> None:
        if self._navigation is not None:
            self.dialog = self._navigation.what_am_i_remembering(self)

    def _default_action(self) -> None:
        {self.START: self.start, self.RIDING: self.finish, self.END: self.save_and_close}[
            self.steps.currentIndex()
        ]()

    # ----- time ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Read the clock and show where things are. Never moves to another step by itself."""
        now = self._clock()
        phase = breath_phase(now - self._breath_began)
        self.pacer.set_phase(phase, still=self._reduce_motion)
        words = breath_words(phase)
        if self.breath.text() != words:
            self.breath.setText(words)
        timer = self._timer
        if timer is None or self.steps.currentIndex() != self.RIDING:
            return
        left = round(timer.remaining(now))
        self.remaining.setText(f"{left // 60}:{left % 60:02d}")
        self.remaining.setAccessibleName(
            self.tr("%1 minutes %2 seconds left")
            .replace("%1", str(left // 60))
            .replace("%2", str(left % 60))
        )
        paused = timer.started and not timer.is_running(now) and not timer.is_up(now)
        self.pause_button.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.pause_button.setEnabled(not timer.is_up(now))
        if timer.check_due(now) and self.check_panel.isHidden():
            self.riding.ask()  # nothing chosen: the last rating isn't an answer to this one
            self.check_answer.setDefault(True)  # Enter answers (once chosen), never finishes
            announce(self.check_panel, self.texts.check)  # it comes up by itself: say it
        if timer.is_up(now) and self.time_up.isHidden():
            announce(self.time_up, self.texts.time_up)
        self.time_up.setVisible(timer.is_up(now))

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._ticker.start()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        self._ticker.stop()

    # ----- keeping what was entered -------------------------------------------------------

    def _details(self, *, final: bool) -> UrgeDetails:
        base = self.saved.details if self.saved else UrgeDetails(at=self._opened_at)
        predicted = self.predicted_minutes.value()
        details = replace(
            base,
            intensity=self.intensity.value(),
            predicted_minutes=predicted or None,
            predicted_reach_out=self.predicted_reach_out.value(),
        )
        if self._check_rating is not None:
            details = replace(details, intensity_after=self._check_rating)
        if final:
            details = replace(
                details,
                intensity_after=self.end_intensity.value(),
                outcome=self.outcome.value(),
                minutes=self.lasted.value() or None,
            )
        return details

    def _anything_entered(self) -> bool:
        return (
            self.saved is not None
            or self._timer is not None
            or self.intensity.value() is not None
            or self.predicted_minutes.value() > 0
            or self.predicted_reach_out.value() is not None
        )

    def _persist(self, *, final: bool = False) -> SavedUrge | None:
        details = self._details(final=final)
        saved = self.saved

        def save() -> SavedUrge:
            if saved is None:
                return self._urges.log_urge(details)
            return self._urges.update_urge(saved.id, details)

        result = self.message.attempt(save)
        if result is not None:
            self.saved = result
        return result

    def done(self, result: int) -> None:
        """Closing at any point keeps what was entered (a lock closes this too)."""
        if not self._closing:
            self._closing = True
            self._ticker.stop()
            if result != QDialog.DialogCode.Accepted and self._anything_entered():
                self._persist(final=self.steps.currentIndex() == self.END)
        super().done(result)
