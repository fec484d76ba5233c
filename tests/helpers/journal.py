"""A Journal over a test's own vault, standing on the test's clock, and the shell's navigation
over it: what a screen gets from the window, built the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from recovery_app.services.journal import Journal
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.storage.vault import Vault
from recovery_app.ui.shell.navigation import JournalNavigation


def journal_over(vault: Vault, now: Callable[[], datetime] | None = None) -> Journal:
    if now is None:
        return Journal(vault, KeyringSecretStore())
    return Journal(vault, KeyringSecretStore(), now=now)


def navigation_for(journal: Journal) -> JournalNavigation:
    return JournalNavigation(journal, lambda: True)
