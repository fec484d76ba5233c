"""The unsent-letter pad: it saves as the person types, and there is no way to send anything.

Nothing typed may be lost. A save runs ~0.7 s after the last keystroke, and at once when the
editor loses the focus, when the pad is hidden or closed (locking hides and then destroys
every screen, and rejects every dialog), and when another letter is opened. As a last
resort, a save also runs when the pad is destroyed: the text it needs lives in a plain
`_Draft` beside the widgets, because the widgets are already gone by then.

A new letter reaches the journal only once something is written: an untouched one leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFocusEvent, QHideEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.support import FEELINGS
from recovery_app.services.errors import VaultError
from recovery_app.services.support import LetterService, ListedLetter, SavedLetter
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import paragraph

SAVE_DELAY_MS = 700
# Eleven answers fit beside a list of letters only if each is a little narrower than usual.
COMPACT_CHOICES = "QPushButton#choice { padding: 5px 3px; min-width: 20px; }"  # 0–10 in 900 px


def letter_date(letter: SavedLetter | ListedLetter) -> str:
    moment = letter.created_at.astimezone()
    return f"{moment.day} {moment:%B %Y, %H:%M}"


@dataclass
class _Draft:
    """The letter being written, as plain data: what is typed, and what the journal holds."""

    letter_id: int | None = None
    text: str = ""
    saved_text: str = ""

    @property
    def pending(self) -> bool:
        """Something typed that the journal doesn't hold yet (an empty new letter never is)."""
        if self.letter_id is None:
            return bool(self.text.strip())
        return self.text != self.saved_text

    def save(self, letters: LetterService) -> SavedLetter:
        text = self.text
        if self.letter_id is None:
            saved = letters.start(text)
            self.letter_id = saved.id
        else:
            saved = letters.save(self.letter_id, text)
        self.saved_text = text
        return saved


def _save_as_pad_goes(letters: LetterService, draft: _Draft) -> None:
    """The last chance, as Qt destroys the pad. No widget is left to show a message in, and
    the screens hide (and save) before the journal locks, so a failure here is let go."""
    if draft.pending:
        with contextlib.suppress(InvalidInput, VaultError):
            draft.save(letters)


