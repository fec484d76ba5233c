"""Note an instinct or a prediction now; later, say what really happened."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLabel, QPlainTextEdit, QWidget

from recovery_app.domain.instincts import CheckOutcome, HunchKind
from recovery_app.services.hunches import DEFAULT_CHECK_AFTER_DAYS, HunchService, SavedHunch
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.fields import calendar_popup
from recovery_app.ui.kit.widgets import paragraph, their_words


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(buddy)
    return label


class NoteHunchDialog(EntryDialog):
    def __init__(self, hunches: HunchService, parent: QWidget | None = None) -> None:
        super().__init__(hunches.data_dir, parent=parent)
        self.hunches = hunches
        self.setWindowTitle(self.tr("Note an instinct or a prediction"))
        self.setMinimumWidth(540)
        layout = self.body
        layout.addWidget(
            paragraph(
                self.tr(
                    "Write it down now; on the day you choose, the app asks what really happened."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        self.kind = ChoiceRow(
            [
                (HunchKind.INSTINCT, self.tr("A gut feeling")),
                (HunchKind.PREDICTION, self.tr("A prediction")),
            ],
            self.tr("What is it"),
        )
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        self.text.setAccessibleName(self.tr("In a few words"))
        self.text.setPlaceholderText(
            self.tr("For example: “this urge will beat me”, or “something is off”")
        )
        self.fearful = QCheckBox(self.tr("This is a &fear, something I dread"))
        self.check_after = calendar_popup(QDateEdit())
        self.check_after.setDisplayFormat("d MMMM yyyy")
        today = hunches.today()
        self.check_after.setMinimumDate(QDate(today.year, today.month, today.day))
        later = today + timedelta(days=DEFAULT_CHECK_AFTER_DAYS)
        self.check_after.setDate(QDate(later.year, later.month, later.day))
        self.check_after.setAccessibleName(self.tr("Ask me about it on"))
        form.addRow(_label(self.tr("&What is it?"), self.kind), self.kind)
        form.addRow(_label(self.tr("In a few &words"), self.text), self.text)
        form.addRow("", self.fearful)
        form.addRow(_label(self.tr("&Ask me about it on"), self.check_after), self.check_after)
        layout.addLayout(form)
        self.kind.changed.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        self.fearful.setEnabled(self.kind.value() is HunchKind.PREDICTION)

    def save(self) -> None:
        kind = self.kind.value()
        if kind is None:
            self.message.say(self.tr("Is it a gut feeling or a prediction?"))
            return
        picked = self.check_after.date()
        day = date(picked.year(), picked.month(), picked.day())
        saved = self.message.attempt(
            lambda: self.hunches.note(
                kind,
                self.text.toPlainText(),
                fearful=self.fearful.isChecked(),
                check_after=day,
            )
        )
        if saved is not None:
            self.accept()


class CheckHunchDialog(EntryDialog):
    def __init__(
        self, hunches: HunchService, hunch: SavedHunch, parent: QWidget | None = None
    ) -> None:
        super().__init__(hunches.data_dir, parent=parent)
        self.hunches = hunches
        self.hunch = hunch
        self.setWindowTitle(self.tr("What really happened?"))
        self.setMinimumWidth(540)
        layout = self.body
        made = f"{hunch.made_on.day} {hunch.made_on:%B}"
        if hunch.kind is HunchKind.INSTINCT:
            intro = self.tr("On %1 your gut told you:")
        else:
            intro = self.tr("On %1 you predicted:")
        layout.addWidget(paragraph(intro.replace("%1", made)))
        layout.addWidget(their_words(hunch.text, "note"))
        form = QFormLayout()
        self.outcome = ChoiceRow(
            [
                (CheckOutcome.RIGHT, self.tr("It was right")),
                (CheckOutcome.WRONG, self.tr("It was wrong")),
                (CheckOutcome.PARTLY, self.tr("Partly")),
                (CheckOutcome.CANT_TELL, self.tr("I can't tell")),
            ],
            self.tr("How did it turn out"),
        )
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.note.setAccessibleName(self.tr("What happened"))
        self.note.setPlaceholderText(self.tr("What happened (optional)"))
        form.addRow(_label(self.tr("&How did it turn out?"), self.outcome))
        form.addRow(self.outcome)
        form.addRow(_label(self.tr("What &happened"), self.note))
        form.addRow(self.note)
        layout.addLayout(form)
        self.outcome.setFocus()

    def save(self) -> None:
        outcome = self.outcome.value()
        if outcome is None:
            self.message.say(
                self.tr("Choose how it turned out, or Cancel to be asked again later.")
            )
            return
        saved = self.message.attempt(
            lambda: self.hunches.check(self.hunch.id, outcome, self.note.toPlainText())
        )
        if saved is not None:
            self.accept()
