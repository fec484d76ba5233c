"""The Urges section: the urges noted, my reasons, my plan for when they reach out, people I
can reach, letters, hard dates: what is kept ready for a hard moment lives together here.

The quick log and the ride-the-wave guide start here, however they were asked for (the
screen's buttons, Ctrl+U, the tray, `recovery-app quick-log` while the window runs).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget

from recovery_app.domain.kinds import UrgeOutcome
from recovery_app.services.clock_records import SavedContact
from recovery_app.services.journal import Journal
from recovery_app.services.urges import SavedUrge
from recovery_app.ui.kit.built_later import BuiltLater
from recovery_app.ui.kit.first_paint import after_first_paint
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.urges.hard_dates.tab import HardDatesTab
from recovery_app.ui.urges.letters_screen import LettersScreen
from recovery_app.ui.urges.quick_log import QuickLogDialog
from recovery_app.ui.urges.reach_out_plan_editor import ReachOutPlanEditor
from recovery_app.ui.urges.reasons_editor import ReasonsEditor
from recovery_app.ui.urges.screen import UrgesScreen
from recovery_app.ui.urges.support_people_editor import SupportPeopleEditor
from recovery_app.ui.urges.urge_dialog import UrgeDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog


class UrgesSection(QTabWidget):
    urges_changed = Signal()  # an urge was noted, changed or removed (Today shows a count)
    contact_logged = Signal()  # noted on a clock: an urge's "I reached out", the quick log's T
    # The UrgeDetails of an urge just lived through (noted now, or now "I reached out"),
    # once the guide, if it was opened from it, is over: a moment a reading may follow.
    urge_lived = Signal(object)
    hard_dates_changed = Signal()  # a date marked, changed or removed (Today may speak of it)

    MOMENTS, REASONS, PLAN, PEOPLE, LETTERS, HARD_DATES = range(6)

    def __init__(
        self,
        journal: Journal,
        navigation: Navigation,
        reduce_motion: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setObjectName("section-tabs")  # its tab bar lines up with the pages below it
        self._reduce_motion = reduce_motion
        self._journal = journal
        self._navigation = navigation
        self.urges = journal.urges
        self.dialog: QDialog | None = None
        self.moments = UrgesScreen(journal.urges, navigation)
        self.addTab(self.moments, self.tr("Urges noted"))
        # The other tabs are built the first time they are chosen: the section opens on the
        # urges noted, and a long journal's lists would make that first visit wait.
        self._reasons = BuiltLater(lambda parent: ReasonsEditor(journal.reasons, parent))
        self.addTab(self._reasons, self.tr("My reasons"))
        self._plan = BuiltLater(lambda parent: ReachOutPlanEditor(journal.reach_out_plan, parent))
        self.addTab(self._plan, self.tr("When they reach out"))
        self._people = BuiltLater(lambda parent: SupportPeopleEditor(journal.people, parent))
        self.addTab(self._people, self.tr("People I can reach"))
        self._letters = BuiltLater(lambda parent: LettersScreen(journal.letters, parent))
        self.addTab(self._letters, self.tr("Letters"))
        self._hard_dates = BuiltLater(
            lambda parent: HardDatesTab(journal.hard_dates, journal.memories, navigation, parent),
            on_built=lambda tab: tab.changed.connect(self.hard_dates_changed),
        )
        self.addTab(self._hard_dates, self.tr("Hard dates"))
        self._following_up: QuickLogDialog | None = None  # the guide or the form comes next
        self.moments.log_requested.connect(self.open_quick_log)
        self.moments.ride_the_wave_requested.connect(lambda: self.ride_the_wave(None))
        self.moments.contact_logged.connect(self.contact_logged)
        self.moments.urges_changed.connect(self.urges_changed)
        self.moments.urge_lived.connect(self.urge_lived)
        # The Hard dates tab's suggestions read every urge noted (about 50 ms in a journal of
        # years): read ahead off the GUI thread once the section is on screen, so the tab
        # opens at once. Nothing to report: the tab meets a failure again, worded.
        after_first_paint(self, self._read_ahead)

    def _read_ahead(self) -> None:
        if not self._hard_dates.built:
            clusters = self._journal.hard_dates.clusters
            run_in_background(clusters, lambda _found: None, lambda _error: None, self)

    @property
    def plan(self) -> ReachOutPlanEditor:
        return self._plan.page

    @property
    def letters(self) -> LettersScreen:
        return self._letters.page

    @property
    def hard_dates(self) -> HardDatesTab:
        return self._hard_dates.page

    def refresh_if_changed(self) -> None:
        self.moments.refresh_if_changed()

    def hard_dates_changed_elsewhere(self) -> None:
        """A date changed from Today's notice: the tab shows it, if it was built yet."""
        if self._hard_dates.built:
            self.hard_dates.refresh()

    def write_a_letter(self) -> None:
        """The letters, with a fresh page on the pad and the cursor in it."""
        self.setCurrentIndex(self.LETTERS)
        self.letters.new_letter()

    def open_quick_log(self) -> QuickLogDialog:
        """The small quick-log window, on top, with the journal already open."""
        if isinstance(self.dialog, QuickLogDialog) and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = QuickLogDialog(data_dir=self._journal.data_dir, parent=self)
        dialog.set_clocks(self._journal.clocks)
        dialog.set_urges(self.urges)
        dialog.ride_requested.connect(lambda saved: self._after_quick_log(dialog, saved, True))
        dialog.details_requested.connect(lambda saved: self._after_quick_log(dialog, saved, False))
        dialog.reached_out_logged.connect(lambda saved: self._they_reached_out(dialog, saved))
        dialog.finished.connect(lambda _result: self._quick_log_closed(dialog))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _after_quick_log(self, dialog: QuickLogDialog, saved: SavedUrge, ride: bool) -> None:
        self._following_up = dialog
        dialog.accept()
        if ride:
            self.ride_the_wave(saved)
        else:
            self.edit_urge(saved)

    def _they_reached_out(self, dialog: QuickLogDialog, saved: SavedContact) -> None:
        """Noted in the quick log: the quick log closes and the plan shows instead."""
        dialog.accept()
        self.contact_logged.emit()
        moment = self._navigation.show_reach_out_plan(self, saved)
        if moment is not None:
            self.dialog = moment

    def _quick_log_closed(self, dialog: QuickLogDialog) -> None:
        follows = self._following_up is dialog
        self._following_up = None
        if follows or dialog.saved is None:  # the guide or the form reads it again after
            self._urge_saved(dialog.saved, lived=not follows)
            return
        self.moments.urge_added(dialog.saved)
        self.urges_changed.emit()
        self.urge_lived.emit(dialog.saved.details)

    def _urge_saved(self, saved: SavedUrge | None, *, lived: bool = True) -> None:
        if saved is not None:
            self.moments.refresh()
            self.urges_changed.emit()
            if lived:
                self.urge_lived.emit(saved.details)

    def ride_the_wave(self, urge: SavedUrge | None) -> RideTheWaveDialog:
        journal = self._journal
        guide = RideTheWaveDialog(
            journal.urges,
            journal.reasons,
            journal.people,
            journal.letters,
            navigation=self._navigation,
            urge=urge,
            reduce_motion=self._reduce_motion(),
            parent=self,
        )
        before = None if urge is None else urge.details.outcome
        guide.finished.connect(lambda _result: self._guide_closed(guide, before))
        self.dialog = guide
        guide.open()
        return guide

    def _guide_closed(self, guide: RideTheWaveDialog, outcome_before: UrgeOutcome | None) -> None:
        self._urge_saved(guide.saved)
        saved = guide.saved
        if (
            saved is not None
            and saved.details.outcome is UrgeOutcome.REACHED_OUT
            and outcome_before is not UrgeOutcome.REACHED_OUT
            and guide.result() == QDialog.DialogCode.Accepted
        ):
            self._navigation.offer_contact(self, saved, on_logged=self.contact_logged.emit)

    def edit_urge(self, saved: SavedUrge) -> UrgeDialog:
        dialog = UrgeDialog(self.urges, self._navigation, saved=saved, parent=self)
        dialog.contact_logged.connect(self.contact_logged)
        # The quick log saved it already: kept as it was, it is still an urge lived through.
        dialog.finished.connect(lambda _result: self._urge_saved(dialog.saved or saved))
        self.dialog = dialog
        dialog.open()
        return dialog
