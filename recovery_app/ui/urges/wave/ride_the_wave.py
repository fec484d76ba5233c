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

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import UrgeOutcome
from recovery_app.domain.urges import UrgeDetails
from recovery_app.domain.wave import (
    DEFAULT_MINUTES,
    EXTEND_MINUTES,
    MAX_MINUTES,
    WaveTimer,
    breath_phase,
)
from recovery_app.services.journal_part import utc_now
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.texts import guide_texts
from recovery_app.services.urges import SavedUrge, UrgeService
from recovery_app.ui.kit.announce import announce
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.urges.wave.panels import BreathingPacer, CompanionPanel, breath_words

TICK_MS = 50  # smooth enough for the pacer; the countdown itself shows whole seconds
STILL_TICK_MS = 250  # with reduce motion only words change
SPIN_WIDTH = 150


def _form() -> QFormLayout:
    """Labels above their answers, so a row of eleven choices fits beside the companions."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setVerticalSpacing(6)
    return form


def _row(form: QFormLayout, text: str, field: QWidget) -> None:
    """A question above its answer, with air above the question so each pair reads as one."""
    form.addRow(text, field)
    label = form.labelForField(field)
    if label is not None:
        label.setContentsMargins(0, 8, 0, 0)


def _intensity_row(accessible_name: str) -> ChoiceRow[int]:
    return ChoiceRow([(n, str(n)) for n in range(11)], accessible_name)


class RideTheWaveDialog(QDialog):
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
        self.setMinimumSize(1000, 580)  # the 0-10 row and five companion tabs, unsqueezed
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
        layout.setSpacing(16)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._start_page(urge))
        self.steps.addWidget(self._riding_page())
        self.steps.addWidget(self._end_page())
        main = QVBoxLayout()
        main.addWidget(self.steps, 1)
        self.message = MessageLine(self._urges.data_dir)
        main.addWidget(self.message)
        layout.addLayout(main, 3)
        self.companions = CompanionPanel(self.texts, reasons.reasons(), people.people())
        self.companions.setMinimumWidth(380)  # its five tabs side by side, no scroll arrows
        layout.addWidget(self.companions, 2)

    def _start_page(self, urge: SavedUrge | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Ride the wave")))
        layout.addWidget(paragraph(self.texts.welcome))
        form = _form()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMaximumWidth(SPIN_WIDTH)
        self.minutes.setAccessibleName(self.tr("Timer length in minutes"))
        _row(form, self.tr("&Timer"), self.minutes)
        self.intensity = _intensity_row(self.tr("How strong it is right now"))
        if urge is None or urge.details.intensity is None:
            _row(form, self.tr("How strong is it now?"), self.intensity)
        else:
            self.intensity.set_value(urge.details.intensity)
            self.intensity.hide()
        self.predicted_minutes = QSpinBox()
        self.predicted_minutes.setRange(0, 24 * 60)
        self.predicted_minutes.setSpecialValueText(self.tr("not sure"))
        self.predicted_minutes.setSuffix(self.tr(" min"))
        self.predicted_minutes.setMaximumWidth(SPIN_WIDTH)
        self.predicted_minutes.setAccessibleName(self.tr("How long you think it will last"))
        _row(form, self.tr("How long do you think it will &last?"), self.predicted_minutes)
        self.predicted_reach_out = ChoiceRow(
            [(True, self.tr("Yes")), (False, self.tr("No"))],
            self.tr("Do you think you'll reach out?"),
        )
        _row(form, self.tr("Do you think you'll reach out?"), self.predicted_reach_out)
        if urge is not None:
            if urge.details.predicted_minutes is not None:
                self.predicted_minutes.setValue(urge.details.predicted_minutes)
            self.predicted_reach_out.set_value(urge.details.predicted_reach_out)
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                self.tr("Every question can be skipped. You can pause or close at any point."),
                "hint",
            )
        )
        layout.addStretch(1)
        self.start_button = QPushButton(self.tr("&Start"))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _riding_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.remaining = heading("", 14)
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.remaining)
        self.pacer = BreathingPacer()
        layout.addWidget(self.pacer, 1, Qt.AlignmentFlag.AlignHCenter)
        self.breath = heading("", 3)
        self.breath.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.breath)

        self.check_panel = QFrame()
        self.check_panel.setObjectName("undo-bar")
        check_column = QVBoxLayout(self.check_panel)
        check_column.addWidget(paragraph(self.texts.check))  # above, so it never squeezes
        check = QHBoxLayout()
        check_column.addLayout(check)
        self.check_slider = QSlider(Qt.Orientation.Horizontal)
        self.check_slider.setRange(0, 10)
        self.check_slider.setPageStep(1)
        self.check_slider.setAccessibleName(self.tr("How strong it is now, 0 to 10"))
        self.check_value = QLabel()
        self.check_value.setMinimumWidth(48)
        check.addWidget(self.check_slider, 1)
        check.addWidget(self.check_value)
        self.check_answer = QPushButton(self.tr("&Answer"))
        check.addWidget(self.check_answer)
        self.check_panel.hide()
        layout.addWidget(self.check_panel)

        self.time_up = QFrame()
        self.time_up.setObjectName("undo-bar")
        up = QVBoxLayout(self.time_up)
        up.addWidget(paragraph(self.texts.time_up))
        self.time_up.hide()
        layout.addWidget(self.time_up)

        buttons = QHBoxLayout()
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.extend_button = QPushButton(
            self.tr("&%1 more minutes").replace("%1", str(EXTEND_MINUTES))
        )
        self.finish_button = QPushButton(self.tr("&Finish"))
        for button in (self.pause_button, self.extend_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout.addLayout(buttons)
        return page

    def _end_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("How are you now?")))
        layout.addWidget(paragraph(self.texts.end))
        form = _form()
        self.end_intensity = _intensity_row(self.tr("How strong it is now"))
        _row(form, self.tr("How strong is it now?"), self.end_intensity)
        self.outcome = ChoiceRow(
            [
                (UrgeOutcome.PASSED, self.tr("It passed")),
                (UrgeOutcome.REACHED_OUT, self.tr("I reached out")),
            ],
            self.tr("What happened"),
        )
        _row(form, self.tr("What happened?"), self.outcome)
        self.lasted = QSpinBox()
        self.lasted.setRange(0, 24 * 60)
        self.lasted.setSpecialValueText(self.tr("not sure"))
        self.lasted.setSuffix(self.tr(" min"))
        self.lasted.setMaximumWidth(SPIN_WIDTH)
        self.lasted.setAccessibleName(self.tr("How long it lasted, in minutes"))
        _row(form, self.tr("It &lasted about"), self.lasted)
        layout.addLayout(form)
        layout.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save and close"))
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.extend_button.clicked.connect(self.extend)
        self.finish_button.clicked.connect(self.finish)
        self.check_slider.valueChanged.connect(
            lambda value: self.check_value.setText(self.tr("%1 / 10").replace("%1", str(value)))
        )
        self.check_answer.clicked.connect(self.answer_check)
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
        if self._timer is None:
            return
        self._check_rating = self.check_slider.value()
        self._timer.answer_check(self._clock())
        self._persist()
        self.check_panel.hide()
        self.finish_button.setDefault(True)  # not the hidden Answer button any more
        self.finish_button.setFocus()
        self.tick()

    def finish(self) -> None:
        if self._timer is not None:
            now = self._clock()
            self._timer.pause(now)
            self.lasted.setValue(self._timer.minutes_so_far(now))
        # The person's own last "Has it eased?" answer carries over; without one, nothing is
        # chosen for them (the starting rating would record a re-rating that was never made).
        self.end_intensity.set_value(self._check_rating)
        self.steps.setCurrentIndex(self.END)
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
            latest = self._latest_rating()
            self.check_slider.setValue(5 if latest is None else latest)
            self.check_value.setText(
                self.tr("%1 / 10").replace("%1", str(self.check_slider.value()))
            )
            self.check_panel.show()
            self.check_answer.setDefault(True)
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

    def _latest_rating(self) -> int | None:
        return self.intensity.value() if self._check_rating is None else self._check_rating

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
