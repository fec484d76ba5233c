"""The launcher in the person's own applications menu: a freedesktop .desktop file and the
icons, written into their XDG data folder (`recovery-app --install-desktop-entry`), and
taken away again (`--remove-desktop-entry`). No Qt, no network, nothing outside that folder.

The launcher is as neutral as the window: named "Journal", with one action, "New entry",
because a dock shows its actions to anyone looking. packaging/ holds the same file for
packages (Flatpak), with `recovery-app` as the command; a test keeps the two alike.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from recovery_app import APP_ID
from recovery_app.resource_files import resources_dir

DESKTOP_FILE = f"{APP_ID}.desktop"
APP_ICON = f"{APP_ID}.svg"
SYMBOLIC_ICON = f"{APP_ID}-symbolic.svg"

TEMPLATE = """\
[Desktop Entry]
Type=Application
Name=Journal
Comment=A private journal, kept on this computer
Icon={icon}
Exec={exec}
Terminal=false
Categories=Utility;
Keywords=journal;diary;notes;
StartupNotify=true
Actions=new-entry;

[Desktop Action new-entry]
Name=New entry
Exec={exec} quick-log
"""

# Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class LauncherFiles:
    desktop_file: Path
    app_icon: Path
    symbolic_icon: Path

    def all(self) -> tuple[Path, Path, Path]:
        return (self.desktop_file, self.app_icon, self.symbolic_icon)


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """XDG_DATA_HOME when it is set and absolute (the spec ignores a relative one), else
    ~/.local/share."""
    chosen = environ.get("XDG_DATA_HOME", "")
    if chosen and os.path.isabs(chosen):
        return Path(chosen)
    return Path.home() / ".local" / "share"


def launcher_files(home: Path) -> LauncherFiles:
    icons = home / "icons" / "hicolor"
    return LauncherFiles(
        desktop_file=home / "applications" / DESKTOP_FILE,
        app_icon=icons / "scalable" / "apps" / APP_ICON,
        symbolic_icon=icons / "symbolic" / "apps" / SYMBOLIC_ICON,
    )


def desktop_file_text(command: list[str], icon: str = APP_ID) -> str:
    """The .desktop file that starts `command` (the program and its first arguments)."""
    exec_line = " ".join(_exec_argument(part) for part in command)
    return TEMPLATE.format(exec=exec_line, icon=icon)


def this_launcher() -> list[str]:
    """How this copy of the app is started, so the menu starts the same one: the bundle's
    program, the installed `recovery-app` script, or this Python with `-m recovery_app`."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    # Not resolved: pipx's ~/.local/bin/recovery-app is a link that outlives upgrades.
    script = Path(os.path.abspath(sys.argv[0])) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith("recovery-app") and script.is_file():
        return [str(script.with_name("recovery-app"))]
    return [str(Path(sys.executable).absolute()), "-m", "recovery_app"]


def install(home: Path | None = None, command: list[str] | None = None) -> LauncherFiles:
    """Write the launcher and both icons; writing again replaces them (a moved install)."""
    from recovery_app.storage.files import atomic_write_bytes

    files = launcher_files(home or data_home())
    icons = resources_dir() / "icons"
    contents = {
        files.desktop_file: desktop_file_text(command or this_launcher()).encode(),
        files.app_icon: (icons / APP_ICON).read_bytes(),
        files.symbolic_icon: (icons / SYMBOLIC_ICON).read_bytes(),
    }
    for path, data in contents.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    return files


def remove(home: Path | None = None) -> list[Path]:
    """Delete the launcher and the icons; only these three files. Returns what was there."""
    removed = []
    for path in launcher_files(home or data_home()).all():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def _exec_argument(argument: str) -> str:
    """One Exec argument, quoted as the spec asks, then escaped as a desktop-file string."""
    if "%" in argument:
        argument = argument.replace("%", "%%")  # a lone % starts a field code
    if _RESERVED & set(argument):
        inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
        argument = f'"{inner}"'
    return argument.replace("\\", "\\\\")  # string values escape their backslashes again
