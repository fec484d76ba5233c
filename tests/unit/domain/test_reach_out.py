"""The rules for when they reach out: plan lines, exact words, files and their limits."""

from datetime import UTC, datetime

import pytest

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.kinds import Channel, ContactKind, PlanPart
from recovery_app.domain.reach_out import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENTS_TOTAL_MAX_BYTES,
    MIB,
    PLAN_LINE_MAX_CHARS,
    WORDS_MAX_CHARS,
    RecordFields,
    check_new_attachment,
    clean_file_name,
    clean_plan_line,
    clean_words,
    is_image,
    media_type,
    megabytes,
    record_changed,
    sha256_hex,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def test_a_plan_line_is_trimmed_and_must_say_something() -> None:
    assert clean_plan_line(PlanPart.STEP, "  Breathe out slowly.\n") == "Breathe out slowly."
    with pytest.raises(InvalidInput, match="step needs a few words"):
        clean_plan_line(PlanPart.STEP, "   ")
    with pytest.raises(InvalidInput, match="line needs a few words"):
        clean_plan_line(PlanPart.ANSWER, "")
    with pytest.raises(InvalidInput, match=str(PLAN_LINE_MAX_CHARS)):
        clean_plan_line(PlanPart.STEP, "x" * (PLAN_LINE_MAX_CHARS + 1))


def test_the_exact_words_are_kept_exactly_but_for_blank_lines_around_them() -> None:
    pasted = "\n\n  hey.  answer me\n\nplease  \n"
    assert clean_words(pasted) == "  hey.  answer me\n\nplease  "
    assert clean_words(" \n \n") == ""
    with pytest.raises(InvalidInput, match="screenshot"):
        clean_words("x" * (WORDS_MAX_CHARS + 1))


def test_a_file_must_fit_on_its_own_and_with_the_others() -> None:
    check_new_attachment(ATTACHMENT_MAX_BYTES, 0)
    check_new_attachment(1, ATTACHMENTS_TOTAL_MAX_BYTES - 1)
    with pytest.raises(InvalidInput, match="empty"):
        check_new_attachment(0, 0)
    with pytest.raises(InvalidInput, match="up to 10 MB") as big:
        check_new_attachment(ATTACHMENT_MAX_BYTES + 1, 0)
    assert "Nothing was added" in big.value.message
    with pytest.raises(InvalidInput, match="200 MB in all") as full:
        check_new_attachment(2 * MIB, ATTACHMENTS_TOTAL_MAX_BYTES - MIB)
    assert "1.0 MB left" in full.value.message


def test_sizes_read_as_people_read_them() -> None:
    assert megabytes(10) == "1 KB"
    assert megabytes(640 * 1024) == "640 KB"
    assert megabytes(3 * MIB + MIB // 5) == "3.2 MB"


def test_what_a_file_holds_comes_from_its_bytes_not_its_name() -> None:
    assert media_type(PNG) == "image/png"
    assert media_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert media_type(b"GIF89a...") == "image/gif"
    assert media_type(b"RIFF\0\0\0\0WEBPVP8 ") == "image/webp"
    assert media_type(b"%PDF-1.7") == "application/pdf"
    assert media_type(b"just words") == "application/octet-stream"
    assert is_image("image/png") and not is_image("application/pdf")


def test_a_file_name_is_safe_to_show_and_to_save_under() -> None:
    assert clean_file_name("/home/me/Screenshot 1.png") == "Screenshot 1.png"
    assert clean_file_name("C:\\Users\\me\\chat.jpg") == "chat.jpg"
    assert clean_file_name("..") == "attachment"
    assert clean_file_name(".hidden") == "hidden"
    assert clean_file_name("a\x1b[31mb\u202e.png") == "a_[31mb_.png"
    assert clean_file_name('why?:*"<>|.txt') == "why_______.txt"
    long = clean_file_name("n" * 300 + ".jpeg")
    assert len(long) == 200 and long.endswith(".jpeg")
    assert clean_file_name(clean_file_name("x/y.png")) == "y.png"


def test_the_fingerprint_is_sha_256() -> None:
    assert sha256_hex(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_only_a_change_to_the_record_counts_as_an_edit() -> None:
    at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    first = RecordFields(ContactKind.THEM, at, Channel.MESSAGE, "hi")
    assert not record_changed(first, RecordFields(ContactKind.THEM, at, Channel.MESSAGE, "hi"))
    assert record_changed(first, RecordFields(ContactKind.THEM, at, Channel.CALL, "hi"))
    assert record_changed(first, RecordFields(ContactKind.THEM, at, Channel.MESSAGE, "hi!"))
