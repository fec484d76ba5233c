"""The shell's side of `ui.kit.navigation.Navigation`: it knows every screen, so one screen
can open another (the guide opening the whole-relationship view) without importing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from recovery_app.services.journal import Journal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.urges import SavedUrge


class JournalNavigation:
    def __init__(self, journal: Journal, reduce_motion: Callable[[], bool]) -> None:
        self._journal = journal
        self.reduce_motion = reduce_motion

    def what_am_i_remembering(self, parent: QWidget) -> QDialog:
        from recovery_app.ui.whole.remembering import ask_what_i_remember

        return ask_what_i_remember(parent, self._journal.memories, self._journal.clocks)

    def offer_contact(
        self,
        parent: QWidget | None,
        urge: SavedUrge,
        on_logged: Callable[[], None] | None = None,
    ) -> QDialog | None:
        from recovery_app.ui.today.contact_offer import offer_contact

        return offer_contact(parent, self._journal.clocks, urge, on_logged=on_logged)
