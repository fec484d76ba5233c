"""How hard the password is stretched (Argon2id). Its own light module: the unlock window
needs these figures before any of the key file's machinery (JSON, HMAC, AES) is loaded."""

from __future__ import annotations

from typing import NamedTuple


# A NamedTuple: on the unlock window's path, where dataclasses cost (ARCHITECTURE.md, Start-up).
class KdfParams(NamedTuple):
    """Argon2id cost. 256 MiB, t=3, p=2 takes about 0.6 s on a 2-core machine."""

    time_cost: int = 3
    memory_kib: int = 256 * 1024
    parallelism: int = 2


DEFAULT_KDF = KdfParams()
