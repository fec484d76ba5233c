"""Which days the review looks at: the last 4 weeks, 3 months, 12 months, everything, or two
dates of the person's own. Every choice is a key away (Alt and its underlined letter, or
the arrow keys along the row), and one Tab stop, like a row of radio buttons."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.review_range import RangeChoice
from recovery_app.ui.kit.fields import calendar_popup

RangeKey = tuple[RangeChoice, tuple[date, date] | None]
DEFAULT_RANGE: RangeKey = (RangeChoice.LAST_3_MONTHS, None)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RangeBar(QWidget):
    chosen = Signal(object)  # a RangeKey

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Dates to look at"))
        labels = [
            (RangeChoice.LAST_4_WEEKS, self.tr("Last &4 weeks")),
            (RangeChoice.LAST_3_MONTHS, self.tr("Last &3 months")),
            (RangeChoice.LAST_12_MONTHS, self.tr("Last 1&2 months")),
            (RangeChoice.ALL, self.tr("&All")),
            (RangeChoice.CUSTOM, self.tr("C&hoose dates")),
        ]
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[RangeChoice, QPushButton] = {}
        for choice, text in labels:
            button = QPushButton(text)
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(text.replace("&", ""))
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[choice] = button
            row.addWidget(button)
            button.clicked.connect(lambda _=False, c=choice: self._clicked(c))
        row.addStretch(1)
        column.addLayout(row)
        self.custom_row = QWidget()
        dates = QHBoxLayout(self.custom_row)
        dates.setContentsMargins(0, 0, 0, 0)
        self.first = self._date_edit(self.tr("First day"), today - timedelta(days=27), today)
        self.last = self._date_edit(self.tr("Last day"), today, today)
        for text, edit in ((self.tr("&From"), self.first), (self.tr("&To"), self.last)):
            label = QLabel(text)
            label.setBuddy(edit)
            dates.addWidget(label)
            dates.addWidget(edit)
        self.show_dates = QPushButton(self.tr("&Show these dates"))
        self.show_dates.setAutoDefault(False)
        dates.addWidget(self.show_dates)
        dates.addStretch(1)
        self.custom_row.hide()
        column.addWidget(self.custom_row)
        self.show_dates.clicked.connect(self._custom_chosen)
        self._key: RangeKey = DEFAULT_RANGE
        self.set_key(DEFAULT_RANGE)

    def _date_edit(self, name: str, day: date, today: date) -> QDateEdit:
        edit = calendar_popup(QDateEdit(_qdate(day)))
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMaximumDate(_qdate(today))
        edit.setAccessibleName(name)
        return edit

    @property
    def key(self) -> RangeKey:
        return self._key

    def set_key(self, key: RangeKey) -> None:
        """Show `key` as chosen, without announcing it as a new choice."""
        self._key = key
        choice, custom = key
        self.buttons[choice].setChecked(True)
        self.custom_row.setVisible(choice is RangeChoice.CUSTOM)
        if custom is not None:
            self.first.setDate(_qdate(custom[0]))
            self.last.setDate(_qdate(custom[1]))
        self._update_tab_stop()

    def _update_tab_stop(self) -> None:
        checked = self.group.checkedButton()
        for button in self.buttons.values():
            policy = Qt.FocusPolicy.StrongFocus if button is checked else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)

    def _clicked(self, choice: RangeChoice) -> None:
        self._update_tab_stop()
        if choice is RangeChoice.CUSTOM:
            self.custom_row.show()
            self.first.setFocus(Qt.FocusReason.OtherFocusReason)
            self._custom_chosen()
            return
        self.custom_row.hide()
        self._choose((choice, None))

    def _custom_chosen(self) -> None:
        first, last = sorted((_day(self.first.date()), _day(self.last.date())))
        self._choose((RangeChoice.CUSTOM, (first, last)))

    def _choose(self, key: RangeKey) -> None:
        if key != self._key:
            self._key = key
            self.chosen.emit(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left and Right move along the row and choose, as in a group of radio buttons."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            buttons = list(self.buttons.values())
            if step is not None and watched in buttons:
                index = buttons.index(watched)
                target = buttons[(index + step) % len(buttons)]
                target.setFocus(Qt.FocusReason.TabFocusReason)
                target.click()
                return True
        return super().eventFilter(watched, event)
