"""Where the one-window-per-journal endpoint lives, and who may talk to it.

A local socket named in /tmp can be guessed by every user of the computer: someone else
could listen there first (every launch would then think the journal already open, and
tell them so each time) or connect to it and send requests. So the socket lives in a
folder only this user can enter: $XDG_RUNTIME_DIR (the session's own, 0700), else a short
folder of our own under the temporary folder, checked to be ours and private (socket paths
are limited to 108 bytes, so the data folder itself may be too deep), else one in the
user's cache folder. And a connection is trusted only from a process of this same user
(the kernel's peer credentials), whichever folder it came through.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path

from recovery_app import APP_SLUG
from recovery_app.storage.files import ensure_private_dir, is_private_dir_of_mine

log = logging.getLogger(__name__)

MAX_SOCKET_PATH_BYTES = 107  # sun_path holds 108 bytes, the last one the terminating NUL
_PEERCRED = struct.Struct("3i")  # struct ucred: pid, uid, gid


def endpoint_name(data_dir: Path) -> str | None:
    """The name to listen on and connect to for `data_dir`, or None where no private place
    can be had (the window then works alone, guarded by its lock file)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    if os.name == "nt":
        # A named pipe; Qt's UserAccessOption limits it to this user.
        return f"{APP_SLUG}-{digest}"
    for folder in _private_folders():
        path = folder / f"{digest}.sock"
        if len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES:
            return str(path)
    log.warning("no private folder for the window's endpoint; it runs without one")
    return None


def peer_is_this_user(descriptor: int) -> bool:
    """Whether the process at the other end of the connected local socket `descriptor`
    runs as this user. Without peer credentials (not Linux), the private folder is the
    guard."""
    if os.name == "nt" or not hasattr(socket, "SO_PEERCRED"):
        return True
    if descriptor < 0:
        return False
    try:
        # fromfd duplicates the descriptor: closing ours leaves Qt's socket open.
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            raw = peer.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _PEERCRED.size)
    except OSError:
        return False
    _pid, uid, _gid = _PEERCRED.unpack(raw)
    return bool(uid == os.getuid())


def _private_folders() -> Iterator[Path]:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and is_private_dir_of_mine(Path(runtime)):
        yield from _own(Path(runtime) / APP_SLUG)
    yield from _own_shared(Path(tempfile.gettempdir()) / f"{APP_SLUG}-{os.getuid()}")
    from platformdirs import user_cache_path

    yield from _own(user_cache_path(APP_SLUG, appauthor=False) / "run")


def _own(folder: Path) -> Iterator[Path]:
    """`folder`, made private, if it is ours to use."""
    try:
        ensure_private_dir(folder)
    except OSError:
        return
    if is_private_dir_of_mine(folder):
        yield folder


def _own_shared(folder: Path) -> Iterator[Path]:
    """`folder` in a place every user can write to: never changed if it was there already
    and is not ours (someone may have made it first), only used if ours and private."""
    try:
        folder.mkdir(mode=0o700)
        folder.chmod(0o700)  # whatever the umask took away
    except FileExistsError:
        pass
    except OSError:
        return
    if is_private_dir_of_mine(folder):
        yield folder
    else:
        log.warning("a folder for the window's endpoint is not this user's; not used")