class _LetterEdit(QPlainTextEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class LetterPad(QWidget):
    """One letter at a time: `open_letter(saved)` to reread and go on, `new_letter()` to start."""

    saved = Signal(object)  # SavedLetter, after every save; the first one creates the letter

    def __init__(self, letters: LetterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letters = letters
        self.letter: SavedLetter | None = None  # as the journal last confirmed it
        self._draft = _Draft()
        self._build_ui()
        self._connect_signals()
        self.destroyed.connect(partial(_save_as_pad_goes, letters, self._draft))
        self.new_letter()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        header = QHBoxLayout()
        self.when = paragraph("", "hint")
        self.status = QLabel()
        self.status.setObjectName("small")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.when, 1)
        header.addWidget(self.status)
        layout.addLayout(header)

        self.editor = _LetterEdit()
        self.editor.setAccessibleName(self.tr("Letter"))
        self.editor.setPlaceholderText(
            self.tr("Start anywhere. Say what you need to say; it stays here.")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(140)
        self.editor.document().setDocumentMargin(10)
        font = self.editor.font()
        font.setPointSize(font.pointSize() + 1)  # room to write, easy to reread
        self.editor.setFont(font)
        layout.addWidget(self.editor, 1)

        self.feeling_box = QWidget()
        feeling_layout = QVBoxLayout(self.feeling_box)
        feeling_layout.setContentsMargins(0, 4, 0, 0)
        feeling_layout.setSpacing(6)
        label = QLabel(self.tr("&How do you feel now? (0 very low, 10 good; optional)"))
        label.setWordWrap(True)
        self.feeling = ChoiceRow([(n, str(n)) for n in FEELINGS], self.tr("How I feel now"))
        self.feeling.setStyleSheet(COMPACT_CHOICES)
        label.setBuddy(self.feeling)
        feeling_layout.addWidget(label)
        feeling_layout.addWidget(self.feeling)
        layout.addWidget(self.feeling_box)

        self.message = MessageLine(self.letters.data_dir)
        layout.addWidget(self.message)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)

    def _connect_signals(self) -> None:
        self.editor.textChanged.connect(self._typed)
        self.editor.focus_left.connect(self.flush)
        self.save_timer.timeout.connect(self.flush)
        self.feeling.changed.connect(self._feeling_changed)

    # ----- which letter -------------------------------------------------------------------------

    @property
    def letter_id(self) -> int | None:
        return self._draft.letter_id

    def new_letter(self) -> bool:
        return self.open_letter(None)

    def open_letter(self, letter: SavedLetter | None) -> bool:
        """Show `letter` (None: a fresh page). False if what was typed couldn't be saved first;
        then the pad keeps the current letter, so nothing is lost."""
        if not self.flush():
            return False
        self.letter = letter
        self._draft.letter_id = None if letter is None else letter.id
        self._draft.saved_text = "" if letter is None else letter.body
        self._draft.text = self._draft.saved_text
        self.editor.blockSignals(True)
        self.editor.setPlainText(self._draft.text)  # also starts a fresh undo history
        self.editor.blockSignals(False)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.feeling.blockSignals(True)
        self.feeling.set_value(None if letter is None else letter.feeling_after)
        self.feeling.blockSignals(False)
        self._show_state()
        return True

    def focus_editor(self) -> None:
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- saving -------------------------------------------------------------------------------

    def _typed(self) -> None:
        self._draft.text = self.editor.toPlainText()
        if self._draft.pending:
            self.save_timer.start()  # restarts: the save waits for a pause in the typing
        else:
            self.save_timer.stop()
        self._show_state()

    def flush(self) -> bool:
        """Save now whatever isn't saved yet. False if it can't be; the message says why."""
        self.save_timer.stop()
        if not self._draft.pending:
            return True
        saved = self.message.attempt(lambda: self._draft.save(self.letters))
        if saved is None:
            self.status.setText(self.tr("Not saved yet"))
            return False
        self.letter = saved
        self._show_state()
        self.saved.emit(saved)
        return True

    def _feeling_changed(self) -> None:
        if not self.flush():  # the letter joins the journal before its feeling does
            return
        letter_id = self._draft.letter_id
        if letter_id is None:
            return
        value = self.feeling.value()
        saved = self.message.attempt(lambda: self.letters.set_feeling(letter_id, value))
        if saved is not None:
            self.letter = saved
            self.saved.emit(saved)

    def _show_state(self) -> None:
        written = self._draft.letter_id is not None
        if self.letter is None:
            self.when.setText(self.tr("New letter"))
        else:
            self.when.setText(self.tr("Started %1").replace("%1", letter_date(self.letter)))
        if self._draft.pending:
            self.status.setText(self.tr("Saving…"))
        else:
            self.status.setText(self.tr("Saved") if written else "")
        # Asked once something is written, so Tab from the letter lands on it.
        self.feeling_box.setVisible(written or bool(self._draft.text.strip()))

    # ----- events -------------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)


class LetterPadDialog(Dialog):
    """A fresh letter, from the guide. Closing it in any way (Done, Esc, the window's close
    button, or locking) keeps what was written."""

    def __init__(self, letters: LetterService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letter"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Write what you want to say to them. It stays here: there is no way to "
                    "send it, anywhere."
                ),
                "hint",
            )
        )
        self.pad = LetterPad(letters)
        layout.addWidget(self.pad, 1)
        self.buttons = QDialogButtonBox()
        self.done_button = self.buttons.addButton(
            self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setAutoDefault(False)
        self.done_button.setToolTip(self.tr("Done; what you wrote is kept (Esc)"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.pad.focus_editor()

    def letter(self) -> SavedLetter | None:
        """The letter as saved, or None if nothing was written."""
        return self.pad.letter

    def accept(self) -> None:
        if self.pad.flush():  # if it can't be saved, stay open with the text and the reason
            super().accept()

    def done(self, result: int) -> None:
        # Esc and locking reject: save first, then close whatever happens, so nothing written
        # stays on screen over a locked journal.
        self.pad.flush()
        super().done(result)
