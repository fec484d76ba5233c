"""The ride-the-wave guide's companions: the breathing pacer, and the side panel with my
reasons, a kind word, the people I can reach and the way to the letter pad."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.wave import Breath, BreathPhase
from recovery_app.services.support import SavedPerson, SavedReason
from recovery_app.services.texts import GuideTexts
from recovery_app.ui.kit import theme
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph, their_words


class BreathingPacer(QWidget):
    """A circle that fills as you breathe in (4 s) and empties as you breathe out (6 s).

    With reduce motion on, the circle stays still and only the words change.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fullness = 0.0
        self._still = False
        self.setMinimumSize(QSize(140, 140))
        self.setMaximumSize(QSize(280, 280))
        self.setAccessibleName(self.tr("Breathing guide"))

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def set_phase(self, phase: BreathPhase, *, still: bool) -> None:
        fullness = 0.6 if still else phase.fullness
        if (fullness, still) != (self._fullness, self._still):
            self._fullness, self._still = fullness, still
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 8
        smallest = side * 0.35
        diameter = smallest + (side - smallest) * self._fullness
        centre = self.rect().center()
        outline = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
        palette = theme.current()
        edge, fill = palette.colour("accent"), palette.colour("selection")
        painter.setPen(QPen(edge, 1, Qt.PenStyle.DotLine))
        painter.drawEllipse(outline)
        painter.setPen(QPen(edge, 2))
        painter.setBrush(fill)
        painter.drawEllipse(
            QRectF(centre.x() - diameter / 2, centre.y() - diameter / 2, diameter, diameter)
        )


def breath_words(phase: BreathPhase) -> str:
    words = "Breathe in… %1" if phase.breath is Breath.IN else "Breathe out… %1"
    return QCoreApplication.translate("BreathingPacer", words).replace(
        "%1", str(phase.seconds_left)
    )


class CompanionPanel(QTabWidget):
    """Reasons first, then a kind word (reading reasons can lower mood), then people."""

    letter_requested = Signal()
    remembering_requested = Signal()  # "What am I remembering?": the whole-relationship view
    REASONS, KINDNESS, PEOPLE, LETTER, MEMORY = range(5)

    def __init__(
        self,
        texts: GuideTexts,
        reasons: list[SavedReason],
        people: list[SavedPerson],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setObjectName("companions")  # five tabs in a narrow column: tighter tabs
        self.addTab(self._reasons_page(texts, reasons), self.tr("Reasons"))
        self.addTab(self._kindness_page(texts), self.tr("Kindness"))
        self.addTab(self._people_page(texts, people), self.tr("People"))
        self.addTab(self._letter_page(), self.tr("Letter"))
        self.addTab(self._memory_page(), self.tr("Memory"))

    def _page(self, title: str) -> tuple[ScrollPage, QVBoxLayout]:
        page = ScrollPage(margins=(12, 12, 12, 12), spacing=10)
        page.column.addWidget(heading(title, 2))
        return page, page.column

    def _next_button(self, text: str, tab: int) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.setCurrentIndex(tab))
        return button

    def _reasons_page(self, texts: GuideTexts, reasons: list[SavedReason]) -> QWidget:
        page, layout = self._page(self.tr("Why I keep my distance"))
        if not reasons:
            layout.addWidget(
                paragraph(
                    self.tr(
                        "You haven't written any reasons yet. When you feel ready, you can add "
                        "them under Urges, in “My reasons”, and they'll be here next time."
                    ),
                    "hint",
                )
            )
        for reason in reasons:
            row = QHBoxLayout()  # the bullet apart, so a long reason wraps under its words
            row.setSpacing(6)
            row.addWidget(QLabel("•"), 0, Qt.AlignmentFlag.AlignTop)
            label = their_words(reason.text)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(label, 1)
            layout.addLayout(row)
        layout.addWidget(paragraph(texts.after_reasons, "gentle"))
        layout.addWidget(self._next_button(self.tr("Next: a kind word"), self.KINDNESS))
        layout.addStretch(1)
        return page

    def _kindness_page(self, texts: GuideTexts) -> QWidget:
        page, layout = self._page(self.tr("A kind word for yourself"))
        for line in texts.self_compassion:
            layout.addWidget(paragraph(line))
        layout.addWidget(self._next_button(self.tr("Next: people you can reach"), self.PEOPLE))
        layout.addStretch(1)
        return page

    def _people_page(self, texts: GuideTexts, people: list[SavedPerson]) -> QWidget:
        page, layout = self._page(self.tr("People you can reach instead"))
        if not people:
            layout.addWidget(
                paragraph(
                    self.tr(
                        "No one on your list yet. A friend, family, a support group or a "
                        "counsellor can go under Urges, in “People I can reach”."
                    ),
                    "hint",
                )
            )
        for person in people:
            details = person.details
            entry = QVBoxLayout()  # a name and its details close together, apart from the next
            entry.setSpacing(2)
            name = their_words(details.name)
            font = name.font()
            font.setBold(True)
            name.setFont(font)
            entry.addWidget(name)
            more = "\n".join(line for line in (details.reach, details.note) if line)
            if more:
                label = their_words(more)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                entry.addWidget(label)
            layout.addLayout(entry)
        if people:
            layout.addSpacing(6)
        helplines = paragraph(texts.helplines, "small")
        helplines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(helplines)
        layout.addWidget(self._next_button(self.tr("Next: write it out"), self.LETTER))
        layout.addStretch(1)
        return page

    def _letter_page(self) -> QWidget:
        page, layout = self._page(self.tr("Write it out"))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Sometimes it helps to write what you'd say to them. It stays here: "
                    "there is no way to send it, anywhere."
                )
            )
        )
        self.letter_button = QPushButton(self.tr("&Write a letter…"))
        self.letter_button.setAutoDefault(False)
        self.letter_button.clicked.connect(self.letter_requested)
        layout.addWidget(self.letter_button)
        layout.addWidget(self._next_button(self.tr("Next: a memory that pulls"), self.MEMORY))
        layout.addStretch(1)
        return page

    def _memory_page(self) -> QWidget:
        page, layout = self._page(self.tr("A memory that pulls"))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Is a good memory pulling you back? You can look at it whole: what "
                    "happened around it, too. A note comes first if there are hard memories."
                )
            )
        )
        self.remembering_button = QPushButton(self.tr("What am I &remembering?"))
        self.remembering_button.setAutoDefault(False)
        self.remembering_button.clicked.connect(self.remembering_requested)
        layout.addWidget(self.remembering_button)
        layout.addStretch(1)
        return page
