"""The shell's side of `ui.kit.navigation.Navigation`: it knows every screen, so one screen
can open another (the guide opening the whole-relationship view) without importing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt

from recovery_app.services.journal import Journal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.urges import SavedUrge
    from recovery_app.ui.urges.section import UrgesSection


class Sections(Protocol):
    """What the shell's main view offers: its sections, built on first visit."""

    @property
    def urges(self) -> UrgesSection: ...

    def show_section(self, index: int) -> None: ...


class JournalNavigation:
    def __init__(
        self,
        journal: Journal,
        reduce_motion: Callable[[], bool],
        sections: Sections | None = None,  # None: a screen tested on its own
    ) -> None:
        self._journal = journal
        self.reduce_motion = reduce_motion
        self._sections = sections

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

    def ride_the_wave(self) -> None:
        if self._sections is not None:
            self._sections.urges.ride_the_wave(None)

    def show_reasons(self) -> None:
        from recovery_app.ui.urges.section import UrgesSection

        self._show_urges_tab(UrgesSection.REASONS)

    def show_people(self) -> None:
        from recovery_app.ui.urges.section import UrgesSection

        self._show_urges_tab(UrgesSection.PEOPLE)

    def show_hard_dates(self) -> None:
        from recovery_app.ui.urges.section import UrgesSection

        self._show_urges_tab(UrgesSection.HARD_DATES)

    def _show_urges_tab(self, tab: int) -> None:
        from recovery_app.ui.shell.sections import URGES

        if self._sections is None:
            return
        self._sections.show_section(URGES)
        urges = self._sections.urges
        urges.setCurrentIndex(tab)
        # On the tab's name, so a screen reader says where this is; Tab goes on into it.
        urges.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
