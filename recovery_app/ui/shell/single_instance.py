"""One window per data folder: a lock file says who owns it, a local socket raises that window."""

from __future__ import annotations

import hashlib
import os
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from recovery_app import APP_SLUG

SHOW = b"show"
QUICK_LOG = b"quick-log"  # `recovery-app quick-log` while the window is already running


class Claim(Enum):
    OWNED = "owned"
    RAISED_OTHER = "raised-other"  # another window had it and was brought to the front
    HELD_ELSEWHERE = "held-elsewhere"  # locked by a window that did not answer


def _make_private(path: Path) -> None:
    if os.name != "nt" and path.exists():
        path.chmod(0o600)


def _server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"{APP_SLUG}-{digest}"


class SingleInstance(QObject):
    """`claim()` once at start. If another window owns the folder, it is asked to show itself."""

    show_requested = Signal()
    quick_log_requested = Signal()

    def __init__(self, data_dir: Path, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = _server_name(data_dir)
        self._lock_path = lock_path
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    def claim(self) -> Claim:
        if self.ask_running_instance(SHOW):
            return Claim.RAISED_OTHER
        if self._lock_path.parent.is_dir():
            lock = QLockFile(str(self._lock_path))
            lock.setStaleLockTime(0)  # a lock whose process died is taken over, never stale-timed
            if not lock.tryLock(100):
                return Claim.HELD_ELSEWHERE
            self._lock = lock
            _make_private(self._lock_path)
        self._listen()
        return Claim.OWNED

    def take_lock_now_folder_exists(self) -> None:
        """After first run creates the folder, hold its lock like any later start."""
        if self._lock is None and self._lock_path.parent.is_dir():
            lock = QLockFile(str(self._lock_path))
            lock.setStaleLockTime(0)
            if lock.tryLock(100):
                self._lock = lock
                _make_private(self._lock_path)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def ask_running_instance(self, request: bytes) -> bool:
        """Send `request` to the window that owns the folder; False if none is running."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(300):
            return False
        socket.write(request + b"\n")
        socket.waitForBytesWritten(300)
        socket.disconnectFromServer()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            QLocalServer.removeServer(self._name)  # left by a crash
            server.listen(self._name)
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
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
