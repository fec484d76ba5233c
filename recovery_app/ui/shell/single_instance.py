"""One window per data folder: a lock file says who owns it, a local socket raises that window.

The socket lives in a folder only this user can enter, and only this user's processes are
listened to or talked to (services/instance_endpoint.py says why).

The lock is tried first: got, no window owns the folder, so there is none to raise, and the
socket (and the endpoint's hashing) can wait until the window has drawn
(`claim(listen=False)`, then `listen()`). Held, the owner is asked to show itself.

The socket is the system's own Unix socket, through Python's `socket` module and a
QSocketNotifier: Qt's network module cost about 3 MiB resident for this one short line
(measured beside it, loaded and listening). Windows has no Unix sockets in Python, so there
Qt's local socket (a named pipe limited to this user) carries it.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    import socket

    from PySide6.QtCore import QSocketNotifier

log = logging.getLogger(__name__)

SHOW = b"show"
QUICK_LOG = b"quick-log"  # `recovery-app quick-log` while the window is already running


class Claim(Enum):
    OWNED = "owned"
    RAISED_OTHER = "raised-other"  # another window had it and was brought to the front
    HELD_ELSEWHERE = "held-elsewhere"  # locked by a window that did not answer


def _make_private(path: Path) -> None:
    if os.name != "nt" and path.exists():
        path.chmod(0o600)


class SingleInstance(QObject):
    """`claim()` once at start. If another window owns the folder, it is asked to show itself."""

    show_requested = Signal()
    quick_log_requested = Signal()

    def __init__(self, data_dir: Path, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._lock_path = lock_path
        self._lock: QLockFile | None = None
        self._server: _Server | None = None

    @cached_property
    def _name(self) -> str | None:
        from recovery_app.services import instance_endpoint

        return instance_endpoint.endpoint_name(self._data_dir)

    def claim(self, *, listen: bool = True) -> Claim:
        """Own the folder, or have its owner show itself. With `listen=False` the owner
        listens for later windows only once `listen()` is called (after its first frame)."""
        if not self._lock_path.parent.is_dir():  # no folder yet: no lock to ask
            if self.ask_running_instance(SHOW):
                return Claim.RAISED_OTHER
        elif not self._take_lock(0):
            if self.ask_running_instance(SHOW):
                return Claim.RAISED_OTHER
            if not self._take_lock(100):
                return Claim.HELD_ELSEWHERE
        if listen:
            self.listen()
        return Claim.OWNED

    def _take_lock(self, wait_ms: int) -> bool:
        lock = QLockFile(str(self._lock_path))
        lock.setStaleLockTime(0)  # a lock whose process died is taken over, never stale-timed
        if not lock.tryLock(wait_ms):
            return False
        self._lock = lock
        _make_private(self._lock_path)
        return True

    def take_lock_now_folder_exists(self) -> None:
        """After first run creates the folder, hold its lock like any later start."""
        if self._lock is None and self._lock_path.parent.is_dir():
            self._take_lock(100)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def ask_running_instance(self, request: bytes) -> bool:
        """Send `request` to the window that owns the folder; False if none is running."""
        if self._name is None:
            return False
        if os.name == "nt":
            return _ask_over_pipe(self._name, request)
        return _ask_over_socket(self._name, request)

    def listen(self) -> None:
        """Answer later windows of this folder (raise this one, or open its quick log)."""
        if self._name is None or self._server is not None:
            return  # no private place for it: the lock file alone keeps one window
        try:
            self._server = (_PipeServer if os.name == "nt" else _SocketServer)(
                self._name, self._on_request, self
            )
        except OSError as error:  # the lock file alone keeps one window
            reason = errno.errorcode.get(error.errno or 0, "unknown")
            log.warning("the window's endpoint could not listen (%s)", reason)

    def _on_request(self, request: bytes) -> None:
        if request == QUICK_LOG:
            self.quick_log_requested.emit()
        elif request.startswith(SHOW):
            self.show_requested.emit()


# ----- the endpoint --------------------------------------------------------------------------

_WAIT_S = 0.3  # for the owner to answer: it is this user's own window, on this computer
_LONGEST_REQUEST = 64  # bytes; the requests are a word long


class _Server(Protocol):
    def close(self) -> None: ...


def _ask_over_socket(path: str, request: bytes) -> bool:
    import socket

    from recovery_app.services.instance_endpoint import peer_is_this_user

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
        peer.settimeout(_WAIT_S)
        try:
            peer.connect(path)
        except OSError:  # nobody listens there (a socket file left by a crash, say)
            return False
        if not peer_is_this_user(peer.fileno()):
            return False  # someone else listens there: tell them nothing
        try:
            peer.sendall(request + b"\n")
        except OSError:
            return False
    return True


class _SocketServer:
    """Listens at `path` (in a private folder) and hands each of this user's requests, one
    short line a connection, to `on_request`. Nothing here blocks the window: a connection
    that sends nothing is simply left until it closes."""

    def __init__(self, path: str, on_request: Callable[[bytes], None], parent: QObject) -> None:
        import socket

        from PySide6.QtCore import QSocketNotifier

        self._path = path
        self._on_request = on_request
        self._parent = parent
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            try:
                server.bind(path)
            except OSError as error:
                if error.errno != errno.EADDRINUSE:
                    raise
                os.unlink(path)  # left by a crash: this window holds the folder's lock
                server.bind(path)
            os.chmod(path, 0o600)  # this user only, whatever the folder allows
            self._inode = os.stat(path).st_ino
            server.listen(8)
            server.setblocking(False)
        except BaseException:
            server.close()
            raise
        self._socket = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self._accept)
        self._peers: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}

    def _accept(self) -> None:
        from PySide6.QtCore import QSocketNotifier

        from recovery_app.services.instance_endpoint import peer_is_this_user

        while True:
            try:
                peer, _address = self._socket.accept()
            except OSError:  # none left waiting (or the socket was closed)
                return
            if not peer_is_this_user(peer.fileno()):
                peer.close()  # another user's process: never obeyed, never answered
                continue
            peer.setblocking(False)
            key = peer.fileno()
            notifier = QSocketNotifier(key, QSocketNotifier.Type.Read, self._parent)
            self._peers[key] = (peer, notifier, bytearray())
            notifier.activated.connect(self._reader(key))
            self._read(key)  # the line is usually there already

    def _reader(self, key: int) -> Callable[..., None]:
        return lambda *_socket_and_type: self._read(key)  # what `activated` says is unused

    def _read(self, key: int) -> None:
        entry = self._peers.get(key)
        if entry is None:
            return
        peer, _notifier, received = entry
        while True:
            try:
                chunk = peer.recv(_LONGEST_REQUEST)
            except BlockingIOError:
                return  # the rest comes later
            except OSError:
                chunk = b""
            received += chunk
            if not chunk or b"\n" in received or len(received) >= _LONGEST_REQUEST:
                break
        self._drop(key)
        self._on_request(bytes(received).split(b"\n", 1)[0].strip())

    def _drop(self, key: int) -> None:
        peer, notifier, _received = self._peers.pop(key)
        # Switched off and left to be freed with its parent, never deleted here: this runs
        # while the notifier signals, and a deferred delete could race the teardown at
        # quit. A launch leaves one such small object; a session sees a handful.
        notifier.setEnabled(False)
        peer.close()

    def close(self) -> None:
        for key in list(self._peers):
            self._drop(key)
        self._notifier.setEnabled(False)
        self._socket.close()
        try:
            if os.stat(self._path).st_ino == self._inode:
                os.unlink(self._path)  # the next window of this folder binds afresh
        except OSError:
            pass


def _ask_over_pipe(name: str, request: bytes) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    pipe = QLocalSocket()
    pipe.connectToServer(name)
    if not pipe.waitForConnected(int(_WAIT_S * 1000)):
        return False
    pipe.write(request + b"\n")
    pipe.waitForBytesWritten(int(_WAIT_S * 1000))
    pipe.disconnectFromServer()
    return True


class _PipeServer:
    """Windows: Qt's local server, a named pipe open to this user only."""

    def __init__(self, name: str, on_request: Callable[[bytes], None], parent: QObject) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(parent)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            QLocalServer.removeServer(name)  # left by a crash
            server.listen(name)
        server.newConnection.connect(self._accept)
        self._server = server
        self._on_request = on_request

    def _accept(self) -> None:
        pipe = self._server.nextPendingConnection()
        if pipe is None:
            return

        def read() -> None:
            self._on_request(bytes(pipe.readAll().data()).strip())
            # Closed, not deleteLater(): the pipe is the server's child and is freed with
            # it, so no deferred delete can race the server's teardown at quit.
            pipe.close()

        pipe.readyRead.connect(read)
        if pipe.bytesAvailable():
            read()

    def close(self) -> None:
        self._server.close()
