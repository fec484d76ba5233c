"""One memory, new or edited. Quick to add: what kind, a few words, a rough date. The rest
(what happened, how it felt, tags, whose clock) can be skipped.

The date is typed as people remember it ("summer 2021", "May 2023", "2021") and read back at
once ("Understood: 1 June 2021 to 31 August 2021"), so nobody has to invent a day.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.fuzzy_dates import FuzzyDate, label, span_label
from recovery_app.domain.memories import (
    FEELINGS,
    TITLE_MAX_CHARS,
    Memory,
    MemoryDetails,
    MemoryKind,
)
from recovery_app.services.memories import MemoryService
from recovery_app.ui.kit.choices import ChoiceRow
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.kit.widgets import paragraph


def kind_words(widget: QWidget) -> dict[MemoryKind, str]:
    """The kinds as the person reads them, in one place for every memory screen."""
    return {
        MemoryKind.GOOD: widget.tr("A good moment"),
        MemoryKind.HARM: widget.tr("Something that hurt"),
        MemoryKind.APOLOGY: widget.tr("An apology or making up"),
        MemoryKind.TENSION: widget.tr("Tension building"),
        MemoryKind.OTHER: widget.tr("Something else"),
    }


class MemoryDialog(EntryDialog):
    def __init__(
        self,
        memories: MemoryService,
        clocks: list[tuple[int, str]],
        *,
        saved: Memory | None = None,
        kind: MemoryKind | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(memories.data_dir, parent=parent)
        self._memories = memories
        self._before = saved
        self._when: FuzzyDate | None = None
        self.saved: Memory | None = None
        self.setWindowTitle(self.tr("Add a memory") if saved is None else self.tr("Edit memory"))
        self.setMinimumWidth(640)
        self._build_ui(clocks)
        if saved is not None:
            self._fill(saved.details)
        else:
            self.kind.set_value(kind)
            self.title.setText(title)
        self._connect_signals()
        self.kind.setFocus()

    def _build_ui(self, clocks: list[tuple[int, str]]) -> None:
        layout = self.body
        layout.addWidget(
            paragraph(
                self.tr(
                    "What kind of memory, a few words and a rough date are enough. "
                    "Everything else can be skipped."
                ),
                "hint",
            )
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        words = kind_words(self)
        self.kind = ChoiceRow([(k, words[k]) for k in MemoryKind], self.tr("What kind of memory"))
        for button in self.kind.buttons:
            button.setMinimumWidth(0)
        self._add_row(form, self.tr("&Kind"), self.kind)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX_CHARS)
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("A few words, e.g. “The lake trip”"))
        self._add_row(form, self.tr("&Title"), self.title)
        self.date = QLineEdit()
        self.date.setAccessibleName(self.tr("When"))
        self.date.setPlaceholderText(self.tr("14 May 2023, May 2023, summer 2021, 2021…"))
        self.date_reading = paragraph("", "small")
        self.date_reading.setAccessibleName(self.tr("How the date was understood"))
        date_column = QVBoxLayout()
        date_column.setSpacing(2)
        date_column.addWidget(self.date)
        date_column.addWidget(self.date_reading)
        holder = QWidget()
        holder.setLayout(date_column)
        date_column.setContentsMargins(0, 0, 0, 0)
        self._add_row(form, self.tr("&When"), holder, buddy=self.date)
        self.what = QPlainTextEdit()
        self.what.setTabChangesFocus(True)
        self.what.setAccessibleName(self.tr("What happened"))
        self.what.setPlaceholderText(self.tr("As much or as little as you like"))
        self.what.setFixedHeight(90)
        self._add_row(form, self.tr("What &happened"), self.what)
        self.feeling = ChoiceRow(
            [(n, str(n)) for n in FEELINGS],
            self.tr("How it felt, 0 (very bad) to 10 (very good)"),
            tooltips=[self.tr("Very bad")] + [""] * 9 + [self.tr("Very good")],
        )
        self._add_row(form, self.tr("How it &felt (0–10)"), self.feeling)
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags, separated by commas"))
        self.tags.setPlaceholderText(self.tr("Optional, separated by commas: holidays, money…"))
        self._add_row(form, self.tr("T&ags"), self.tags)
        self.clock = QComboBox()
        self.clock.setAccessibleName(self.tr("Whose clock it belongs to"))
        self.clock.addItem(self.tr("Not linked to a clock"), None)
        for clock_id, name in clocks:
            self.clock.addItem(name, clock_id)
        self._add_row(form, self.tr("&Person"), self.clock)
        layout.addLayout(form)

    @staticmethod
    def _add_row(
        form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None
    ) -> None:
        caption = QLabel(text)
        caption.setBuddy(buddy or field)
        form.addRow(caption, field)

    def _connect_signals(self) -> None:
        self.date.textChanged.connect(self._read_date)

    def _fill(self, details: MemoryDetails) -> None:
        self.kind.set_value(details.kind)
        self.title.setText(details.title)
        self.date.setText(label(details.when))
        self.what.setPlainText(details.what_happened)
        self.feeling.set_value(details.feeling)
        self.tags.setText(", ".join(details.tags))
        index = self.clock.findData(details.clock_id)
        self.clock.setCurrentIndex(max(0, index))

    def _read_date(self) -> None:
        text = self.date.text()
        try:
            self._when = self._memories.parse_date(text)
        except InvalidInput as error:
            self._when = None
            self.date_reading.setText(error.message if text.strip() else "")
            return
        except Exception:  # a locked or unreadable vault: saving will say why
            self._when = None
            return
        self.date_reading.setText(self.tr("Understood: %1").replace("%1", span_label(self._when)))

    def details(self) -> MemoryDetails:
        kind = self.kind.value()
        if kind is None:
            raise InvalidInput(self.tr("Please choose what kind of memory this is."))
        when = self._memories.parse_date(self.date.text())
        return MemoryDetails(
            kind=kind,
            title=self.title.text(),
            when=when,
            what_happened=self.what.toPlainText(),
            feeling=self.feeling.value(),
            tags=tuple(self.tags.text().split(",")),
            clock_id=self.clock.currentData(),
        )

    def save(self) -> None:
        def work() -> Memory:
            details = self.details()
            if self._before is None:
                return self._memories.add_memory(details)
            return self._memories.update_memory(self._before.id, details)

        saved = self.message.attempt(work)
        if saved is None:
            return
        self.saved = saved
        self.accept()
