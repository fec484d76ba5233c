"""Owner-only folders and crash-safe writes."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> None:
    """Create `path`, and any parents it lacks, so that only this user can enter them.

    Whatever the umask: `mkdir(parents=True)` would make the parents 0777 minus the umask
    (0777 itself under umask 000), so each missing folder is made and set here. Folders
    that were already there are left as they are, except `path` itself, which is made
    private."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by another window: its own maker set its mode
        _set_private_dir_mode(folder)
    if not path.is_dir():
        raise NotADirectoryError(str(path))
    _set_private_dir_mode(path)


def is_private_dir_of_mine(path: Path) -> bool:
    """`path` is a real folder (not a link), this user's, and closed to everyone else.

    For a folder whose name others can guess (under /tmp): someone else may have made it
    first, to listen there or to read what is put in it."""
    if os.name == "nt":
        return path.is_dir()
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def _set_private_dir_mode(folder: Path) -> None:
    if os.name != "nt" and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR_MODE:
        folder.chmod(PRIVATE_DIR_MODE)


def make_private(path: Path) -> None:
    if os.name != "nt" and path.exists():
        path.chmod(PRIVATE_FILE_MODE)


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable. Not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` so that `path` holds either its old bytes or all the new ones, never a mix.

    Write a private temporary file beside it, fsync it, rename it over the old one, and
    fsync the folder so the rename itself survives a power cut.
    """
    import tempfile  # only a write needs it; kept off the start-up path

    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        make_private(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
