"""What a person keeps ready for a hard moment: reasons, people to reach, unsent letters.

Only checks live here; nothing is ever sent or dialled anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_app.domain.errors import InvalidInput

REASON_MAX_CHARS = 1000
NAME_MAX_CHARS = 200
FEELINGS = range(0, 11)


def clean_reason(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise InvalidInput("A reason needs a few words.")
    if len(clean) > REASON_MAX_CHARS:
        raise InvalidInput(f"A reason fits in {REASON_MAX_CHARS:,} characters.")
    return clean


@dataclass(frozen=True)
class SupportPersonDetails:
    name: str
    reach: str = ""  # how to reach them, in the person's own words
    note: str = ""

    def validated(self) -> SupportPersonDetails:
        name = " ".join(self.name.split())
        if not name:
            raise InvalidInput("Please give a name, or a word that tells you who it is.")
        if len(name) > NAME_MAX_CHARS:
            raise InvalidInput(f"A name fits in {NAME_MAX_CHARS} characters.")
        return SupportPersonDetails(name, self.reach.strip(), self.note.strip())


def checked_feeling(feeling: int | None) -> int | None:
    if feeling is not None and feeling not in FEELINGS:
        raise InvalidInput("How you feel goes from 0 to 10.")
    return feeling
