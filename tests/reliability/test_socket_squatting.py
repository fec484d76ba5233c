"""Another user of the computer can neither squat the window's endpoint nor be heard by it.

A real second account (made with useradd, removed afterwards) runs Debian's own Python:
- it makes the short folder our app would use without $XDG_RUNTIME_DIR, and listens there
  and at the old guessable name: every launch must still own its window, and the squatter
  must receive nothing;
- it connects to our endpoint and sends "show" and "quick-log": refused by the private
  folder; and where the folder and socket are opened to all on purpose, refused by the
  peer-credential check (nothing obeyed, nothing answered).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reliability_counts import Tally

from recovery_app import APP_SLUG
from recovery_app.services import instance_endpoint
from recovery_app.ui.shell.single_instance import QUICK_LOG, SHOW, Claim, SingleInstance

pytestmark = pytest.mark.reliability

SYSTEM_PYTHON = "/usr/bin/python3"  # readable by every account, unlike the test's own
LAUNCHES = 20
ATTEMPTS = 10


@pytest.fixture(scope="module")
def other_user() -> Iterator[int]:
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("making a second account needs root and useradd")
    if not Path(SYSTEM_PYTHON).exists():
        pytest.skip(f"the second account needs a Python it can run ({SYSTEM_PYTHON})")
    name = f"jsquat{os.getpid() % 100_000}"
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"useradd refused: {made.stderr.strip()}")
    try:
        yield pwd.getpwnam(name).pw_uid
    finally:
        subprocess.run(["userdel", name], capture_output=True, check=False)


@pytest.fixture
def shared_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in for /tmp (1777), with no $XDG_RUNTIME_DIR: the fallback is what's tried."""
    shared = Path(tempfile.mkdtemp(prefix="squat-"))
    shared.chmod(0o1777)
    cache = Path(tempfile.mkdtemp(prefix="cache-"))
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    yield shared
    shutil.rmtree(shared, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)


