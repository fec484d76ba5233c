"""One unlock of the journal: every service over the one open vault, and what lasts only
until it is locked again.

`VaultService` (the door) hands one out when the journal is created or unlocked; the window,
the quick-log window and the command line reach the journal only through it, never through
the vault. `close()` ends the unlock: the database closes and the key is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app.domain.notices import NoticeKind
from recovery_app.services.check_ins import CheckInService
from recovery_app.services.clocks import ClockService
from recovery_app.services.contact_records import RecordService
from recovery_app.services.hard_dates import HardDateService
from recovery_app.services.hunches import HunchService
from recovery_app.services.journal_part import utc_now
from recovery_app.services.memories import MemoryService
from recovery_app.services.notices import TodayNotices
from recovery_app.services.promises import PromiseService
from recovery_app.services.reach_out_plan import ReachOutPlanService
from recovery_app.services.reading_suggestions import ReadingSuggestions
from recovery_app.services.secrets import SecretStore
from recovery_app.services.support import LetterService, ReasonService, SupportPeopleService
from recovery_app.services.urges import UrgeService

if TYPE_CHECKING:
    from recovery_app.services.backups import BackupService
    from recovery_app.services.contact_log import ContactLogService
    from recovery_app.services.exercises import ExerciseService
    from recovery_app.services.readings import ReadingService
    from recovery_app.services.review import ReviewService
    from recovery_app.services.transfer import ExportService, ImportService
    from recovery_app.storage.vault import Vault


def prepare_services() -> None:
    """What the first session of a new unlock would otherwise do while a person waits: the
    tables' mappings configured, and Today's words read (see VaultService.prepare_unlock)."""
    from sqlalchemy.orm import configure_mappers

    import recovery_app.services.backups  # noqa: F401  (Today's backup notice)
    from recovery_app.services.texts import today_texts

    configure_mappers()
    today_texts()


class Journal:
    def __init__(
        self, vault: Vault, secrets: SecretStore, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._vault = vault
        self._secrets = secrets
        self._now = now
        self.clocks = ClockService(vault, now)
        self.check_ins = CheckInService(vault, now)
        self.urges = UrgeService(vault, now)
        self.reasons = ReasonService(vault, now)
        self.people = SupportPeopleService(vault, now)
        self.letters = LetterService(vault, now)
        self.memories = MemoryService(vault, now)  # holds "the content warning was passed"
        self.promises = PromiseService(vault, now)
        self.hunches = HunchService(vault, now)
        self.hard_dates = HardDateService(vault, now)
        self.reach_out_plan = ReachOutPlanService(vault, now)  # my plan for when they reach out
        self.records = RecordService(vault, now)  # each attempt's files and versions
        self._exercises: ExerciseService | None = None
        self._readings: ReadingService | None = None
        self._backups: BackupService | None = None
        self._review: ReviewService | None = None
        # Today's one notice: each part that has something to say adds its source here.
        self.notices = TodayNotices()
        self.notices.add_source(NoticeKind.BACKUP, lambda: self.backups.notice())
        self.notices.add_source(
            NoticeKind.HARD_DATE, self.hard_dates.notice, self.hard_dates.dismiss_notice
        )
        # A reading suggested at the right moment: the window notes the moments here.
        self.reading_suggestions = ReadingSuggestions(lambda: self.readings)
        suggestions = self.reading_suggestions
        self.notices.add_source(NoticeKind.READING, suggestions.notice, suggestions.dismiss)

    @property
    def exercises(self) -> ExerciseService:
        """Built on first use: it reads the exercise files, which Today doesn't need."""
        if self._exercises is None:
            from recovery_app.services.exercises import ExerciseService, load_library

            self._exercises = ExerciseService(self._vault, load_library(), self._now)
        return self._exercises

    @property
    def readings(self) -> ReadingService:
        """Built on first use, like the exercises (a reading names exercises by id)."""
        if self._readings is None:
            from recovery_app.services.readings import ReadingService, load_readings

            library = self.exercises.library
            self._readings = ReadingService(
                self._vault, load_readings(exercises=library), library, self._now
            )
        return self._readings

    @property
    def review(self) -> ReviewService:
        """Built on first use, like the exercises: only the Review screen and the report
        need it (and its counting queries)."""
        if self._review is None:
            from recovery_app.services.review import ReviewService

            self._review = ReviewService(self._vault, self._now, self.hard_dates)
        return self._review

    @property
    def backups(self) -> BackupService:
        """One per unlock: it keeps the last failure in memory when the journal can't hold it.
        Built on first use (the window asks for it once the journal is open)."""
        if self._backups is None:
            from recovery_app.services.backups import BackupService

            self._backups = BackupService(self._vault, self._now)
        return self._backups

    @property
    def exports(self) -> ExportService:
        from recovery_app.services.transfer import ExportService

        return ExportService(self._vault, self._now)

    @property
    def contact_log(self) -> ContactLogService:
        """The attempts as a document (CSV here; the PDF is drawn by recovery_app.drawing)."""
        from recovery_app.services.contact_log import ContactLogService

        return ContactLogService(self._vault, self._now)

    @property
    def imports(self) -> ImportService:
        """Its safety backup goes through this unlock's `backups`."""
        from recovery_app.services.transfer import ImportService

        return ImportService(self._vault, self._now, backups=self.backups)

    @property
    def data_dir(self) -> Path:
        return self._vault.paths.data_dir

    @property
    def is_open(self) -> bool:
        return self._vault.is_open

    def today(self) -> date:
        return self.clocks.today()

    def changes(self) -> int:
        """See JournalPart.changes."""
        return self._vault.changes()

    def check_integrity(self, *, side_by_side: bool = False) -> None:
        """VaultDamaged unless every page of the journal is sound (storage's
        Vault.check_integrity, on connections of its own). About 0.2 s on a heavy journal:
        the window runs it off the GUI thread once after each unlock, one check after the
        other, leaving a processor to the window; the command line, where a person waits
        for it, runs it before every command with its two checks `side_by_side`."""
        self._vault.check_integrity(side_by_side=side_by_side)

    # ----- "remember on this computer" ------------------------------------------------------

    def is_remembered(self) -> bool:
        return self._secrets.load_key(self._vault.vault_id) is not None

    def remember(self) -> None:
        self._secrets.save_key(self._vault.vault_id, self._vault.data_key)

    def forget(self) -> None:
        self._secrets.forget_key(self._vault.vault_id)

    def close(self) -> None:
        """Lock: close the database and drop the key. Safe to call twice."""
        self._vault.close()
