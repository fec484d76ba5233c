"""The shell's side of `ui.kit.navigation.Navigation`: it knows every screen, so one screen
can open another (the guide opening the whole-relationship view, a reading opening the tool
it leads to) without importing it.

The main window's sections are reached through `Sections`, which `MainView` is: the one
place that builds them (on first visit) and shows them. The quick-log window on its own has
no sections; there the tools a reading leads to are not offered, and asking returns False.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt

from recovery_app.services.journal import Journal
from recovery_app.ui.shell.sections import EXERCISES, URGES, WHOLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.urges import SavedUrge
    from recovery_app.ui.urges.section import UrgesSection


class Sections(Protocol):
    def section(self, index: int) -> QWidget:
        """The section's screen, built now if it wasn't yet (not shown)."""
        ...

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

    # ----- the tools a reading leads to ---------------------------------------------------

    def show_whole_relationship(self) -> bool:
        return self._show(WHOLE) is not None

    def open_exercise(self, exercise_id: str) -> bool:
        from recovery_app.ui.exercises.screen import ExercisesScreen

        screen = self._show(EXERCISES)
        if not isinstance(screen, ExercisesScreen):
            return False
        screen.start(exercise_id)
        return True

    def ride_the_wave(self) -> bool:
        # Over the reading, not instead of it: when the guide closes, the reading is still
        # there to go on with.
        urges = self._urges(show=False)
        if urges is None:
            return False
        urges.ride_the_wave(None)
        return True

    def write_a_letter(self) -> bool:
        urges = self._urges(show=True)
        if urges is None:
            return False
        urges.write_a_letter()
        return True

    def show_support_people(self) -> bool:
        urges = self._urges(show=True)
        if urges is None:
            return False
        urges.setCurrentIndex(urges.PEOPLE)
        return True

    def show_reasons(self) -> bool:
        urges = self._urges(show=True)
        if urges is None:
            return False
        urges.setCurrentIndex(urges.REASONS)
        return True

    def show_hard_dates(self) -> bool:
        urges = self._urges(show=True)
        if urges is None:
            return False
        urges.setCurrentIndex(urges.HARD_DATES)
        # On the tab's name, so a screen reader says where this is; Tab goes on into it.
        urges.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _urges(self, *, show: bool) -> UrgesSection | None:
        from recovery_app.ui.urges.section import UrgesSection

        screen = self._show(URGES) if show else self._built(URGES)
        return screen if isinstance(screen, UrgesSection) else None

    def _built(self, index: int) -> QWidget | None:
        return None if self._sections is None else self._sections.section(index)

    def _show(self, index: int) -> QWidget | None:
        if self._sections is None:
            return None
        self._sections.show_section(index)
        return self._sections.section(index)
