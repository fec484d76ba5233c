"""Rules for a new password and a gentle strength hint.

The hint is a nudge, not a gate: only a minimum length is enforced, because a forgotten
password cannot be recovered and a too-clever rule makes forgetting more likely.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from typing import NamedTuple

MIN_PASSWORD_LENGTH = 8
ZXCVBN_MAX_LENGTH = 72


class Strength(Enum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


# A NamedTuple: on the unlock window's path, where dataclasses cost (ARCHITECTURE.md, Start-up).
class PasswordCheck(NamedTuple):
    strength: Strength
    acceptable: bool


def normalise(password: str) -> str:
    """The same password typed on two keyboards or input methods must give the same key."""
    return unicodedata.normalize("NFC", password)


def check_new_password(password: str) -> PasswordCheck:
    if len(normalise(password)) < MIN_PASSWORD_LENGTH:
        return PasswordCheck(Strength.TOO_SHORT, acceptable=False)
    # zxcvbn is pure Python; imported here so start-up does not pay for its word lists.
    from zxcvbn import zxcvbn

    # zxcvbn refuses inputs past 72 characters; by then a password is strong by length alone.
    if len(password) > ZXCVBN_MAX_LENGTH:
        return PasswordCheck(Strength.STRONG, acceptable=True)
    score = int(zxcvbn(password)["score"])
    if score <= 1:
        strength = Strength.WEAK
    elif score == 2:
        strength = Strength.FAIR
    else:
        strength = Strength.STRONG
    return PasswordCheck(strength, acceptable=True)
