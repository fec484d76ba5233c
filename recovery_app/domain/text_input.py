"""What a person types, read strictly, and what they wrote, shown safely in a terminal.

Whole numbers: Python's int() accepts far more than "a whole number" means here: other
scripts' digits ("٣", "５"), underscores ("1_0"), a plus sign, spaces around. A value that
was misread silently is worse than one refused kindly, so only ASCII digits with an
optional leading minus are taken.

Terminal output: text from the journal may hold control characters and ANSI escape
sequences (pasted, imported, or planted by someone with access to the files). Printed raw,
they can move the cursor, rewrite earlier lines, change the window title or hide text. So
every control character is shown as a visible escape instead, and so are the invisible
characters that reorder text (bidirectional controls), which can make a line read
differently from what it holds.
"""

from __future__ import annotations

import re
import unicodedata

from recovery_app.domain.errors import InvalidInput

WHOLE_NUMBER_HINT = "Please give a whole number in plain digits, for example 3."
MAX_DIGITS = 18  # every count in the journal fits; a longer one is a slip of the finger

_WHOLE_NUMBER = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}")

# Bidirectional formatting characters (Unicode's Bidi_Control property).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = frozenset("\u2028\u2029\u0085")


def parse_whole_number(text: str) -> int:
    """`text` as an int, or InvalidInput (its message never repeats `text`)."""
    if not _WHOLE_NUMBER.fullmatch(text):
        raise InvalidInput(WHOLE_NUMBER_HINT)
    return int(text)


def for_terminal(text: str, *, keep_line_breaks: bool = False) -> str:
    """`text` with every control character shown as a visible escape (ESC as \\x1b, a
    right-to-left override as \\u202e, ...). Everything printable, emoji and joiners
    included, is kept as it is. `keep_line_breaks` keeps plain "\\n" for text printed over
    several lines; "\\r", which can rewrite a line, is escaped either way."""
    if text.isprintable() and not _BIDI_CONTROLS.intersection(text):
        return text  # the common case: nothing to look at character by character
    return "".join(_shown(char, keep_line_breaks) for char in text)


def _shown(char: str, keep_line_breaks: bool) -> str:
    if char == "\n" and keep_line_breaks:
        return char
    if char == " " or (
        char not in _BIDI_CONTROLS
        and char not in _LINE_BREAKS
        and (unicodedata.category(char) != "Cc")
    ):
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
