"""The friendly start: one kind line instead of Qt's abort when no window can open."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_app import display_check
from recovery_app.display_check import LibraryLookup, window_problem

REPO = Path(__file__).resolve().parents[2]


def everything_installed(_name: str) -> bool:
    return True


@pytest.fixture
def x11_sockets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for /tmp/.X11-unix holding display :5's socket file."""
    folder = tmp_path / "X11-unix"
    folder.mkdir()
    (folder / "X5").touch()
    monkeypatch.setattr(display_check, "X11_SOCKETS", str(folder))
    return folder


def test_no_display_at_all_is_said_plainly() -> None:
    problem = window_problem({}, everything_installed)
    assert problem is not None
    assert "no desktop was found" in problem
    assert "DISPLAY and WAYLAND_DISPLAY are not set" in problem
    assert "recovery-app --help" in problem
    assert "\n" not in problem


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc", "eglfs", "offscreen;xcb"])
def test_platforms_without_a_desktop_are_left_to_qt(platform: str) -> None:
    assert window_problem({"QT_QPA_PLATFORM": platform}, lambda _name: False) is None


@pytest.mark.usefixtures("x11_sockets")
def test_a_reachable_display_with_its_libraries_starts() -> None:
    assert window_problem({"DISPLAY": ":5"}, everything_installed) is None
    assert (
        window_problem({"DISPLAY": ":5.0", "QT_QPA_PLATFORM": "xcb"}, everything_installed) is None
    )


@pytest.mark.usefixtures("x11_sockets")
def test_a_display_whose_server_is_gone_is_named() -> None:
    problem = window_problem({"DISPLAY": ":6"}, everything_installed)
    assert problem is not None and "can't be reached" in problem


def test_a_display_over_the_network_is_left_to_qt() -> None:
    assert window_problem({"DISPLAY": "localhost:10.0"}, everything_installed) is None


@pytest.mark.usefixtures("x11_sockets")
def test_a_missing_library_is_named_with_the_command_that_installs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The real lookup (folders, then the loader's cache) for a name no system has.
    monkeypatch.setitem(display_check.XCB_LIBRARIES, "libxcb-nowhere.so.0", "libxcb-nowhere0")
    problem = window_problem({"DISPLAY": ":5"})
    assert problem == (
        "Journal's window needs a system library that isn't installed here "
        "(libxcb-nowhere.so.0). On Debian or Ubuntu: sudo apt-get install libxcb-nowhere0"
    )


@pytest.mark.usefixtures("x11_sockets")
def test_every_missing_library_is_named_once_with_its_package() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libEGL.so.1"}
    problem = window_problem({"DISPLAY": ":5"}, lambda name: name not in absent)
    assert problem is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in problem and "libEGL.so.1" in problem
    assert problem.endswith("sudo apt-get install libegl1 libxcb-cursor0 libxcb-icccm4")


def test_on_wayland_a_working_xcb_is_enough(tmp_path: Path, x11_sockets: Path) -> None:
    (tmp_path / "wayland-0").touch()
    environ = {"XDG_SESSION_TYPE": "wayland", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":5"}
    without_wayland = set(display_check.WAYLAND_LIBRARIES)
    assert window_problem(environ, lambda name: name not in without_wayland) is None
    without_cursor = {"libxcb-cursor.so.0"}
    assert window_problem(environ, lambda name: name not in without_cursor) is None
    # Either fix would do; the shorter one is offered.
    both = window_problem(environ, lambda name: name not in without_wayland | without_cursor)
    assert both is not None and both.endswith("sudo apt-get install libxcb-cursor0")


def test_wayland_alone_needs_its_socket(tmp_path: Path) -> None:
    environ = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert window_problem(environ, everything_installed) is not None
    (tmp_path / "wayland-1").touch()
    environ["WAYLAND_DISPLAY"] = "wayland-1"
    assert window_problem(environ, everything_installed) is None


def test_the_lookup_follows_the_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "libmine.so.1").touch()
    cache = tmp_path / "ld.so.cache"
    cache.write_bytes(b"glibc-ld.so.cache1.1\0libcached.so.2\0/opt/lib/libcached.so.2\0")
    monkeypatch.setattr(display_check, "_system_folders", lambda: [])
    lookup = LibraryLookup({"LD_LIBRARY_PATH": f"::{own}"}, cache_path=str(cache))
    assert lookup.has("libmine.so.1")
    assert lookup.has("libcached.so.2")
    assert not lookup.has("libached.so.2")  # a tail of another name is not that name
    assert not lookup.has("libnowhere.so.0")
    unsure = LibraryLookup({}, cache_path=str(tmp_path / "no-cache-here"))
    assert unsure.has("libnowhere.so.0")


