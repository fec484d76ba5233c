"""Comparing the app's version numbers, to refuse files made by a newer app.

A newer app may add a kind of entry or a value this one does not know without changing the
schema, so its backups and exports are refused even at a schema revision known here.
"""

from __future__ import annotations

import re

_NUMBERS = re.compile(r"\d+")


def version_key(version: str) -> tuple[int, ...]:
    """ "0.1.0" -> (0, 1, 0); the leading dotted numbers only ("1.2.0rc1" -> (1, 2, 0))."""
    parts: list[int] = []
    for piece in version.strip().split("."):
        match = _NUMBERS.match(piece)
        if match is None:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_newer(version: str, than: str) -> bool:
    return version_key(version) > version_key(than)
