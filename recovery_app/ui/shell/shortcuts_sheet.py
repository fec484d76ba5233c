"""Every keyboard shortcut on one sheet (F1 or Ctrl+?), grouped by where it works.

`SHORTCUTS` is the one list: the sheet shows it, and a test checks that every shortcut the
windows and dialogs really have appears in it, so a new one can't be left off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph


def _(text: str) -> str:
    return QCoreApplication.translate("ShortcutsSheet", text)


@dataclass(frozen=True)
class Shortcut:
    place: str
    keys: str  # as shown
    does: str
    sequences: tuple[str, ...] = ()  # the QKeySequence texts it stands for (for the test)


ANYWHERE, QUICK_LOG, REACH_OUT, TODAY, LISTS, WHOLE, READINGS, REVIEW, FORMS, GUIDE = (
    "Anywhere in the window",
    "Noting an urge (Ctrl+U)",
    "Your plan, shown when they reach out",
    "Today",
    "Lists (urges, reasons, people, letters, memories)",
    "Whole relationship",
    "Understanding",
    "Review",
    "Forms and exercises",
    "Ride the wave",
)


def shortcuts(sections: Sequence[str]) -> list[Shortcut]:
    """Every shortcut; `sections` are the sidebar's names, in order (Ctrl+1, Ctrl+2, …)."""
    go_to = ", ".join(f"Ctrl+{i + 1} {name}" for i, name in enumerate(sections))
    return [
        Shortcut(ANYWHERE, "F1, Ctrl+?", _("this list of shortcuts"), ("F1", "Ctrl+?")),
        Shortcut(ANYWHERE, _("Shift three times"), _("quick exit: hide the window and lock")),
        Shortcut(ANYWHERE, "Ctrl+L", _("lock the journal"), ("Ctrl+L",)),
        Shortcut(ANYWHERE, "Ctrl+U", _("note an urge in seconds"), ("Ctrl+U",)),
        Shortcut(
            ANYWHERE,
            f"Ctrl+1 … Ctrl+{len(sections)}",
            _("go to a section: %1").replace("%1", go_to),
            tuple(f"Ctrl+{i + 1}" for i in range(len(sections))),
        ),
        Shortcut(QUICK_LOG, _("0 … 10, Enter"), _("how strong the pull is, then save")),
        Shortcut(QUICK_LOG, "T", _("they reached out instead: note it and see your plan")),
        Shortcut(REACH_OUT, "R", _("ride the wave"), ("R",)),
        Shortcut(REACH_OUT, "P", _("show or hide the people I can reach"), ("P",)),
        Shortcut(REACH_OUT, "K", _("keep a record: the exact words, a screenshot"), ("K",)),
        Shortcut(REACH_OUT, "Esc", _("close the plan")),
        Shortcut(TODAY, "Ctrl+K", _("today's check-in"), ("Ctrl+K",)),
        Shortcut(TODAY, "Ctrl+N", _("add a clock"), ("Ctrl+N",)),
        Shortcut(LISTS, "Delete", _("remove the chosen one (it can be undone)"), ("Del",)),
        Shortcut(LISTS, "Ctrl+Z", _("undo what was just removed"), ("Ctrl+Z",)),
        Shortcut(LISTS, "F2", _("edit the chosen reason or person"), ("F2",)),
        Shortcut(
            LISTS,
            _("Alt+Up, Alt+Down"),
            _("move the chosen reason or person"),
            ("Alt+Up", "Alt+Down"),
        ),
        Shortcut(LISTS, "Ctrl+N", _("add one: a letter, a person you can reach, a memory")),
        Shortcut(WHOLE, _("Left, Right"), _("on the timeline: the previous or next memory")),
        Shortcut(WHOLE, _("Home, End"), _("on the timeline: the first or last memory")),
        Shortcut(WHOLE, "Enter", _("on the timeline: open the chosen memory")),
        Shortcut(WHOLE, _("Ctrl+Plus, Ctrl+Minus"), _("on the timeline: zoom in or out")),
        Shortcut(READINGS, "Ctrl+F", _("search the readings"), ("Ctrl+F", "Find")),
        Shortcut(READINGS, "Esc", _("clear the search; in a reading, back to the list"), ("Esc",)),
        Shortcut(READINGS, "Alt+Left", _("in a reading: back to the list"), ("Alt+Left",)),
        Shortcut(REVIEW, "Ctrl+T", _("every chart as a plain table, or back"), ("Ctrl+T",)),
        Shortcut(REVIEW, "Ctrl+P", _("make a report"), ("Ctrl+P",)),
        Shortcut(REVIEW, "Ctrl+S", _("in the report's window: save it as a PDF"), ("Ctrl+S",)),
        Shortcut(REVIEW, _("Left, Right"), _("on the range's row: the previous or next range")),
        Shortcut(
            FORMS,
            "Ctrl+Enter",
            _("save the form; in an exercise, the next step"),
            ("Ctrl+Return", "Ctrl+Enter"),
        ),
        Shortcut(FORMS, "Esc", _("close without saving")),
        Shortcut(FORMS, _("Alt+underlined letter"), _("go to that question")),
        Shortcut(FORMS, _("Left, Right"), _("move between the answers of a question")),
        Shortcut(FORMS, "Space", _("choose the answer; again to clear it")),
        Shortcut(GUIDE, "Ctrl+Enter", _("start, finish, or save and close, by step")),
    ]


class ShortcutsSheet(Dialog):
    def __init__(self, sections: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 10)
        self.page = ScrollPage(margins=(24, 18, 24, 8), spacing=8)
        outer.addWidget(self.page, 1)
        column = self.page.column
        column.addWidget(heading(self.tr("Keyboard shortcuts"), 5))
        column.addWidget(paragraph(self.tr("Everything can also be done with the mouse."), "hint"))
        # One grid for every group, so the keys line up down the whole sheet.
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        place = ""
        for shortcut in shortcuts(sections):
            row = grid.rowCount()
            if shortcut.place != place:
                place = shortcut.place
                grid.addWidget(heading(_(place), 1), row, 0, 1, 2)
                row += 1
            keys = QLabel(f"<b>{shortcut.keys}</b>")
            does = QLabel(shortcut.does)
            does.setWordWrap(True)
            does.setAccessibleName(f"{shortcut.keys}: {shortcut.does}")
            grid.addWidget(keys, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(does, row, 1)
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(24, 0, 24, 0)
        outer.addWidget(buttons)

    def wanted_size(self) -> tuple[int, int]:
        width = max(self.sizeHint().width(), 640)
        return width, self.page.height_for(width) + 60
