"""The three steps of Ride the wave, each a page of its own: the start (timer and optional
predictions), the riding (countdown, breathing, the minute check) and the end (re-rating and
outcome). The dialog moves between them and keeps what they hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import UrgeOutcome
from recovery_app.domain.wave import DEFAULT_MINUTES, EXTEND_MINUTES, MAX_MINUTES
from recovery_app.services.texts import GuideTexts
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.urges.wave.panels import BreathingPacer

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


def intensity_row(accessible_name: str) -> ChoiceRow[int]:
    return ChoiceRow([(n, str(n)) for n in range(11)], accessible_name)


def _minutes_field(accessible_name: str, suffix: str, *, unsure: str = "") -> QSpinBox:
    field = QSpinBox()
    field.setSuffix(suffix)
    field.setMaximumWidth(SPIN_WIDTH)
    field.setAccessibleName(accessible_name)
    if unsure:
        field.setRange(0, 24 * 60)
        field.setSpecialValueText(unsure)
    return field


class StartPage(ScrollPage):
    """How long a timer, and, if the person likes, what they expect (all skippable)."""

    def __init__(self, texts: GuideTexts, parent: QWidget | None = None) -> None:
        super().__init__(margins=(0, 0, 0, 0), spacing=8, parent=parent)
        layout = self.column
        layout.addWidget(heading(self.tr("Ride the wave")))
        layout.addWidget(paragraph(texts.welcome))
        form = _form()
        self.minutes = _minutes_field(self.tr("Timer length in minutes"), self.tr(" min"))
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        _row(form, self.tr("&Timer"), self.minutes)
        self.intensity = intensity_row(self.tr("How strong it is right now"))
        self.intensity_label = self.tr("How strong is it now?")
        _row(form, self.intensity_label, self.intensity)
        self.predicted_minutes = _minutes_field(
            self.tr("How long you think it will last"), self.tr(" min"), unsure=self.tr("not sure")
        )
        _row(form, self.tr("How long do you think it will &last?"), self.predicted_minutes)
        self.predicted_reach_out = ChoiceRow(
            [(True, self.tr("Yes")), (False, self.tr("No"))],
            self.tr("Do you think you'll reach out?"),
        )
        _row(form, self.tr("Do you think you'll reach out?"), self.predicted_reach_out)
        self.form = form
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                self.tr("Every question can be skipped. You can pause or close at any point."),
                "hint",
            )
        )
        layout.addStretch(1)

    def hide_intensity(self) -> None:
        """The urge already has its rating (it came from the quick log): not asked twice."""
        self.form.setRowVisible(self.intensity, False)


class RidingPage(QWidget):
    """The countdown, the breathing pacer, and the check each minute that waits for its
    answer (nothing chosen for the person: 'Not now' lets the minute pass unrated)."""

    def __init__(self, texts: GuideTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        check_column.addWidget(paragraph(texts.check))  # above, so it never squeezes
        self.check_rating = intensity_row(self.tr("How strong it is now, 0 to 10"))
        check_column.addWidget(self.check_rating)
        answers = QHBoxLayout()
        answers.addStretch(1)
        self.check_skip = QPushButton(self.tr("&Not now"))
        self.check_skip.setAutoDefault(False)
        self.check_answer = QPushButton(self.tr("&Answer"))
        self.check_answer.setEnabled(False)  # until an answer is chosen
        answers.addWidget(self.check_skip)
        answers.addWidget(self.check_answer)
        check_column.addLayout(answers)
        self.check_rating.changed.connect(
            lambda: self.check_answer.setEnabled(self.check_rating.value() is not None)
        )
        self.check_panel.hide()
        layout.addWidget(self.check_panel)

        self.time_up = QFrame()
        self.time_up.setObjectName("undo-bar")
        QVBoxLayout(self.time_up).addWidget(paragraph(texts.time_up))
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

    def ask(self) -> None:
        """A minute is up: ask, with nothing chosen."""
        self.check_rating.set_value(None)
        self.check_answer.setEnabled(False)
        self.check_panel.show()


class EndPage(ScrollPage):
    def __init__(self, texts: GuideTexts, parent: QWidget | None = None) -> None:
        super().__init__(margins=(0, 0, 0, 0), spacing=8, parent=parent)
        layout = self.column
        layout.addWidget(heading(self.tr("How are you now?")))
        layout.addWidget(paragraph(texts.end))
        form = _form()
        self.end_intensity = intensity_row(self.tr("How strong it is now"))
        _row(form, self.tr("How strong is it now?"), self.end_intensity)
        self.last_answer = paragraph("", "hint")  # the last minute check, as a reminder only
        self.last_answer.hide()
        form.addRow(self.last_answer)
        self.outcome = ChoiceRow(
            [
                (UrgeOutcome.PASSED, self.tr("It passed")),
                (UrgeOutcome.REACHED_OUT, self.tr("I reached out")),
            ],
            self.tr("What happened"),
        )
        _row(form, self.tr("What happened?"), self.outcome)
        self.lasted = _minutes_field(
            self.tr("How long it lasted, in minutes"), self.tr(" min"), unsure=self.tr("not sure")
        )
        _row(form, self.tr("It &lasted about"), self.lasted)
        layout.addLayout(form)
        layout.addStretch(1)

    def ask(self, last_check: int | None) -> None:
        """Asked afresh, nothing chosen; the last minute check's answer is only mentioned."""
        self.end_intensity.set_value(None)
        if last_check is not None:
            self.last_answer.setText(
                self.tr("At the last check it was %1 of 10.").replace("%1", str(last_check))
            )
        self.last_answer.setVisible(last_check is not None)
