"""Beside the timeline: the chosen memory with what happened around it, and the pattern.

"You remember this. Around it, this happened." The pattern panel counts how often hurt was
followed by making up or closeness, and closeness by tension again, and lists the times
behind each count. It describes what the person wrote down; it is never a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.fuzzy_dates import label
from recovery_app.domain.memories import Memory, MemoryKind, PatternCount, Patterns
from recovery_app.services.memories import Timeline
from recovery_app.ui.kit.flow import FlowLayout
from recovery_app.ui.kit.scroll_page import ScrollPage
from recovery_app.ui.kit.widgets import heading, paragraph, their_words
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.whole.memory_table_model import MEMORY_ROLE


def _memory_item(memory: Memory, kind_words: dict[MemoryKind, str]) -> QListWidgetItem:
    item = QListWidgetItem(f"{label(memory.when)} · {memory.details.title}")
    item.setData(MEMORY_ROLE, memory)
    item.setToolTip(kind_words[memory.kind])
    return item


LIST_MAX_HEIGHT = 170  # the times behind a count: a few at once, the rest by scrolling


class AroundPanel(QFrame):
    """The chosen memory, and for a good moment the harm around it, side by side in time."""

    memory_chosen = Signal(object)  # a memory picked from the "around it" list

    def __init__(self, kind_words: dict[MemoryKind, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._kind_words = kind_words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        self.lead = heading(self.tr("Choose a memory"), 2)
        self.lead.setObjectName("around-lead")
        layout.addWidget(self.lead)
        self.title = their_words("")
        self.title.setObjectName("around-title")
        layout.addWidget(self.title)
        self.when = paragraph("", "small")
        layout.addWidget(self.when)
        self.what = their_words("")
        layout.addWidget(self.what)
        self.around_lead = heading("", 1)
        layout.addWidget(self.around_lead)
        self.around = QListWidget()
        self.around.setAccessibleName(self.tr("What happened around it"))
        layout.addWidget(self.around)
        self.hint = paragraph(
            self.tr(
                "Choose a good moment on the timeline or in the list to see what happened "
                "around it."
            ),
            "hint",
        )
        layout.addWidget(self.hint)
        self.edit_button = QPushButton(self.tr("&Edit this memory"))
        holder = QWidget()
        self.buttons = FlowLayout(holder, spacing=8)  # one under the other when narrow
        self.buttons.addWidget(self.edit_button)
        self.delete_button = QPushButton(self.tr("&Delete this memory"))
        self.delete_button.setToolTip(self.tr("Delete (Delete key); you can undo it"))
        self.buttons.addWidget(self.delete_button)
        layout.addWidget(holder)
        layout.addStretch(0)
        self.around.itemActivated.connect(
            lambda item: self.memory_chosen.emit(item.data(MEMORY_ROLE))
        )
        self.show_memory(None, [], 30)

    def show_memory(self, memory: Memory | None, around: Sequence[Memory], window: int) -> None:
        self.around.clear()
        chosen = memory is not None
        for widget in (self.title, self.when, self.edit_button):
            widget.setVisible(chosen)
        self.what.setVisible(chosen and bool(memory and memory.details.what_happened))
        good = memory is not None and memory.kind is MemoryKind.GOOD
        self.hint.setVisible(not good)
        self.around_lead.setVisible(good)
        self.around.setVisible(good and bool(around))
        if memory is None:
            self.lead.setText(self.tr("Choose a memory"))
            return
        self.lead.setText(self.tr("You remember this.") if good else self._kind_words[memory.kind])
        self.title.setText(memory.details.title)
        self.when.setText(label(memory.when))
        self.what.setText(memory.details.what_happened)
        if not good:
            return
        if around:
            self.around_lead.setText(self.tr("Around it, this happened."))
            for harm in around:
                self.around.addItem(_memory_item(harm, self._kind_words))
            rows = min(len(around), 8)  # as tall as what it holds, up to eight lines
            self.around.setFixedHeight(rows * self.around.sizeHintForRow(0) + 8)
        else:
            self.around_lead.setText(
                self.tr("Nothing that hurt is noted within %1 days of it.").replace(
                    "%1", str(window)
                )
            )


def side_panels(kind_words: dict[MemoryKind, str]) -> tuple[ScrollPage, AroundPanel, PatternPanel]:
    """The column beside the timeline: the panels keep their own heights and scroll
    together when the times are shown."""
    side = ScrollPage(margins=(0, 0, 6, 0), spacing=10)
    around, pattern = AroundPanel(kind_words), PatternPanel(kind_words)
    side.column.addWidget(around)
    side.column.addStretch(1)
    side.column.addWidget(pattern)
    return side, around, pattern


class PatternPanel(QFrame):
    """The cycle, counted, with the times behind each count."""

    memory_chosen = Signal(object)

    def __init__(self, kind_words: dict[MemoryKind, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._kind_words = kind_words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading(self.tr("The pattern over time"), 1))
        self.harm_line = paragraph("")
        self.harm_button = QPushButton(self.tr("Show these &times"))
        self.harm_button.setCheckable(True)
        self.harm_list = self._instance_list(self.tr("Times hurt was followed by closeness"))
        self.closeness_line = paragraph("")
        self.closeness_button = QPushButton(self.tr("Show t&hese times"))
        self.closeness_button.setCheckable(True)
        self.closeness_list = self._instance_list(
            self.tr("Times closeness was followed by tension")
        )
        for line, button, listed in (
            (self.harm_line, self.harm_button, self.harm_list),
            (self.closeness_line, self.closeness_button, self.closeness_list),
        ):
            layout.addWidget(line)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(listed)
        layout.addWidget(
            paragraph(
                self.tr(
                    "These counts come only from what you wrote down. They describe times, "
                    "not anyone's worth."
                ),
                "hint",
            )
        )
        self._counts: dict[QListWidget, PatternCount] = {}
        self._counting: Timeline | None = None  # the timeline whose pattern is being counted
        self.harm_button.toggled.connect(lambda on: self._show_times(self.harm_list, on))
        self.closeness_button.toggled.connect(lambda on: self._show_times(self.closeness_list, on))

    def _instance_list(self, name: str) -> QListWidget:
        listed = QListWidget()
        listed.setAccessibleName(name)
        listed.setWordWrap(True)  # each time on its own lines, never a sideways scroll
        listed.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        listed.hide()
        listed.itemActivated.connect(lambda item: self.memory_chosen.emit(item.data(MEMORY_ROLE)))
        return listed

    def count(self, timeline: Timeline) -> None:
        """Counted off the GUI thread (years of memories take a moment); only the newest
        count is shown. The memories are frozen objects, already read: no session crosses."""
        self._counting = timeline
        self.show_counting()

        def counted(patterns: Patterns) -> None:
            if self._counting is timeline:
                self.show_patterns(patterns)

        def failed(_error: BaseException) -> None:
            if self._counting is timeline:
                self.show_counting(failed=True)

        run_in_background(timeline.patterns, counted, failed, self)

    def show_counting(self, *, failed: bool = False) -> None:
        self.harm_line.setText(
            self.tr("The pattern couldn't be counted just now.") if failed else self.tr("Counting…")
        )
        self.closeness_line.setText("")
        for button in (self.harm_button, self.closeness_button):
            button.hide()
        for listed in (self.harm_list, self.closeness_list):
            listed.clear()

    def show_patterns(self, patterns: Patterns) -> None:
        self._counting = None  # what is shown now wins over a count still running
        days = patterns.window_days
        self._fill(
            self.harm_line,
            self.harm_button,
            self.harm_list,
            patterns.harm_then_closeness,
            self.tr(
                "Times something hurt: %2. Followed within %3 days by an apology, making up "
                "or a good moment: %1."
            ),
            self.tr("No hurtful memories are noted yet, so there is nothing to count here."),
            days,
        )
        self._fill(
            self.closeness_line,
            self.closeness_button,
            self.closeness_list,
            patterns.closeness_then_tension,
            self.tr(
                "Times of closeness or making up: %2. Followed within %3 days by tension or "
                "hurt: %1."
            ),
            self.tr("No good moments or making up are noted yet, so there is nothing to count."),
            days,
        )

    def _fill(
        self,
        line: QLabel,
        button: QPushButton,
        listed: QListWidget,
        count: PatternCount,
        words: str,
        nothing: str,
        days: int,
    ) -> None:
        listed.clear()
        if count.out_of == 0:
            line.setText(nothing)
        else:
            line.setText(
                words.replace("%1", str(count.followed))
                .replace("%2", str(count.out_of))
                .replace("%3", str(days))
            )
        button.setVisible(count.followed > 0)
        self._counts[listed] = count
        if not count.followed:
            button.setChecked(False)
        if button.isChecked():
            self._fill_times(listed)

    def _show_times(self, listed: QListWidget, shown: bool) -> None:
        if shown and listed.count() == 0:
            self._fill_times(listed)  # only when asked: years of memories make many lines
        listed.setVisible(shown)

    def _fill_times(self, listed: QListWidget) -> None:
        listed.clear()
        for instance in self._counts[listed].instances:
            first = instance.first
            then = "\n".join(f"   → {m.details.title} ({label(m.when)})" for m in instance.then)
            rough = " · " + self.tr("rough dates") if instance.approximate else ""
            text = f"{first.details.title} ({label(first.when)}){rough}\n{then}"
            item = QListWidgetItem(text)
            item.setData(MEMORY_ROLE, first)
            listed.addItem(item)
        # As tall as its times, up to a limit: squeezed to one row, its lines were cut.
        rows = sum(listed.sizeHintForRow(row) for row in range(min(listed.count(), 6)))
        slack = listed.fontMetrics().lineSpacing()  # a line wrapped once the width is known
        listed.setFixedHeight(min(LIST_MAX_HEIGHT, rows + 2 * listed.frameWidth() + slack))
