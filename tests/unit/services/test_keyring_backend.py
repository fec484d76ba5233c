"""Choosing the keyring backend starts no process (keyring's own detection imports the macOS
backend, whose find_library runs ldconfig and gcc on Linux) and picks what keyring would."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import json, subprocess, sys
    started = []
    real_init = subprocess.Popen.__init__
    def recording_init(self, args, *rest, **options):
        started.append(str(args))
        real_init(self, args, *rest, **options)
    subprocess.Popen.__init__ = recording_init
    if sys.argv[1] == "ours":
        from recovery_app.services.secrets import KeyringSecretStore, _keyring
        KeyringSecretStore().status()
        backend = _keyring().get_keyring()
    else:
        import keyring
        backend = keyring.get_keyring()
    print(json.dumps({
        "backend": type(backend).__module__ + "." + type(backend).__name__,
        "started": started,
        "macos_loaded": "keyring.backends.macOS" in sys.modules,
    }))
    """
)


def _choose(which: str, home: Path, **env: str) -> dict[str, object]:
    environment = {
        key: value for key, value in os.environ.items() if key != "PYTHON_KEYRING_BACKEND"
    }
    environment.update({"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), **env})
    done = subprocess.run(
        [sys.executable, "-c", CHILD, which],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.skipif(sys.platform in {"darwin", "win32"}, reason="there keyring's own way is ours")
def test_our_choice_starts_no_process_and_agrees_with_keyring(private_home: Path) -> None:
    ours = _choose("ours", private_home)
    assert ours["started"] == []
    assert ours["macos_loaded"] is False
    theirs = _choose("theirs", private_home)
    assert theirs["backend"] == ours["backend"]
    if Path("/sbin/ldconfig").exists():
        assert theirs["started"], "the recorder should have seen keyring's own ldconfig"


def test_the_backend_named_in_the_environment_is_kept(private_home: Path) -> None:
    ours = _choose("ours", private_home, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    assert ours["backend"] == "keyring.backends.null.Keyring"


def test_a_backend_already_set_is_kept(memory_keyring: object) -> None:
    from recovery_app.services.secrets import _keyring

    assert _keyring().get_keyring() is memory_keyring
