"""Asking before something is destroyed or changed, with buttons named for what they do.

`ask()` opens a question with `open()` (never `exec()`, so a lock can close it at any
moment) and calls back with the answer chosen; `confirm()` is the common yes-or-keep-it case.
No stock buttons and no icons on them: "Remove" and "Keep it", never "Yes" and "No".

Tests that are about something else can answer the next question in advance, as KeePassXC's
`MessageBox::setNextAnswer` does: `set_next_answer(0)` answers with the first button, and the
question is then never shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget

_next_answers: list[int | None] = []


@dataclass(frozen=True)
class Answer:
    text: str  # with an & before the mnemonic letter, if any
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole


def set_next_answer(index: int | None) -> None:
    """For tests: the next question is answered with button `index` (None: closed with Esc)."""
    _next_answers.append(index)


def ask(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    detail: str = "",
    answers: Sequence[Answer],
    default: int,
    escape: int,
    on_answer: Callable[[int | None], None],
) -> QMessageBox | None:
    """Open the question; `on_answer(index)` runs once it is answered (None: no button)."""
    if _next_answers:
        on_answer(_next_answers.pop(0))
        return None
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    buttons = [box.addButton(answer.text, answer.role) for answer in answers]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])

    answers_given: list[int | None] = []

    def answered() -> None:
        # Once: a lock meanwhile rejects every open dialog, this one too, and must not answer
        # it a second time.
        if answers_given:
            return
        clicked = box.clickedButton()
        answers_given.append(next((i for i, b in enumerate(buttons) if b is clicked), None))
        on_answer(answers_given[0])

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def confirm(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    detail: str = "",
    yes: str,
    no: str,
    on_yes: Callable[[], None],
    destructive: bool = False,
    yes_by_default: bool = False,
) -> QMessageBox | None:
    """Ask a yes-or-no question; `on_yes()` runs only if `yes` was chosen. A destructive
    question keeps `no` as the default, so Enter pressed in a hurry destroys nothing."""
    role = (
        QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    )
    return ask(
        parent,
        title=title,
        text=text,
        detail=detail,
        answers=[Answer(yes, role), Answer(no, QMessageBox.ButtonRole.RejectRole)],
        default=0 if yes_by_default and not destructive else 1,
        escape=1,
        on_answer=lambda index: on_yes() if index == 0 else None,
    )
