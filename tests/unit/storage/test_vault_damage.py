"""A damaged journal.db is named damaged wherever it shows: at open, in the integrity check,
in any read or write of a session; and the WAL is emptied into the file at close."""

import random
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import PASSWORD, unlock_vault

from recovery_app.domain.urges import UrgeDetails
from recovery_app.services.clocks import ClockService
from recovery_app.services.messages import exit_code_for, message_for
from recovery_app.services.urges import UrgeService
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import errors
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import PAGE_SIZE, create_vault


def _filled(service: VaultService, clocks: int = 40, urges: int = 150) -> None:
    vault = create_vault(service.paths, PASSWORD, service.kdf)
    for n in range(clocks):
        ClockService(vault).add_clock(f"clock {n} " + "x" * 150, date(2026, 1, 5))
    for n in range(urges):
        at = datetime(2026, 1, 5, tzinfo=UTC)
        UrgeService(vault).log_urge(UrgeDetails(at=at, intensity=n % 11, note="a note " * 30))
    vault.close()


def _urge_root_page(service: VaultService) -> int:
    """The urges' first page (numbered from 1), which any read or write of them goes
    through, and which opening the journal does not read."""
    vault = unlock_vault(service.paths)
    try:
        with vault.engine.connect() as conn:
            (root,) = conn.exec_driver_sql(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'urge'"
            ).one()
    finally:
        vault.close()
    return int(root)


def _flip(path: Path, position: int, bit: int) -> None:
    data = bytearray(path.read_bytes())
    data[position] ^= 1 << bit
    path.write_bytes(bytes(data))


def _opens_and_checks(service: VaultService) -> None:
    vault = unlock_vault(service.paths)
    try:
        vault.check_integrity()
    finally:
        vault.close()


def test_a_sound_journal_passes_its_check(service: VaultService) -> None:
    _filled(service)
    _opens_and_checks(service)


def test_one_flipped_bit_in_any_page_is_named_damaged(
    service: VaultService, paths: VaultPaths, tmp_path: Path
) -> None:
    """Every page of a small journal, one random bit each: open or the check says damaged."""
    _filled(service)
    pristine = tmp_path / "pristine"
    shutil.copytree(paths.data_dir, pristine)
    pages = paths.db.stat().st_size // PAGE_SIZE
    assert pages > 20
    rng = random.Random(18)
    missed = []
    for page in range(pages):
        shutil.rmtree(paths.data_dir)
        shutil.copytree(pristine, paths.data_dir)
        _flip(paths.db, page * PAGE_SIZE + rng.randrange(PAGE_SIZE), rng.randrange(8))
        try:
            _opens_and_checks(service)
            missed.append(page)
        except errors.VaultDamaged:
            pass
    assert missed == []


def test_an_authentic_page_in_the_wrong_place_is_named_damaged(
    service: VaultService, paths: VaultPaths
) -> None:
    """A stale copy of a page passes its HMAC (measured); the structure check catches it."""
    _filled(service)
    before = paths.db.read_bytes()
    vault = unlock_vault(service.paths)
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM urge WHERE id % 3 = 0")
        conn.exec_driver_sql("UPDATE clock SET name = 'renamed' WHERE id % 2 = 0")
    vault.close()
    after = bytearray(paths.db.read_bytes())
    changed = [
        page
        for page in range(1, len(before) // PAGE_SIZE)
        if before[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        != after[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    ]
    assert changed
    page = changed[len(changed) // 2]
    after[page * PAGE_SIZE : (page + 1) * PAGE_SIZE] = before[
        page * PAGE_SIZE : (page + 1) * PAGE_SIZE
    ]
    paths.db.write_bytes(bytes(after))
    vault = unlock_vault(service.paths)
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall() == []
    with pytest.raises(errors.VaultDamaged):
        vault.check_integrity()
    vault.close()


def test_damage_met_by_a_read_in_a_session_is_named(
    service: VaultService, paths: VaultPaths
) -> None:
    _filled(service, clocks=3, urges=400)
    _flip(paths.db, (_urge_root_page(service) - 1) * PAGE_SIZE + 1000, 3)
    vault = unlock_vault(service.paths)  # the damaged page is not read on the way in
    try:
        with pytest.raises(errors.VaultDamaged):
            UrgeService(vault).list_urges()
    finally:
        vault.close()


def test_damage_met_by_a_write_is_named(service: VaultService, paths: VaultPaths) -> None:
    _filled(service, clocks=3, urges=400)
    _flip(paths.db, (_urge_root_page(service) - 1) * PAGE_SIZE + 1000, 3)
    vault = unlock_vault(service.paths)
    try:
        with pytest.raises(errors.VaultDamaged), vault.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE urge SET intensity = 5")
    finally:
        vault.close()


def test_damaged_is_exit_5_with_the_way_to_the_backups(
    service: VaultService, paths: VaultPaths
) -> None:
    text = message_for(errors.VaultDamaged(), paths.data_dir)
    assert "damaged" in text and str(paths.data_dir / "backups") in text
    assert exit_code_for(errors.VaultDamaged()) == 5


def test_closing_empties_the_wal_into_the_journal_even_with_a_reader_open(
    service: VaultService, paths: VaultPaths
) -> None:
    """Another window's idle connection keeps SQLite from checkpointing on its own."""
    service.create(PASSWORD).close()
    vault = unlock_vault(service.paths)
    reader = unlock_vault(service.paths)
    idle = reader.engine.connect()
    idle.exec_driver_sql("SELECT count(*) FROM clock").fetchone()
    idle.commit()
    ClockService(vault).add_clock("kept in the file", date(2026, 3, 1))
    wal = Path(f"{paths.db}-wal")
    assert wal.stat().st_size > 0
    vault.close()
    assert wal.stat().st_size == 0  # TRUNCATE: everything is in journal.db now
    idle.close()
    reader.close()
    kept = unlock_vault(service.paths)
    assert [c.name for c in ClockService(kept).list_clocks()] == ["kept in the file"]
    kept.close()
