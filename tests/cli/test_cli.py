"""The command line, driven in-process with injected streams and a cheap key derivation."""

import io
from pathlib import Path

import pytest
from conftest import CHEAP_KDF, PASSWORD, vault_bytes

from recovery_app import __version__, cli
from recovery_app.services.secrets import KeyringSecretStore
from recovery_app.services.vault_service import VaultService
from recovery_app.storage.paths import VaultPaths


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(args: list[str], stdin: str = "", *, tty_answers: list[str] | None = None):
    out, err = io.StringIO(), io.StringIO()
    answers = iter(tty_answers or [])
    code = cli.run(
        args,
        stdin=FakeTerminal(stdin) if tty_answers is not None else io.StringIO(stdin),
        stdout=out,
        stderr=err,
        secrets=KeyringSecretStore(),
        kdf=CHEAP_KDF,
        prompt=lambda _prompt: next(answers),
    )
    return code, out.getvalue(), err.getvalue()


def service_for(data_dir: Path) -> VaultService:
    return VaultService(VaultPaths(data_dir), KeyringSecretStore(), CHEAP_KDF)


def test_init_from_stdin_creates_a_vault_that_opens(data_dir: Path) -> None:
    code, out, err = run(["--data-dir", str(data_dir), "--password-stdin", "init"], PASSWORD + "\n")
    assert (code, err) == (0, "")
    assert "ready" in out and "cannot be recovered" in out
    service_for(data_dir).unlock(PASSWORD).close()


def test_init_at_a_terminal_asks_twice(data_dir: Path) -> None:
    code, _, _ = run(["--data-dir", str(data_dir), "init"], tty_answers=[PASSWORD, PASSWORD])
    assert code == 0
    service_for(data_dir).unlock(PASSWORD).close()


def test_init_with_two_different_answers_changes_nothing(data_dir: Path) -> None:
    code, _, err = run(["--data-dir", str(data_dir), "init"], tty_answers=[PASSWORD, "other one!"])
    assert code == 1
    assert "different" in err and err.count("\n") == 1
    assert not data_dir.exists()


def test_init_with_a_short_password_is_refused(data_dir: Path) -> None:
    code, _, err = run(["--data-dir", str(data_dir), "--password-stdin", "init"], "short\n")
    assert code == 1 and "at least 8" in err
    assert not (data_dir / "journal.db").exists()


def test_init_twice_keeps_the_first_vault(data_dir: Path) -> None:
    run(["--data-dir", str(data_dir), "--password-stdin", "init"], PASSWORD + "\n")
    before = vault_bytes(VaultPaths(data_dir))
    code, _, err = run(["--data-dir", str(data_dir), "--password-stdin", "init"], "another pw!\n")
    assert code == 1 and "already a journal" in err
    assert vault_bytes(VaultPaths(data_dir)) == before


def test_data_dir_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERY_APP_DATA_DIR", str(tmp_path / "from-env"))
    code, _, _ = run(["--password-stdin", "init"], PASSWORD + "\n")
    assert code == 0
    assert (tmp_path / "from-env" / "journal.db").exists()


def test_the_default_data_dir_is_the_platform_user_data_dir(private_home: Path) -> None:
    code, out, _ = run(["--password-stdin", "init"], PASSWORD + "\n")
    assert code == 0
    created = list(private_home.rglob("journal.db"))
    assert len(created) == 1 and str(created[0].parent) in out


def test_change_password_from_stdin(data_dir: Path) -> None:
    run(["--data-dir", str(data_dir), "--password-stdin", "init"], PASSWORD + "\n")
    code, out, err = run(
        ["--data-dir", str(data_dir), "--password-stdin", "change-password"],
        f"{PASSWORD}\na new password here\n",
    )
    assert (code, err) == (0, "")
    assert "changed" in out
    service_for(data_dir).unlock("a new password here").close()


