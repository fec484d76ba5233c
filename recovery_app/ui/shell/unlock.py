"""Unlock: the password, an opt-in 'remember on this computer', and a kind word when it's wrong."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.ui.kit.lazy_qt import qt
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import (
    PasswordField,
    centred_card,
    heading,
    paragraph,
)


class UnlockScreen(QWidget):
    unlock_requested = Signal(str, bool)  # password, remember on this computer
    remembered_unlock_requested = Signal()
    restore_requested = Signal()  # the journal is damaged or lost: bring back a backup
    # Once, after the screen's first paint: the window is on screen, and slower work may start.
    first_painted = Signal()
    # The first key typed since the screen was last reset: the journal will be opened soon.
    typing_started = Signal()

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self._typing = False
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(250)
        self._wait_until_ms = 0
        self._build_ui(data_dir)
        self._connect_signals()

    def _build_ui(self, data_dir: Path) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Welcome back")))
        label = QLabel(self.tr("Your &password"))
        self.password = PasswordField(self.tr("Your password"))
        label.setBuddy(self.password)
        layout.addWidget(label)
        layout.addWidget(self.password)

        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setToolTip(
            self.tr(
                "Anyone who can sign in to this computer account could then open the journal "
                "without the password. You can change this in Settings."
            )
        )
        # Shown once the remembered-key check has answered; the keyring itself is asked only
        # where a key was remembered, or once the box is ticked (ui/shell/door.py).
        self.remember.hide()
        layout.addWidget(self.remember)
        self.remember_unavailable = paragraph("", "small")
        self.remember_unavailable.hide()
        layout.addWidget(self.remember_unavailable)

        self.message = MessageLine(data_dir)
        layout.addWidget(self.message)
        self.unlock_button = QPushButton(self.tr("Open journal"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(36)
        layout.addWidget(self.unlock_button)
        self.remembered_button = QPushButton(self.tr("Open with the key remembered here"))
        self.remembered_button.hide()
        layout.addWidget(self.remembered_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Opening your journal"))
        self.progress.hide()
        layout.addWidget(self.progress)
        layout.addSpacing(6)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setToolTip(
            self.tr("For a journal that is damaged or lost: bring back one of its backups")
        )
        layout.addWidget(self.restore_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(centred_card(content))

    def _connect_signals(self) -> None:
        self.password.returnPressed.connect(self._submit)
        self.password.textEdited.connect(self._typed)
        self.unlock_button.clicked.connect(self._submit)
        self.remembered_button.clicked.connect(self._submit_remembered)
        self.restore_button.clicked.connect(self.restore_requested)
        self._wait_timer.timeout.connect(self._tick_wait)

    def _typed(self) -> None:
        if not self._typing:
            self._typing = True
            self.typing_started.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this paint pass is done

    def set_remember_available(self, available: bool, reason: str) -> None:
        if not available:
            self.remember.setChecked(False)
            if self.remember.hasFocus():  # it goes: the password field, not the next button
                self.password.setFocus(qt().FocusReason.OtherFocusReason)
        self.remember.setVisible(available)
        self.remember_unavailable.setText(reason)
        self.remember_unavailable.setVisible(not available and bool(reason))

    def set_remembered(self, remembered: bool) -> None:
        """After a lock, a remembered key needs a deliberate click; it never opens by itself."""
        self.remembered_button.setVisible(remembered)

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        password = self.password.text()
        if not password:
            self.message.say(self.tr("Please type your password."))
            return
        self.message.say("")
        self.set_busy(True)
        self.unlock_requested.emit(password, self.remember.isChecked())

    def _submit_remembered(self) -> None:
        self.message.say("")
        self.set_busy(True)
        self.remembered_unlock_requested.emit()

    def set_busy(self, busy: bool) -> None:
        waiting = self._wait_timer.isActive()
        self.unlock_button.setEnabled(not busy and not waiting)
        self.remembered_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.unlock_button.setText(self.tr("Opening…") if busy else self.tr("Open journal"))

    def show_error(self, text: str, wait_seconds: float = 0.0) -> None:
        self.set_busy(False)
        self.password.selectAll()
        self.password.setFocus()
        self.message.say(text, aloud=wait_seconds <= 0)  # with a wait, said with the wait
        if wait_seconds > 0:
            self._base_error = text
            self._wait_left = wait_seconds
            self.unlock_button.setEnabled(False)
            self._wait_timer.start()
            self._tick_wait(elapsed=0.0)

    def _tick_wait(self, elapsed: float = 0.25) -> None:
        self._wait_left -= elapsed
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self.unlock_button.setEnabled(True)
            self.message.say(self._base_error, aloud=False)
            return
        seconds = math.ceil(self._wait_left)
        self.message.say(
            self._base_error
            + " "
            + self.tr("You can try again in %1 s.").replace("%1", str(seconds)),
            aloud=elapsed == 0.0,  # the first line is said; the seconds ticking down are not
        )

    def reset(self) -> None:
        """Forget everything typed: called on every lock."""
        self.password.clear()
        self._typing = False
        self.remember.setChecked(False)
        self.message.say("")
        self.set_busy(False)

    def focus_first_field(self) -> None:
        self.password.setFocus()
