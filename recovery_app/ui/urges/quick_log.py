"""The quick log: from opening to a saved urge in two key presses (a digit, then Enter).

A small window on top. "How strong is the pull?" takes a digit (1 then 0 makes 10), and
Enter saves; the moment noted is when the window opened. Nothing else is asked. Once it
is saved, the guide is offered, never forced. When the journal is still opening (or needs
its password) the choice is held and saved as soon as it opens.

T notes instead that they reached out (on the one clock, or the clock chosen with a digit),
at the moment the window opened; whoever opened the quick log then shows the plan for when
they reach out. Nothing is preselected: a digit then Enter still notes an urge.
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
    from recovery_app.services.clock_records import SavedClock, SavedContact
    from recovery_app.services.clocks import ClockService
    from recovery_app.services.urges import SavedUrge, UrgeService

TEN_WINDOW_SECONDS = 1.5  # "1" then "0" within this makes 10


class QuickLogDialog(Dialog):
    painted = Signal()  # once, after the first paint: the window is on screen
    password_entered = Signal(str)
    ride_requested = Signal(object)  # the SavedUrge
    details_requested = Signal(object)  # the SavedUrge
    reached_out_logged = Signal(object)  # the SavedContact: they reached out

    LOG, PASSWORD, DONE, CLOCK = range(4)
    THEY_REACHED_OUT_KEYS = ("t", "T")

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
        self._clocks: ClockService | None = None
        self._pending = False
        self._pending_them = False  # T pressed before the journal opened
        self._clock_ids: list[int] = []  # the clocks offered by number, on the CLOCK page
        self.contact: SavedContact | None = None
        self._last_digit: tuple[int, float] | None = None
        self._painted = False
        self.saved: SavedUrge | None = None
        self.setWindowTitle(self.tr("Log an urge"))
        self.setMinimumWidth(560)
        self._build_ui()
        self.save_button.clicked.connect(self.save)
        self.reached_out_button.clicked.connect(self.they_reached_out)
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
        self.reached_out_button = QPushButton(self.tr("They reached out (T)"))
        self.reached_out_button.setToolTip(
            self.tr("Note that they got in touch, and see your plan for it (T)")
        )
        self.reached_out_button.setAutoDefault(False)  # Enter always saves the urge
        row.addWidget(self.reached_out_button)
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return page

    def _clock_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Which clock is it for?"), 3))
        layout.addWidget(paragraph(self.tr("Press its number, or Esc to go back."), "hint"))
        self.clock_buttons = QVBoxLayout()
        layout.addLayout(self.clock_buttons)
        layout.addStretch(1)
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
            build = {
                self.PASSWORD: self._password_page,
                self.DONE: self._done_page,
                self.CLOCK: self._clock_page,
            }[kind]
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
        elif self._pending_them:
            self.they_reached_out()

    def set_clocks(self, clocks: ClockService) -> None:
        """The clocks "they reached out" is noted on (given before `set_urges`)."""
        self._clocks = clocks

    def ask_password(self, message: str = "") -> None:
        """The journal needs its password; the choice made so far is kept."""
        self._show_page(self.PASSWORD)
        # Only promise a save when Save was pressed; otherwise the number comes next.
        if self._pending_them:
            self.password_hint.setText(
                self.tr("Type your password and it will be noted at once, with your plan.")
            )
            self.unlock_button.setText(self.tr("Open and note it"))
        elif self._pending:
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

    # ----- they reached out ----------------------------------------------------------------

    def they_reached_out(self) -> None:
        """Note that they reached out, at the moment this window opened."""
        if self.saved is not None or self.contact is not None:
            return
        clocks = self._clocks
        if clocks is None or self._urges is None:
            self._pending_them = True
            self.status.setText(self.tr("Noting it as soon as your journal opens…"))
            self.status.show()
            return
        self._pending_them = False
        listed = self.message.attempt(clocks.list_clocks)
        if listed is None:
            return
        if not listed:
            self.message.say(
                self.tr(
                    "There's no clock to note it on yet; one can be added on Today. "
                    "An urge can still be noted here."
                )
            )
            return
        if len(listed) == 1:
            self._note_them(listed[0].id)
        else:
            self._offer_clocks(listed)

    def _offer_clocks(self, listed: list[SavedClock]) -> None:
        self._show_page(self.CLOCK)
        while self.clock_buttons.count():
            item = self.clock_buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._clock_ids = [clock.id for clock in listed]
        first: QPushButton | None = None
        for number, clock in enumerate(listed, start=1):
            # "&&": a label's own ampersand is shown, never taken for a shortcut.
            label = clock.name.replace("&", "&&")
            button = QPushButton(f"{number}   {label}" if number < 10 else label)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=clock.id: self._note_them(c))
            self.clock_buttons.addWidget(button)
            first = first or button
        self.save_button.setDefault(False)
        if first is not None:
            first.setFocus()

    def _note_them(self, clock_id: int) -> None:
        from recovery_app.domain.kinds import ContactKind
        from recovery_app.services.clock_records import ContactDetails

        clocks = self._clocks
        assert clocks is not None
        details = ContactDetails(ContactKind.THEM, self._at)
        saved = self.message.attempt(lambda: clocks.log_contact(clock_id, details))
        if saved is None:
            return
        self.contact = saved
        self.reached_out_logged.emit(saved)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)

    # ----- keys ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # By the text typed, not `Qt.Key`: see ui/kit/lazy_qt.py (this window shows first).
        text = event.text()
        page = self.page()
        if page == self.LOG and text.isdigit() and len(text) == 1:
            self._digit(int(text))
            return
        if page == self.LOG and text in self.THEY_REACHED_OUT_KEYS:
            self.they_reached_out()
            return
        if page == self.CLOCK:
            if text.isdigit() and 0 < int(text) <= len(self._clock_ids):
                self._note_them(self._clock_ids[int(text) - 1])
                return
            if text == "\x1b":  # Esc: back to the pull, nothing noted
                self._show_page(self.LOG)
                self.save_button.setDefault(True)
                self.intensity.focus_proxy().setFocus()
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
