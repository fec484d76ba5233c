"""The `Qt` namespace, imported on first use instead of at start-up.

The first touch of `PySide6.QtCore.Qt` (even importing the name) builds all of its ~170 enum
classes at once: about 15 ms, a tenth of the time to the unlock window. Modules on the way to
that window (window, unlock, first run, widgets, guards) call `qt()` where they need it, so the
cost falls on the first key press or the first screen after unlocking. Screens built after
unlocking import `Qt` as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

# Qt::FocusPolicy values. Set through Qt's property system, which takes the plain number, they
# leave the namespace unbuilt: the quick-log window's answer row needs them before it shows.
STRONG_FOCUS = 0x0B
CLICK_FOCUS = 0x02
NO_FOCUS = 0x00


def qt() -> type[Qt]:
    from PySide6.QtCore import Qt

    return Qt


def set_focus_policy(widget: QWidget, policy: int) -> None:
    """`widget.setFocusPolicy(...)` with one of the values above, without touching `Qt`."""
    widget.setProperty("focusPolicy", policy)


def application() -> QApplication:
    """The running application (typed: `QApplication.instance()` may say None)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
