"""One window per data folder: a lock file says who owns it, a local socket raises that window.

The socket lives in a folder only this user can enter, and only this user's processes are
listened to or talked to (services/instance_endpoint.py says why).

The lock is tried first: got, no window owns the folder, so there is none to raise, and the
socket (Qt's network module, the endpoint's hashing) can wait until the window has drawn
(`claim(listen=False)`, then `listen()`). Held, the owner is asked to show itself.
"""

from __future__ import annotations

import os
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

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
        self._server: QLocalServer | None = None

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
        from PySide6.QtNetwork import QLocalSocket

        from recovery_app.services.instance_endpoint import peer_is_this_user

        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(300):
            return False
        if not peer_is_this_user(int(socket.socketDescriptor())):
            socket.abort()  # someone else listens there: tell them nothing
            return False
        socket.write(request + b"\n")
        socket.waitForBytesWritten(300)
        socket.disconnectFromServer()
        return True

    def listen(self) -> None:
        """Answer later windows of this folder (raise this one, or open its quick log)."""
        if self._name is None or self._server is not None:
            return  # no private place for it: the lock file alone keeps one window
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            QLocalServer.removeServer(self._name)  # left by a crash
            server.listen(self._name)
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        from recovery_app.services.instance_endpoint import peer_is_this_user

        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return
        if not peer_is_this_user(int(socket.socketDescriptor())):
            socket.abort()  # another user's process: never obeyed, never answered
            return

        def read() -> None:
            request = bytes(socket.readAll().data()).strip()
            if request == QUICK_LOG:
                self.quick_log_requested.emit()
            elif request.startswith(SHOW):
                self.show_requested.emit()
            # Closed, not deleteLater(): the socket is the server's child and is freed with it,
            # so no deferred delete can race the server's teardown at quit.
            socket.close()

        socket.readyRead.connect(read)
        if socket.bytesAvailable():
            read()