def _as_other(uid: int, script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [SYSTEM_PYTHON, "-c", textwrap.dedent(script), *args],
        user=uid,
        group=uid,
        env={"PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        text=True,
    )


SQUATTER = """
    import json, os, select, socket, sys, time
    folder, old_name, stop = sys.argv[1], sys.argv[2], sys.argv[3]
    os.mkdir(folder, 0o777); os.chmod(folder, 0o777)
    servers = []
    for path in (os.path.join(folder, sys.argv[4]), old_name):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(path); os.chmod(path, 0o777); s.listen(8); s.setblocking(False)
        servers.append(s)
    print("listening", flush=True)
    connections, received = 0, b""
    while not os.path.exists(stop):
        ready, _, _ = select.select(servers, [], [], 0.05)
        for server in ready:
            conn, _ = server.accept(); connections += 1
            conn.settimeout(0.5)
            try:
                received += conn.recv(100)
            except OSError:
                pass
            conn.close()
    print(json.dumps({"connections": connections, "received": received.decode()}), flush=True)
"""


def test_a_squatted_fallback_folder_never_takes_the_window(
    qtbot: QtBot, other_user: int, shared_tmp: Path, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    ours = instance_endpoint.endpoint_name(data_dir)  # where it goes when nobody squats
    assert ours is not None
    Path(ours).parent.rmdir()  # make room: the squatter comes first this time
    digest = Path(ours).name
    stop = shared_tmp / "stop"
    squatter = _as_other(
        other_user,
        SQUATTER,
        str(shared_tmp / f"{APP_SLUG}-{os.getuid()}"),
        str(shared_tmp / f"{APP_SLUG}-{digest.removesuffix('.sock')}"),
        str(stop),
        digest,
    )
    assert squatter.stdout is not None and squatter.stdout.readline().strip() == "listening"
    tally = Tally("socket squatting: launches with another user squatting")
    try:
        for _ in range(LAUNCHES):
            first = SingleInstance(data_dir, data_dir / ".window.lock")
            second = SingleInstance(data_dir, data_dir / ".window.lock")
            try:
                claimed = first.claim()
                with qtbot.waitSignal(first.show_requested, timeout=5000):
                    raised = second.claim()
                good = claimed is Claim.OWNED and raised is Claim.RAISED_OTHER
                tally.add("own window, raised by the next" if good else "taken", failed=not good)
            finally:
                second.release()
                first.release()
    finally:
        stop.touch()
        out, _ = squatter.communicate(timeout=20)
    heard = json.loads(out.splitlines()[-1])
    tally.report(squatter_connections=heard["connections"], squatter_bytes=len(heard["received"]))
    assert tally.failures == 0, tally.outcomes
    assert heard == {"connections": 0, "received": ""}


CONNECTOR = """
    import json, socket, sys
    results = []
    for request in sys.argv[2:]:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(sys.argv[1])
        except OSError as error:
            results.append("refused: " + type(error).__name__); continue
        s.settimeout(2)
        try:
            s.sendall(request.encode() + b"\\n")  # may find the line cut already
            answer = s.recv(100)
            results.append("closed" if not answer else "answered")
        except OSError as error:
            results.append("closed: " + type(error).__name__)
    print(json.dumps(results), flush=True)
"""


def _connect_as(uid: int, path: str, qtbot: QtBot) -> list[str]:
    requests = [SHOW.decode(), QUICK_LOG.decode()] * (ATTEMPTS // 2)
    connector = _as_other(uid, CONNECTOR, path, *requests)
    qtbot.waitUntil(lambda: connector.poll() is not None, timeout=30_000)  # Qt answers meanwhile
    out, _ = connector.communicate(timeout=5)
    results: list[str] = json.loads(out.splitlines()[-1])
    return results


def _listening(qtbot: QtBot, data_dir: Path) -> SingleInstance:
    data_dir.mkdir(parents=True, exist_ok=True)
    instance = SingleInstance(data_dir, data_dir / ".window.lock")
    assert instance.claim() is Claim.OWNED
    return instance


def test_another_user_cannot_reach_the_private_endpoint(
    qtbot: QtBot, other_user: int, data_dir: Path
) -> None:
    instance = _listening(qtbot, data_dir)
    name = instance_endpoint.endpoint_name(data_dir)
    assert name is not None
    tally = Tally("socket: another user connecting to the private endpoint")
    try:
        with (
            qtbot.assertNotEmitted(instance.show_requested, wait=200),
            qtbot.assertNotEmitted(instance.quick_log_requested, wait=200),
        ):
            for result in _connect_as(other_user, name, qtbot):
                tally.add(result, failed=not result.startswith("refused"))
    finally:
        instance.release()
    tally.report(obeyed=0)
    assert tally.trials == ATTEMPTS and tally.failures == 0, tally.outcomes


def test_another_user_who_gets_through_is_not_obeyed(
    qtbot: QtBot,
    other_user: int,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared_tmp: Path,
) -> None:
    """The folder and the socket opened to everyone on purpose: only the peer check is left."""
    opened = shared_tmp / "open-to-all"
    opened.mkdir(mode=0o777)
    opened.chmod(0o777)
    path = str(opened / "endpoint.sock")
    monkeypatch.setattr(instance_endpoint, "endpoint_name", lambda _data_dir: path)
    instance = _listening(qtbot, data_dir)
    Path(path).chmod(0o777)
    tally = Tally("socket: another user through an open endpoint (peer check)")
    try:
        with (
            qtbot.assertNotEmitted(instance.show_requested, wait=300),
            qtbot.assertNotEmitted(instance.quick_log_requested, wait=300),
        ):
            for result in _connect_as(other_user, path, qtbot):
                tally.add(result, failed=result == "answered" or result.startswith("refused"))
        # and this user's own request still works through the same endpoint
        with qtbot.waitSignal(instance.show_requested, timeout=5000):
            assert SingleInstance(data_dir, data_dir / ".window.lock").ask_running_instance(SHOW)
    finally:
        instance.release()
    tally.report(obeyed=0)
    assert tally.trials == ATTEMPTS and tally.failures == 0, tally.outcomes


def test_a_listener_of_another_user_at_our_name_hears_nothing(
    qtbot: QtBot,
    other_user: int,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared_tmp: Path,
) -> None:
    """Were the name ever theirs (a folder opened by mistake), launching tells them nothing:
    the peer check runs before a request is sent, too."""
    folder = shared_tmp / "theirs"
    path = folder / "endpoint.sock"
    monkeypatch.setattr(instance_endpoint, "endpoint_name", lambda _data_dir: str(path))
    stop = shared_tmp / "stop"
    old_name = shared_tmp / "unused-old-name"
    squatter = _as_other(other_user, SQUATTER, str(folder), str(old_name), str(stop), path.name)
    assert squatter.stdout is not None and squatter.stdout.readline().strip() == "listening"
    data_dir.mkdir(parents=True)
    tally = Tally("socket: another user listening at our endpoint's name")
    try:
        for _ in range(LAUNCHES):
            asking = SingleInstance(data_dir, data_dir / ".window.lock")
            told = asking.ask_running_instance(SHOW) or asking.ask_running_instance(QUICK_LOG)
            tally.add("told them" if told else "told them nothing", failed=told)
    finally:
        stop.touch()
        out, _ = squatter.communicate(timeout=20)
    heard = json.loads(out.splitlines()[-1])
    tally.report(squatter_connections=heard["connections"], squatter_bytes=len(heard["received"]))
    assert tally.failures == 0, tally.outcomes
    assert heard["received"] == ""  # connections may reach it; no request ever does
