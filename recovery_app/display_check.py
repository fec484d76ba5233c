"""Before Qt starts: can a window open here at all? If not, one kind line, and exit code 1.

Without a display, or without a system library that Qt's window plugins link to, Qt prints
"could not connect to display", then "libxcb-cursor0 is needed" (even when it is installed),
then aborts the process. This check asks the same questions first, and says what is missing
and how to install it.

It runs on every start of the window and of the quick log, so it stays cheap: environment
reads, a few `stat`s and at most one read of the loader's cache (`/etc/ld.so.cache`). No
`ctypes` (importing it costs ~2.5 ms) and no `ctypes.util.find_library` (it runs `ldconfig`
and `gcc`). It never refuses a start it cannot judge: where the loader keeps no cache, or
the platform is not a desktop one (offscreen, VNC, ...), it lets Qt try.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

# What Qt's platform plugins need from the system, with the Debian/Ubuntu package that
# ships each. GUI_LIBRARIES are QtGui's own (missing, `import PySide6.QtWidgets` fails);
# XCB_LIBRARIES are libQt6XcbQpa's, WAYLAND_LIBRARIES libqwayland's (missing, Qt aborts).
# tests/unit/test_display_check.py compares these with what the installed plugins link to.
GUI_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
}
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

LOADER_CACHE = "/etc/ld.so.cache"
X11_SOCKETS = "/tmp/.X11-unix"
ELSEWHERE = "the commands in `recovery-app --help` work in any terminal"


def window_problem(
    environ: Mapping[str, str] = os.environ,
    has_library: Callable[[str], bool] | None = None,
) -> str | None:
    """Why no window can open here, in one kind sentence; None when Qt should manage."""
    if not sys.platform.startswith("linux"):
        return None
    platforms = _platforms_qt_would_try(environ)
    if not platforms <= {"xcb", "wayland"}:
        return None  # offscreen, vnc, eglfs...: not ours to judge
    has_library = has_library or LibraryLookup(environ).has
    missing_gui = _missing(GUI_LIBRARIES, has_library)
    reachable = []
    if "wayland" in platforms and _wayland_reachable(environ):
        reachable.append(WAYLAND_LIBRARIES)
    if "xcb" in platforms and _x11_reachable(environ.get("DISPLAY", "")):
        reachable.append(XCB_LIBRARIES)
    if not reachable:
        if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
            return (
                "Journal opens a window, and the desktop's display can't be reached from "
                f"here. Please start it from your desktop session; {ELSEWHERE}."
            )
        return (
            "Journal opens a window, and no desktop was found here (DISPLAY and "
            f"WAYLAND_DISPLAY are not set). Please start it from your desktop; {ELSEWHERE}."
        )
    missing_per_platform = [missing_gui + _missing(needs, has_library) for needs in reachable]
    if any(not missing for missing in missing_per_platform):
        return None
    missing = min(missing_per_platform, key=len)
    names = ", ".join(name for name, _ in missing)
    packages = " ".join(dict.fromkeys(package for _, package in missing))
    what = "a system library that isn't" if len(missing) == 1 else "system libraries that aren't"
    return (
        f"Journal's window needs {what} installed here ({names}). "
        f"On Debian or Ubuntu: sudo apt-get install {packages}"
    )


def ensure_window_can_open() -> None:
    """Say why and exit with code 1, before Qt would abort; return at once when all is well."""
    problem = window_problem()
    if problem is not None:
        print(f"recovery-app: {problem}", file=sys.stderr)
        raise SystemExit(1)


def _platforms_qt_would_try(environ: Mapping[str, str]) -> set[str]:
    """As QGuiApplicationPrivate::createPlatformIntegration chooses (Qt 6, Linux wheels)."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return {name.split(":", 1)[0].strip() for name in chosen.split(";") if name.strip()}
    if environ.get("XDG_SESSION_TYPE") == "wayland":
        return {"wayland", "xcb"}  # xcb stays as the fallback
    return {"xcb"}


def _x11_reachable(display: str) -> bool:
    if not display:
        return False
    host, _, number = display.rpartition(":")
    if host not in ("", "unix"):
        return True  # over the network (ssh -X): only Qt can tell
    number = number.split(".", 1)[0]
    if not number.isdigit():
        return True
    if os.path.exists(f"{X11_SOCKETS}/X{number}"):
        return True
    return _abstract_x11_socket_answers(number)


def _abstract_x11_socket_answers(number: str) -> bool:
    """Some X servers listen only on Linux's abstract socket. Only reached when the socket
    file is missing, so the socket module's import is not paid on a normal start."""
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(f"\0{X11_SOCKETS}/X{number}")
        except OSError:
            return False
    return True


def _wayland_reachable(environ: Mapping[str, str]) -> bool:
    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"  # libwayland's own default
    if os.path.isabs(name):
        return os.path.exists(name)
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, name))


def _missing(needs: Mapping[str, str], has_library: Callable[[str], bool]) -> list[tuple[str, str]]:
    return [(name, package) for name, package in needs.items() if not has_library(name)]


class LibraryLookup:
    """Whether the dynamic loader would find a library, judged by where it looks: the
    LD_LIBRARY_PATH folders (and a bundle's own folder), the system folders, and its cache
    for the folders that /etc/ld.so.conf adds. The cache is read only when a library is in
    none of the folders, which on a working desktop never happens. No cache at all (musl,
    NixOS) means we cannot tell, and that counts as found."""

    def __init__(self, environ: Mapping[str, str] = os.environ, cache_path: str = LOADER_CACHE):
        self._folders = [
            folder for folder in environ.get("LD_LIBRARY_PATH", "").split(":") if folder
        ]
        bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle keeps its libraries here
        if bundle:
            self._folders.append(str(bundle))
        self._folders += _system_folders()
        self._cache_path = cache_path
        self._cache: bytes | None = None

    def has(self, soname: str) -> bool:
        if any(os.path.exists(f"{folder}/{soname}") for folder in self._folders):
            return True
        cache = self._read_cache()
        if cache is None:
            return True
        entry = soname.encode() + b"\0"
        return b"\0" + entry in cache or b"/" + entry in cache

    def _read_cache(self) -> bytes | None:
        if self._cache is None:
            try:
                with open(self._cache_path, "rb") as cache:
                    self._cache = cache.read()
            except OSError:
                return None
        return self._cache


def _system_folders() -> list[str]:
    """glibc's default folders: multiarch (Debian, Ubuntu) first, then lib64 (Fedora), lib."""
    multiarch = getattr(sys.implementation, "_multiarch", "")
    folders = [f"/usr/lib/{multiarch}", f"/lib/{multiarch}"] if multiarch else []
    return [*folders, "/usr/lib64", "/lib64", "/usr/lib", "/lib"]
