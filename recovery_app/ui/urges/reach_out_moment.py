"""The moment "they reached out" is noted: the plan the person wrote when calm, and the next
steps one key away (R: ride the wave, P: people I can reach, K: keep a record).

Shown after every way of noting it (Today's contact form, the quick log, the command line
prints it). Never in the way: Esc or Enter closes it, nothing in it is asked or required,
and nothing in it is ever sent. Opened through `Navigation.show_reach_out_plan`, which
decides what each next step opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.services.reach_out_plan import ReachOutPlan
from recovery_app.services.support import SavedPerson
from recovery_app.services.texts import reach_out_texts
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.screen_fit import fit_to_screen
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph, their_words

WIDTH = 600


class ReachOutMomentDialog(Dialog):
    ride_requested = Signal()
    record_requested = Signal()

    def __init__(
        self,
        plan: ReachOutPlan,
        people: list[SavedPerson],
        helplines: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._words = reach_out_texts().moment
        self.setWindowTitle(self._words["title"])
        self.setMinimumSize(480, 300)
        self._sized = False
        self._build_ui(plan, people, helplines)
        self._connect_signals()
        self.close_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:  # Qt's own first size is a guess, taller
            self._sized = True
            self.resize(*self.wanted_size())
        super().showEvent(event)

    def wanted_size(self) -> tuple[int, int]:
        """As tall as the plan, no taller: a short plan reads as one calm card, not a
        page with a gap above its buttons."""
        width = max(WIDTH, self.minimumWidth())
        footer = self._outer.contentsMargins().bottom() + self.buttons.sizeHint().height()
        content = self.page.content
        bar = self.page.verticalScrollBar().sizeHint().width()
        # The wrapped lines' own height at this width: their size hint guesses a narrower one.
        height = content.heightForWidth(width - bar)
        if height < 0:
            height = content.sizeHint().height()
        return width, height + footer + 32  # air between the last line and the buttons

    def _build_ui(self, plan: ReachOutPlan, people: list[SavedPerson], helplines: str) -> None:
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        page = ScrollPage(margins=(24, 18, 24, 6), spacing=10)
        self.page = page
        outer.addWidget(page, 1)
        column = page.column
        column.addWidget(heading(self._words["heading"], 4))
        column.addWidget(
            paragraph(self._words["intro"] if plan.steps else self._words["no_plan"], "hint")
        )
        self.steps: list[QLabel] = []
        for number, step in enumerate(plan.steps, start=1):
            column.addLayout(self._numbered(f"{number}.", step.text))
        if plan.answers:
            column.addSpacing(8)
            column.addWidget(heading(self._words["answers_heading"], 1))
            for line in plan.answers:
                column.addLayout(self._numbered("–", line.text))
        self.people = self._people_panel(people, helplines)
        self.people.hide()  # one key away, not in the way
        column.addWidget(self.people)
        column.addStretch(1)
        page.wrap_to_width()

        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 24, 0)
        self.ride_button = QPushButton(self.tr("&Ride the wave"))
        self.ride_button.setToolTip(self.tr("A short guide through the pull (R)"))
        self.people_button = QPushButton(self.tr("&People I can reach"))
        self.people_button.setToolTip(self.tr("Show the people on your list (P)"))
        self.people_button.setCheckable(True)
        self.record_button = QPushButton(self.tr("&Keep a record"))
        self.record_button.setToolTip(self.tr("The exact words, a screenshot, when it came (K)"))
        for button in (self.ride_button, self.people_button, self.record_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setIcon(QIcon())  # words, not a cross
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setDefault(True)  # Enter pressed in a hurry only closes it
        row.addWidget(self.buttons)
        outer.addLayout(row)

    def _numbered(self, mark: str, text: str) -> QHBoxLayout:
        row = QHBoxLayout()  # the number apart, so a long step wraps under its words
        row.setSpacing(8)
        number = QLabel(mark)
        number.setMinimumWidth(18)
        row.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        label = their_words(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps.append(label)
        row.addWidget(label, 1)
        return row

    def _people_panel(self, people: list[SavedPerson], helplines: str) -> QFrame:
        panel = QFrame()
        panel.setObjectName("calm-panel")
        panel.setAccessibleName(self._words["people_heading"])
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(heading(self._words["people_heading"], 1))
        if not people:
            layout.addWidget(paragraph(self._words["no_people"], "hint"))
        for person in people:
            details = person.details
            name = their_words(details.name)
            font = name.font()
            font.setBold(True)
            name.setFont(font)
            layout.addWidget(name)
            more = "\n".join(line for line in (details.reach, details.note) if line)
            if more:
                label = their_words(more)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(label)
        small = paragraph(helplines, "small")
        small.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(small)
        return panel

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.ride_button.clicked.connect(self.ride)
        self.people_button.toggled.connect(self.show_people)
        self.record_button.clicked.connect(self.keep_a_record)
        # One key each, as the buttons say: nothing here takes typing.
        for key, action in (
            ("R", self.ride),
            ("P", self.people_button.toggle),
            ("K", self.keep_a_record),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(action)

    def ride(self) -> None:
        self.accept()
        self.ride_requested.emit()

    def keep_a_record(self) -> None:
        self.accept()
        self.record_requested.emit()

    def show_people(self, shown: bool) -> None:
        self.people.setVisible(shown)
        self.people_button.setChecked(shown)
        if shown:  # once laid out: room for the people where the screen has it, then in view
            QTimer.singleShot(0, self._make_room_for_people)

    def _make_room_for_people(self) -> None:
        fit_to_screen(self, self.width(), self.wanted_size()[1])
        self.page.ensureWidgetVisible(self.people)
