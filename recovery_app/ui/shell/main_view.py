"""The unlocked journal: a sidebar of sections. Built at unlock, destroyed at lock.

Only the section on show is built; each of the others is built the first time it is
visited (or asked for), so unlocking waits for Today alone. Every screen gets the services
it needs from the one `Journal`, and asks the shell (`JournalNavigation`) to open another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from recovery_app.domain.notices import NoticeAction
from recovery_app.services.backups import BACK_UP_NOW_ACTION, BACKUPS_ACTION
from recovery_app.services.hard_date_notices import CHECK_IN_ACTION, PLAN_ACTION
from recovery_app.services.journal import Journal
from recovery_app.services.reading_suggestions import OPEN_READING
from recovery_app.services.vault_service import VaultService
from recovery_app.ui.kit.first_paint import after_first_paint
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.review.ahead import ReviewAhead
from recovery_app.ui.shell.navigation import JournalNavigation
from recovery_app.ui.shell.sections import (
    EXERCISES,
    REVIEW,
    SETTINGS,
    TODAY,
    UNDERSTANDING,
    URGES,
    WHOLE,
)

if TYPE_CHECKING:
    from recovery_app.domain.kinds import ContactKind
    from recovery_app.domain.urges import UrgeDetails
    from recovery_app.services.my_data_records import BackupOutcome
    from recovery_app.ui.exercises.screen import ExercisesScreen
    from recovery_app.ui.kit.journal_tasks import JournalTasks
    from recovery_app.ui.kit.theme import ThemeChoice
    from recovery_app.ui.review.screen import ReviewScreen
    from recovery_app.ui.settings.screen import SettingsScreen
    from recovery_app.ui.today.screen import TodayScreen
    from recovery_app.ui.understanding.screen import UnderstandingScreen
    from recovery_app.ui.urges.section import UrgesSection
    from recovery_app.ui.whole.screen import WholeRelationshipScreen

SIDEBAR_ROW_HEIGHT = 38


class MainView(QWidget):
    # A section was built and has drawn its first frame (the window sets aside what it
    # made from Python's full collections: ui/shell/collector.py).
    section_drawn = Signal()

    def __init__(
        self,
        door: VaultService,
        journal: Journal,
        preferences: Preferences,
        on_locking_changed: Callable[[], None],
        parent: QWidget | None = None,
        *,
        tray_available: bool = False,
        choose_theme: Callable[[ThemeChoice], None] | None = None,
        tasks: JournalTasks | None = None,
    ) -> None:
        super().__init__(parent)
        self._choose_theme = choose_theme
        self._tasks = tasks
        self._door = door
        self._journal = journal
        self._preferences = preferences
        self._on_locking_changed = on_locking_changed
        self._tray_available = tray_available
        self.navigation = JournalNavigation(journal, lambda: preferences.reduce_motion, self)
        self._built: dict[int, QWidget] = {}
        self.dialog: QDialog | None = None  # a window a notice's button opened
        # What a notice's button on Today can open, by `NoticeAction.kind`.
        self._notice_actions: dict[str, Callable[[str], object]] = {
            BACKUPS_ACTION: lambda _target: self.navigation.show_backups(),
            BACK_UP_NOW_ACTION: lambda _target: self.navigation.back_up_now(),
            OPEN_READING: self.open_reading,
            PLAN_ACTION: self._open_hard_date_plan,
            CHECK_IN_ACTION: lambda _target: self.today.open_check_in(),
        }
        self._builders: dict[int, Callable[[QWidget], QWidget]] = {
            TODAY: self._build_today,
            URGES: self._build_urges,
            EXERCISES: self._build_exercises,
            WHOLE: self._build_whole,
            UNDERSTANDING: self._build_understanding,
            REVIEW: self._build_review,
            SETTINGS: self._build_settings,
        }
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(200)
        self.pages = QStackedWidget()
        titles = [
            self.tr("Today"),
            self.tr("Urges"),
            self.tr("Exercises"),
            self.tr("Whole relationship"),
            self.tr("Understanding"),
            self.tr("Review"),
            self.tr("Settings"),
        ]
        assert len(titles) == len(self._builders)
        for index, title in enumerate(titles):
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(0, SIDEBAR_ROW_HEIGHT))  # stylesheet padding doesn't grow rows
            item.setToolTip(
                self.tr("%1 (Ctrl+%2)").replace("%1", title).replace("%2", str(index + 1))
            )
            self.sidebar.addItem(item)
            self.pages.addWidget(QWidget())  # a stand-in until the section is first visited
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.show_section(i))

        self.titles = titles
        self.shortcuts_sheet: QWidget | None = None
        for keys in ("F1", "Ctrl+?"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.show_shortcuts)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        if parent is not None:  # the first section is made at the size it will have
            self.resize(parent.size())
            layout.activate()
        self.review_ahead = ReviewAhead(lambda: journal.review, lambda: REVIEW in self._built, self)
        self.section_drawn.connect(self.review_ahead.start)
        self.sidebar.currentRowChanged.connect(self._section_chosen)
        self.sidebar.setCurrentRow(TODAY)

    # ----- sections, built on first visit ---------------------------------------------------

    def section(self, index: int) -> QWidget:
        """The section's screen, built now if it wasn't yet."""
        if index not in self._built:
            # Made inside the pages at their size, not alone and then moved in: moving a
            # screen into the window styles it all again, and lays out its lists at a
            # default size first (ui/kit/built_later.py tells the same of the tabs).
            screen = self._builders[index](self.pages)
            screen.resize(self.pages.size())
            stand_in = self.pages.widget(index)
            self.pages.insertWidget(index, screen)
            if stand_in is not None:
                self.pages.removeWidget(stand_in)
                stand_in.deleteLater()
            self._built[index] = screen
            after_first_paint(screen, self.section_drawn.emit)
        return self._built[index]

    def _section_chosen(self, index: int) -> None:
        if index >= 0:
            self.pages.setCurrentWidget(self.section(index))
        self.review_ahead.postpone()  # a click: the quiet before it starts again

    def show_section(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def current_section(self) -> int:
        return self.pages.currentIndex()

    def show_shortcuts(self) -> None:
        """Every shortcut on one sheet, above the window (F1 or Ctrl+?)."""
        from recovery_app.ui.shell.shortcuts_sheet import ShortcutsSheet

        sheet = ShortcutsSheet(self.titles, self)
        self.shortcuts_sheet = sheet
        sheet.open()

    def focus_sidebar(self) -> None:
        self.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def today(self) -> TodayScreen:
        from recovery_app.ui.today.screen import TodayScreen

        screen = self.section(TODAY)
        assert isinstance(screen, TodayScreen)
        return screen

    @property
    def urges(self) -> UrgesSection:
        from recovery_app.ui.urges.section import UrgesSection

        screen = self.section(URGES)
        assert isinstance(screen, UrgesSection)
        return screen

    @property
    def exercises(self) -> ExercisesScreen:
        from recovery_app.ui.exercises.screen import ExercisesScreen

        screen = self.section(EXERCISES)
        assert isinstance(screen, ExercisesScreen)
        return screen

    @property
    def whole(self) -> WholeRelationshipScreen:
        from recovery_app.ui.whole.screen import WholeRelationshipScreen

        screen = self.section(WHOLE)
        assert isinstance(screen, WholeRelationshipScreen)
        return screen

    @property
    def understanding(self) -> UnderstandingScreen:
        from recovery_app.ui.understanding.screen import UnderstandingScreen

        screen = self.section(UNDERSTANDING)
        assert isinstance(screen, UnderstandingScreen)
        return screen

    def open_reading(self, reading_id: str) -> None:
        """Understanding, on that reading (Today's "Read it")."""
        self.show_section(UNDERSTANDING)
        self.understanding.open_reading(reading_id)

    @property
    def settings(self) -> SettingsScreen:
        from recovery_app.ui.settings.screen import SettingsScreen

        screen = self.section(SETTINGS)
        assert isinstance(screen, SettingsScreen)
        return screen

    @property
    def review(self) -> ReviewScreen:
        from recovery_app.ui.review.screen import ReviewScreen

        screen = self.section(REVIEW)
        assert isinstance(screen, ReviewScreen)
        return screen

    # ----- backups ---------------------------------------------------------------------------

    def backups_changed(self, _outcome: BackupOutcome | None = None) -> None:
        """An automatic backup finished: Today's notice and Settings' list read again."""
        if TODAY in self._built:
            self.today.refresh()
        if SETTINGS in self._built:
            self.settings.backups.refresh()

    def _journal_changed_elsewhere(self) -> None:
        """An import added entries: every other section is built afresh on its next visit."""
        for index in [i for i in self._built if i != self.current_section()]:
            screen = self._built.pop(index)
            self.pages.insertWidget(index, QWidget())
            self.pages.removeWidget(screen)
            screen.deleteLater()

    def _refresh_today(self) -> None:
        """Something Today and Review count changed elsewhere (an urge, a contact); the quick
        log can save one while either is on show. Hidden, Today reads the journal again when
        it is next shown (its change marker moved), and Review counts afresh on each visit."""
        if TODAY in self._built and self.today.isVisible():
            self.today.refresh_if_changed()
        if REVIEW in self._built and self.review.isVisible():
            self.review.refresh()

    def refresh_if_changed(self) -> None:
        """The window is back in front: the screen showing reads the journal again if
        anything was saved meanwhile (from the command line, the quick-log window)."""
        refresh = getattr(self.pages.currentWidget(), "refresh_if_changed", None)
        if callable(refresh):
            refresh()

    # ----- the moments a reading may follow (shown on Today, never pushed) --------------------

    def _contact_logged_on_today(self, kind: ContactKind) -> None:
        # The new stretch's own line comes first; the reading's waits for its turn.
        self._journal.reading_suggestions.note_contact(kind)
        self._notices_changed()

    def _urge_lived(self, details: UrgeDetails) -> None:
        self._journal.reading_suggestions.note_urge(details)
        self._notices_changed()

    def _notices_changed(self) -> None:
        if TODAY in self._built:
            self.today.notices_changed()

    def _reading_taken(self, reading_id: str) -> None:
        """Opened or marked read: Today's line about it has done its work."""
        self._journal.reading_suggestions.taken(reading_id)

    # ----- the builders ---------------------------------------------------------------------

    def _build_today(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.today.screen import TodayScreen

        journal = self._journal
        today = TodayScreen(
            journal.clocks,
            journal.check_ins,
            journal.urges,
            notices=journal.notices,
            navigation=self.navigation,
            records=journal.records,
            contact_log=journal.contact_log,
            parent=parent,
        )
        today.notice_card.action_requested.connect(self._notice_action)
        today.contact_logged.connect(self._contact_logged_on_today)
        return today

    def _notice_action(self, action: NoticeAction) -> None:
        """A notice's button on Today: the section or the window it names."""
        handler = self._notice_actions.get(action.kind)
        if handler is not None:
            handler(action.target)

    def _open_hard_date_plan(self, target: str) -> None:
        """A marked date's plan, over Today, with the help it offers one key away."""
        from recovery_app.ui.urges.hard_dates.plan_dialog import PlanDialog

        hard_dates = self._journal.hard_dates
        clocks = sorted((self.today.message.attempt(hard_dates.clock_names) or {}).items())
        try:
            hard_date_id = int(target)
        except ValueError:
            return
        plan = PlanDialog(hard_dates, hard_date_id, self.navigation, clocks, parent=self.today)
        plan.changed.connect(self._hard_dates_changed)
        self.dialog = plan
        plan.open()

    def _hard_dates_changed(self) -> None:
        self._refresh_today()
        if URGES in self._built:
            self.urges.hard_dates_changed_elsewhere()

    def _build_urges(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.urges.section import UrgesSection

        section = UrgesSection(
            self._journal, self.navigation, lambda: self._preferences.reduce_motion, parent
        )
        section.urges_changed.connect(self._refresh_today)
        section.contact_logged.connect(self._refresh_today)
        section.urge_lived.connect(self._urge_lived)
        section.hard_dates_changed.connect(self._refresh_today)
        return section

    def _build_exercises(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.exercises.screen import ExercisesScreen

        journal = self._journal
        return ExercisesScreen(journal.exercises, journal.promises, journal.hunches, parent)

    def _build_whole(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.whole.screen import WholeRelationshipScreen

        return WholeRelationshipScreen(self._journal.memories, self._journal.clocks, parent)

    def _build_understanding(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.understanding.screen import UnderstandingScreen

        screen = UnderstandingScreen(self._journal.readings, self.navigation, parent)
        screen.reading_opened.connect(self._reading_taken)
        screen.read_changed.connect(lambda reading_id, _read: self._reading_taken(reading_id))
        return screen

    def _build_review(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.review.screen import ReviewScreen

        return ReviewScreen(self._journal.review, parent, loader=self.review_ahead.take_loader())

    def _build_settings(self, parent: QWidget) -> QWidget:
        from recovery_app.ui.settings.screen import SettingsScreen

        settings = SettingsScreen(
            self._door,
            self._journal,
            self._preferences,
            self._on_locking_changed,
            parent,
            tray_available=self._tray_available,
            choose_theme=self._choose_theme,
            tasks=self._tasks,
        )
        settings.journal_changed.connect(self._journal_changed_elsewhere)
        settings.backups_changed.connect(self._refresh_today)
        settings.hard_dates_requested.connect(self.navigation.show_hard_dates)
        return settings
