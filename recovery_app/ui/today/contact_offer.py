"""The offer that follows an urge whose outcome became "I reached out": note it as contact on
a clock? Asked, never forced; only the person decides what counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_app.domain.kinds import ContactKind
from recovery_app.services.clocks import ClockService
from recovery_app.services.errors import InvalidInput, VaultError
from recovery_app.services.urges import SavedUrge
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.today.contact_dialog import ContactDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactOffer", text)


def offer_contact(
    parent: QWidget | None,
    clocks: ClockService,
    saved: SavedUrge,
    *,
    on_logged: Callable[[], None] | None = None,
) -> QMessageBox | None:
    """Ask (with `open()`, not `exec()`); "Note contact" opens the contact form with the kind
    and the moment filled in. None, and nothing asked, without a clock."""
    try:
        clock_list = clocks.list_clocks()
    except (InvalidInput, VaultError):
        return None  # an offer is optional: the urge itself is saved
    if not clock_list:
        return None

    def note_it() -> None:
        dialog = ContactDialog(
            clocks, clock_list, kind=ContactKind.ME, at=saved.details.at, parent=parent
        )
        if on_logged is not None:
            dialog.accepted.connect(on_logged)
        dialog.open()

    return confirm(
        parent,
        title=_tr("Note the contact?"),
        text=_tr(
            "Would you like to note this as contact on your clock? Only you decide what counts."
        ),
        detail=_tr("It's fine to skip this. The urge is saved either way."),
        yes=_tr("Note contact"),
        no=_tr("Not now"),
        on_yes=note_it,  # "Not now" is the default: Enter pressed in a hurry notes nothing
    )
