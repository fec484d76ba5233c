"""First run: a short welcome, a password with a strength hint, and plain words about safety."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.passwords import check_new_password
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import (
    PasswordField,
    StrengthHint,
    centred_card,
    heading,
    paragraph,
)


class FirstRunScreen(QWidget):
    create_requested = Signal(str)
    restore_requested = Signal()  # a journal lost, or brought from another computer

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(data_dir)
        self._connect_signals()

    def _build_ui(self, data_dir: Path) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Welcome")))
        layout.addWidget(
            paragraph(
                self.tr(
                    "This is a private place to keep your distance from someone who hurt you, "
                    "and to be gentle with yourself on the hard days. Everything you write stays "
                    "on this computer, locked with a password only you know."
                )
            )
        )
        self.key_only_note = paragraph(
            self.tr(
                "A key file from an earlier journal is in this folder, but its journal file is "
                "missing. Creating a new journal keeps that key file aside; it is not deleted."
            ),
            "note",
        )
        self.key_only_note.hide()
        layout.addWidget(self.key_only_note)
        self.note = paragraph("", "note")  # e.g. after "delete my journal": what happened
        self.note.hide()
        layout.addWidget(self.note)

        password_label = QLabel(self.tr("Choose a &password"))
        self.password = PasswordField(self.tr("Choose a password"))
        password_label.setBuddy(self.password)
        self.hint = StrengthHint()
        confirm_label = QLabel(self.tr("Type it &again"))
        self.confirm = PasswordField(self.tr("Type the password again"))
        confirm_label.setBuddy(self.confirm)
        for widget in (password_label, self.password, self.hint, confirm_label, self.confirm):
            layout.addWidget(widget)

        layout.addWidget(
            paragraph(
                self.tr(
                    "A forgotten password cannot be recovered, by us or by anyone. "
                    "Please keep it somewhere safe."
                ),
                "warning",
            )
        )
        self.message = MessageLine(data_dir)
        layout.addWidget(self.message)
        self.create_button = QPushButton(self.tr("Create my journal"))
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.create_button.setMinimumHeight(36)
        layout.addWidget(self.create_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Setting up your journal"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setToolTip(
            self.tr("Bring back a journal from one of its backups, from this computer or a drive")
        )
        layout.addWidget(self.restore_button)

        layout.addSpacing(8)
        layout.addWidget(
            paragraph(
                self.tr(
                    "A word on safety: the plain name \u201cJournal\u201d can't hide this app "
                    "from someone who controls or watches this computer. For advice on using "
                    "devices more safely, a support service you trust can help, and "
                    "techsafety.org has guides."
                ),
                "small",
            )
        )
        layout.addWidget(
            paragraph(
                self.tr(
                    "This app is a companion for your own work, not therapy or a crisis service."
                ),
                "small",
            )
        )
        # It scrolls in a small window (720 x 520 at least) rather than squeeze its words.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a silent Tab stop to a screen reader
        scroll.setWidget(centred_card(content))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect_signals(self) -> None:
        self.password.textChanged.connect(self.hint.update_for)
        self.password.textChanged.connect(lambda _text: self._clear_what_no_longer_holds())
        self.confirm.textChanged.connect(lambda _text: self._clear_what_no_longer_holds())
        self.password.returnPressed.connect(self.confirm.setFocus)
        self.confirm.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self.restore_button.clicked.connect(self.restore_requested)

    def set_key_only(self, key_only: bool) -> None:
        self.key_only_note.setVisible(key_only)

    def show_note(self, text: str) -> None:
        from recovery_app.ui.kit.lazy_qt import qt

        self.note.setTextFormat(qt().TextFormat.PlainText)  # it names folders, as they are
        self.note.setText(text)
        self.note.setAccessibleName(text)
        self.note.setVisible(bool(text))

    def _clear_what_no_longer_holds(self) -> None:
        """'At least 8 characters' goes once the password has them; 'different' once the
        two match: a message stays only while it is true."""
        shown, password = self.message.text(), self.password.text()
        long_enough = shown == self._too_short() and check_new_password(password).acceptable
        matching = shown == self._different() and self.confirm.text() == password
        if long_enough or matching:
            self.message.clear()

    def _too_short(self) -> str:
        return self.tr("Please choose a password of at least 8 characters.")

    def _different(self) -> str:
        return self.tr("The two passwords are different. Please type them again.")

    def _submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        password = self.password.text()
        if not check_new_password(password).acceptable:
            self.show_error(self._too_short())
            self.password.setFocus()
            return
        if self.confirm.text() != password:
            self.show_error(self._different())
            self.confirm.clear()
            self.confirm.setFocus()
            return
        self.message.say("")
        self.set_busy(True)
        self.create_requested.emit(password)

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.confirm.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.create_button.setText(
            self.tr("Setting up your journal…") if busy else self.tr("Create my journal")
        )

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.say(text)

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()
        self.message.say("")
        self.set_busy(False)

    def focus_first_field(self) -> None:
        self.password.setFocus()
