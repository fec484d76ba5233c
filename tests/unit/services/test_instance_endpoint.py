"""The window's endpoint lives where only this user can reach it, and only this user's
processes are trusted through it."""

import os
import shutil
import socket
import stat
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_conditions import NOBODY_UID

from recovery_app import APP_SLUG
from recovery_app.services import instance_endpoint
from recovery_app.services.instance_endpoint import endpoint_name, peer_is_this_user


@pytest.fixture
def shared_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in for /tmp: every user may write there (1777). The cache folder, the last
    place tried, is made short too (the test's own home is deeper than a socket path)."""
    shared = Path(tempfile.mkdtemp(prefix="shared-"))
    shared.chmod(0o1777)
    cache = Path(tempfile.mkdtemp(prefix="cache-"))
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    yield shared
    shutil.rmtree(shared, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)


def test_the_endpoint_is_in_the_session_runtime_folder(data_dir: Path) -> None:
    name = endpoint_name(data_dir)
    assert name is not None
    folder = Path(name).parent
    assert folder == Path(os.environ["XDG_RUNTIME_DIR"]) / APP_SLUG
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert len(os.fsencode(name)) <= 107


def test_each_data_folder_has_its_own_endpoint(tmp_path: Path) -> None:
    assert endpoint_name(tmp_path / "a") != endpoint_name(tmp_path / "b")


def test_without_a_runtime_folder_a_short_private_one_of_our_own_is_made(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, shared_tmp: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    old_umask = os.umask(0)
    try:
        name = endpoint_name(data_dir)
    finally:
        os.umask(old_umask)
    assert name is not None
    folder = Path(name).parent
    assert folder == shared_tmp / f"{APP_SLUG}-{os.getuid()}"
    info = folder.lstat()
    assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700


def test_a_runtime_folder_others_can_enter_is_not_used(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, shared_tmp: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared_tmp))  # 1777: not a private folder
    name = endpoint_name(data_dir)
    assert name is not None and Path(name).parent == shared_tmp / f"{APP_SLUG}-{os.getuid()}"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_someone_else_made_first_is_never_used_nor_changed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, shared_tmp: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    squatted = shared_tmp / f"{APP_SLUG}-{os.getuid()}"
    squatted.mkdir(mode=0o777)
    squatted.chmod(0o777)
    os.chown(squatted, NOBODY_UID, NOBODY_UID)
    name = endpoint_name(data_dir)
    assert name is not None
    assert not Path(name).is_relative_to(squatted)
    assert Path(name).parent.lstat().st_uid == os.getuid()
    assert stat.S_IMODE(squatted.stat().st_mode) == 0o777  # theirs, untouched


def test_a_link_in_place_of_the_folder_is_not_followed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, shared_tmp: Path, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (shared_tmp / f"{APP_SLUG}-{os.getuid()}").symlink_to(elsewhere)
    name = endpoint_name(data_dir)
    assert name is not None and not Path(name).is_relative_to(elsewhere)
    assert Path(name).parent == Path(os.environ["XDG_CACHE_HOME"]) / APP_SLUG / "run"


def test_a_path_too_long_for_a_socket_is_not_used(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, shared_tmp: Path
) -> None:
    deep = shared_tmp / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True, mode=0o700)
    for folder in (deep, deep.parent):
        folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    name = endpoint_name(data_dir)
    assert name is not None and len(os.fsencode(name)) <= 107
    assert not Path(name).is_relative_to(deep)


def test_no_private_place_at_all_means_no_endpoint(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(instance_endpoint, "_private_folders", lambda: iter(()))
    assert endpoint_name(data_dir) is None


def test_a_connection_from_this_user_is_trusted() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        assert peer_is_this_user(left.fileno())
        left.send(b"still open")  # the check left the descriptor open
        assert right.recv(16) == b"still open"


def test_a_closed_descriptor_is_not_trusted() -> None:
    assert not peer_is_this_user(-1)


@pytest.mark.skipif(os.geteuid() != 0, reason="a process of another user needs root")
def test_a_connection_from_another_user_is_not_trusted(shared_tmp: Path) -> None:
    path = shared_tmp / "endpoint.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        path.chmod(0o777)
        server.listen(1)
        other = subprocess.Popen(
            [
                "/usr/bin/python3",
                "-c",
                textwrap.dedent(
                    f"""
                    import socket
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    s.connect({str(path)!r})
                    s.sendall(b"show")
                    s.recv(1)
                    """
                ),
            ],
            user=NOBODY_UID,
            group=NOBODY_UID,
        )
        server.settimeout(20)
        connection, _ = server.accept()
        with connection:
            assert not peer_is_this_user(connection.fileno())
        other.wait(timeout=20)
