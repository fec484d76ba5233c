"""Today's one notice (chosen by services/notices.py): its words, and at most one way on
("Read it", "See the plan") and, where it can be, "Don't show this again"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recovery_app.domain.notices import Notice
from recovery_app.ui.kit.widgets import their_words


class NoticeCard(QFrame):
    action_requested = Signal(object)  # the NoticeAction
    dismiss_requested = Signal(object)  # the Notice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.notice: Notice | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.text = their_words("", "note")  # a milestone line holds a clock's label
        column.addWidget(self.text)
        row = QHBoxLayout()
        self.action_button = QPushButton()
        self.action_button.setAutoDefault(False)
        self.dismiss_button = QPushButton(self._dismiss_words())
        self.dismiss_button.setAutoDefault(False)
        row.addWidget(self.action_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        column.addLayout(row)
        self.action_button.clicked.connect(self._act)
        self.dismiss_button.clicked.connect(self._dismiss)
        self.show_notice(None)

    def show_notice(self, notice: Notice | None) -> None:
        self.notice = notice
        text = "" if notice is None else notice.text
        self.text.setText(text)
        self.text.setAccessibleName(text)
        action = None if notice is None else notice.action
        self.action_button.setVisible(action is not None)
        if action is not None:
            self.action_button.setText(action.label)
        # The line is the context a screen reader gives each button ("Read it" alone says little).
        self.action_button.setAccessibleDescription(text)
        self.dismiss_button.setAccessibleDescription(text)
        self.dismiss_button.setText(
            notice.dismiss_label
            if notice is not None and notice.dismiss_label
            else self._dismiss_words()
        )
        self.dismiss_button.setVisible(notice is not None and notice.dismissible)
        self.setVisible(notice is not None)

    def _dismiss_words(self) -> str:
        return self.tr("Don't show this again")

    def _act(self) -> None:
        if self.notice is not None and self.notice.action is not None:
            self.action_requested.emit(self.notice.action)

    def _dismiss(self) -> None:
        if self.notice is not None:
            self.dismiss_requested.emit(self.notice)
