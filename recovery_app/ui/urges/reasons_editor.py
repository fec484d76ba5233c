"""My reasons for keeping distance: an ordered list, in the person's own words.

The guide shows these when an urge comes, so the list is theirs to write, reword and order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from recovery_app.domain.support import REASON_MAX_CHARS
from recovery_app.services.support import ReasonService, SavedReason
from recovery_app.ui.urges.ordered_list_editor import OrderedListEditor, RewordDialog


class ReasonsEditor(OrderedListEditor):
    def __init__(self, reasons: ReasonService, parent: QWidget | None = None) -> None:
        super().__init__(reasons, parent)
        self.reasons = reasons
        self.set_texts(
            title=self.tr("My reasons"),
            intro=self.tr(
                "Your reasons for keeping distance, in your own words. They're shown when an "
                "urge comes."
            ),
            empty_text=self.tr(
                "Nothing here yet. Start with one: something distance has given you, or "
                "spared you. Small reasons count."
            ),
            list_name=self.tr("My reasons, in order"),
        )
        self._build_add_row()
        self.refresh()

    def _build_add_row(self) -> None:
        row = QHBoxLayout()
        self.new_reason = QLineEdit()
        self.new_reason.setAccessibleName(self.tr("New reason"))
        self.new_reason.setPlaceholderText(self.tr("For example: I sleep through the night now"))
        self.new_reason.setMaxLength(REASON_MAX_CHARS)
        self.new_reason.setMinimumHeight(32)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add this reason (Enter)"))
        self.add_button.setAutoDefault(False)
        row.addWidget(self.new_reason, 1)
        row.addWidget(self.add_button)
        self.add_to_top(row)  # Tab: the field, Add, then the list (ordered_list_editor.py)
        self.new_reason.returnPressed.connect(self.add_reason)
        self.add_button.clicked.connect(self.add_reason)

    def refresh(self, select_id: int | None = None) -> None:
        super().refresh(select_id)
        # A second example once the first reason is in, so the field keeps inviting.
        self.new_reason.setPlaceholderText(
            self.tr("For example: I sleep through the night now")
            if self.list.count() == 0
            else self.tr("Another reason, e.g. I can be myself with my friends again")
        )

    # ----- the list -------------------------------------------------------------------------

    def _entries(self) -> list[tuple[int, str]]:
        return [(r.id, r.text) for r in self.reasons.reasons()]

    def _move(self, entry_id: int, steps: int) -> None:
        self.reasons.move(entry_id, steps)

    def _remove(self, entry_id: int) -> tuple[str, Callable[[], int]]:
        copy = self.reasons.remove(entry_id)
        return self.tr("Reason removed."), lambda: self.reasons.restore(copy).id

    def _edit(self, entry_id: int) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        dialog = ReasonDialog(self.reasons, SavedReason(entry_id, item.text()), parent=self)
        self._open(dialog, lambda: self.refresh(entry_id))

    def _focus_after_emptied(self) -> None:
        self.new_reason.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- adding ---------------------------------------------------------------------------

    def add_reason(self) -> None:
        text = self.new_reason.text()
        saved = self.message.attempt(lambda: self.reasons.add(text))
        if saved is None:
            self.new_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.new_reason.clear()
        self.refresh(saved.id)
        self.saved_note.acknowledge(self.tr("Added."))
        self.new_reason.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next one


class ReasonDialog(RewordDialog[SavedReason]):
    """Reword one reason."""

    def __init__(
        self, reasons: ReasonService, reason: SavedReason, parent: QWidget | None = None
    ) -> None:
        update = partial(reasons.update, reason.id)
        super().__init__(reasons.data_dir, reason.text, update, parent=parent)
        self.setWindowTitle(self.tr("Edit reason"))
        self.text.setAccessibleName(self.tr("Reason"))
