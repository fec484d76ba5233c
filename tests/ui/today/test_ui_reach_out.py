"""When they reach out, in the window: the plan shows after each way of noting it (Today's
contact form, the quick log's T, the quick log on its own), and the record of each attempt:
exact words, versions kept on edit, files with pictures hidden until asked for and cleared
at once by a lock or quick exit, a copy saved only where chosen, and the contact log."""

from __future__ import annotations

from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD
from helpers.ui_window import (
    WAIT_MS,
    FakeClock,
    close_window,
    make_vault,
    open_window,
    unlock_with_password,
)
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.domain.kinds import Channel, ContactKind
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.texts import reach_out_texts
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.quick_log_session import QuickLogSession
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.today.contact_record_dialog import ContactRecordDialog
from recovery_app.ui.urges.quick_log import QuickLogDialog
from recovery_app.ui.urges.reach_out_moment import ReachOutMomentDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

pytestmark = pytest.mark.usefixtures("restore_quit_on_last_window_closed")
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def door(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)


def journal_with_clocks(data_dir: Path, *names: str) -> None:
    make_vault(data_dir)
    with closing(door(data_dir).unlock(PASSWORD)) as journal:
        for name in names:
            journal.clocks.add_clock(name, date.today() - timedelta(days=30))


def attempts(data_dir: Path, clock: str = "Sam"):
    with closing(door(data_dir).unlock(PASSWORD)) as journal:
        return journal.records.attempts(journal.clocks.find_clock(clock).id)


def png(colour: str = "steelblue") -> bytes:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def shown(kind: type[QDialog]) -> list[QDialog]:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found  # type: ignore[return-value]


def wait_active(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def the_moment(qtbot: QtBot) -> ReachOutMomentDialog:
    qtbot.waitUntil(lambda: bool(shown(ReachOutMomentDialog)), timeout=WAIT_MS)
    (moment,) = shown(ReachOutMomentDialog)
    wait_active(qtbot, moment)
    return moment  # type: ignore[return-value]


# ----- shown at the moment ----------------------------------------------------------------------


def test_noting_they_reached_out_on_today_shows_the_plan_then_the_record(
    qtbot: QtBot, data_dir: Path
) -> None:
    journal_with_clocks(data_dir, "Sam")
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    today = window.main_view.today
    qtbot.waitUntil(today.isVisible, timeout=WAIT_MS)
    today.log_contact()
    form = today.dialog
    assert isinstance(form, ContactDialog)
    wait_active(qtbot, form)
    assert not form.record_box.isVisible()
    qtbot.mouseClick(form.kind.buttons[1], LEFT)  # they reached out
    assert form.record_box.isVisible() and not form.reflection.isVisible()
    form.channel.setCurrentIndex(form.channel.findData(Channel.MESSAGE))
    form.words.setFocus()
    qtbot.keyClicks(form.words, "Pick up. I know you're there.")
    press(qtbot, Qt.Key.Key_Return, CTRL)

    moment = the_moment(qtbot)
    assert [label.text() for label in moment.steps] == list(reach_out_texts().suggested_steps)
    press(qtbot, Qt.Key.Key_K)  # keep a record
    qtbot.waitUntil(lambda: bool(shown(ContactRecordDialog)), timeout=WAIT_MS)
    (record,) = shown(ContactRecordDialog)
    assert isinstance(record, ContactRecordDialog)
    assert record.windowTitle() == "Contact record"
    assert record.words.toPlainText() == "Pick up. I know you're there."
    assert not record.edited.isVisible()
    record.reject()
    (entry,) = attempts(data_dir)
    assert entry.contact.details.words == "Pick up. I know you're there."
    assert entry.contact.details.channel is Channel.MESSAGE
    close_window(window)


def test_other_kinds_and_edits_show_no_plan(qtbot: QtBot, data_dir: Path) -> None:
    journal_with_clocks(data_dir, "Sam")
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    today = window.main_view.today
    for kind in (0, 2):  # I reached out; allowed or unavoidable
        today.log_contact()
        form = today.dialog
        assert isinstance(form, ContactDialog)
        qtbot.mouseClick(form.kind.buttons[kind], LEFT)
        form.save()
        qtbot.waitUntil(lambda f=form: not f.isVisible(), timeout=WAIT_MS)
        assert shown(ReachOutMomentDialog) == []
    close_window(window)


def test_the_quick_log_has_a_key_of_its_own_for_they_reached_out(
    qtbot: QtBot, data_dir: Path
) -> None:
    journal_with_clocks(data_dir, "Sam")
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)
    window.open_quick_log()
    quick = window.main_view.urges.dialog
    assert isinstance(quick, QuickLogDialog)
    wait_active(qtbot, quick)
    assert not quick.reached_out_button.isDefault() and quick.save_button.isDefault()
    opened_at = quick._at
    press(qtbot, Qt.Key.Key_T)
    moment = the_moment(qtbot)
    assert not quick.isVisible()
    press(qtbot, Qt.Key.Key_R)  # ride the wave, through Urges as always
    qtbot.waitUntil(
        lambda: isinstance(window.main_view.urges.dialog, RideTheWaveDialog), timeout=WAIT_MS
    )
    guide = window.main_view.urges.dialog
    assert not moment.isVisible()
    guide.reject()
    (entry,) = attempts(data_dir)
    assert entry.contact.details.kind is ContactKind.THEM
    assert entry.contact.details.at == opened_at.replace(microsecond=opened_at.microsecond)
    close_window(window)


