"""The key derivation timed from inside a benchmark child: hook/sitecustomize.py uses it for
the command line (RECOVERY_BENCH=command), benchmarks/app_session.py for the unlock. Apart
from sitecustomize so that every child's start imports nothing more (`typing`, here)."""

from __future__ import annotations

from collections.abc import Callable


def time_key_derivation(low_level: object, noted: Callable[[float, float], object]) -> None:
    """Wrap argon2's `hash_secret_raw` (what the key file reader calls, by name, each time)
    so that each derivation's start and end (`time.perf_counter()`) are told to `noted`."""
    import time

    derive = low_level.hash_secret_raw  # type: ignore[attr-defined]

    def timed(*args: object, **kwargs: object) -> bytes:
        started = time.perf_counter()
        try:
            return derive(*args, **kwargs)  # type: ignore[no-any-return]
        finally:
            noted(started, time.perf_counter())

    low_level.hash_secret_raw = timed  # type: ignore[attr-defined]
