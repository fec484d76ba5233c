"""The window's start reads its options without loading a command's module, and means the
same by them as the whole command line does."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from recovery_app.cli import parse
from recovery_app.cli.parser import build_parser

LOADED = (
    "import sys\n"
    "from recovery_app import cli\n"
    "found = cli.parse(sys.argv[1:], sys.stdout, sys.stderr)\n"
    "print(found.command, found.handler, found.window)\n"
    "print(' '.join(sorted(m for m in sys.modules if m.startswith('recovery_app.cli.'))))\n"
)


def test_the_window_start_loads_no_command_module(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    said, loaded = done.stdout.splitlines()
    assert said == "None None None"
    assert set(loaded.split()) <= {
        "recovery_app.cli.arguments",
        "recovery_app.cli.launcher",
        "recovery_app.cli.parser",
    }


def test_the_options_before_a_command_mean_the_same_read_either_way(tmp_path: Path) -> None:
    for argv in ([], ["--data-dir", str(tmp_path)], ["--password-stdin", "--data-dir", "x"]):
        quick = parse(argv, io.StringIO(), io.StringIO())
        whole = build_parser().parse_args(argv)
        assert not isinstance(quick, int)
        assert vars(quick) == vars(whole)


def test_a_command_or_a_mistake_goes_to_the_whole_command_line(tmp_path: Path) -> None:
    found = parse(["--data-dir", str(tmp_path), "status", "--json"], io.StringIO(), io.StringIO())
    assert not isinstance(found, int)
    assert found.command == "status" and found.handler is not None
    err = io.StringIO()
    assert parse(["--data-dir", str(tmp_path), "--no-such-option"], io.StringIO(), err) == 2
    assert err.getvalue().startswith("recovery-app: ") and err.getvalue().count("\n") == 1
    out = io.StringIO()
    assert parse(["--help"], out, io.StringIO()) == 0
    assert "COMMAND" in out.getvalue() and "status" in out.getvalue()
