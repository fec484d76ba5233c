"""My plan for when they reach out: my steps, and the "if I have to answer" lines.

A tab of its own beside "My reasons" (the things kept ready for a hard moment live together
in Urges). Each list is edited like the reasons: add at the top, select to edit (F2), move
(Alt+Up, Alt+Down), remove (Delete) with undo (Ctrl+Z). The steps start from a gentle
suggested set the person rewords or removes; the answers start empty.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from recovery_app.domain.kinds import PlanPart
from recovery_app.domain.reach_out import PLAN_LINE_MAX_CHARS
from recovery_app.services.reach_out_plan import PlanLine, ReachOutPlanService
from recovery_app.services.texts import reach_out_texts
from recovery_app.ui.kit.lists import fit_to_rows
from recovery_app.ui.kit.scroll_page import in_scroll_page
from recovery_app.ui.kit.widgets import heading, paragraph
from recovery_app.ui.urges.ordered_list_editor import OrderedListEditor, RewordDialog


class ReachOutPlanEditor(QWidget):
    """The tab: a title, then the two lists, one above the other, scrolling if need be."""

    def __init__(self, plan: ReachOutPlanService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        words = reach_out_texts().editor
        column = in_scroll_page(self, margins=(28, 20, 28, 20), spacing=6).column
        title = heading(words["title"], 4)
        column.addWidget(title)
        column.addWidget(paragraph(words["intro"], "hint"))
        self.steps = PlanLinesEditor(plan, PlanPart.STEP)
        self.answers = PlanLinesEditor(plan, PlanPart.ANSWER)
        for editor in (self.steps, self.answers):
            editor.column.setContentsMargins(0, 10, 0, 0)
            column.addWidget(editor)
        column.addStretch(1)

    def refresh(self) -> None:
        self.steps.refresh()
        self.answers.refresh()


class PlanLinesEditor(OrderedListEditor):
    def __init__(
        self, plan: ReachOutPlanService, part: PlanPart, parent: QWidget | None = None
    ) -> None:
        super().__init__(plan, parent)
        self.plan = plan
        self.part = part
        words = reach_out_texts()
        steps = part is PlanPart.STEP
        self._examples = words.answer_examples
        self.set_texts(
            title=words.editor["steps_title" if steps else "answers_title"],
            intro="" if steps else words.editor["answers_intro"],
            empty_text=words.editor["steps_empty" if steps else "answers_empty"],
            list_name=self.tr("My steps, in order") if steps else self.tr("If I have to answer"),
        )
        self.intro.setVisible(not steps)
        self._build_add_row()
        self.refresh()

    def _build_add_row(self) -> None:
        row = QHBoxLayout()
        self.new_line = QLineEdit()
        steps = self.part is PlanPart.STEP
        self.new_line.setAccessibleName(self.tr("New step") if steps else self.tr("New line"))
        self.new_line.setMaxLength(PLAN_LINE_MAX_CHARS)
        self.new_line.setMinimumHeight(32)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add it (Enter)"))
        self.add_button.setAccessibleName(
            self.tr("Add the step") if steps else self.tr("Add the line")
        )
        self.add_button.setAutoDefault(False)
        row.addWidget(self.new_line, 1)
        row.addWidget(self.add_button)
        self.add_to_top(row)
        self.new_line.returnPressed.connect(self.add_line)
        self.add_button.clicked.connect(self.add_line)
        self.setTabOrder(self.new_line, self.add_button)
        self.setTabOrder(self.add_button, self.list)

    def refresh(self, select_id: int | None = None) -> None:
        super().refresh(select_id)
        self._fit()
        if self.part is PlanPart.STEP:
            self.new_line.setPlaceholderText(
                self.tr("A step of your own, e.g. Put the phone in another room")
            )
        else:
            example = self._examples[self.list.count() % len(self._examples)]
            self.new_line.setPlaceholderText(self.tr("For example: %1").replace("%1", example))

    def _fit(self) -> None:
        """As tall as its lines: the tab scrolls as a whole, the lists never on their own."""
        fit_to_rows(self.list, least=72, most=560)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # lines wrap differently at another width

    # ----- the list -------------------------------------------------------------------------

    def _entries(self) -> list[tuple[int, str]]:
        return [(line.id, line.text) for line in self.plan.lines(self.part)]

    def _move(self, entry_id: int, steps: int) -> None:
        self.plan.move(entry_id, steps)

    def _remove(self, entry_id: int) -> tuple[str, Callable[[], int]]:
        copy = self.plan.remove(entry_id)
        words = self.tr("Step removed.") if self.part is PlanPart.STEP else self.tr("Line removed.")
        return words, lambda: self.plan.restore(copy).id

    def _edit(self, entry_id: int) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        line = PlanLine(entry_id, self.part, item.text())
        self._open(PlanLineDialog(self.plan, line, parent=self), lambda: self.refresh(entry_id))

    def _focus_after_emptied(self) -> None:
        self.new_line.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_line(self) -> None:
        text = self.new_line.text()
        saved = self.message.attempt(lambda: self.plan.add(self.part, text))
        if saved is not None:
            self.new_line.clear()
            self.refresh(saved.id)
        self.new_line.setFocus(Qt.FocusReason.OtherFocusReason)


class PlanLineDialog(RewordDialog[PlanLine]):
    """Reword one line of the plan."""

    def __init__(
        self, plan: ReachOutPlanService, line: PlanLine, parent: QWidget | None = None
    ) -> None:
        steps = line.part is PlanPart.STEP
        update = partial(plan.update, line.id)
        super().__init__(plan.data_dir, line.text, update, parent=parent)
        self.setWindowTitle(self.tr("Edit step") if steps else self.tr("Edit line"))
        self.text.setAccessibleName(self.tr("Step") if steps else self.tr("Line"))
