"""How one screen opens another without importing it: it asks the shell.

Screens never import each other (the layer contract in pyproject.toml says so). When the
guide or an urge's form must open the whole-relationship view on a memory, or offer to note a
contact on a clock, or a hard date's plan must open Ride the wave, my reasons or the people
I can reach, it calls these; the shell (ui/shell/navigation.py) knows the screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.urges import SavedUrge


class Navigation(Protocol):
    def what_am_i_remembering(self, parent: QWidget) -> QDialog:
        """Find (or add) the good memory that pulls, then show it whole, above `parent`."""
        ...

    def offer_contact(
        self,
        parent: QWidget | None,
        urge: SavedUrge,
        on_logged: Callable[[], None] | None = None,
    ) -> QDialog | None:
        """Ask, never force, whether an urge's "I reached out" counts as contact on a clock;
        None (and nothing asked) when there is no clock."""
        ...

    def ride_the_wave(self) -> None:
        """Open the Ride the wave guide (a hard day's plan offers it)."""
        ...

    def show_reasons(self) -> None:
        """Show the person's reasons (Urges, "My reasons")."""
        ...

    def show_people(self) -> None:
        """Show the people the person can reach (Urges, "People I can reach")."""
        ...

    def show_hard_dates(self) -> None:
        """Show the days the person marked, where they are kept and changed."""
        ...
