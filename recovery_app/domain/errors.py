"""A person's input that can't be saved as it is. The message is kind, and safe to show:
it never repeats what the person wrote."""

from __future__ import annotations


class InvalidInput(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
