"""PySide6 must not drop references to None.

PySide6 6.12.0 releases a reference to None on every call that returns nothing. On Python
3.11 None is an ordinary object, so a long session (the guide's breathing pacer, panning the
timeline) brings its count to zero and the interpreter aborts: "none_dealloc: deallocating
None". pyproject.toml keeps that release out; this test fails if a bump brings it back.
"""

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor


def test_calls_that_return_nothing_leave_none_alone() -> None:
    colour = QColor("#2f7d6d")
    rect = QRect()
    before = sys.getrefcount(None)
    for value in range(1000):
        colour.setAlpha(value % 256)
        rect.setWidth(value)
    assert sys.getrefcount(None) - before > -100  # a leak would show about -2,000
