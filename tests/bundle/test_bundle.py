"""The PyInstaller bundle, built by packaging/build-bundle.sh and run from its tar.gz as a
person would: --version, init and status on a fresh journal, the window shown and answering,
the friendly start without a display, and the launcher pointing at the bundle.

Slow (a build takes about a minute): `pytest -m bundle`, which .ci/run does.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_app import APP_ID, __version__

pytestmark = pytest.mark.bundle

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "a bundle's own password"
ALREADY_OPEN = "The journal is already open; its window was brought to the front."


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tar.gz built and unpacked somewhere else: the program inside, ready to run."""
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [str(REPO / "packaging" / "build-bundle.sh"), str(out)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (archive,) = out.glob("journal-*.tar.gz")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    (top,) = unpacked.iterdir()
    return top


@pytest.fixture
def env(private_home: Path) -> dict[str, str]:
    environment = {
        **os.environ,
        "HOME": str(private_home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    environment.pop("RECOVERY_APP_DATA_DIR", None)
    return environment


def run(
    bundle: Path, *args: str, env: dict[str, str], stdin: str = "", timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "recovery-app"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def test_the_archive_holds_the_launcher_icons_and_licence(bundle: Path) -> None:
    assert bundle.name.startswith(f"journal-{__version__}-linux-")
    assert (bundle / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (bundle / "share" / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert (bundle / "share" / "icons/hicolor/symbolic/apps" / f"{APP_ID}-symbolic.svg").is_file()
    assert (bundle / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert "GNU GENERAL PUBLIC LICENSE" in (bundle / "LICENSE").read_text()
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= {
        p.name for p in plugins.iterdir()
    }


def test_version_init_and_status_on_a_fresh_journal(
    bundle: Path, env: dict[str, str], data_dir: Path
) -> None:
    version = run(bundle, "--version", env=env)
    assert (version.returncode, version.stdout) == (0, f"recovery-app {__version__}\n")
    journal = ["--data-dir", str(data_dir), "--password-stdin"]
    init = run(bundle, *journal, "init", env=env, stdin=PASSWORD + "\n")
    assert init.returncode == 0, init.stderr
    assert (data_dir / "journal.db").is_file() and (data_dir / "journal.key").is_file()
    status = run(bundle, *journal, "status", env=env, stdin=PASSWORD + "\n")
    assert (status.returncode, status.stderr) == (0, "")
    assert status.stdout.startswith("No clocks yet.")  # the migrations ran inside the bundle
    wrong = run(bundle, *journal, "status", env=env, stdin="not the password\n")
    assert wrong.returncode == 3 and wrong.stderr.count("\n") == 1


@pytest.fixture
def journal(bundle: Path, env: dict[str, str], data_dir: Path) -> Path:
    init = run(
        bundle,
        "--data-dir",
        str(data_dir),
        "--password-stdin",
        "init",
        env=env,
        stdin=PASSWORD + "\n",
    )
    assert init.returncode == 0, init.stderr
    return data_dir


def test_the_contact_log_is_drawn_as_a_pdf_inside_the_bundle_with_no_display(
    bundle: Path, env: dict[str, str], journal: Path, tmp_path: Path
) -> None:
    """The documents layer, Qt's PDF painter and its offscreen platform all travel in it."""
    plain = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    plain.pop("QT_QPA_PLATFORM")  # the command chooses offscreen itself
    opened = ["--data-dir", str(journal), "--password-stdin"]
    steps = [
        (["clock", "add", "Sam", "--since", "2026-01-01"], ""),
        (["contact", "--clock", "Sam", "--kind", "them", "--words", "-"], "Call me tonight.\n"),
    ]
    for args, more in steps:
        done = run(bundle, *opened, *args, env=plain, stdin=PASSWORD + "\n" + more)
        assert done.returncode == 0, done.stderr
    document = tmp_path / "contact-log.pdf"
    args = ["contact-log", "--clock", "Sam", "--yes", "--out", str(document)]
    done = run(bundle, *opened, *args, env=plain, stdin=PASSWORD + "\n")
    assert (done.returncode, done.stderr) == (0, "")
    assert document.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(document), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Call me tonight." in text


@pytest.fixture
def window(bundle: Path, env: dict[str, str], journal: Path, tmp_path: Path) -> Iterator[Path]:
    """The bundle's window, started as `recovery-app` with no command; stopped afterwards."""
    stderr = tmp_path / "window.err"
    with stderr.open("w") as err:
        started = subprocess.Popen(
            [str(bundle / "recovery-app"), "--data-dir", str(journal)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
    try:
        yield stderr
    finally:
        started.send_signal(signal.SIGTERM)
        started.wait(timeout=30)


def test_the_window_shows_and_answers(
    bundle: Path, env: dict[str, str], journal: Path, window: Path
) -> None:
    """Started a second time, the app finds the first one's window up and listening (its
    single-instance server answers from the event loop the unlock window runs in)."""
    lock = journal / ".window.lock"  # taken by the first just before it starts listening
    deadline = time.monotonic() + 120
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert lock.exists(), window.read_text()
    answer = ""
    while answer != ALREADY_OPEN and time.monotonic() < deadline:
        # On a loaded machine the second can miss the first's 300 ms answer and wait on
        # its own "already open" message box instead: that try is stopped and repeated.
        try:
            second = run(bundle, "--data-dir", str(journal), env=env, timeout=20)
        except subprocess.TimeoutExpired:
            continue
        assert second.returncode == 0, second.stderr
        answer = second.stdout.strip()
    assert answer == ALREADY_OPEN
    alarming = [
        line
        for line in window.read_text().splitlines()
        if line.strip() and line.strip() != "This plugin does not support raise()"  # offscreen
    ]
    assert alarming == []


def _pixel(display: str, x: int, y: int) -> str:
    return (
        subprocess.run(
            [
                "import",
                "-display",
                display,
                "-window",
                "root",
                "-crop",
                f"1x1+{x}+{y}",
                "-depth",
                "8",
                "txt:-",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        .stdout.splitlines()[-1]
        .split()[2]
    )


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    if not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "import")):
        pytest.skip("needs Debian's xvfb, xdotool and imagemagick")
    for number in range(150, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.1)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_on_a_real_x_display_the_unlock_window_takes_the_password(
    bundle: Path, env: dict[str, str], journal: Path, x_display: str, tmp_path: Path
) -> None:
    """Through the bundle's own xcb plugin: the window maps, takes the typed password, and
    the journal opens (where the unlock card's background was, the sidebar now is)."""
    env = {**env, "DISPLAY": x_display}
    env.pop("QT_QPA_PLATFORM")
    env.pop("WAYLAND_DISPLAY", None)
    xdotool = {**env}
    with (tmp_path / "window.err").open("w") as err:
        started = subprocess.Popen(
            [str(bundle / "recovery-app"), "--data-dir", str(journal)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Journal$"],
            capture_output=True,
            text=True,
            env=xdotool,
            timeout=90,
            check=True,
        )
        window_id = found.stdout.split()[0]
        subprocess.run(
            ["xdotool", "windowmove", "--sync", window_id, "0", "0"],
            env=xdotool,
            check=True,
            timeout=30,
        )
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", window_id], env=xdotool, check=True, timeout=30
        )
        time.sleep(1)
        locked = _pixel(x_display, 100, 64)
        subprocess.run(
            ["xdotool", "type", "--delay", "20", PASSWORD], env=xdotool, check=True, timeout=60
        )
        subprocess.run(["xdotool", "key", "Return"], env=xdotool, check=True, timeout=30)
        deadline = time.monotonic() + 60
        while _pixel(x_display, 100, 64) == locked and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _pixel(x_display, 100, 64) != locked, "the journal did not open"
        assert started.poll() is None
    finally:
        started.terminate()
        started.wait(timeout=30)
    assert (tmp_path / "window.err").read_text() == ""


def test_without_a_display_the_bundle_says_so_in_one_line(
    bundle: Path, env: dict[str, str], journal: Path
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"):
        env.pop(name, None)
    done = run(bundle, "--data-dir", str(journal), env=env)
    assert done.returncode == 1
    assert done.stderr.startswith("recovery-app: Journal opens a window, and no desktop")
    assert done.stderr.count("\n") == 1


def test_the_launcher_it_installs_starts_the_bundle(
    bundle: Path, env: dict[str, str], private_home: Path
) -> None:
    done = run(bundle, "--install-desktop-entry", env=env)
    assert done.returncode == 0, done.stderr
    desktop = Path(env["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    lines = desktop.read_text().splitlines()
    assert f"Exec={bundle / 'recovery-app'}" in lines
    assert f"Exec={bundle / 'recovery-app'} quick-log" in lines
