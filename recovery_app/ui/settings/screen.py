"""Settings: locking, 'remember on this computer', reminders and hard dates, motion, readings,
password, backups, my data (export, import), about, and, apart at the end, delete my journal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app import __version__
from recovery_app.services.journal import Journal
from recovery_app.services.my_data_records import PasswordChangeResult
from recovery_app.services.my_data_words import password_change_text
from recovery_app.services.vault_service import VaultService
from recovery_app.ui.kit.journal_tasks import JournalTasks
from recovery_app.ui.kit.message_line import MessageLine
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.theme import ThemeChoice
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.settings.backups_panel import BackupsPanel
from recovery_app.ui.settings.change_password_dialog import ChangePasswordDialog
from recovery_app.ui.settings.delete_panel import DeletePanel
from recovery_app.ui.settings.my_data_panel import MyDataPanel
from recovery_app.ui.settings.remember_panel import RememberPanel


class SettingsScreen(QWidget):
    journal_changed = Signal()  # an import added entries: the other screens read again
    backups_changed = Signal()  # a backup was made or tried: Today's line about it too
    hard_dates_requested = Signal()  # the shell shows where marked dates are kept

    def __init__(
        self,
        service: VaultService,
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
        self._tasks = tasks
        self._stop = tasks.stop_event if tasks is not None else threading.Event()
        self._choose_theme = choose_theme
        self._tray_available = tray_available
        self._service = service
        self._journal = journal
        self._preferences = preferences
        self._on_locking_changed = on_locking_changed
        self._build_ui()
        self._load()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.page = in_scroll_page(self, margins=(32, 28, 32, 28), spacing=16)
        layout = self.page.column
        layout.addWidget(heading(self.tr("Settings")))

        locking = QGroupBox(self.tr("Locking"))
        locking_layout = QVBoxLayout(locking)
        row = QHBoxLayout()
        idle_label = QLabel(self.tr("Lock after &no activity for"))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.auto_lock.setAccessibleName(
            self.tr("Minutes without activity before the journal locks")
        )
        idle_label.setBuddy(self.auto_lock)
        row.addWidget(idle_label)
        row.addWidget(self.auto_lock)
        row.addStretch(1)
        locking_layout.addLayout(row)
        self.lock_minimised = QCheckBox(self.tr("Lock when the window is &minimised"))
        locking_layout.addWidget(self.lock_minimised)
        locking_layout.addWidget(
            paragraph(
                self.tr(
                    "Ctrl+L locks at once. Pressing Shift three times, or Quick exit, hides the "
                    "window and locks it."
                ),
                "small",
            )
        )
        layout.addWidget(locking)

        self.remember_panel = RememberPanel(self._service, self._journal)
        layout.addWidget(self.remember_panel)

        reminder = QGroupBox(self.tr("Daily reminder"))
        reminder_layout = QVBoxLayout(reminder)
        reminder_row = QHBoxLayout()
        self.reminder = QCheckBox(self.tr("Remind me to check in each day &at"))
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        reminder_row.addWidget(self.reminder)
        reminder_row.addWidget(self.reminder_time)
        reminder_row.addStretch(1)
        reminder_layout.addLayout(reminder_row)
        self.reminder_note = paragraph(
            self.tr(
                "The tray icon shows “Time for your journal”, nothing more, even when the "
                "journal is locked. While it is open and a day you marked is near, it says "
                "“A day you marked is coming up” instead, never the day's name."
            ),
            "small",
        )
        reminder_layout.addWidget(self.reminder_note)
        if not self._tray_available:
            self.reminder.setEnabled(False)
            self.reminder_time.setEnabled(False)
            self.reminder_note.setText(
                self.tr("Reminders need a tray icon, and this desktop doesn't offer one.")
            )
        layout.addWidget(reminder)

        hard_dates = QGroupBox(self.tr("Hard dates"))
        hard_dates_layout = QVBoxLayout(hard_dates)
        hard_dates_layout.addWidget(
            paragraph(
                self.tr(
                    "Days you mark, like an anniversary or a holiday, show on Today ahead of "
                    "time, with your plan. Each has its own choice of how early."
                )
            )
        )
        self.hard_dates_button = QPushButton(self.tr("Marked &hard dates…"))
        hard_dates_row = QHBoxLayout()
        hard_dates_row.addWidget(self.hard_dates_button)
        hard_dates_row.addStretch(1)
        hard_dates_layout.addLayout(hard_dates_row)
        layout.addWidget(hard_dates)

        display = QGroupBox(self.tr("Look and motion"))
        display_layout = QVBoxLayout(display)
        look_row = QHBoxLayout()
        look_label = QLabel(self.tr("Look:"))
        look_row.addWidget(look_label)
        self.theme_buttons = QButtonGroup(self)
        self.theme_choices: dict[ThemeChoice, QRadioButton] = {}
        for choice, words in (
            (ThemeChoice.SYSTEM, self.tr("As my &desktop is")),
            (ThemeChoice.LIGHT, self.tr("&Light")),
            (ThemeChoice.DARK, self.tr("Dar&k")),
        ):
            button = QRadioButton(words)
            button.setAccessibleName(self.tr("Look: %1").replace("%1", words.replace("&", "")))
            self.theme_buttons.addButton(button)
            self.theme_choices[choice] = button
            look_row.addWidget(button)
        look_row.addStretch(1)
        display_layout.addLayout(look_row)
        self.reduce_motion = QCheckBox(self.tr("Re&duce motion"))
        display_layout.addWidget(self.reduce_motion)
        display_layout.addWidget(
            paragraph(
                self.tr("The breathing guide stays still and shows its rhythm in words."), "small"
            )
        )
        layout.addWidget(display)

        # Kept in the journal (encrypted), not in window.ini: it says something about the
        # person's reading, and the command line's suggestions follow it too.
        readings = QGroupBox(self.tr("Readings"))
        readings_layout = QVBoxLayout(readings)
        self.suggest_readings = QCheckBox(self.tr("&Suggest a reading now and then"))
        readings_layout.addWidget(self.suggest_readings)
        readings_layout.addWidget(
            paragraph(
                self.tr(
                    "On a first visit, after a hard urge, or after reaching out, one quiet line "
                    "on Today may name a short reading from Understanding. At most once a day, "
                    "and never one you've read or asked not to see again."
                ),
                "small",
            )
        )
        self.readings_message = MessageLine(self._service.data_dir)
        readings_layout.addWidget(self.readings_message)
        layout.addWidget(readings)

        password = QGroupBox(self.tr("Password"))
        password_layout = QVBoxLayout(password)
        password_layout.addWidget(
            paragraph(
                self.tr(
                    "Your journal is encrypted with a key that only your password unlocks. "
                    "A forgotten password cannot be recovered."
                )
            )
        )
        self.change_password = QPushButton(self.tr("&Change password…"))
        password_row = QHBoxLayout()
        password_row.addWidget(self.change_password)
        password_row.addStretch(1)
        password_layout.addLayout(password_row)
        self.password_message = MessageLine(self._service.data_dir, note=True)
        password_layout.addWidget(self.password_message)
        layout.addWidget(password)

        self.backups = BackupsPanel(self._service, self._journal, self._tasks, self._stop)
        layout.addWidget(self.backups)
        self.my_data = MyDataPanel(self._journal, self._stop)
        layout.addWidget(self.my_data)

        about = QGroupBox(self.tr("About"))
        about_layout = QVBoxLayout(about)
        about_layout.addWidget(
            paragraph(
                self.tr(
                    "This app is a companion for your own work, not therapy or a crisis service. "
                    "If you are in danger, please contact your local emergency number or a "
                    "helpline you trust. Nothing you write leaves this computer."
                )
            )
        )
        about_layout.addWidget(
            paragraph(
                self.tr("Version %1 · journal folder: %2")
                .replace("%1", __version__)
                .replace("%2", str(self._service.paths.data_dir)),
                "small",
            )
        )
        self.about_button = QPushButton(self.tr("About &Journal…"))
        about_row = QHBoxLayout()
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        about_layout.addLayout(about_row)
        layout.addWidget(about)
        layout.addSpacing(24)  # apart from everything else: it can't be undone
        self.delete_panel = DeletePanel(self._service, self._tasks)
        layout.addWidget(self.delete_panel)
        layout.addStretch(1)

    def _load(self) -> None:
        self.auto_lock.setValue(self._preferences.auto_lock_minutes)
        self.lock_minimised.setChecked(self._preferences.lock_when_minimised)
        self.reduce_motion.setChecked(self._preferences.reduce_motion)
        self.theme_choices[self._preferences.theme].setChecked(True)
        self.reminder.setChecked(self._preferences.reminder_enabled and self._tray_available)
        at = self._preferences.reminder_time
        self.reminder_time.setTime(QTime(at.hour, at.minute))
        self.reminder_time.setEnabled(self.reminder.isChecked())
        enabled = self.readings_message.attempt(self._journal.readings.suggestions_enabled)
        self.suggest_readings.setChecked(enabled is not False)
        self.suggest_readings.setEnabled(enabled is not None)

    def _connect_signals(self) -> None:
        self.auto_lock.valueChanged.connect(self._save_auto_lock)
        self.lock_minimised.toggled.connect(self._save_lock_minimised)
        self.reminder.toggled.connect(self._save_reminder)
        self.reminder_time.timeChanged.connect(lambda _at: self._save_reminder())
        self.reduce_motion.toggled.connect(self._save_reduce_motion)
        for choice, button in self.theme_choices.items():
            button.toggled.connect(lambda on, c=choice: self._theme_chosen(c) if on else None)
        self.suggest_readings.toggled.connect(self._save_suggest_readings)
        self.change_password.clicked.connect(self._open_change_password)
        self.about_button.clicked.connect(self._open_about)
        self.hard_dates_button.clicked.connect(self.hard_dates_requested)
        self.my_data.journal_changed.connect(self.journal_changed)
        self.backups.changed.connect(self.backups_changed)

    def show_backups(self, note: str = "") -> None:
        """Scroll to the Backups group (Today's notice, after a restore or a re-key)."""
        if note:
            self.backups.note.say(note)
        QTimer.singleShot(0, self._scroll_to_backups)

    def _scroll_to_backups(self) -> None:
        top = self.backups.mapTo(self.page.content, self.backups.rect().topLeft()).y()
        self.page.verticalScrollBar().setValue(max(0, top - 12))
        self.backups.back_up_now.setFocus()

    def _save_auto_lock(self, minutes: int) -> None:
        self._preferences.auto_lock_minutes = minutes
        self._on_locking_changed()

    def _save_reminder(self) -> None:
        on = self.reminder.isChecked()
        self.reminder_time.setEnabled(on)
        picked = self.reminder_time.time()
        self._preferences.reminder_enabled = on
        self._preferences.reminder_time = time(picked.hour(), picked.minute())
        self._preferences.sync()

    def _theme_chosen(self, choice: ThemeChoice) -> None:
        if self._choose_theme is not None:
            self._choose_theme(choice)  # kept and worn at once
        else:
            self._preferences.theme = choice
            self._preferences.sync()

    def _save_reduce_motion(self, on: bool) -> None:
        self._preferences.reduce_motion = on
        self._preferences.sync()

    def _save_suggest_readings(self, on: bool) -> None:
        readings = self._journal.readings
        if not self.readings_message.run(lambda: readings.set_suggestions_enabled(on)):
            self.suggest_readings.blockSignals(True)  # not saved: show what is kept
            self.suggest_readings.setChecked(not on)
            self.suggest_readings.blockSignals(False)

    def _save_lock_minimised(self, on: bool) -> None:
        self._preferences.lock_when_minimised = on
        self._on_locking_changed()

    def _open_change_password(self) -> None:
        dialog = ChangePasswordDialog(self._service, self)
        dialog.accepted.connect(lambda: self._password_changed(dialog.change))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _password_changed(self, result: PasswordChangeResult | None) -> None:
        if result is not None:  # said with the backups it reached, and those away
            self.password_message.say(password_change_text(result))

    def _open_about(self) -> None:
        from recovery_app.ui.settings.about_dialog import AboutDialog

        dialog = AboutDialog(self._service.paths.data_dir, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
