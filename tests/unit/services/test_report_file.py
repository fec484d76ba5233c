"""A report is saved under a temporary name beside its target and renamed once whole; a stop
or a failure leaves nothing behind."""

import errno
import os
import stat
from pathlib import Path

import pytest

from recovery_app.services.errors import NotWritable
from recovery_app.services.report_file import ReportFileWriter, save_report


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    return chosen


def test_it_is_written_piece_by_piece_then_renamed(folder: Path) -> None:
    target = folder / "report.pdf"
    data = b"%PDF-" + bytes(range(256)) * 40
    writer = ReportFileWriter(target, data, chunk_bytes=1000)
    assert not writer.step()
    assert writer.partial_path.exists()
    assert writer.partial_path.parent == folder
    assert not target.exists()
    while not writer.step():
        assert not target.exists()
    assert target.read_bytes() == data
    assert not writer.partial_path.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]


def test_a_stop_half_way_removes_the_partial_file_and_keeps_what_was_there(
    folder: Path,
) -> None:
    target = folder / "report.pdf"
    target.write_bytes(b"the earlier report")
    writer = ReportFileWriter(target, b"x" * 5000, chunk_bytes=1000)
    writer.step()
    writer.cancel()
    writer.cancel()  # twice is fine
    assert target.read_bytes() == b"the earlier report"
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]
    with pytest.raises(ValueError, match="stopped"):
        writer.step()


def test_an_interrupt_leaves_no_partial_file(folder: Path, monkeypatch) -> None:
    target = folder / "report.pdf"
    real_write = os.write
    calls = []

    def interrupted(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_report(target, b"y" * (3 * 256 * 1024))
    assert list(folder.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_named_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: the refusal comes from the call itself
        real_open = os.open

        def refused(path: str | os.PathLike[str], *args: int) -> int:
            if Path(path).parent == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, *args)

        monkeypatch.setattr(os, "open", refused)
    try:
        with pytest.raises(NotWritable):
            save_report(folder / "report.pdf", b"data")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
