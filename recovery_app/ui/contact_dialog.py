"""Log or edit a contact: who reached out, when, how; for "I reached out", an optional,
blame-free reflection."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.stretches import ContactKind
from recovery_app.services.clocks import Channel, ClockService, ContactDetails
from recovery_app.storage.models import Clock, ContactEvent
from recovery_app.ui.choices import ChoiceRow
from recovery_app.ui.widgets import attempt, message_label, paragraph, show_message, their_words

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


class ContactDialog(QDialog):
    """`event` None logs a new contact for one of `clocks`; otherwise edits that event."""

    def __init__(
        self,
        service: ClockService,
        clocks: list[Clock],
        *,
        clock_id: int | None = None,
        event: ContactEvent | None = None,
        kind: ContactKind | None = None,
        at: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`kind` and `at` prefill a new contact (an urge's "I reached out" offers one)."""
        super().__init__(parent)
        self._service = service
        self._event = event
        self.saved: ContactEvent | None = None
        self.days_before: int | None = None  # set when "I reached out" ended a stretch:
        self.new_since: date | None = None  # its length, and the day the new one started
        self.setWindowTitle(self.tr("Log contact") if event is None else self.tr("Edit contact"))
        self.setMinimumWidth(520)
        self._build_ui(clocks, event.clock_id if event else clock_id)
        if event is not None:
            self._fill(event)
        else:
            self._preset(kind, at)
        self._kind_changed()
        self._connect_signals()

    def _build_ui(self, clocks: list[Clock], clock_id: int | None) -> None:
        layout = QVBoxLayout(self)
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
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
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

        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.kind.changed.connect(self._kind_changed)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def _fill(self, event: ContactEvent) -> None:
        self.kind.set_value(ContactKind(event.kind))
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(event.at.timestamp())))
        self.channel.setCurrentIndex(max(0, self.channel.findData(event.channel)))
        self.note.setPlainText(event.note)
        self.what_happened.setPlainText(event.what_happened)
        self.what_helped.setPlainText(event.what_helped)
        self.try_next.setPlainText(event.try_next)

    def _preset(self, kind: ContactKind | None, at: datetime | None) -> None:
        if kind is not None:
            self.kind.set_value(kind)
        if at is not None:
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(at.timestamp())))

    def _kind_changed(self) -> None:
        self.reflection.setVisible(self.kind.value() is ContactKind.ME)
        self.adjustSize()

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
        )

    def _save(self) -> None:
        details = self.details()
        if details is None:
            show_message(self.message, self.tr("Please choose what happened."))
            self.kind.setFocus()
            return
        clock_id = self._event.clock_id if self._event else self.clock.currentData()
        before = attempt(
            lambda: self._service.figures(clock_id), self.message, self._service.data_dir
        )
        if before is None:
            return
        if self._event is not None and self._event.id is not None:
            event_id = self._event.id
            saved = attempt(
                lambda: self._service.update_contact(event_id, details),
                self.message,
                self._service.data_dir,
            )
        else:
            saved = attempt(
                lambda: self._service.log_contact(clock_id, details),
                self.message,
                self._service.data_dir,
            )
        if saved is None:
            return
        self.saved = saved
        after = attempt(
            lambda: self._service.figures(clock_id), self.message, self._service.data_dir
        )
        if before is not None and after is not None and after.current_since != before.current_since:
            self.days_before = (after.current_since - before.current_since).days
            self.new_since = after.current_since
        self.accept()