def test_change_password_with_a_wrong_current_one_exits_3(data_dir: Path) -> None:
    run(["--data-dir", str(data_dir), "--password-stdin", "init"], PASSWORD + "\n")
    before = vault_bytes(VaultPaths(data_dir))
    code, _, err = run(
        ["--data-dir", str(data_dir), "--password-stdin", "change-password"],
        "wrong one\na new password here\n",
    )
    assert code == 3
    assert err.count("\n") == 1 and "didn't open" in err
    after = vault_bytes(VaultPaths(data_dir))
    assert after.pop(".unlock-delay")  # the wrong try is counted, for the next one's pause
    assert after == before


def test_no_vault_exits_4(data_dir: Path) -> None:
    code, _, err = run(
        ["--data-dir", str(data_dir), "--password-stdin", "change-password"], "x\ny\n"
    )
    assert code == 4 and "no journal" in err.lower()
    assert not data_dir.exists()


def test_not_a_vault_exits_5(data_dir: Path) -> None:
    run(["--data-dir", str(data_dir), "--password-stdin", "init"], PASSWORD + "\n")
    (data_dir / "journal.key").write_text("this is not a key file")
    code, _, err = run(
        ["--data-dir", str(data_dir), "--password-stdin", "change-password"],
        f"{PASSWORD}\na new password here\n",
    )
    assert code == 5 and "damaged" in err


def test_missing_stdin_lines_are_a_usage_error(data_dir: Path) -> None:
    run(["--data-dir", str(data_dir), "--password-stdin", "init"], PASSWORD + "\n")
    code, _, err = run(["--data-dir", str(data_dir), "--password-stdin", "change-password"], "")
    assert code == 2 and "standard input" in err


def test_no_terminal_and_no_password_stdin_is_a_usage_error(data_dir: Path) -> None:
    code, _, err = run(["--data-dir", str(data_dir), "init"])
    assert code == 2 and "--password-stdin" in err


@pytest.mark.parametrize("args", [["frobnicate"], ["--data-dir"], ["init", "--nope"]])
def test_usage_errors_exit_2_with_one_line(args: list[str]) -> None:
    code, out, err = run(args)
    assert code == 2
    assert out == "" and err.count("\n") == 1


def test_version_and_help() -> None:
    code, out, _ = run(["--version"])
    assert code == 0 and __version__ in out
    code, out, _ = run(["--help"])
    assert code == 0
    for word in ("init", "change-password", "--data-dir", "--password-stdin"):
        assert word in out


def _choices(*command: str) -> dict[str, list[str]]:
    """The choices each option of one command offers, read from the parser itself."""
    import argparse

    from recovery_app.cli.parser import build_parser

    parser: argparse.ArgumentParser = build_parser()
    for name in command:
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = subparsers.choices[name]
    return {
        (action.option_strings or [action.dest])[0]: list(action.choices)
        for action in parser._actions
        if action.choices is not None and not isinstance(action, argparse._SubParsersAction)
    }


def test_the_parser_offers_exactly_the_kinds_the_journal_knows() -> None:
    """One source for every closed answer (domain/kinds.py): nothing kept in step by hand."""
    from recovery_app.domain import kinds

    values = lambda kind: [member.value for member in kind]  # noqa: E731
    assert _choices("contact") == {
        "--kind": values(kinds.ContactKind),
        "--channel": values(kinds.Channel),
    }
    assert _choices("check-in") == {"--no-contact": values(kinds.NoContactAnswer)}
    assert _choices("log-urge") == {"--outcome": values(kinds.UrgeOutcome)}
    assert _choices("memory", "add") == {"--kind": values(kinds.MemoryKind)}
    assert _choices("hard-date", "add") == {
        "--notice": values(kinds.HardDateNotice),
        "--step": values(kinds.PlanStep),
    }
    assert _choices("promise", "mark") == {
        "outcome": [o for o in values(kinds.PromiseOutcome) if o != "skip"]
    }
