"""Shared helpers for the command-line tests: run one command in-process on a real vault.

A plain module, not a conftest (as helpers/ui_window.py), so that `from conftest
import ...` keeps meaning tests/conftest.py.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from conftest import CHEAP_KDF, PASSWORD

from recovery_app import cli
from recovery_app.services.secrets import KeyringSecretStore


def app(data_dir: Path, *args: str, stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `recovery-app --data-dir DIR --password-stdin ARGS`."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["--data-dir", str(data_dir), "--password-stdin", *args],
        stdin=io.StringIO(stdin),
        stdout=out,
        stderr=err,
        secrets=KeyringSecretStore(),
        kdf=CHEAP_KDF,
    )
    return code, out.getvalue(), err.getvalue()


def succeeded(data_dir: Path, *args: str, banned: Iterable[str] = ()) -> str:
    """The output of a command that must succeed quietly, in words that pass the tone check."""
    code, out, err = app(data_dir, *args)
    assert (code, err) == (0, ""), err
    assert not any(word in out.lower() for word in banned)
    return out