def _needed(library: Path) -> set[str]:
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed")
    dynamic = subprocess.run(
        [readelf, "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    return {
        line.split("[", 1)[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line
    }


BASE_SYSTEM = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1"}


@pytest.mark.parametrize(
    ("library", "checked"),
    [
        ("lib/libQt6Gui.so.6", display_check.GUI_LIBRARIES),
        ("lib/libQt6XcbQpa.so.6", display_check.GUI_LIBRARIES | display_check.XCB_LIBRARIES),
        ("plugins/platforms/libqxcb.so", display_check.GUI_LIBRARIES | display_check.XCB_LIBRARIES),
        (
            "plugins/platforms/libqwayland.so",
            display_check.GUI_LIBRARIES | display_check.WAYLAND_LIBRARIES,
        ),
    ],
)
def test_the_lists_cover_what_the_installed_qt_links_to(
    library: str, checked: dict[str, str]
) -> None:
    import PySide6

    path = Path(PySide6.__file__).parent / "Qt" / library
    from_system = {name for name in _needed(path) if not name.startswith("libQt6")}
    assert from_system - BASE_SYSTEM - set(checked) == set()


def _run_without_a_display(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "recovery_app", "--data-dir", str(home / "journal"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", [[], ["quick-log"]], ids=["window", "quick-log"])
def test_started_with_no_display_it_says_so_in_one_line(
    private_home: Path, command: list[str]
) -> None:
    done = _run_without_a_display(*command, home=private_home)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("recovery-app: Journal opens a window, and no desktop")
    assert done.stderr.count("\n") == 1
    assert not (private_home / "journal").exists()  # nothing was created on the way out


@pytest.fixture
def x11_display() -> Iterator[str]:
    """A display number whose abstract X11 socket answers, as the check probes it. Nothing
    speaks X behind it: the check stops at the missing library before Qt would connect."""
    for number in range(7300, 7400):
        if os.path.exists(f"/tmp/.X11-unix/X{number}"):
            continue
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(f"\0/tmp/.X11-unix/X{number}")
        except OSError:
            listener.close()
            continue
        listener.listen(1)
        yield f":{number}"
        listener.close()
        return
    pytest.skip("no free display number for a stand-in X11 socket")


HIDE_XCB_CURSOR = """
set -e
work=$(mktemp -d)
mkdir "$work/upper" "$work/work"
for name in /usr/lib/{arch}/libxcb-cursor.so*; do mknod "$work/upper/${{name##*/}}" c 0 0; done
mount -t overlay overlay -o "lowerdir=/usr/lib/{arch},upperdir=$work/upper,workdir=$work/work" \\
    /usr/lib/{arch}
ldconfig -C "$work/ld.so.cache"
mount --bind "$work/ld.so.cache" /etc/ld.so.cache
exec "$@"
"""


@pytest.mark.slow
def test_with_libxcb_cursor_hidden_from_the_loader_it_names_the_package(
    private_home: Path, x11_display: str
) -> None:
    """For real: in a private mount namespace the library is whited out and the loader's
    cache rebuilt without it; the system outside is untouched."""
    arch = getattr(sys.implementation, "_multiarch", "")
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None or not arch:
        pytest.skip("needs root and unshare for a private mount namespace")
    if not list(Path(f"/usr/lib/{arch}").glob("libxcb-cursor.so*")):
        pytest.skip("libxcb-cursor0 is not installed, so there is nothing to hide")
    env = {**os.environ, "HOME": str(private_home), "DISPLAY": x11_display}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    script = HIDE_XCB_CURSOR.format(arch=arch)
    argv = [unshare, "--mount", "sh", "-c", script, "hide"]
    app = [sys.executable, "-m", "recovery_app", "--data-dir", str(private_home / "journal")]
    done = subprocess.run(
        argv + app, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    if "mount" in done.stderr and done.returncode != 1:
        pytest.skip(f"this machine refuses the private mount: {done.stderr.strip()[:200]}")
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "recovery-app: Journal's window needs a system library that isn't installed here "
        "(libxcb-cursor.so.0). On Debian or Ubuntu: sudo apt-get install libxcb-cursor0\n"
    )
