"""Add or edit a clock: a label the person chooses, a start date, the contact they allow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from recovery_app.services.clock_records import SavedClock
from recovery_app.services.clocks import NAME_MAX_CHARS, ClockService
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.fields import calendar_popup
from recovery_app.ui.kit.widgets import paragraph


class ClockDialog(EntryDialog):
    """`clock` None adds a new clock; otherwise edits it."""

    def __init__(
        self, clocks: ClockService, clock: SavedClock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(clocks.data_dir, parent=parent)
        self._clocks = clocks
        self._clock = clock
        self.saved: SavedClock | None = None
        self.setWindowTitle(self.tr("Add a clock") if clock is None else self.tr("Edit clock"))
        if clock is None:
            self.save_button.setText(self.tr("Add clock"))
        self.setMinimumWidth(480)
        self._build_ui()

    def _build_ui(self) -> None:
        layout = self.body
        layout.addWidget(
            paragraph(
                self.tr(
                    "A clock counts the days of distance from one person. Only you see the "
                    "label, and you can change it later."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        self.name = QLineEdit(self._clock.name if self._clock else "")
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.name.setPlaceholderText(self.tr("A nickname or an initial is enough"))
        self.name.setAccessibleName(self.tr("Label"))
        today = self._clocks.today()
        self.since = calendar_popup(QDateEdit())
        self.since.setDisplayFormat("d MMMM yyyy")
        self.since.setMaximumDate(QDate(today.year, today.month, today.day))
        start = self._clock.since if self._clock else today
        self.since.setDate(QDate(start.year, start.month, start.day))
        self.since.setAccessibleName(self.tr("Counting from"))
        self.allowed = QLineEdit(self._clock.allowed_contact if self._clock else "")
        self.allowed.setPlaceholderText(self.tr("e.g. co-parenting logistics (optional)"))
        self.allowed.setAccessibleName(self.tr("Contact I allow"))
        for text, field in (
            (self.tr("&Label"), self.name),
            (self.tr("Counting &from"), self.since),
            (self.tr("Contact I &allow"), self.allowed),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                self.tr(
                    "You decide what counts. Contact you allow, and contact from them, never "
                    "ends your stretch."
                ),
                "small",
            )
        )

    def save(self) -> None:
        name, allowed = self.name.text(), self.allowed.text()
        picked = self.since.date()
        since = date(picked.year(), picked.month(), picked.day())
        action: Callable[[], SavedClock]
        if self._clock is None:

            def action() -> SavedClock:
                return self._clocks.add_clock(name, since, allowed)
        else:
            clock_id = self._clock.id

            def action() -> SavedClock:
                return self._clocks.update_clock(clock_id, name, since, allowed)

        saved = self.message.attempt(action)
        if saved is not None:
            self.saved = saved
            self.accept()
