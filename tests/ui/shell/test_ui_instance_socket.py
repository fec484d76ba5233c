"""The socket that lets a later window raise the first: Python's own Unix socket, watched by
Qt's event loop, and never Qt's network module (about 3 MiB resident for one line)."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.ui_window import WAIT_MS
from pytestqt.qtbot import QtBot

from recovery_app.services import instance_endpoint
from recovery_app.storage.paths import VaultPaths
from recovery_app.ui.shell.single_instance import QUICK_LOG, SHOW, Claim, SingleInstance

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")


@pytest.fixture
def owner(data_dir: Path) -> Iterator[SingleInstance]:
    paths = VaultPaths(data_dir)
    data_dir.mkdir(parents=True)
    instance = SingleInstance(paths.data_dir, paths.instance_lock)
    assert instance.claim() is Claim.OWNED
    yield instance
    instance.release()


def _endpoint(data_dir: Path) -> str:
    name = instance_endpoint.endpoint_name(data_dir)
    assert name is not None
    return name


def _later_window(data_dir: Path) -> SingleInstance:
    paths = VaultPaths(data_dir)
    return SingleInstance(paths.data_dir, paths.instance_lock)


def test_a_socket_left_by_a_crash_is_taken_over(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = _endpoint(data_dir)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(path)  # bound, then gone without removing its file
    crashed.close()
    assert Path(path).exists()
    paths = VaultPaths(data_dir)
    first = SingleInstance(paths.data_dir, paths.instance_lock)
    try:
        assert first.claim() is Claim.OWNED
        assert Path(path).stat().st_mode & 0o077 == 0  # this user's alone
        with qtbot.waitSignal(first.show_requested, timeout=WAIT_MS):
            assert _later_window(data_dir).ask_running_instance(SHOW)
    finally:
        first.release()
    assert not Path(path).exists()  # the next window binds afresh


def test_a_connection_that_says_nothing_holds_nobody_up(
    qtbot: QtBot, owner: SingleInstance, data_dir: Path
) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as silent:
        silent.connect(_endpoint(data_dir))
        qtbot.wait(50)  # the window goes on meanwhile
        with qtbot.waitSignal(owner.quick_log_requested, timeout=WAIT_MS):
            assert _later_window(data_dir).ask_running_instance(QUICK_LOG)


def test_a_request_in_two_pieces_is_heard_whole(
    qtbot: QtBot, owner: SingleInstance, data_dir: Path
) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
        peer.connect(_endpoint(data_dir))
        with qtbot.assertNotEmitted(owner.show_requested, wait=100):
            peer.sendall(b"sh")
        with qtbot.waitSignal(owner.show_requested, timeout=WAIT_MS):
            peer.sendall(b"ow\n")


def test_an_unknown_or_endless_request_is_ignored(
    qtbot: QtBot, owner: SingleInstance, data_dir: Path
) -> None:
    with (
        qtbot.assertNotEmitted(owner.show_requested, wait=200),
        qtbot.assertNotEmitted(owner.quick_log_requested, wait=200),
    ):
        for junk in (b"open everything\n", b"x" * 10_000, b""):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
                peer.connect(_endpoint(data_dir))
                peer.sendall(junk)
    with qtbot.waitSignal(owner.show_requested, timeout=WAIT_MS):  # and it still listens
        assert _later_window(data_dir).ask_running_instance(SHOW)


def test_nobody_listening_is_no_window_to_raise(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    assert not _later_window(data_dir).ask_running_instance(SHOW)


def test_a_window_listening_never_loads_qt_network(tmp_path: Path) -> None:
    """In a process of its own: the suite itself may have loaded the module elsewhere."""
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from recovery_app.ui.shell.single_instance import SHOW, Claim, SingleInstance
        app = QCoreApplication([])
        folder = Path(sys.argv[1])
        folder.mkdir()
        first = SingleInstance(folder, folder / ".window.lock")
        assert first.claim() is Claim.OWNED
        heard = []
        first.show_requested.connect(lambda: heard.append(True))
        assert SingleInstance(folder, folder / ".window.lock").ask_running_instance(SHOW)
        while not heard:
            app.processEvents()
        first.release()
        print("PySide6.QtNetwork" in sys.modules)
        """
    )
    env = {"XDG_RUNTIME_DIR": str(tmp_path / "run"), "HOME": str(tmp_path)}
    (tmp_path / "run").mkdir(mode=0o700)
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "journal")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**_inherited(), **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def _inherited() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("XDG_RUNTIME_DIR", "HOME")}
