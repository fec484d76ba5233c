"""The whole-relationship screen's smaller parts: the row of view controls, the plain list
of memories, the note before hard memories, and the card shown before any memory is noted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.fuzzy_dates import Hemisphere
from recovery_app.domain.memories import MAX_WINDOW_DAYS
from recovery_app.services.memories import ViewSettings
from recovery_app.ui.kit.flow import FlowLayout, group
from recovery_app.ui.kit.widgets import heading, labelled, paragraph
from recovery_app.ui.whole.memory_table_model import (
    FEELING,
    KIND,
    PERSON,
    TITLE,
    WHEN,
    MemoryTableModel,
)
from recovery_app.ui.whole.timeline.layout import ZOOMS


class HiddenNote(QWidget):
    """Said while "only the good moments for now" hides the rest, with the way to see them."""

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(paragraph(self.tr("Memories of things that hurt are hidden."), "hint"))
        self.reveal_button = QPushButton(self.tr("Show them"))
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        self.hide()


def legend() -> QLabel:
    return paragraph(
        QCoreApplication.translate(
            "WholeRelationshipScreen",
            "Above the line: good moments. Below: things that hurt. On the line: apologies, "
            "tension and the rest. A pale bar is a rough date.",
        ),
        "small",
    )


class ViewControls(QWidget):
    """Whose memories, zoom, how many days count as around, seasons, and the warning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self, spacing=18)  # wraps, rather than cutting words, when narrow
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Whose memories"))
        person_label = QLabel(self.tr("&Person"))
        person_label.setBuddy(self.person)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(0, len(ZOOMS) - 1)
        self.zoom.setPageStep(1)
        self.zoom.setFixedWidth(120)
        self.zoom.setAccessibleName(self.tr("Zoom, from years to weeks"))
        zoom_label = QLabel(self.tr("&Years"))
        zoom_label.setBuddy(self.zoom)
        self.window_days = QSpinBox()
        self.window_days.setRange(0, MAX_WINDOW_DAYS)
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setAccessibleName(self.tr("Days either side that count as around"))
        window_label = QLabel(self.tr("&Around ±"))
        window_label.setBuddy(self.window_days)
        self.hemisphere = QComboBox()
        seasons_label = labelled(self.tr("Sea&sons"), self.hemisphere)
        self.hemisphere.addItem(self.tr("Northern seasons"), Hemisphere.NORTH)
        self.hemisphere.addItem(self.tr("Southern seasons"), Hemisphere.SOUTH)
        self.warning_box = QCheckBox(self.tr("&Warn before hard memories"))
        row.addWidget(group(person_label, self.person))
        row.addWidget(group(zoom_label, self.zoom, QLabel(self.tr("Weeks"))))
        row.addWidget(group(window_label, self.window_days))
        row.addWidget(group(seasons_label, self.hemisphere))
        row.addWidget(self.warning_box)

    def fill_people(self, clocks: list[tuple[int, str]]) -> None:
        """ "Everyone", then each clock; the choice kept if that clock is still there."""
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for clock_id, name in clocks:
            self.person.addItem(name, clock_id)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.person.blockSignals(False)

    def show_settings(self, settings: ViewSettings) -> None:
        for widget in (self.window_days, self.hemisphere, self.warning_box):
            widget.blockSignals(True)
        self.window_days.setValue(settings.window_days)
        self.hemisphere.setCurrentIndex(max(0, self.hemisphere.findData(settings.hemisphere)))
        self.warning_box.setChecked(settings.content_warning)
        for widget in (self.window_days, self.hemisphere, self.warning_box):
            widget.blockSignals(False)

    def wanted_settings(self) -> ViewSettings:
        # A StrEnum comes back from the combo box as plain text.
        return ViewSettings(
            self.window_days.value(),
            self.warning_box.isChecked(),
            Hemisphere(self.hemisphere.currentData()),
        )


class WarningCard(QWidget):
    """The note before hard memories are shown: the whole view, or the good moments only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Before you look"), 3))
        layout.addWidget(
            paragraph(
                self.tr(
                    "This view shows memories of things that hurt, beside the good ones. "
                    "It can bring up strong feelings. Take your time, and stop whenever "
                    "you like."
                )
            )
        )
        self.show_all_button = QPushButton(self.tr("&Show the whole view"))
        self.show_all_button.setDefault(True)
        self.good_only_button = QPushButton(self.tr("Only the &good moments for now"))
        choices = QWidget()
        row = FlowLayout(choices, spacing=8)  # one under the other where the card is narrow
        row.addWidget(self.show_all_button)
        row.addWidget(self.good_only_button)
        layout.addWidget(choices)
        self.skip_warning = QCheckBox(self.tr("Don't show this note again"))
        layout.addWidget(self.skip_warning)


class EmptyCard(QWidget):
    """Before any memory is noted: what goes here, and the way to begin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Nothing here yet"), 3))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Add memories as they come back to you: good moments, things that hurt, "
                    "apologies, tension. A rough date is enough. Each good moment will then "
                    "show what happened around it."
                )
            )
        )
        self.add_button = QPushButton(self.tr("Add your first memory"))
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)


class MemoryTable(QTableView):
    """The memories as a table in time order: the timeline's information without the picture."""

    def __init__(self, model: MemoryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(self.tr("Memories, in time order"))
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # Fixed widths that fit the words: sizing to contents would read every row.
        for column, width in ((WHEN, 140), (KIND, 180), (PERSON, 90), (FEELING, 90)):
            self.setColumnWidth(column, width)
        self.setTabKeyNavigation(False)
