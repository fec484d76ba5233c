"""This week beside last week, in plain figures: how many urges, how strong on average, and
how many of those with an outcome noted passed. Neutral words only: no praise, no blame."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from recovery_app.domain.urges import WeekFigures
from recovery_app.ui.kit.widgets import paragraph
from recovery_app.ui.urges.table_model import EMPTY as EMPTY_VALUE


class WeekComparison(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 12, 20, 12)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(4)
        self._weeks = (self.tr("This week"), self.tr("Last week"))
        self._rows = (
            self.tr("Urges noted"),
            self.tr("Average intensity"),
            self.tr("Passed, of those with an outcome"),
        )
        for column, week in enumerate(self._weeks, start=1):
            title = paragraph(week, "hint")
            title.setWordWrap(False)
            grid.addWidget(title, 0, column, Qt.AlignmentFlag.AlignRight)
        self.values: list[list[QLabel]] = []
        for row, name in enumerate(self._rows, start=1):
            label = paragraph(name)
            label.setWordWrap(False)
            grid.addWidget(label, row, 0)
            cells = []
            for column in (1, 2):
                value = QLabel(EMPTY_VALUE)
                value.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(value, row, column)
                cells.append(value)
            self.values.append(cells)
        grid.setColumnStretch(3, 1)  # the figures stay beside their names, however wide

    def show_weeks(self, this_week: WeekFigures, last_week: WeekFigures) -> None:
        for column, week in enumerate((this_week, last_week)):
            texts = (
                str(week.count),
                EMPTY_VALUE if week.mean_intensity is None else f"{week.mean_intensity:.1f}",
                EMPTY_VALUE if week.share_passed is None else f"{round(week.share_passed * 100)}%",
            )
            for row, text in enumerate(texts):
                label = self.values[row][column]
                label.setText(text)
                spoken = self.tr("not noted") if text == EMPTY_VALUE else text
                label.setAccessibleName(f"{self._weeks[column]}, {self._rows[row]}: {spoken}")

    def figures_text(self) -> list[list[str]]:
        """What each cell shows, row by row (for tests and for reading aloud)."""
        return [[label.text() for label in row] for row in self.values]
