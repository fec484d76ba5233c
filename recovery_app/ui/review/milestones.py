"""The milestones reached, listed: those of these dates, and every earlier one, so that a
milestone acknowledged on Today can always be found again here, whatever range is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from recovery_app.drawing import tables
from recovery_app.drawing.review_data import ReviewData
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.review.table_view import PlainTableView


class MilestonesPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 16)
        column.setSpacing(6)
        column.addWidget(heading(self.tr("Milestones reached"), 2))
        column.addWidget(
            paragraph(
                self.tr(
                    "Each stretch, and the milestones it reached: 1, 3, 7, 14, 21, 30, 60, "
                    "90, 180 and 365 days, then every year."
                ),
                "hint",
            )
        )
        self.none_yet = paragraph(
            self.tr("No milestones yet. The first one comes after a day of distance."), "hint"
        )
        column.addWidget(self.none_yet)
        self.in_range_label = paragraph(self.tr("In these dates"))
        column.addWidget(self.in_range_label)
        self.in_range = PlainTableView(self.tr("Milestones reached in these dates"))
        column.addWidget(self.in_range)
        self.earlier_label = paragraph(self.tr("Before these dates"))
        column.addWidget(self.earlier_label)
        self.earlier = PlainTableView(self.tr("Milestones reached before these dates"))
        column.addWidget(self.earlier)

    def show_data(self, data: ReviewData) -> None:
        found = False
        for label, view, table in (
            (self.in_range_label, self.in_range, tables.milestones_table(data)),
            (self.earlier_label, self.earlier, tables.earlier_milestones_table(data)),
        ):
            label.setVisible(table is not None)
            view.setVisible(table is not None)
            if table is not None:
                view.set_table(table)
                found = True
        self.none_yet.setVisible(not found)
