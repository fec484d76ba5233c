"""People I can reach instead: the person's own list, and a pointer to helplines.

Nothing here dials, mails or opens anything: how to reach someone is shown as the words the
person wrote, and the helpline directory is named as plain text, not a link.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from recovery_app.domain.support import NAME_MAX_CHARS, SupportPersonDetails
from recovery_app.services.support import SavedPerson, SupportPeopleService
from recovery_app.services.texts import guide_texts
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.lists import shortcut
from recovery_app.ui.kit.widgets import paragraph
from recovery_app.ui.urges.ordered_list_editor import OrderedListEditor


def describe(details: SupportPersonDetails) -> str:
    """A list row: the name and how to reach them, then the note on the next line."""
    first = f"{details.name}  ·  {details.reach}" if details.reach else details.name
    return f"{first}\n{details.note}" if details.note else first


class SupportPeopleEditor(OrderedListEditor):
    def __init__(self, people: SupportPeopleService, parent: QWidget | None = None) -> None:
        super().__init__(people, parent)
        self.people = people
        self._details: dict[int, SupportPersonDetails] = {}
        self.set_texts(
            title=self.tr("People I can reach"),
            intro=self.tr(
                "When the pull is strong, talking to someone else can help it pass. Only you "
                "see this list; nothing here calls or messages anyone."
            ),
            empty_text=self.tr(
                "Who could you talk to instead? A friend, family, a support group, a counsellor."
            ),
            list_name=self.tr("People I can reach, in order"),
        )
        self._build_extras()
        self.refresh()

    def _build_extras(self) -> None:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add someone…"))
        self.add_button.setToolTip(self.tr("Add someone (Ctrl+N)"))
        self.add_button.setAutoDefault(False)
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.add_to_top(row)
        self.add_button.clicked.connect(self.add_person)
        shortcut("Ctrl+N", self, self.add_person)

        self.helpline = QLabel(guide_texts().helplines)  # the same words as in the guide
        self.helpline.setObjectName("small")
        self.helpline.setWordWrap(True)
        # Selectable to copy, never a link: nothing in the journal opens a browser.
        self.helpline.setTextFormat(Qt.TextFormat.PlainText)
        self.helpline.setOpenExternalLinks(False)
        self.helpline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.footer.addWidget(self.helpline)

    # ----- the list -------------------------------------------------------------------------

    def _entries(self) -> list[tuple[int, str]]:
        people = self.people.people()
        self._details = {p.id: p.details for p in people}
        return [(p.id, describe(p.details)) for p in people]

    def _move(self, entry_id: int, steps: int) -> None:
        self.people.move(entry_id, steps)

    def _remove(self, entry_id: int) -> tuple[str, Callable[[], int]]:
        copy = self.people.remove(entry_id)
        return self.tr("Removed from your list."), lambda: self.people.restore(copy).id

    def _edit(self, entry_id: int) -> None:
        details = self._details.get(entry_id)
        if details is None:
            return
        dialog = PersonDialog(self.people, SavedPerson(entry_id, details), parent=self)
        self._open(dialog, lambda: self.refresh(entry_id))

    def _focus_after_emptied(self) -> None:
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_person(self) -> None:
        dialog = PersonDialog(self.people, None, parent=self)
        self._open(dialog, lambda: self.refresh(dialog.saved.id if dialog.saved else None))


class PersonDialog(EntryDialog):
    """Add someone (`person` None) or change what the list says about them."""

    def __init__(
        self,
        people: SupportPeopleService,
        person: SavedPerson | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(people.data_dir, parent=parent)
        self._people = people
        self._person = person
        self.saved: SavedPerson | None = None
        self.setWindowTitle(self.tr("Add someone") if person is None else self.tr("Edit details"))
        self.setMinimumWidth(480)
        self._build_ui()
        if person is not None:
            self.name.setText(person.details.name)
            self.reach.setText(person.details.reach)
            self.note.setPlainText(person.details.note)
        self.name.setFocus()

    def _build_ui(self) -> None:
        layout = self.body
        layout.addWidget(
            paragraph(self.tr("Only the name is needed. This stays in your journal."), "hint")
        )
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("A name, or a word that tells you who it is"))
        self.reach = QLineEdit()
        self.reach.setAccessibleName(self.tr("How to reach them"))
        self.reach.setPlaceholderText(self.tr("For example: text after 6pm"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Anything that helps (optional)"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(72)
        for text, field in (
            (self.tr("&Name"), self.name),
            (self.tr("&How to reach them"), self.reach),
            (self.tr("N&ote"), self.note),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)

    def details(self) -> SupportPersonDetails:
        return SupportPersonDetails(self.name.text(), self.reach.text(), self.note.toPlainText())

    def save(self) -> None:
        details = self.details()
        person = self._person
        if person is None:
            saved = self.message.attempt(lambda: self._people.add(details))
        else:
            saved = self.message.attempt(lambda: self._people.update(person.id, details))
        if saved is None:
            self.name.setFocus()
            return
        self.saved = saved
        self.accept()
