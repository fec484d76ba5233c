"""The shell's side of `ui.kit.navigation.Navigation`: it knows every screen, so one screen
can open another (the guide opening the whole-relationship view, Today's contact form
showing the plan for when they reach out) without importing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from recovery_app.services.journal import Journal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.clock_records import SavedContact
    from recovery_app.services.urges import SavedUrge


class JournalNavigation:
    def __init__(self, journal: Journal, reduce_motion: Callable[[], bool]) -> None:
        self._journal = journal
        self.reduce_motion = reduce_motion
        # The main window's own way into the guide (its Urges section keeps the urge list and
        # Today up to date); the quick log on its own has none, so the guide opens alone.
        self.ride_the_wave_in_window: Callable[[], QDialog] | None = None
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

    def _ride_the_wave(self, parent: QWidget | None) -> QDialog:
        if self.ride_the_wave_in_window is not None:
            return self.ride_the_wave_in_window()
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
        return self._kept(guide)

    def open_contact_record(self, parent: QWidget | None, contact_id: int) -> QDialog | None:
        from recovery_app.ui.today.contact_record_dialog import ContactRecordDialog

        journal = self._journal
        dialog = ContactRecordDialog(journal.clocks, journal.records, contact_id, parent=parent)
        if dialog.record is None:  # gone meanwhile (deleted in another window)
            dialog.deleteLater()
            return None
        dialog.open()
        return self._kept(dialog)
