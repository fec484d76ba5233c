"""Small reusable widgets: a password field, a strength hint, a centred card, headings, and
the label that names a field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.passwords import Strength, check_new_password
from recovery_app.ui.kit.lazy_qt import qt
from recovery_app.ui.kit.resources import look_icon

CARD_WIDTH = 480


def tr(text: str) -> str:
    return QCoreApplication.translate("widgets", text)


class PasswordField(QLineEdit):
    """Hidden by default, with a Show/Hide action, so a person can check what they typed."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setMinimumHeight(32)
        self._toggle = QAction(look_icon("eye"), tr("Show password"), self)
        self._toggle.setToolTip(tr("Show the password"))
        self._toggle.triggered.connect(self._toggle_visible)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:  # the look changed: the eye follows it
            hidden = self.echoMode() == QLineEdit.EchoMode.Password
            self._toggle.setIcon(look_icon("eye" if hidden else "eye-off"))

    def _toggle_visible(self) -> None:
        hidden = self.echoMode() == QLineEdit.EchoMode.Password
        self.setEchoMode(QLineEdit.EchoMode.Normal if hidden else QLineEdit.EchoMode.Password)
        self._toggle.setIcon(look_icon("eye-off" if hidden else "eye"))
        self._toggle.setText(tr("Hide password") if hidden else tr("Show password"))
        self._toggle.setToolTip(tr("Hide the password") if hidden else tr("Show the password"))


_STRENGTH_WORDS = {
    Strength.TOO_SHORT: "At least 8 characters, please.",
    Strength.WEAK: "Easy to guess. A few unrelated words would be stronger.",
    Strength.FAIR: "Fair. One more word would make it stronger.",
    Strength.STRONG: "Strong.",
}


class StrengthHint(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("hint")
        self.update_for("")

    def update_for(self, password: str) -> None:
        if not password:
            self.setText(tr("A few unrelated words make a strong password you can remember."))
            return
        self.setText(tr(_STRENGTH_WORDS[check_new_password(password).strength]))


def heading(text: str, size_delta: int = 6) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + size_delta)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def labelled(text: str, field: QWidget, name: str = "") -> QLabel:
    """The label of `field`: its Alt+letter moves there, and a screen reader says it with the
    field (on Linux, Qt names a combo box by the text it shows, so its label is the only way
    it is said). The field is named `name`, or the label's words without the `&`."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(name or text.replace("&", "").rstrip(":").strip())
    return label


def paragraph(text: str, object_name: str = "") -> QLabel:
    """The app's own wording, which holds no markup. A person's words go in `their_words()`."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if object_name:
        label.setObjectName(object_name)
    return label


def their_words(text: str, object_name: str = "") -> QLabel:
    """Text a person wrote: always plain, so a "<b>" they typed shows as typed."""
    label = paragraph(text, object_name)
    label.setTextFormat(qt().TextFormat.PlainText)
    return label


def centred_card(content: QWidget) -> QWidget:
    """Content in a column of comfortable width, centred in whatever space there is."""
    outer = QWidget()
    row = QHBoxLayout(outer)
    row.addStretch(1)
    column = QVBoxLayout()
    column.addStretch(1)
    card = QFrame()
    card.setObjectName("card")
    card.setMaximumWidth(CARD_WIDTH)
    card.setMinimumWidth(min(CARD_WIDTH, 360))
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.addWidget(content)
    column.addWidget(card)
    column.addStretch(1)
    row.addLayout(column, 3)
    row.addStretch(1)
    return outer
