"""How one screen opens another without importing it: it asks the shell.

Screens never import each other (the layer contract in pyproject.toml says so). When the
guide or an urge's form must open the whole-relationship view on a memory, or offer to note a
contact on a clock, a reading leads to one of the app's tools, a hard date's plan opens
Ride the wave, my reasons or the people I can reach, or Today and the quick log must show
the plan for when they reach out (whose next steps open the guide and an entry's record), it
calls these; the shell (ui/shell/navigation.py) knows the screens.

The tools a reading leads to live in the main window's sections. Each of those methods
returns True once the tool is on screen, and False where the window has no sections (the
quick-log window on its own, which shows no reading).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from recovery_app.services.clock_records import SavedContact
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

    def show_reach_out_plan(self, parent: QWidget | None, contact: SavedContact) -> QDialog | None:
        """The person's plan, the moment "they reached out" is noted, with the next steps
        one key away (ride the wave, people I can reach, keep a record of `contact`). None
        (and nothing shown) if the plan can't be read just now: the contact is saved."""
        ...

    def open_contact_record(self, parent: QWidget | None, contact_id: int) -> QDialog | None:
        """One "they reached out" entry's record: exact words, files, versions."""
        ...

    # ----- the tools a reading leads to ---------------------------------------------------

    def show_whole_relationship(self) -> bool:
        """The whole-relationship view."""
        ...

    def open_exercise(self, exercise_id: str) -> bool:
        """The exercise `exercise_id`, started (a run left half-way is offered first)."""
        ...

    def ride_the_wave(self) -> bool:
        """The ride-the-wave guide, over whatever is on screen."""
        ...

    def write_a_letter(self) -> bool:
        """The unsent-letter pad, on a fresh page."""
        ...

    def show_support_people(self) -> bool:
        """People I can reach."""
        ...

    def show_reasons(self) -> bool:
        """My reasons."""
        ...

    def show_hard_dates(self) -> bool:
        """The days the person marked, where they are kept and changed."""
        ...
