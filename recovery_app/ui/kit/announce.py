"""Saying a change out loud: what appears on screen without the focus moving there (a save
acknowledged, an undo offered, a check that comes up by itself) is otherwise never heard.

`announce(widget, text)` sends Qt's announcement event, which a screen reader receives
(AT-SPI's `object:announcement`) and reads without moving the focus. Qt drops it at once
when no assistive technology is listening. Only the app's own wording goes here: an
announcement is spoken, and perhaps kept in a screen reader's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Read `text` aloud after whatever is being read now (`urgent`: at once, for what went
    wrong). Nothing for ""."""
    if not text:
        return
    # Imported here: the unlock window's message line must not load more before it shows.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
