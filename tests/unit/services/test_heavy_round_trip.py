"""Ten years of use (benchmarks/heavy_vault.py): backed up, exported, imported into a new
journal and exported again, byte for byte the same. Prints the times; marked slow."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, unlock_vault

from recovery_app.domain.backups import Trigger
from recovery_app.services.backups import BackupService
from recovery_app.services.my_data_records import ExportFormat
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.transfer import ExportService, ImportService
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import create_vault

sys.path.insert(0, str(Path(__file__).parents[3] / "benchmarks"))
from heavy_vault import build_heavy_vault


@pytest.mark.slow
def test_the_heavy_journal_backs_up_and_makes_the_round_trip(tmp_path: Path) -> None:
    built = time.perf_counter()
    heavy = VaultService(
        VaultPaths(build_heavy_vault(tmp_path / "heavy", PASSWORD, kdf=CHEAP_KDF)),
        KeyringSecretStore(),
        CHEAP_KDF,
    )
    figures = {"build": time.perf_counter() - built}
    vault = unlock_vault(heavy.paths)
    try:
        started = time.perf_counter()
        made = BackupService(vault).run(Trigger.UNLOCK).made
        figures["backup"] = time.perf_counter() - started
        assert made is not None and made.counts is not None and made.counts["urge"] == 50_000
        started = time.perf_counter()
        first = ExportService(vault).export(tmp_path / "first.json")
        figures["export json"] = time.perf_counter() - started
        started = time.perf_counter()
        ExportService(vault).export(tmp_path / "heavy.zip", ExportFormat.CSV)
        figures["export csv"] = time.perf_counter() - started
    finally:
        vault.close()

    other = create_vault(VaultPaths(tmp_path / "fresh"), PASSWORD, CHEAP_KDF)
    try:
        started = time.perf_counter()
        report = ImportService(other).import_document(first.path)
        figures["import"] = time.perf_counter() - started
        assert report.tables["urge"].added == 50_000 and report.kept_yours == 0
        started = time.perf_counter()
        again = ImportService(other).preview(first.path)
        figures["dry run, all there"] = time.perf_counter() - started
        assert again.added == 0
        second = ExportService(other).export(tmp_path / "second.json")
    finally:
        other.close()
    assert first.path.read_bytes() == second.path.read_bytes()
    sizes = f"backup {made.size / 1e6:.1f} MB, JSON {first.bytes / 1e6:.1f} MB"
    print("\n" + ", ".join(f"{k} {v:.2f} s" for k, v in figures.items()) + f"; {sizes}")
