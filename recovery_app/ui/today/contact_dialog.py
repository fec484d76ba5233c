"""Log or edit a contact: who reached out, when, how; for "I reached out", an optional,
blame-free reflection; for "they reached out", their exact words, if the person wants them
kept (files are added from the entry's record once it is saved)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.services.clock_records import ContactDetails, SavedClock, SavedContact
from recovery_app.services.clocks import ClockService
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.fields import calendar_popup
from recovery_app.ui.kit.screen_fit import fit_to_screen
from recovery_app.ui.kit.widgets import paragraph, their_words

CHANNEL_WORDS = {
    Channel.MESSAGE: "Message",
    Channel.CALL: "Call",
    Channel.IN_PERSON: "In person",
    Channel.SOCIAL_MEDIA: "Social media",
    Channel.OTHER: "Other",
}


def _text_box(accessible_name: str, placeholder: str, height: int = 48) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(accessible_name)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


class ContactDialog(EntryDialog):
    """`event` None logs a new contact for one of `clocks`; otherwise edits that event."""

    def __init__(
        self,
        service: ClockService,
        clocks: list[SavedClock],
        *,
        clock_id: int | None = None,
        event: SavedContact | None = None,
        kind: ContactKind | None = None,
        at: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`kind` and `at` prefill a new contact (an urge's "I reached out" offers one)."""
        super().__init__(service.data_dir, parent=parent)
        self.setWindowTitle(self.tr("Log contact") if event is None else self.tr("Edit contact"))
        self._service = service
        self._event = event
        self.saved: SavedContact | None = None
        self.days_before: int | None = None  # set when "I reached out" ended a stretch:
        self.new_since: date | None = None  # its length, and the day the new one started
        self.setMinimumWidth(520)
        self._build_ui(clocks, event.clock_id if event else clock_id)
        if event is not None:
            self._fill(event)
        else:
            self._preset(kind, at)
        self._kind_changed()
        self.kind.changed.connect(self._kind_changed)

    def _build_ui(self, clocks: list[SavedClock], clock_id: int | None) -> None:
        layout = self.body
        form = QFormLayout()
        self.clock = QComboBox()
        self.clock.setAccessibleName(self.tr("Clock"))
        for clock in clocks:
            self.clock.addItem(clock.name, clock.id)
        if clock_id is not None:
            self.clock.setCurrentIndex(max(0, self.clock.findData(clock_id)))
        self.kind = ChoiceRow(
            [
                (ContactKind.ME, self.tr("I reached out")),
                (ContactKind.THEM, self.tr("They reached out")),
                (ContactKind.UNAVOIDABLE, self.tr("Allowed or unavoidable")),
            ],
            self.tr("What happened"),
        )
        self.when = calendar_popup(QDateTimeEdit(QDateTime.currentDateTime()))
        self.when.setDisplayFormat("d MMMM yyyy, HH:mm")
        self.when.setMaximumDateTime(QDateTime.currentDateTime())
        self.when.setAccessibleName(self.tr("When"))
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("How"))
        self.channel.addItem(self.tr("Not saying"), None)
        for channel, words in CHANNEL_WORDS.items():
            self.channel.addItem(self.tr(words), channel)
        self.note = _text_box(self.tr("Note"), self.tr("Anything you want to remember (optional)"))

        clock_label = QLabel(self.tr("&Clock"))
        clock_label.setBuddy(self.clock)
        form.addRow(clock_label, self.clock)
        if len(clocks) < 2 or self._event is not None:
            clock_label.hide()
            self.clock.hide()
            name = self.clock.currentText() if self._event is None else ""
            if name:
                self.for_clock = their_words(self.tr("For %1").replace("%1", name), "hint")
                layout.insertWidget(0, self.for_clock)
        kind_label = QLabel(self.tr("&What happened"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        for text, field in (
            (self.tr("W&hen"), self.when),
            (self.tr("H&ow"), self.channel),
            (self.tr("&Note"), self.note),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)

        self.reflection = QGroupBox(self.tr("A moment to reflect (optional)"))
        inner = QVBoxLayout(self.reflection)
        inner.addWidget(
            paragraph(
                self.tr(
                    "Reaching out makes sense when the pull is strong. A new stretch starts "
                    "from that day, and every day before it still counts. If it helps, note "
                    "what you noticed; skip anything."
                ),
                "small",
            )
        )
        self.what_happened = _text_box(
            self.tr("What happened"), self.tr("What was going on just before?")
        )
        self.what_helped = _text_box(self.tr("What helped"), self.tr("What helped, even a little?"))
        self.try_next = _text_box(
            self.tr("What I'll try next time"), self.tr("One thing to try next time")
        )
        for field in (self.what_happened, self.what_helped, self.try_next):
            inner.addWidget(field)
        layout.addWidget(self.reflection)
        layout.addWidget(self._record_box())

    def _record_box(self) -> QGroupBox:
        self.record_box = QGroupBox(self.tr("Their exact words (optional)"))
        inner = QVBoxLayout(self.record_box)
        inner.addWidget(
            paragraph(
                self.tr(
                    "If you'd like a record, paste what they wrote, exactly as it came. "
                    "Screenshots and other files can be added to the record once it's saved."
                ),
                "small",
            )
        )
        if self._event is not None and self._event.details.kind is ContactKind.THEM:
            inner.addWidget(
                paragraph(
                    self.tr(
                        "Changing when, how or the exact words keeps what the record said "
                        "before, and marks it as edited."
                    ),
                    "small",
                )
            )
        self.words = _text_box(self.tr("Their exact words"), self.tr("Paste it here"), 110)
        inner.addWidget(self.words)
        return self.record_box

    def _fill(self, event: SavedContact) -> None:
        details = event.details
        self.kind.set_value(details.kind)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(details.at.timestamp())))
        self.channel.setCurrentIndex(max(0, self.channel.findData(details.channel)))
        self.note.setPlainText(details.note)
        self.what_happened.setPlainText(details.what_happened)
        self.what_helped.setPlainText(details.what_helped)
        self.try_next.setPlainText(details.try_next)
        self.words.setPlainText(details.words)

    def _preset(self, kind: ContactKind | None, at: datetime | None) -> None:
        if kind is not None:
            self.kind.set_value(kind)
        if at is not None:
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(at.timestamp())))

    def _kind_changed(self) -> None:
        self.reflection.setVisible(self.kind.value() is ContactKind.ME)
        self.record_box.setVisible(self.kind.value() is ContactKind.THEM)
        self.adjustSize()
        if self.isVisible():  # a part just shown: grow to hold it where the screen has room
            QTimer.singleShot(0, lambda: fit_to_screen(self, self.width(), self.wanted_size()[1]))

    @property
    def is_new(self) -> bool:
        """A contact noted now (not an edit of one noted before)."""
        return self._event is None

    def details(self) -> ContactDetails | None:
        kind = self.kind.value()
        if kind is None:
            return None
        moment = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch()).astimezone()
        channel = self.channel.currentData()
        return ContactDetails(
            kind=kind,
            at=moment,
            channel=Channel(channel) if channel else None,
            note=self.note.toPlainText(),
            what_happened=self.what_happened.toPlainText(),
            what_helped=self.what_helped.toPlainText(),
            try_next=self.try_next.toPlainText(),
            words=self.words.toPlainText(),
        )

    def save(self) -> None:
        details = self.details()
        if details is None:
            self.message.say(self.tr("Please choose what happened."))
            self.kind.setFocus()
            return
        clock_id = self._event.clock_id if self._event else self.clock.currentData()
        before = self.message.attempt(lambda: self._service.figures(clock_id))
        if before is None:
            return
        if self._event is not None:
            event_id = self._event.id
            saved = self.message.attempt(lambda: self._service.update_contact(event_id, details))
        else:
            saved = self.message.attempt(lambda: self._service.log_contact(clock_id, details))
        if saved is None:
            return
        self.saved = saved
        after = self.message.attempt(lambda: self._service.figures(clock_id))
        if before is not None and after is not None and after.current_since != before.current_since:
            self.days_before = (after.current_since - before.current_since).days
            self.new_since = after.current_since
        self.accept()
