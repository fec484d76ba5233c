"""Window state and preferences in an INI file beside the vault. Never content.

Kept in the data folder (not the OS-wide settings store) so a different --data-dir, and
every test, has its own, and nothing about the journal lands elsewhere on the machine.
"""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from recovery_app.ui.kit.theme import ThemeChoice

DEFAULT_AUTO_LOCK_MINUTES = 5
DEFAULT_REMINDER_TIME = time(20, 0)


class Preferences:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._settings: QSettings | None = None

    def _store(self) -> QSettings:
        # Created on first use: the data folder may not exist before the first vault.
        if self._settings is None:
            self._settings = QSettings(str(self._path), QSettings.Format.IniFormat)
        return self._settings

    @property
    def auto_lock_minutes(self) -> int:
        """0 means never."""
        value = self._store().value("security/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES)
        try:
            return max(0, int(str(value)))
        except (TypeError, ValueError):
            return DEFAULT_AUTO_LOCK_MINUTES

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._store().setValue("security/auto_lock_minutes", int(minutes))

    @property
    def lock_when_minimised(self) -> bool:
        return _as_bool(self._store().value("security/lock_when_minimised", True))

    @lock_when_minimised.setter
    def lock_when_minimised(self, on: bool) -> None:
        self._store().setValue("security/lock_when_minimised", bool(on))

    @property
    def reminder_enabled(self) -> bool:
        """The daily reminder is off until the person turns it on."""
        return _as_bool(self._store().value("reminder/enabled", False))

    @reminder_enabled.setter
    def reminder_enabled(self, on: bool) -> None:
        self._store().setValue("reminder/enabled", bool(on))

    @property
    def reminder_time(self) -> time:
        value = self._store().value("reminder/time", DEFAULT_REMINDER_TIME.isoformat("minutes"))
        try:
            return time.fromisoformat(str(value))
        except ValueError:
            return DEFAULT_REMINDER_TIME

    @reminder_time.setter
    def reminder_time(self, at: time) -> None:
        self._store().setValue("reminder/time", at.isoformat("minutes"))

    @property
    def reminder_last_shown(self) -> date | None:
        value = self._store().value("reminder/last_shown", "")
        try:
            return date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    @reminder_last_shown.setter
    def reminder_last_shown(self, day: date) -> None:
        self._store().setValue("reminder/last_shown", day.isoformat())
        self.sync()

    @property
    def theme(self) -> ThemeChoice:
        """Light, dark, or (by default) as the desktop is."""
        value = str(self._store().value("display/theme", ThemeChoice.SYSTEM.value))
        try:
            return ThemeChoice(value)
        except ValueError:
            return ThemeChoice.SYSTEM

    @theme.setter
    def theme(self, choice: ThemeChoice) -> None:
        self._store().setValue("display/theme", ThemeChoice(choice).value)

    @property
    def reduce_motion(self) -> bool:
        """Keep animations still (the breathing pacer, for one)."""
        return _as_bool(self._store().value("display/reduce_motion", False))

    @reduce_motion.setter
    def reduce_motion(self, on: bool) -> None:
        self._store().setValue("display/reduce_motion", bool(on))

    def window_geometry(self) -> QByteArray | None:
        value = self._store().value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_window_geometry(self, geometry: QByteArray) -> None:
        if self._path.parent.is_dir():  # never create the data folder just for this
            self._store().setValue("window/geometry", geometry)
            self.sync()

    def forget(self) -> None:
        """After "delete my journal" took the file: every preference held in memory goes too.
        Call `sync()` before the file is deleted, so nothing is left waiting to be written."""
        self._settings = None

    def sync(self) -> None:
        if self._settings is not None and self._path.parent.is_dir():
            self._settings.sync()
            if os.name != "nt" and self._path.exists():
                self._path.chmod(0o600)


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)
