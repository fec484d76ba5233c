import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.text_input import (
    MAX_DIGITS,
    WHOLE_NUMBER_HINT,
    for_terminal,
    parse_whole_number,
)


@pytest.mark.parametrize(("text", "value"), [("0", 0), ("7", 7), ("-3", -3), ("0010", 10)])
def test_plain_digits_are_whole_numbers(text: str, value: int) -> None:
    assert parse_whole_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["٣", "５", "1_0", "+5", " 5", "5 ", "", "-", "--5", "3.0", "1e3", "²", "0x10", "5\n", "-٣"],
)
def test_anything_else_is_refused_without_repeating_it(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_whole_number(text)
    assert caught.value.message == WHOLE_NUMBER_HINT
    assert text.strip() == "" or text.strip() not in caught.value.message


def test_a_number_too_long_to_mean_anything_is_refused() -> None:
    parse_whole_number("9" * MAX_DIGITS)
    with pytest.raises(InvalidInput):
        parse_whole_number("9" * (MAX_DIGITS + 1))
    with pytest.raises(InvalidInput):
        parse_whole_number("1" * 100_000)  # never reaches int()'s own digit limit


@given(st.integers(min_value=-(10**17), max_value=10**17))
def test_every_plain_integer_reads_back(value: int) -> None:
    assert parse_whole_number(str(value)) == value


def test_ansi_escapes_are_shown_not_obeyed() -> None:
    planted = "fine\x1b[2J\x1b]0;owned\x07\x1b[31mred"
    shown = for_terminal(planted)
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown == "fine\\x1b[2J\\x1b]0;owned\\x07\\x1b[31mred"


@pytest.mark.parametrize(
    ("char", "escape"),
    [
        ("\r", "\\x0d"),
        ("\x00", "\\x00"),
        ("\x7f", "\\x7f"),
        ("\x9b", "\\x9b"),  # the one-byte CSI
        ("\t", "\\x09"),
        ("\u202e", "\\u202e"),  # right-to-left override
        ("\u2066", "\\u2066"),
        ("\u2028", "\\u2028"),
        ("\x85", "\\x85"),
    ],
)
def test_each_control_character_is_escaped(char: str, escape: str) -> None:
    assert for_terminal(f"a{char}b") == f"a{escape}b"


def test_line_breaks_are_kept_only_when_asked() -> None:
    assert for_terminal("one\ntwo") == "one\\x0atwo"
    assert for_terminal("one\ntwo", keep_line_breaks=True) == "one\ntwo"
    assert for_terminal("one\r\ntwo", keep_line_breaks=True) == "one\\x0d\ntwo"


@pytest.mark.parametrize(
    "text", ["Plain words.", "Émile, 東京, مرحبا", "👨\u200d👩\u200d👧 family", "a\\x1b literal"]
)
def test_printable_text_is_unchanged(text: str) -> None:
    assert for_terminal(text) == text


@given(st.text())
def test_no_control_character_ever_reaches_the_terminal(text: str) -> None:
    import unicodedata

    shown = for_terminal(text)
    assert not any(unicodedata.category(c) == "Cc" for c in shown)
    assert "\u202e" not in shown and "\u2028" not in shown
