"""The tour: everything a person can see, one sight at a time, for checks that must hold on
every screen and in every dialog (names for screen readers, Tab order, focus rings, contrast).

`tour()` builds the real window over a journal with a bit of everything (sample_journal.py),
unlocks it by typing the password, visits every section through the sidebar and every tab
by clicking it (the whole-relationship view's content warning passed by its own button),
then builds every dialog of the app from that journal and shows it, step by step where it
has steps. It yields a `Sight` each time: its name and the window on screen, held there
until the loop asks for the next one.

DIALOGS is the table to extend: one entry per dialog class, saying how to build it from the
journal (and, if it has steps, how to walk them). tests/ui/test_tour_covers_everything.py
fails while a dialog or window class of recovery_app.ui has no entry, and the tour itself
fails if a window it did not expect comes on screen.

Input goes through QTest, not pytest-qt, so the out-of-process screen-reader count
(tests/accessibility/) runs the same tour in a child process.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

from recovery_app.app import build_window
from recovery_app.services.journal import Journal
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.kdf import KdfParams
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.kit.theme import ThemeChoice
from recovery_app.ui.shell.navigation import JournalNavigation
from recovery_app.ui.shell.window import JournalWindow

WAIT_S = 10.0


@dataclass(frozen=True)
class Sight:
    name: str  # "screen: Urges › My reasons", "dialog: CheckInDialog"
    window: QWidget  # the window on screen, in that state


class FakeClock:
    """A monotonic clock the tour moves by hand (the guide's minute check)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Tour:
    """What a dialog entry builds from: the open window, its journal, the sample's ids."""

    window: JournalWindow
    sample: object  # sample_journal.Sample
    clock: FakeClock

    @property
    def journal(self) -> Journal:
        assert self.window.journal is not None
        return self.window.journal

    @property
    def navigation(self) -> JournalNavigation:
        assert self.window.main_view is not None
        return self.window.main_view.navigation


@dataclass(frozen=True)
class DialogEntry:
    covers: type[QWidget]
    build: Callable[[Tour], QWidget]
    # Moves the shown dialog through its steps, yielding a name for each one to look at.
    states: Callable[[QWidget, Tour], Iterator[str]] | None = None
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or self.covers.__name__


# ----- driving, as a person would ---------------------------------------------------------


def wait_until(done: Callable[[], bool], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QTest.qWait(10)


def click(widget: QWidget, at: QPoint | None = None) -> None:
    point = widget.rect().center() if at is None else at
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def settle() -> None:
    """Let posted events, deferred deletes and finished background work land."""
    QThreadPool.globalInstance().waitForDone(int(WAIT_S * 1000))
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def show_window(window: QWidget) -> None:
    if not window.isVisible():
        window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    wait_until(window.isActiveWindow)


# ----- the tour ---------------------------------------------------------------------------


def tour(
    data_dir: Path,
    *,
    kdf: KdfParams,
    password: str,
    look: ThemeChoice = ThemeChoice.LIGHT,
    dialogs: list[DialogEntry] | None = None,
) -> Iterator[Sight]:
    """Every screen and every dialog, in `look`. Close the generator (or run it to the end)
    and the journal is locked and the windows closed."""
    from helpers.dialogs import DIALOGS
    from helpers.sample_journal import fill

    paths = VaultPaths(data_dir)
    journal = VaultService(paths, KeyringSecretStore(), kdf).create(password)
    sample = fill(journal)
    journal.close()
    for folder in (data_dir, data_dir.parent / f"{data_dir.name}-first-run"):
        preferences = Preferences(VaultPaths(folder).ui_settings)
        preferences.theme = look
        preferences.sync()

    windows: list[JournalWindow] = []
    try:
        first_run = _window(data_dir.parent / f"{data_dir.name}-first-run", kdf, windows)
        yield from _sights("screen: first run", first_run, windows)
        first_run.close()
        windows.remove(first_run)
        settle()

        window = _window(data_dir, kdf, windows)
        wait_until(lambda: window.unlock_screen.password.isEnabled())
        yield from _sights("screen: unlock", window, windows)
        QTest.keyClicks(window.unlock_screen.password, password)
        QTest.keyClick(window.unlock_screen.password, Qt.Key.Key_Return)
        wait_until(lambda: window.main_view is not None)
        yield from _screens(window, windows)
        context = Tour(window, sample, FakeClock())
        for entry in DIALOGS if dialogs is None else dialogs:
            yield from _dialog(entry, context, windows)
    finally:
        for window in windows:
            window.lock()
            window.close()
        settle()


def _window(data_dir: Path, kdf: KdfParams, windows: list[JournalWindow]) -> JournalWindow:
    window, _ = build_window(data_dir, tray_available=False, kdf=kdf, single_instance=False)
    assert window is not None
    windows.append(window)
    show_window(window)
    window.start()
    settle()
    return window


def _sights(name: str, window: QWidget, expected: list[JournalWindow]) -> Iterator[Sight]:
    settle()
    _only_expected_windows(window, expected)
    yield Sight(name, window)


def _only_expected_windows(shown: QWidget, windows: list[JournalWindow]) -> None:
    """A window the tour didn't open itself means a dialog it doesn't know about."""
    from helpers.dialogs import covered_classes

    allowed = (*covered_classes(), QMessageBox)
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() or widget is shown or widget in windows:
            continue
        if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            continue
        assert isinstance(widget, allowed), (
            f"{type(widget).__name__} came on screen and the tour has no entry for it "
            "(add one to tests/helpers/dialogs.py)"
        )


def _screens(window: JournalWindow, windows: list[JournalWindow]) -> Iterator[Sight]:
    main = window.main_view
    assert main is not None
    sidebar = main.sidebar
    for row in range(sidebar.count()):
        title = sidebar.item(row).text()
        click(sidebar.viewport(), sidebar.visualItemRect(sidebar.item(row)).center())
        wait_until(lambda row=row: main.current_section() == row)
        screen = main.pages.currentWidget()
        settle()
        warning = getattr(screen, "show_all_button", None)
        if isinstance(warning, QPushButton) and warning.isVisible():
            yield from _sights(f"screen: {title} › before you look", window, windows)
            click(warning)  # "Show the whole view": the content warning passed, as a person does
            settle()
        _open_disclosures(screen)
        for state in _tab_states(screen, f"screen: {title}"):
            _choose_first_rows(screen)
            yield from _sights(state, window, windows)


def _open_disclosures(root: QWidget) -> None:
    """Show what a toggle keeps folded away ("Show these times"), so it is looked at too."""
    for button in root.findChildren(QPushButton):
        folded = button.isCheckable() and not button.isChecked()
        if folded and button.objectName() != "choice" and button.isVisible():
            click(button)
    settle()


def _choose_first_rows(root: QWidget) -> None:
    """Click the first row of each list with nothing chosen, so what acts on a chosen row
    (Edit, Move, Remove) is there to be looked at too."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None or model.rowCount() == 0:
            continue
        if view.currentIndex().isValid() or view.objectName() == "sidebar":
            continue
        first = view.visualRect(model.index(0, 0))
        if view.viewport().rect().contains(first.center()):
            click(view.viewport(), first.center())
    settle()


def _tab_states(root: QWidget, name: str, done: tuple[QTabWidget, ...] = ()) -> Iterator[str]:
    """Every tab of every tab widget under `root`, nested ones inside each of their tabs."""
    todo = next((t for t in root.findChildren(QTabWidget) if t.isVisible() and t not in done), None)
    if isinstance(root, QTabWidget) and root.isVisible() and root not in done:
        todo = root
    if todo is None:
        yield name
        return
    bar = todo.tabBar()
    for index in range(todo.count()):
        if not todo.isTabVisible(index) or not todo.isTabEnabled(index):
            continue
        click(bar, bar.tabRect(index).center())
        wait_until(lambda index=index: todo.currentIndex() == index)
        settle()
        label = todo.tabText(index).replace("&", "")
        yield from _tab_states(root, f"{name} › {label}", (*done, todo))


def _dialog(entry: DialogEntry, context: Tour, windows: list[JournalWindow]) -> Iterator[Sight]:
    dialog = entry.build(context)
    assert isinstance(dialog, entry.covers), f"{entry.label} built a {type(dialog).__name__}"
    show_window(dialog)
    states = entry.states(dialog, context) if entry.states is not None else iter([""])
    for state in states:
        settle()
        suffix = f" › {state}" if state else ""
        yield from _sights(f"dialog: {entry.label}{suffix}", dialog, windows)
    close(dialog)


def close(window: QWidget) -> None:
    if isinstance(window, QDialog) and window.isVisible():
        window.reject()
    window.close()
    window.deleteLater()
    settle()


def press(button: QAbstractButton) -> None:
    """A click on a button the way a person makes it (it must be on screen and enabled)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    click(button)
