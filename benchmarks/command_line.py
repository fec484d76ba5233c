"""The command line's rows: `status --json` beside a bare process that does the same opening,
and `urges --json` at every scale, its time and its peak memory.

Each sample is the installed `recovery-app` (or the bare child) started fresh with the
password on standard input, timed from just before it starts until it has exited, with its
own peak resident memory from wait4. The output goes to /dev/null, except in the warm-up
run, where it is checked. hook/sitecustomize.py notes, from inside, how long each child's
key derivation took (RECOVERY_BENCH=command), so the growth of `urges` can be read without
the derivation's own spread from one start to the next.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from children import RECOVERY_APP, BenchmarkError, Finished, watched

# What `status` cannot do without: the same key derived from the password (the app's own key
# file reader, so the same Argon2 cost), the same database libraries imported, and the
# journal opened and read once.
BARE_STATUS = """
import sys
from pathlib import Path

import sqlalchemy, sqlmodel  # the database libraries the command loads
from sqlcipher3 import dbapi2

from recovery_app.storage.keyfile import read_keyfile

folder = Path(sys.argv[1])
key = read_keyfile(folder / "journal.key").unwrap(sys.stdin.readline().rstrip("\\n"))
conn = dbapi2.connect(f"file:{folder / 'journal.db'}?mode=rw", uri=True)
conn.execute("PRAGMA cipher_log_level = NONE")
conn.execute(f"PRAGMA key = \\"x'{key.hex()}'\\"")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
conn.close()
print("{}")
"""


def command(data_dir: Path, *words: str) -> list[str]:
    return [str(RECOVERY_APP), "--data-dir", str(data_dir), "--password-stdin", *words]


@dataclass(frozen=True)
class CommandRun(Finished):
    kdf_seconds: float = 0.0  # the key derivation's share of `seconds`, seen from inside


def run_command(
    kind: str, data_dir: Path, env: Mapping[str, str], password: str, *, keep: bool = False
) -> CommandRun:
    """One run of `kind` ("bare", "status" or "urges"); its output is kept only if asked."""
    if kind == "bare":
        argv = [sys.executable, "-c", BARE_STATUS, str(data_dir)]
    elif kind == "status":
        argv = command(data_dir, "status", "--json")
    else:
        argv = command(data_dir, "urges", "--json")
    out = data_dir.parent / "command-result.json"
    done, seen = watched(argv, env, "command", out, {}, stdin=password + "\n", keep_stdout=keep)
    if not seen.get("kdf_seconds"):
        raise BenchmarkError(f"{kind}: no key derivation was seen")
    return CommandRun(**asdict(done), kdf_seconds=float(seen["kdf_seconds"]))


def check_urges_output(done: CommandRun, urges: int) -> None:
    """The streamed document is whole JSON with every urge in it."""
    try:
        listed = json.loads(done.stdout)["urges"]
    except (ValueError, KeyError) as error:
        raise BenchmarkError(f"urges --json printed no JSON document: {error}") from None
    if len(listed) != urges:
        raise BenchmarkError(f"urges --json listed {len(listed)} urges, not {urges}")
