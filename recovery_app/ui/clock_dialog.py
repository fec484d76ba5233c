"""Add or edit a clock: a label the person chooses, a start date, the contact they allow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.clocks import NAME_MAX_CHARS, ClockService
from recovery_app.storage.models import Clock
from recovery_app.ui.widgets import attempt, message_label, paragraph


class ClockDialog(QDialog):
    """`clock` None adds a new clock; otherwise edits it."""

    def __init__(
        self, clocks: ClockService, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._clock = clock
        self.saved: Clock | None = None
        self.setWindowTitle(self.tr("Add a clock") if clock is None else self.tr("Edit clock"))
        self.setMinimumWidth(480)
        self._build_ui()
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
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
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
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
        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Add clock") if self._clock is None else self.tr("Save")
        )
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        name, allowed = self.name.text(), self.allowed.text()
        picked = self.since.date()
        since = date(picked.year(), picked.month(), picked.day())
        action: Callable[[], Clock]
        if self._clock is None or self._clock.id is None:

            def action() -> Clock:
                return self._clocks.add_clock(name, since, allowed)
        else:
            clock_id = self._clock.id

            def action() -> Clock:
                return self._clocks.update_clock(clock_id, name, since, allowed)

        saved = attempt(action, self.message, self._clocks.data_dir)
        if saved is not None:
            self.saved = saved
            self.accept()
