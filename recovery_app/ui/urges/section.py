"""The Urges section: the urges noted, my reasons, people I can reach, letters.

The quick log and the ride-the-wave guide start here, however they were asked for (the
screen's buttons, Ctrl+U, the tray, `recovery-app quick-log` while the window runs).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from recovery_app.domain.kinds import UrgeOutcome
from recovery_app.services.journal import Journal
from recovery_app.services.urges import SavedUrge
from recovery_app.ui.kit.navigation import Navigation
from recovery_app.ui.urges.letters_screen import LettersScreen
from recovery_app.ui.urges.quick_log import QuickLogDialog
from recovery_app.ui.urges.reasons_editor import ReasonsEditor
from recovery_app.ui.urges.screen import UrgesScreen
from recovery_app.ui.urges.support_people_editor import SupportPeopleEditor
from recovery_app.ui.urges.urge_dialog import UrgeDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog


class UrgesSection(QTabWidget):
    urges_changed = Signal()  # an urge was noted, changed or removed (Today shows a count)
    contact_logged = Signal()  # an "I reached out" was noted on a clock

    MOMENTS, REASONS, PEOPLE, LETTERS = range(4)

    def __init__(
        self,
        journal: Journal,
        navigation: Navigation,
        reduce_motion: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._reduce_motion = reduce_motion
        self._journal = journal
        self._navigation = navigation
        self.urges = journal.urges
        self.dialog: QDialog | None = None
        self.moments = UrgesScreen(journal.urges, navigation)
        self.addTab(self.moments, self.tr("Urges noted"))
        # The other tabs are built the first time they are chosen: the section opens on the
        # urges, and two hundred letters are nothing to wait for before they are wanted.
        self._unbuilt: dict[QWidget, Callable[[], QWidget]] = {}
        self._add_built_later(lambda: ReasonsEditor(journal.reasons), self.tr("My reasons"))
        self._add_built_later(
            lambda: SupportPeopleEditor(journal.people), self.tr("People I can reach")
        )
        self._add_built_later(lambda: LettersScreen(journal.letters), self.tr("Letters"))
        self.currentChanged.connect(self._build_tab)
        self.moments.log_requested.connect(self.open_quick_log)
        self.moments.ride_the_wave_requested.connect(lambda: self.ride_the_wave(None))
        self.moments.contact_logged.connect(self.contact_logged)
        self.moments.urges_changed.connect(self.urges_changed)

    def _add_built_later(self, build: Callable[[], QWidget], title: str) -> None:
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        self._unbuilt[host] = build
        self.addTab(host, title)

    def _build_tab(self, index: int) -> None:
        host = self.widget(index)
        build = self._unbuilt.pop(host, None)
        if build is not None:
            host.layout().addWidget(build())

    def tab(self, index: int) -> QWidget:
        """The tab's own screen (built now if it wasn't yet)."""
        self._build_tab(index)
        host = self.widget(index)
        if host is self.moments:
            return host
        item = host.layout().itemAt(0)
        assert item is not None and item.widget() is not None
        return item.widget()

    def refresh_if_changed(self) -> None:
        self.moments.refresh_if_changed()

    def open_quick_log(self) -> QuickLogDialog:
        """The small quick-log window, on top, with the journal already open."""
        if isinstance(self.dialog, QuickLogDialog) and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = QuickLogDialog(data_dir=self._journal.data_dir, parent=self)
        dialog.set_urges(self.urges)
        dialog.ride_requested.connect(lambda saved: self._after_quick_log(dialog, saved, True))
        dialog.details_requested.connect(lambda saved: self._after_quick_log(dialog, saved, False))
        dialog.finished.connect(lambda _result: self._urge_saved(dialog.saved))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _after_quick_log(self, dialog: QuickLogDialog, saved: SavedUrge, ride: bool) -> None:
        dialog.accept()
        if ride:
            self.ride_the_wave(saved)
        else:
            self.edit_urge(saved)

    def _urge_saved(self, saved: SavedUrge | None) -> None:
        if saved is not None:
            self.moments.refresh()
            self.urges_changed.emit()

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
        dialog.finished.connect(lambda _result: self._urge_saved(dialog.saved))
        self.dialog = dialog
        dialog.open()
        return dialog
