"""The change marker: every commit moves it, whoever makes it; reading leaves it alone."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import PASSWORD

from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.journal import Journal
from recovery_app.services.urges import UrgeService
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import Vault


def _urge() -> UrgeDetails:
    from datetime import UTC, datetime

    return UrgeDetails(at=datetime.now(UTC), intensity=5)


def test_a_save_moves_the_marker_and_a_read_does_not(vault: Vault) -> None:
    urges = UrgeService(vault)
    before = urges.changes()
    assert urges.changes() == before
    urges.list_urges()
    urges.count_urges()
    assert urges.changes() == before
    urges.log_urge(_urge())
    after = urges.changes()
    assert after != before
    assert urges.changes() == after


def test_the_integrity_check_leaves_the_marker_alone(vault: Vault) -> None:
    UrgeService(vault).log_urge(_urge())
    before = vault.changes()
    vault.check_integrity()  # its passive checkpoint moves pages, not what the journal says
    assert vault.changes() == before


@pytest.mark.slow
def test_a_save_from_another_process_moves_it(vault: Vault, paths: VaultPaths) -> None:
    before = vault.changes()
    child = textwrap.dedent(
        """
        import sys
        from datetime import UTC, datetime
        from pathlib import Path

        from recovery_app.domain.urges import UrgeDetails
        from recovery_app.services.urges import UrgeService
        from recovery_app.storage.keyfile import read_keyfile
        from recovery_app.storage.paths import VaultPaths
        from recovery_app.storage.vault import open_vault

        paths = VaultPaths(Path(sys.argv[1]))
        keyfile = read_keyfile(paths.keyfile)
        vault = open_vault(paths, keyfile, keyfile.unwrap(sys.argv[2]))
        UrgeService(vault).log_urge(UrgeDetails(at=datetime.now(UTC), intensity=3))
        vault.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(paths.data_dir), PASSWORD],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert vault.changes() != before


def test_a_locked_journal_answers_unknown_each_time(journal: Journal) -> None:
    journal.close()
    first, second = journal.changes(), journal.changes()
    assert first != second  # whoever asks reads again, and meets the locked journal's words
