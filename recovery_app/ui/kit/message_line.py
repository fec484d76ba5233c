"""The one way a screen or a dialog tells the person something went wrong: a `MessageLine`.

It shows the app's own kind words (services/messages.py), never the exception's text (which
may hold what was typed), and its accessible name follows the text. Each new line is also
announced (ui/kit/announce.py), so a screen reader says it wherever the focus is: a save's
acknowledgement as soon as it is said, a problem at once. `attempt()` runs a save and puts
any expected failure here; anything unexpected still reaches the application's last-resort
handler (app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea, QWidget

from recovery_app.services.errors import InvalidInput, SecretStoreError, VaultError
from recovery_app.services.messages import message_for
from recovery_app.ui.kit.announce import announce

T = TypeVar("T")

ACKNOWLEDGED_MS = 8000  # long enough to read twice; a screen reader hears it at once


class MessageLine(QLabel):
    """`note=True` for a calm line about what just happened ("Saved."), not a problem."""

    def __init__(
        self, data_dir: Path | None = None, *, note: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir or Path()
        self.setWordWrap(True)
        self.setObjectName("note" if note else "message")
        self._note = note
        self.hide()
        self._fade: QTimer | None = None

    def say(self, text: str, *, aloud: bool = True) -> None:
        """Show `text` (the app's wording, never a person's), or hide the line for "". A new
        line is announced unless `aloud` is False (a countdown ticking in it, say)."""
        said = self.isVisible() and self.text() == text
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if aloud and not said:
            announce(self, text, urgent=not self._note)

    def clear(self) -> None:
        self.say("")

    def acknowledge(self, text: str) -> None:
        """A calm word that something was done ("Check-in saved."): brought into view, and
        gone again by itself once it has been read (or as soon as anything else is said)."""
        self.say(text)
        if self._fade is None:
            self._fade = QTimer(self)
            self._fade.setSingleShot(True)
            self._fade.timeout.connect(self._fade_out)
        self._fade.setProperty("text", text)
        self._fade.start(ACKNOWLEDGED_MS)
        QTimer.singleShot(0, self._bring_into_view)  # once the layout has made room for it

    def _fade_out(self) -> None:
        if self._fade is not None and self.text() == self._fade.property("text"):
            self.clear()

    def _bring_into_view(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea) and self.isVisible():
            parent.ensureWidgetVisible(self, 0, 24)

    def words_for(self, error: BaseException) -> str:
        """The kind words for `error` (never its own text), for a screen that adds to them."""
        return message_for(error, self._data_dir)

    def show_error(self, error: BaseException) -> None:
        self.say(self.words_for(error))

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run `action`; on an expected failure say why here and return None."""
        try:
            result = action()
        except (InvalidInput, VaultError, SecretStoreError) as error:
            self.show_error(error)
            return None
        self.clear()
        return result

    def run(self, action: Callable[[], object]) -> bool:
        """Like `attempt`, for an action that returns nothing: True once it is done."""
        done = self.attempt(lambda: (action(), True)[1])
        return done is True
