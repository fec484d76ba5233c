"""Folders the app makes are private whatever the umask; files are replaced atomically."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSWORD

from recovery_app.services.vault_service import VaultService
from recovery_app.storage.files import ensure_private_dir, is_private_dir_of_mine
from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.vault import maintenance_lock


@pytest.fixture
def open_umask() -> Iterator[None]:
    before = os.umask(0)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_folder_made_is_private_under_umask_000(tmp_path: Path, open_umask: None) -> None:
    target = tmp_path / "a" / "b" / "c"
    ensure_private_dir(target)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert _mode(folder) == 0o700, folder


def test_folders_that_were_there_are_left_as_they_were(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    ensure_private_dir(shared / "mine")
    assert _mode(shared) == 0o755
    assert _mode(shared / "mine") == 0o700


def test_the_journal_folder_itself_is_made_private_again(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    folder.chmod(0o777)
    ensure_private_dir(folder)
    assert _mode(folder) == 0o700


def test_a_file_in_the_way_is_not_taken_for_a_folder(tmp_path: Path) -> None:
    (tmp_path / "journal").write_text("")
    with pytest.raises((NotADirectoryError, FileExistsError)):
        ensure_private_dir(tmp_path / "journal")


def test_a_new_journal_under_umask_000_is_private_all_the_way(
    tmp_path: Path, open_umask: None
) -> None:
    from conftest import CHEAP_KDF

    from recovery_app.services.secrets import KeyringSecretStore

    paths = VaultPaths(tmp_path / "made" / "for" / "journal")
    VaultService(paths, KeyringSecretStore(), CHEAP_KDF).create(PASSWORD).close()
    for folder in (tmp_path / "made", tmp_path / "made" / "for", paths.data_dir):
        assert _mode(folder) == 0o700
    for name in ("journal.db", "journal.key"):
        assert _mode(paths.data_dir / name) == 0o600


def test_only_a_real_private_folder_of_mine_counts(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    assert is_private_dir_of_mine(mine)
    mine.chmod(0o750)
    assert not is_private_dir_of_mine(mine)
    link = tmp_path / "link"
    link.symlink_to(tmp_path)
    assert not is_private_dir_of_mine(link)
    assert not is_private_dir_of_mine(tmp_path / "missing")


def test_a_key_file_left_by_a_killed_password_change_is_removed_at_next_open(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    left = paths.data_dir / ".journal.key.k1ll3d.tmp"
    left.write_bytes(b"half a key file")
    service.unlock(PASSWORD).close()
    assert not left.exists()
    assert paths.keyfile.exists()


def test_a_key_file_being_written_by_a_password_change_now_is_left_alone(
    service: VaultService, paths: VaultPaths
) -> None:
    service.create(PASSWORD).close()
    being_written = paths.data_dir / ".journal.key.n0w.tmp"
    being_written.write_bytes(b"")
    with maintenance_lock(paths, timeout=0):  # as another window's password change holds it
        service.unlock(PASSWORD).close()
    assert being_written.exists()
