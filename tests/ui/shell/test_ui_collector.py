"""What the window sets aside from Python's full collections: the objects alive once a screen
has drawn, so no full collection lands inside an unlock or a first visit; and, after a lock,
the closed journal's screens are collected once, not kept."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from helpers.ui_window import (
    WAIT_MS,
    close_window,
    flush_deferred_deletes,
    make_vault,
    open_window,
    unlock_with_password,
)
from pytestqt.qtbot import QtBot

from recovery_app.ui.shell import collector
from recovery_app.ui.shell.sections import URGES


class Cycle:
    """A Python object only a full collection can free (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


def test_set_aside_keeps_out_of_full_collections_until_taken_back() -> None:
    kept = Cycle()
    seen = weakref.ref(kept)
    collector.set_aside()
    del kept
    gc.collect()
    assert seen() is not None  # set aside: a full collection didn't look at it
    collector.take_back()
    assert seen() is None  # taken back: collected
    assert gc.get_freeze_count() > 0  # what is still alive is set aside again


def test_young_garbage_is_collected_before_setting_aside() -> None:
    gc.collect()
    young = Cycle()
    seen = weakref.ref(young)
    del young
    collector.set_aside()
    assert seen() is None


def test_the_window_sets_aside_once_drawn_and_collects_the_screens_after_a_lock(
    qtbot: QtBot, data_dir: Path
) -> None:
    make_vault(data_dir)
    window = open_window(qtbot, data_dir)
    gc.unfreeze()
    unlock_with_password(qtbot, window)
    view = window.main_view
    assert view is not None
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=WAIT_MS)  # Today drew
    view.show_section(URGES)
    screen = weakref.ref(view.urges.moments.model)  # a list's rows: what the journal said
    frozen = gc.get_freeze_count()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > frozen, timeout=WAIT_MS)  # Urges drew

    del view
    window.lock()
    flush_deferred_deletes()
    qtbot.waitUntil(lambda: screen() is None, timeout=WAIT_MS + collector.TAKE_BACK_AFTER_MS)
    close_window(window)
