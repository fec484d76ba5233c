"""The full form for one urge, new or edited. Only the moment is needed; everything else can
be skipped, and no answer is chosen in advance.

When the outcome becomes "I reached out", it offers (never forces) to note that contact on a
clock: only the person decides what counts (`offer_contact`, which the guide uses too).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.kinds import UrgeOutcome
from recovery_app.domain.urges import MAX_MINUTES, TRIGGER_MAX_CHARS, UrgeDetails
from recovery_app.services.urges import SavedUrge, UrgeService
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.fields import calendar_popup
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.widgets import paragraph

TEXT_MAX_CHARS = 500
DIALOG_WIDTH = 880


def _line(accessible_name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(TEXT_MAX_CHARS)
    return field


def _box(accessible_name: str, placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(accessible_name)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


def _minutes(accessible_name: str) -> QLineEdit:
    """Empty means "not noted"; a spin box could never go back to empty."""
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    field.setValidator(QIntValidator(0, MAX_MINUTES, field))
    field.setMaximumWidth(90)
    return field


class UrgeDialog(EntryDialog):
    contact_logged = Signal()  # the person chose to note the contact on a clock, and saved it

    def __init__(
        self,
        urges: UrgeService,
        navigation: Navigation | None = None,  # given: "What am I remembering?" is offered
        *,
        saved: SavedUrge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(urges.data_dir, parent=parent)
        self._urges = urges
        self._navigation = navigation
        self._before = saved
        self.saved: SavedUrge | None = None
        self.offer: QDialog | None = None  # "note it on your clock?", when asked
        self.setWindowTitle(self.tr("Note an urge") if saved is None else self.tr("Edit urge"))
        self._build_ui()
        self._fill_triggers(self.message.attempt(urges.triggers) or [])
        start = saved.details.at if saved is not None else urges.now()
        self._shown_at = QDateTime.fromSecsSinceEpoch(int(start.timestamp()))
        self.when.setDateTime(self._shown_at)
        if saved is not None:
            self._fill(saved.details)
        self.remembering_button: QPushButton | None = None
        if navigation is not None:
            self.remembering_button = self.buttons.addButton(
                self.tr("What am I &remembering?"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.remembering_button.setAutoDefault(False)
            self.remembering_button.clicked.connect(
                lambda: navigation.what_am_i_remembering(self)  # above this; nothing is lost
            )
        self._connect_signals()
        self.intensity.setFocus()  # not Save: a Space pressed at once must not save

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        page = self.body
        page.addWidget(
            paragraph(self.tr("Only the time is needed. Skip anything you like."), "hint")
        )
        columns = QHBoxLayout()
        columns.setSpacing(24)
        left, right = QVBoxLayout(), QVBoxLayout()
        for side in (left, right):
            side.setSpacing(4)  # or they inherit the 24 pixels between the columns
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        page.addLayout(columns)

        self.when = calendar_popup(QDateTimeEdit())
        self.when.setDisplayFormat("ddd d MMMM yyyy, HH:mm")
        self.when.setAccessibleName(self.tr("When"))
        self.intensity = ChoiceRow(
            [(n, str(n)) for n in range(11)],
            self.tr("How strong"),
            tooltips=[self.tr("0: hardly there"), *[""] * 9, self.tr("10: the strongest")],
        )
        self.triggers = QListWidget()
        self.triggers.setAccessibleName(self.tr("Triggers"))
        self.triggers.setFixedHeight(108)
        self.triggers.setSpacing(1)
        self.new_trigger = _line(self.tr("A trigger to add"), self.tr("Add your own…"))
        self.new_trigger.setMaxLength(TRIGGER_MAX_CHARS)
        self.add_trigger_button = QPushButton(self.tr("Add"))
        self.add_trigger_button.setAutoDefault(False)
        self.add_trigger_button.setAccessibleName(self.tr("Add this trigger"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_trigger, 1)
        add_row.addWidget(self.add_trigger_button)
        self.feelings = _line(self.tr("Feelings"), self.tr("Lonely, angry, sad…"))
        self.place = _line(self.tr("Where I was"))
        self.company = _line(self.tr("Who I was with"))

        # Left, the moment itself; right, how it went. Tab follows the same order.
        self._row(left, self.tr("W&hen"), self.when)
        self._row(left, self.tr("How stro&ng was it? (0 hardly, 10 strongest)"), self.intensity)
        self._row(left, self.tr("&Triggers (tick any that fit)"), self.triggers)
        left.addLayout(add_row)
        left.addSpacing(6)
        self._row(left, self.tr("&Feelings"), self.feelings)
        self._row(left, self.tr("Whe&re was I?"), self.place)
        self._row(left, self.tr("&Who was I with?"), self.company)
        left.addStretch(1)

        self.did_instead = _box(
            self.tr("What I did instead"), self.tr("A walk, a call, a song…"), 48
        )
        self.outcome = ChoiceRow(
            [
                (UrgeOutcome.PASSED, self.tr("It passed")),
                (UrgeOutcome.REACHED_OUT, self.tr("I reached out")),
            ],
            self.tr("How it ended"),
        )
        self.minutes = _minutes(self.tr("How long it lasted, in minutes"))
        self._row(right, self.tr("What I &did instead"), self.did_instead)
        self._row(right, self.tr("How it &ended"), self.outcome)
        self._row(right, self.tr("How &long it lasted"), self._with_unit(self.minutes))

        self.prediction = QGroupBox(self.tr("What I expected at the start"))
        inner = QVBoxLayout(self.prediction)
        self.predicted_minutes = _minutes(self.tr("How long I thought it would last, in minutes"))
        self.predicted_reach_out = ChoiceRow(
            [(True, self.tr("Yes")), (False, self.tr("No"))],
            self.tr("Did I think I'd reach out"),
        )
        self._row(
            inner,
            self.tr("How long did you think it would l&ast?"),
            self._with_unit(self.predicted_minutes),
        )
        self._row(inner, self.tr("Did you think you'd reach o&ut?"), self.predicted_reach_out)
        right.addWidget(self.prediction)
        right.addSpacing(6)
        self.note = _box(self.tr("Note"), self.tr("Anything else you want to remember"), 48)
        self._row(right, self.tr("N&ote"), self.note)
        right.addStretch(1)

        self.save_button.setDefault(True)

    def _row(self, column: QVBoxLayout, text: str, field: QWidget) -> None:
        # No word wrap: a wrapping label in a scroll area asks for room it never uses.
        label = QLabel(text)
        label.setBuddy(field)
        column.addWidget(label)
        column.addWidget(field)
        column.addSpacing(6)

    def _with_unit(self, field: QLineEdit) -> QWidget:
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field)
        row.addWidget(QLabel(self.tr("minutes")))
        row.addStretch(1)
        host.setFocusProxy(field)
        return host

    def preferred_width(self) -> int:
        return max(DIALOG_WIDTH, self.minimumWidth())  # both columns side by side

    def _connect_signals(self) -> None:
        self.add_trigger_button.clicked.connect(self._add_trigger)
        self.new_trigger.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in "add a trigger" adds it, rather than saving the whole form.
        if (
            watched is self.new_trigger
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._add_trigger()
            return True
        return super().eventFilter(watched, event)

    # ----- filling and reading -----------------------------------------------------------------

    def _fill_triggers(self, names: list[str]) -> None:
        for name in names:
            self._trigger_item(name)

    def _trigger_item(self, name: str) -> QListWidgetItem:
        for row in range(self.triggers.count()):
            item = self.triggers.item(row)
            if item.text().casefold() == name.casefold():
                return item
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.triggers.addItem(item)
        return item

    def _fill(self, details: UrgeDetails) -> None:
        self.intensity.set_value(details.intensity)
        for name in details.triggers:
            self._trigger_item(name).setCheckState(Qt.CheckState.Checked)
        self.feelings.setText(details.feelings)
        self.place.setText(details.place)
        self.company.setText(details.company)
        self.did_instead.setPlainText(details.did_instead)
        self.outcome.set_value(details.outcome)
        self.minutes.setText("" if details.minutes is None else str(details.minutes))
        self.predicted_minutes.setText(
            "" if details.predicted_minutes is None else str(details.predicted_minutes)
        )
        self.predicted_reach_out.set_value(details.predicted_reach_out)
        self.note.setPlainText(details.note)

    def _add_trigger(self) -> None:
        name = self.message.attempt(lambda: self._urges.add_trigger(self.new_trigger.text()))
        if name is None:
            self.new_trigger.setFocus()
            return
        item = self._trigger_item(name)
        item.setCheckState(Qt.CheckState.Checked)
        self.triggers.scrollToItem(item)
        self.new_trigger.clear()

    def chosen_triggers(self) -> tuple[str, ...]:
        items = (self.triggers.item(row) for row in range(self.triggers.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def _moment(self) -> datetime:
        if self._before is not None and self.when.dateTime() == self._shown_at:
            return self._before.details.at  # untouched: keep it to the second
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch()).astimezone()

    def details(self) -> UrgeDetails:
        return UrgeDetails(
            at=self._moment(),
            intensity=self.intensity.value(),
            triggers=self.chosen_triggers(),
            feelings=self.feelings.text(),
            place=self.place.text(),
            company=self.company.text(),
            did_instead=self.did_instead.toPlainText(),
            outcome=self.outcome.value(),
            minutes=_number(self.minutes),
            predicted_minutes=_number(self.predicted_minutes),
            predicted_reach_out=self.predicted_reach_out.value(),
            note=self.note.toPlainText(),
        )

    @property
    def is_a_moment(self) -> bool:
        """Saved as a new urge, or as one that has just become "I reached out": something
        lived now, not an old entry tidied."""
        saved, before = self.saved, self._before
        if saved is None:
            return False
        if before is None:
            return True
        return (
            saved.details.outcome is UrgeOutcome.REACHED_OUT
            and before.details.outcome is not UrgeOutcome.REACHED_OUT
        )

    # ----- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        details = self.details()
        if details.at > self._urges.now():
            self.message.say(
                self.tr("That time hasn't come yet. Please choose a moment that has passed.")
            )
            self.when.setFocus()
            return
        before = self._before
        if before is None:
            saved = self.message.attempt(lambda: self._urges.log_urge(details))
        else:
            saved = self.message.attempt(lambda: self._urges.update_urge(before.id, details))
        if saved is None:
            return
        self.saved = saved
        already = before is not None and before.details.outcome is UrgeOutcome.REACHED_OUT
        if (
            saved.details.outcome is UrgeOutcome.REACHED_OUT
            and not already
            and self._navigation is not None
        ):
            # Asked before this form closes, so whoever watches `finished` finds it open.
            self.offer = self._navigation.offer_contact(
                self.parentWidget(), saved, on_logged=self.contact_logged.emit
            )
        self.accept()


def _number(field: QLineEdit) -> int | None:
    text = field.text().strip()
    return int(text) if text else None
