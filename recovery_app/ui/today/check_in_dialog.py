"""The daily check-in: about a minute, every question skippable, nothing chosen in advance."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from recovery_app.domain.check_in import (
    PROMISE_MAX_CHARS,
    CheckInAnswers,
    NoContactAnswer,
    PromiseOutcome,
)
from recovery_app.services.check_ins import CheckInService, SavedCheckIn
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.widgets import paragraph, their_words


class CheckInDialog(EntryDialog):
    def __init__(
        self,
        check_ins: CheckInService,
        saved: SavedCheckIn | None,
        yesterdays_promise: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(check_ins.data_dir, parent=parent)
        self._check_ins = check_ins
        self.saved: SavedCheckIn | None = None
        self.setWindowTitle(self.tr("Check-in"))
        self.setMinimumWidth(560)
        self.save_button.setText(self.tr("Save check-in"))
        self._build_ui(yesterdays_promise)
        if saved is not None:
            self._fill(saved.answers)
        # Otherwise Qt focuses the Save button, and a Space pressed at once would save.
        self.mood.setFocus()

    def _build_ui(self, yesterdays_promise: str) -> None:
        layout = self.body
        layout.addWidget(
            paragraph(
                self.tr("About a minute. Every question can be skipped; leave any you like."),
                "hint",
            )
        )
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.mood = ChoiceRow(
            [(n, str(n)) for n in range(1, 6)],
            self.tr("Mood"),
            tooltips=[
                self.tr("1: very low"),
                self.tr("2: low"),
                self.tr("3: in between"),
                self.tr("4: okay"),
                self.tr("5: good"),
            ],
        )
        self.no_contact = ChoiceRow(
            [
                (NoContactAnswer.YES, self.tr("Yes")),
                (NoContactAnswer.NO, self.tr("No, there was contact")),
                (NoContactAnswer.THEM, self.tr("They reached out")),
            ],
            self.tr("Kept no contact today"),
        )
        self.pull = ChoiceRow([(n, str(n)) for n in range(11)], self.tr("Pull"))
        self.promise_outcome = ChoiceRow(
            [
                (PromiseOutcome.KEPT, self.tr("Kept")),
                (PromiseOutcome.NOT_KEPT, self.tr("Not this time")),
                (PromiseOutcome.LET_GO, self.tr("Let it go")),
                (PromiseOutcome.SKIPPED, self.tr("Skip")),
            ],
            self.tr("Yesterday's promise"),
        )
        self.promise = QLineEdit()
        self.promise.setMaxLength(PROMISE_MAX_CHARS)
        self.promise.setPlaceholderText(self.tr("One small thing I'll do for myself (optional)"))
        self.promise.setAccessibleName(self.tr("Today's promise to myself"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Anything you'd like to remember about today"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setFixedHeight(80)

        self._row(form, self.tr("&Mood (1 very low, 5 good)"), self.mood)
        self._row(form, self.tr("&Kept no contact today?"), self.no_contact)
        self._row(form, self.tr("How strong was the &pull? (0 none, 10 strongest)"), self.pull)
        if yesterdays_promise:
            form.addRow(QLabel(self.tr("Yesterday I promised myself:")))
            form.addRow(their_words(yesterdays_promise, "note"))
            self._row(form, self.tr("&Yesterday's promise"), self.promise_outcome)
        else:
            self.promise_outcome.hide()
        self._row(form, self.tr("&Today's promise to myself"), self.promise)
        self._row(form, self.tr("N&ote"), self.note)
        layout.addLayout(form)

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setBuddy(field)
        form.addRow(label)
        form.addRow(field)

    def _fill(self, answers: CheckInAnswers) -> None:
        self.mood.set_value(answers.mood)
        self.no_contact.set_value(answers.no_contact)
        self.pull.set_value(answers.pull)
        self.promise_outcome.set_value(answers.yesterday_promise)
        self.promise.setText(answers.promise)
        self.note.setPlainText(answers.note)

    def answers(self) -> CheckInAnswers:
        return CheckInAnswers(
            mood=self.mood.value(),
            no_contact=self.no_contact.value(),
            pull=self.pull.value(),
            yesterday_promise=self.promise_outcome.value(),
            promise=self.promise.text(),
            note=self.note.toPlainText(),
        )

    def save(self) -> None:
        answers = self.answers()
        saved = self.message.attempt(lambda: self._check_ins.save(answers))
        if saved is not None:
            self.saved = saved
            self.accept()
