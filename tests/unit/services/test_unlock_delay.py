"""The command line's pause after wrong passwords: it grows from one command to the next,
is capped at half a minute, and a right password resets it."""

import json
import os
import stat

import pytest
from conftest import PASSWORD

from recovery_app.domain.unlock_throttle import MAX_PAUSE_SECONDS
from recovery_app.services.unlock_delay import UnlockDelay
from recovery_app.services.vault_service import VaultService
from recovery_app.storage import errors
from recovery_app.storage.paths import VaultPaths


class FakeTime:
    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


def _command(paths: VaultPaths, clock: FakeTime) -> UnlockDelay:
    """A new UnlockDelay for each try, as each command is a new process."""
    return UnlockDelay(paths, now=clock, sleep=clock.sleep)


def _wrong_try(service: VaultService, paths: VaultPaths, clock: FakeTime) -> float:
    delay = _command(paths, clock)
    waited = delay.wait()
    with pytest.raises(errors.WrongPassword):
        service.unlock("not the password")
    delay.record_wrong_password()
    return waited


def test_the_pause_grows_across_commands_up_to_half_a_minute(
    service: VaultService, paths: VaultPaths, clock: FakeTime
) -> None:
    service.create(PASSWORD).close()
    waits = [_wrong_try(service, paths, clock) for _ in range(10)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3] == 2.0
    assert waits == sorted(waits)
    assert max(waits) == MAX_PAUSE_SECONDS


def test_a_right_password_resets_it(
    service: VaultService, paths: VaultPaths, clock: FakeTime
) -> None:
    service.create(PASSWORD).close()
    for _ in range(5):
        _wrong_try(service, paths, clock)
    delay = _command(paths, clock)
    assert delay.seconds_to_wait() > 0
    delay.wait()
    service.unlock(PASSWORD).close()
    delay.record_right_password()
    assert not paths.unlock_delay.exists()
    assert _command(paths, clock).seconds_to_wait() == 0


def test_the_file_holds_two_figures_and_is_private(
    service: VaultService, paths: VaultPaths, clock: FakeTime
) -> None:
    service.create(PASSWORD).close()
    for _ in range(3):
        _wrong_try(service, paths, clock)
    document = json.loads(paths.unlock_delay.read_text())
    assert set(document) == {"failures", "not_before"}
    assert document["failures"] == 3
    assert stat.S_IMODE(paths.unlock_delay.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", b"[]", b'{"failures": 5, "not_before": "tomorrow"}', b"\xff" * 10_000],
)
def test_a_damaged_file_means_no_pause(paths: VaultPaths, clock: FakeTime, content: bytes) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.unlock_delay.write_bytes(content)
    assert _command(paths, clock).seconds_to_wait() == 0


def test_no_file_can_lock_the_person_out(paths: VaultPaths, clock: FakeTime) -> None:
    """A moment far ahead (a damaged file, a clock set back): still half a minute at most."""
    paths.data_dir.mkdir(parents=True)
    paths.unlock_delay.write_text(json.dumps({"failures": 99, "not_before": clock.now + 10**9}))
    assert _command(paths, clock).seconds_to_wait() == MAX_PAUSE_SECONDS
    clock.now -= 10**6  # the clock set back a long way
    assert _command(paths, clock).seconds_to_wait() == MAX_PAUSE_SECONDS


def test_a_disk_that_refuses_the_file_only_loses_the_pause(
    service: VaultService, paths: VaultPaths, clock: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import recovery_app.storage.files as files

    service.create(PASSWORD).close()

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", disk_full)
    for _ in range(4):
        _wrong_try(service, paths, clock)  # no exception escapes
    assert not paths.unlock_delay.exists()
    assert not list(paths.data_dir.glob(".*.tmp"))
