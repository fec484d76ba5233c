"""The bar that offers to undo what was just removed: "Memory deleted. [Undo]" (Ctrl+Z).

If the undo can't be done (a full disk, say), its `MessageLine` says why and the offer stays:
what it holds is never dropped. Each offer is announced ("Urge deleted. Undo is available."):
the focus stays where it was, so a screen reader would not otherwise say it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from recovery_app.ui.kit.announce import announce
from recovery_app.ui.kit.lazy_qt import qt
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.widgets import paragraph


class UndoBar(QFrame):
    undone = Signal(object)  # what the undo gave back (a record, an id), once it worked

    def __init__(self, message: MessageLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo-bar")
        self._message = message
        self._undo: Callable[[], object] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = paragraph("")
        self.button = QPushButton(self.tr("Undo"))
        self.button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.button.setAutoDefault(False)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self.undo)
        self.hide()

    def bind_shortcut(self, owner: QWidget, *, within_owner: bool = False) -> None:
        """Ctrl+Z undoes while `owner` shows (anywhere in its window), or only while the focus
        is inside it (`within_owner`: two lists side by side never fight over the key)."""
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), owner)
        if within_owner:
            shortcut.setContext(qt().ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.undo)

    def offer(self, text: str, undo: Callable[[], object]) -> None:
        self._undo = undo
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.show()
        announce(self, self.tr("%1 Undo is available.").replace("%1", text))

    def has_offer(self) -> bool:
        return self._undo is not None

    def clear(self) -> None:
        self._undo = None
        self.hide()

    def undo(self) -> object | None:
        """Run the undo; what it gave back, or None (the reason in the message, offer kept)."""
        if self._undo is None:
            return None
        action = self._undo
        result = self._message.attempt(lambda: (action(),))
        if result is None:
            return None
        self.clear()
        self.undone.emit(result[0])
        return result[0]
