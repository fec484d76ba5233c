"""The offer that follows an urge whose outcome became "I reached out": note it as contact on
a clock? Asked, never forced; only the person decides what counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.stretches import ContactKind
from recovery_app.services.clocks import ClockService
from recovery_app.services.urges import SavedUrge
from recovery_app.storage.errors import VaultError
from recovery_app.storage.models import Clock
from recovery_app.ui.contact_dialog import ContactDialog


class ContactOffer(QMessageBox):
    """Asks, never forces, whether to note an urge's "I reached out" as contact on a clock;
    "Note contact" opens the contact form with the kind and the moment filled in."""

    def __init__(
        self,
        parent: QWidget | None,
        clocks: ClockService,
        clock_list: list[Clock],
        saved: SavedUrge,
        on_logged: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._clock_list = clock_list
        self._saved = saved
        self._on_logged = on_logged
        self.contact_dialog: ContactDialog | None = None
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Note the contact?"))
        self.setText(
            self.tr(
                "Would you like to note this as contact on your clock? Only you decide what counts."
            )
        )
        self.setInformativeText(self.tr("It's fine to skip this. The urge is saved either way."))
        self.note_button = self.addButton(
            self.tr("Note contact"), QMessageBox.ButtonRole.AcceptRole
        )
        later = self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(later)  # Enter pressed in a hurry notes nothing
        self.setEscapeButton(later)
        self.finished.connect(self._answered)

    def _answered(self) -> None:
        if self.clickedButton() is not self.note_button:
            return
        dialog = ContactDialog(
            self._clocks,
            self._clock_list,
            kind=ContactKind.ME,
            at=self._saved.details.at,
            parent=self.parentWidget(),
        )
        if self._on_logged is not None:
            dialog.accepted.connect(self._on_logged)
        self.contact_dialog = dialog
        dialog.open()


def offer_contact(
    parent: QWidget | None,
    clocks: ClockService,
    saved: SavedUrge,
    *,
    on_logged: Callable[[], None] | None = None,
) -> ContactOffer | None:
    """Open the offer (with `open()`, not `exec()`); None, and nothing asked, without a clock."""
    try:
        clock_list = clocks.list_clocks()
    except (InvalidInput, VaultError):
        return None  # an offer is optional: the urge itself is saved
    if not clock_list:
        return None
    offer = ContactOffer(parent, clocks, clock_list, saved, on_logged)
    offer.open()
    return offer