def test_with_two_clocks_a_digit_chooses_and_a_digit_then_enter_is_still_an_urge(
    qtbot: QtBot, data_dir: Path
) -> None:
    journal_with_clocks(data_dir, "Sam", "Alex")
    window = open_window(qtbot, data_dir)
    unlock_with_password(qtbot, window)

    window.open_quick_log()  # nothing preselected: a digit then Enter is an urge, as ever
    quick = window.main_view.urges.dialog
    wait_active(qtbot, quick)
    press(qtbot, Qt.Key.Key_6)
    press(qtbot, Qt.Key.Key_Return)
    assert quick.saved is not None and quick.saved.details.intensity == 6
    assert quick.contact is None
    press(qtbot, Qt.Key.Key_Escape)

    window.open_quick_log()
    quick = window.main_view.urges.dialog
    wait_active(qtbot, quick)
    press(qtbot, Qt.Key.Key_T)
    assert quick.page() == quick.CLOCK
    press(qtbot, Qt.Key.Key_2)
    moment = the_moment(qtbot)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not moment.isVisible(), timeout=WAIT_MS)
    assert attempts(data_dir, "Sam") == [] and len(attempts(data_dir, "Alex")) == 1
    close_window(window)


def test_the_quick_log_on_its_own_shows_the_plan_and_ends_with_it(
    qtbot: QtBot, data_dir: Path
) -> None:
    journal_with_clocks(data_dir, "Sam")
    with closing(door(data_dir).unlock(PASSWORD)) as journal:
        journal.remember()
    paths = VaultPaths(data_dir)
    session = QuickLogSession(door(data_dir), Preferences(paths.ui_settings), clock=FakeClock())
    session.start()
    dialog = session.dialog
    qtbot.waitUntil(lambda: session.journal is not None, timeout=WAIT_MS)
    wait_active(qtbot, dialog)
    press(qtbot, Qt.Key.Key_T)
    moment = the_moment(qtbot)
    assert not dialog.isVisible()
    press(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: bool(shown(ContactRecordDialog)), timeout=WAIT_MS)
    assert session.journal is not None  # the record keeps the session going
    session.safety.quick_exit_requested.emit()  # quick exit closes it all at once
    assert shown(ContactRecordDialog) == [] and not moment.isVisible()
    assert session.journal is None
    session.safety.unwatch(QApplication.instance())
    assert len(attempts(data_dir)) == 1


def test_t_pressed_while_the_journal_opens_is_noted_once_it_does(
    qtbot: QtBot, data_dir: Path
) -> None:
    journal_with_clocks(data_dir, "Sam")
    paths = VaultPaths(data_dir)
    session = QuickLogSession(door(data_dir), Preferences(paths.ui_settings), clock=FakeClock())
    session.start()
    dialog = session.dialog
    qtbot.waitUntil(lambda: dialog.page() == dialog.PASSWORD, timeout=WAIT_MS)
    dialog.they_reached_out()  # pressed before the password: held
    dialog.ask_password()
    assert "noted at once" in dialog.password_hint.text()
    wait_active(qtbot, dialog)
    qtbot.keyClicks(dialog.password, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    the_moment(qtbot)
    session.end()
    session.safety.unwatch(QApplication.instance())
    assert len(attempts(data_dir)) == 1
