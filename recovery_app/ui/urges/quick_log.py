"""The quick log: from opening to a saved urge in two key presses (a digit, then Enter).

A small window on top. "How strong is the pull?" takes a digit (1 then 0 makes 10), and
Enter saves; the moment noted is when the window opened. Nothing else is asked. Once it
is saved, the guide is offered, never forced. When the journal is still opening (or needs
its password) the choice is held and saved as soon as it opens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.urges import UrgeDetails
from recovery_app.ui.kit.announce import announce
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import (
    PasswordField,
    heading,
    paragraph,
)

if TYPE_CHECKING:  # SQL loads once the journal opens, not before this window shows
    from recovery_app.services.urges import SavedUrge, UrgeService

TEN_WINDOW_SECONDS = 1.5  # "1" then "0" within this makes 10


class QuickLogDialog(Dialog):
    painted = Signal()  # once, after the first paint: the window is on screen
    password_entered = Signal(str)
    ride_requested = Signal(object)  # the SavedUrge
    details_requested = Signal(object)  # the SavedUrge

    LOG, PASSWORD, DONE = range(3)

    def __init__(
        self,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        clock: Callable[[], float] = time.monotonic,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._data_dir = data_dir  # named in a message when the journal can't be saved to
        self._at = now()  # the moment the pull was noticed: when this window opened
        self._urges: UrgeService | None = None
        self._pending = False
        self._last_digit: tuple[int, float] | None = None
        self._painted = False
        self.saved: SavedUrge | None = None
        self.setWindowTitle(self.tr("Log an urge"))
        self.setMinimumWidth(560)
        self._build_ui()
        self.save_button.clicked.connect(self.save)
        self.intensity.focus_proxy().setFocus()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        # Only the first page is built before the window shows; the others when needed.
        self.pages = QStackedWidget()
        self._built: dict[int, QWidget] = {self.LOG: self._log_page()}
        self.pages.addWidget(self._built[self.LOG])
        layout.addWidget(self.pages)
        self.message = MessageLine(self._data_dir)
        layout.addWidget(self.message)

    def _log_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("How strong is the pull right now?"), 3))
        self.intensity = ChoiceRow(
            [(n, str(n)) for n in range(11)], self.tr("How strong the pull is, 0 to 10")
        )
        layout.addWidget(self.intensity)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Type a number (1 then 0 for 10) and press Enter. You can skip it and "
                    "just press Enter: noting the moment is enough."
                ),
                "hint",
            )
        )
        self.status = paragraph("", "small")
        self.status.hide()
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return page

    def _password_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Your journal is locked"), 3))
        self.password_hint = paragraph("")
        layout.addWidget(self.password_hint)
        self.password = PasswordField(self.tr("Password"))
        layout.addWidget(self.password)
        row = QHBoxLayout()
        row.addStretch(1)
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(self._submit_password)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.done_heading = heading("", 3)
        layout.addWidget(self.done_heading)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Would you like to ride it out together? A short guide with a timer, "
                    "breathing, your reasons and the people you can reach."
                )
            )
        )
        row = QHBoxLayout()
        self.details_button = QPushButton(self.tr("Add &details…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.ride_button = QPushButton(self.tr("&Ride the wave"))
        for button in (self.details_button, self.close_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.ride_button)
        self.ride_button.clicked.connect(lambda: self.ride_requested.emit(self.saved))
        self.details_button.clicked.connect(lambda: self.details_requested.emit(self.saved))
        self.close_button.clicked.connect(self.accept)
        layout.addLayout(row)
        layout.addStretch(1)  # the page is as tall as the first: keep the offer together
        return page

    def page(self) -> int:
        """LOG, PASSWORD or DONE: the page showing now."""
        current = self.pages.currentWidget()
        return next(kind for kind, widget in self._built.items() if widget is current)

    def _show_page(self, kind: int) -> None:
        if kind not in self._built:
            build = self._password_page if kind == self.PASSWORD else self._done_page
            self._built[kind] = build()
            self.pages.addWidget(self._built[kind])
        self.pages.setCurrentWidget(self._built[kind])

    # ----- the journal opening ------------------------------------------------------------

    def set_urges(self, urges: UrgeService) -> None:
        """The journal is open: save now if the person already pressed Save."""
        self._urges = urges
        if self.page() == self.PASSWORD:
            self.password.clear()
            self._show_page(self.LOG)
            self.unlock_button.setDefault(False)
            self.save_button.setDefault(True)
        if self._pending:
            self.save()

    def ask_password(self, message: str = "") -> None:
        """The journal needs its password; the choice made so far is kept."""
        self._show_page(self.PASSWORD)
        # Only promise a save when Save was pressed; otherwise the number comes next.
        if self._pending:
            self.password_hint.setText(
                self.tr("Type your password and your note will be saved at once.")
            )
            self.unlock_button.setText(self.tr("Open and save"))
        else:
            self.password_hint.setText(
                self.tr("Type your password to open it. Then you can note how strong the pull is.")
            )
            self.unlock_button.setText(self.tr("Open"))
        self.unlock_button.setEnabled(True)
        self.save_button.setDefault(False)
        self.unlock_button.setDefault(True)
        self.message.say(message)
        self.password.setFocus()
        self.password.selectAll()  # after a wrong try, typing again replaces it

    def _submit_password(self) -> None:
        if self.password.text():
            self.unlock_button.setEnabled(False)
            self.message.say("")
            self.password_entered.emit(self.password.text())

    # ----- saving -------------------------------------------------------------------------

    def details(self) -> UrgeDetails:
        return UrgeDetails(at=self._at, intensity=self.intensity.value())

    def save(self) -> None:
        if self.saved is not None:
            return
        if self._urges is None:
            self._pending = True
            self.status.setText(self.tr("Saving as soon as your journal opens…"))
            self.status.show()
            return
        urges = self._urges
        details = self.details()
        saved = self.message.attempt(lambda: urges.log_urge(details))
        self._pending = False
        if saved is None:
            return  # the message says why; the choice stays for another try
        self.saved = saved
        self._show_page(self.DONE)
        noted = self.tr("Noted at %1. It took courage to notice it.").replace(
            "%1", saved.details.at.astimezone().strftime("%H:%M")
        )
        self.done_heading.setText(noted)
        announce(self.done_heading, noted)  # the focus goes to the guide's offer, not here
        self.save_button.setDefault(False)
        self.ride_button.setDefault(True)
        self.ride_button.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)

    # ----- keys ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self.page() == self.LOG and text.isdigit() and len(text) == 1:
            self._digit(int(text))
            return
        super().keyPressEvent(event)

    def _digit(self, digit: int) -> None:
        now = self._clock()
        value = digit
        if digit == 0 and self._last_digit is not None:
            last, when = self._last_digit
            if last == 1 and now - when <= TEN_WINDOW_SECONDS:
                value = 10
        self._last_digit = (digit, now)
        self.intensity.set_value(value)
        self.intensity.focus_proxy().setFocus()
