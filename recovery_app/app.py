"""The composition root: the one place that knows the concrete classes.

`recovery-app COMMAND` runs the command line; with no command the window opens.
Start-up is kept light: SQL, Alembic and the keyring load only once the window is up.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from recovery_app import APP_DISPLAY_NAME, APP_ID, APP_SLUG

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from recovery_app.services.secrets import SecretStore
    from recovery_app.storage.kdf import KdfParams
    from recovery_app.ui.kit.preferences import Preferences
    from recovery_app.ui.shell.appearance import Appearance
    from recovery_app.ui.shell.single_instance import SingleInstance
    from recovery_app.ui.shell.window import JournalWindow

log = logging.getLogger("recovery_app")


def main(argv: Sequence[str] | None = None) -> int:
    from recovery_app import cli

    _configure_logging()
    args = cli.parse(list(sys.argv[1:] if argv is None else argv), sys.stdout, sys.stderr)
    if isinstance(args, int):
        return args
    if args.handler is not None:
        return cli.run_command(args, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)
    from recovery_app.storage.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    return run_quick_log(data_dir) if args.window == cli.QUICK_LOG else run_gui(data_dir)


def run_gui(data_dir: Path) -> int:
    from recovery_app.display_check import ensure_window_can_open

    ensure_window_can_open()  # one kind line and exit 1 where Qt would abort
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    sys.excepthook = _excepthook
    window, instance = build_window(data_dir, tray_available=False)
    if window is None:
        return 0
    window.show()
    window.start()
    # Asked once the window is drawn; with a tray, closing the window hides it there.
    window.look_for_tray(_tray_available, lambda: app.setQuitOnLastWindowClosed(False))
    code = app.exec()
    from recovery_app.ui.kit.worker import wait_for_background_work

    wait_for_background_work()  # e.g. a keyring check still running when the person quits
    if instance is not None:
        instance.release()
    return code


def _tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon  # asked after the first frame: not before

    return QSystemTrayIcon.isSystemTrayAvailable()


def run_quick_log(
    data_dir: Path, *, secrets: SecretStore | None = None, kdf: KdfParams | None = None
) -> int:
    """The small quick-log window. If the journal's window is running, it shows it instead."""
    from recovery_app.display_check import ensure_window_can_open

    ensure_window_can_open()
    from PySide6.QtWidgets import QApplication

    from recovery_app.ui.kit.source_scan import stop_keeping_sources

    stop_keeping_sources()
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.ui.shell.single_instance import QUICK_LOG, SingleInstance

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    sys.excepthook = _excepthook
    paths = VaultPaths(data_dir)
    from recovery_app.ui.kit.preferences import Preferences

    preferences = Preferences(paths.ui_settings)
    _name_app(app, preferences)
    if SingleInstance(paths.data_dir, paths.instance_lock).ask_running_instance(QUICK_LOG):
        return 0
    if not paths.vault_exists():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            None,
            APP_DISPLAY_NAME,
            app.translate("app", "There's no journal here yet. Open the app to create one first."),
        )
        return 4
    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.kdf import DEFAULT_KDF
    from recovery_app.ui.shell.quick_log_session import QuickLogSession

    service = VaultService(paths, secrets or KeyringSecretStore(), kdf or DEFAULT_KDF)
    session = QuickLogSession(service, preferences)
    app.setQuitOnLastWindowClosed(False)  # the session ends itself once its last window closes
    session.start()
    code = app.exec()
    from recovery_app.ui.kit.worker import wait_for_background_work

    wait_for_background_work()
    session.end()  # closes the journal if the app was quit another way
    return code


def _name_app(app: QApplication, preferences: Preferences) -> Appearance:
    """Neutral names, and the look the person chose (or the desktop's)."""
    app.setApplicationName(APP_SLUG)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setDesktopFileName(APP_ID)  # packaging/io.github.quietjournal.Journal.desktop
    from recovery_app.ui.shell.appearance import Appearance

    appearance = Appearance(app, preferences)
    appearance.start()
    return appearance


def build_window(
    data_dir: Path,
    *,
    tray_available: bool,
    secrets: SecretStore | None = None,
    kdf: KdfParams | None = None,
    single_instance: bool = True,
) -> tuple[JournalWindow | None, SingleInstance | None]:
    """Wire the window. None if another window already owns this data folder (it was raised)."""
    from PySide6.QtWidgets import QApplication

    from recovery_app.ui.kit.source_scan import stop_keeping_sources

    stop_keeping_sources()  # before the ~600 modules the window and the journal load
    from recovery_app.services.secrets import KeyringSecretStore
    from recovery_app.services.vault_service import VaultService
    from recovery_app.storage.kdf import DEFAULT_KDF
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.ui.kit.preferences import Preferences
    from recovery_app.ui.shell.single_instance import Claim, SingleInstance
    from recovery_app.ui.shell.window import JournalWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = VaultPaths(data_dir)
    preferences = Preferences(paths.ui_settings)
    appearance = _name_app(app, preferences)
    instance: SingleInstance | None = None
    if single_instance:
        instance = SingleInstance(paths.data_dir, paths.instance_lock)
        claim = instance.claim(listen=False)  # listens once the window has drawn, below
        if claim is Claim.RAISED_OTHER:
            print("The journal is already open; its window was brought to the front.")
            return None, None
        if claim is Claim.HELD_ELSEWHERE:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                None,
                APP_DISPLAY_NAME,
                app.translate("app", "The journal is already open in another window."),
            )
            return None, None
    service = VaultService(paths, secrets or KeyringSecretStore(), kdf or DEFAULT_KDF)
    window = JournalWindow(
        service, preferences, tray_available=tray_available, choose_theme=appearance.choose
    )
    if tray_available:
        app.setQuitOnLastWindowClosed(False)  # quick exit hides to the tray without quitting
    if instance is not None:
        from recovery_app.ui.kit.first_paint import after_first_paint

        instance.show_requested.connect(window.bring_to_front)
        instance.quick_log_requested.connect(window.open_quick_log)
        window.journal_opened.connect(instance.take_lock_now_folder_exists)
        after_first_paint(window, instance.listen)  # the first frame doesn't wait for it
    return window, instance


def _configure_logging() -> None:
    """Developers' log on stderr: warnings and up, never content (see _excepthook)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: a kind word to the person, and to stderr only where it happened.

    The exception's message is left out on purpose: it can carry what a person typed.
    """
    frames = "".join(traceback.format_tb(tb))
    log.error("unexpected %s\n%s", kind.__name__, frames)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.warning(
            QApplication.activeWindow(),
            APP_DISPLAY_NAME,
            QApplication.translate(
                "app",
                "Something went wrong and that action didn't finish. "
                "What you saved before is safe.",
            ),
        )
