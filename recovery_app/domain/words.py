"""Wording shipped as data (resources/texts/*.toml), handed to the pure functions that fill it
in, so the domain decides which sentence fits and the file decides how it is said."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    lines: Mapping[str, str]

    def say(self, key: str, **values: object) -> str:
        return self.lines[key].format(**values)

    def require(self, keys: Iterable[str]) -> Words:
        """These words, once every key is known to be there (a file left incomplete fails
        when it is read, not when a sentence is wanted)."""
        missing = [key for key in keys if key not in self.lines]
        if missing:
            raise ValueError(f"missing words: {', '.join(missing)}")
        return self
