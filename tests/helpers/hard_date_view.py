"""What the hard-date window tests share: a Journal on a day the test moves, the main view
over it, and the small moves a person makes (a key where the focus is, a dialog opened)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from conftest import CHEAP_KDF
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from helpers.ui_window import WAIT_MS
from recovery_app.domain.marked_dates import HardDateDetails
from recovery_app.services.journal import Journal
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import Vault
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.main_view import MainView

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
THE_DAY = date(2026, 2, 14)


class DayClock:
    """'Now' for every service: noon of a day the test moves by hand."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> datetime:
        return datetime.combine(self.day, datetime.min.time()).replace(hour=12).astimezone(UTC)


def a_month_before() -> DayClock:
    return DayClock(THE_DAY - timedelta(days=30))


def journal_on(vault: Vault, clock: DayClock) -> Journal:
    return Journal(vault, KeyringSecretStore(), now=clock)


def main_view_over(
    qtbot: QtBot, journal: Journal, paths: VaultPaths, tmp_path: Path
) -> Iterator[MainView]:
    """The unlocked window's main view over `journal`, shown and active (a fixture's body)."""
    door = VaultService(paths, KeyringSecretStore(), CHEAP_KDF)
    main = MainView(door, journal, Preferences(tmp_path / "ui.ini"), lambda: None)
    qtbot.addWidget(main)
    main.resize(1100, 760)
    main.show()
    qtbot.waitExposed(main)
    activate(qtbot, main)
    yield main
    for dialog in main.findChildren(QWidget):
        if dialog.isWindow() and dialog.isVisible() and dialog is not main:
            dialog.close()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def mark(journal: Journal, **given: object) -> int:
    details = HardDateDetails(
        str(given.pop("name", "The day it ended")),
        THE_DAY.month,
        THE_DAY.day,
        plan=str(given.pop("plan", "Walk with Sam, then an early night.")),
        **given,  # type: ignore[arg-type]
    )
    return journal.hard_dates.add(details).id


def on(view: MainView, clock: DayClock, day: date) -> None:
    clock.day = day
    view.today.refresh()


def open_dialog(qtbot: QtBot, owner: object, kind: type) -> QWidget:
    """The dialog of `kind` that `owner` opened and shows now."""

    def shown() -> bool:
        dialog = getattr(owner, "dialog", None)
        return isinstance(dialog, kind) and dialog.isVisible()

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    dialog = owner.dialog  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog
