"""The shell's side of `ui.kit.navigation.Navigation`: it knows every screen, so one screen
can open another (the guide opening the whole-relationship view, a reading opening the tool
it leads to, Today's contact form showing the plan for when they reach out) without importing it.

The main window's sections are reached through `Sections`, which `MainView` is: the one
place that builds them (on first visit) and shows them. The quick-log window on its own has
no sections; there the tools a reading leads to are not offered, and asking returns False.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt

from recovery_app.services.journal import Journal
from recovery_app.ui.shell.sections import EXERCISES, SETTINGS, URGES, WHOLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.clock_records import SavedContact
    from recovery_app.services.urges import SavedUrge
    from recovery_app.ui.settings.screen import SettingsScreen
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
        self._windows: list[QDialog] = []  # opened with no parent: kept alive until closed

    def _kept(self, dialog: QDialog) -> QDialog:
        """A window with no parent (the quick log on its own has no main window) would be
        collected as soon as its opener returns; keep it until it closes."""
        if dialog.parent() is None:
            self._windows.append(dialog)
            dialog.finished.connect(lambda _result: self._windows.remove(dialog))
        return dialog

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

    def show_reach_out_plan(self, parent: QWidget | None, contact: SavedContact) -> QDialog | None:
        from recovery_app.services.errors import InvalidInput, VaultError
        from recovery_app.services.texts import guide_texts
        from recovery_app.ui.urges.reach_out_moment import ReachOutMomentDialog

        journal = self._journal
        try:
            plan = journal.reach_out_plan.plan()
            people = journal.people.people()
        except (InvalidInput, VaultError):
            return None  # the plan is a help, never a gate: the contact itself is saved
        dialog = ReachOutMomentDialog(plan, people, guide_texts().helplines, parent=parent)
        dialog.ride_requested.connect(lambda: self._ride_the_wave(parent))
        dialog.record_requested.connect(lambda: self.open_contact_record(parent, contact.id))
        dialog.open()
        return self._kept(dialog)

    def _ride_the_wave(self, parent: QWidget | None) -> None:
        # In the main window the guide goes through Urges, as it always does (its list and
        # Today stay up to date); the quick log on its own has no sections: the guide alone.
        if self.ride_the_wave():
            return
        from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

        journal = self._journal
        guide = RideTheWaveDialog(
            journal.urges,
            journal.reasons,
            journal.people,
            journal.letters,
            navigation=self,
            reduce_motion=self.reduce_motion(),
            parent=parent,
        )
        guide.open()
        self._kept(guide)

    def open_contact_record(self, parent: QWidget | None, contact_id: int) -> QDialog | None:
        from recovery_app.ui.today.contact_record_dialog import ContactRecordDialog

        journal = self._journal
        dialog = ContactRecordDialog(journal.clocks, journal.records, contact_id, parent=parent)
        if dialog.record is None:  # gone meanwhile (deleted in another window)
            dialog.deleteLater()
            return None
        dialog.open()
        return self._kept(dialog)

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

    # ----- where the backups are (Today's notice about them, after a restore or a re-key) ----

    def show_backups(self, note: str = "") -> bool:
        """Settings, scrolled to its Backups group, with `note` said there."""
        settings = self._settings()
        if settings is None:
            return False
        settings.show_backups(note)
        return True

    def back_up_now(self) -> bool:
        """Settings → Backups, and one backup begun there: off the GUI thread, its progress
        and then its result shown in the group."""
        settings = self._settings()
        if settings is None:
            return False
        settings.show_backups()
        settings.backups.start_backup()
        return True

    def _settings(self) -> SettingsScreen | None:
        from recovery_app.ui.settings.screen import SettingsScreen

        screen = self._show(SETTINGS)
        return screen if isinstance(screen, SettingsScreen) else None

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
