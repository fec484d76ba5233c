"""Today's reading line: a moment noted as it happens, a reading offered only when Today is
about to show the line, and gone once it is taken up or dismissed.

The window notes the moments (a first run, "I reached out", a hard urge once the guide is
over) here; nothing is asked of the readings then. The line is Today's notice source of kind
READING (`journal.notices`), and the board asks a source only when its notice would be the
one shown, so `ReadingService.offer`, which counts the offer, runs only when the line will
be seen. The line stays on Today until the reading is opened or marked read, the person says
not to suggest it again, suggestions are turned off, or the journal locks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from recovery_app.domain.notices import Notice, NoticeAction, NoticeKind
from recovery_app.domain.reading_moments import Moment, moment_after_contact, moment_after_urge
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeDetails

if TYPE_CHECKING:
    from recovery_app.services.readings import ReadingService, Suggestion

# NoticeAction.kind of the line's button: the window opens the reading named by its target.
OPEN_READING = "reading"


class ReadingSuggestions:
    def __init__(self, readings: Callable[[], ReadingService]) -> None:
        """`readings` builds the service on first use, so an unlock with nothing to suggest
        never loads the reading files."""
        self._readings = readings
        self._moment: Moment | None = None  # noted, not yet offered
        self._shown: Suggestion | None = None

    # ----- the moments --------------------------------------------------------------------

    def note_first_run(self) -> None:
        self._note(Moment.FIRST_RUN)

    def note_contact(self, kind: ContactKind) -> None:
        self._note(moment_after_contact(kind))

    def note_urge(self, details: UrgeDetails) -> None:
        """An urge lived through: call it once the guide (if it was opened) is over."""
        self._note(moment_after_urge(details.intensity, details.intensity_after, details.outcome))

    def _note(self, moment: Moment | None) -> None:
        if moment is not None:
            self._moment = moment  # the latest moment is the one a line should fit

    # ----- Today's notice source ----------------------------------------------------------

    def notice(self) -> Notice | None:
        if self._moment is not None:
            moment, self._moment = self._moment, None
            offered = self._readings().offer(moment)
            if offered is not None:
                self._shown = offered
        if self._shown is not None and not self._readings().suggestions_enabled():
            self._shown = None  # turned off meanwhile (Settings, or another window)
        if self._shown is None:
            return None
        from recovery_app.services.reading_text import reading_texts

        words = reading_texts().suggestions
        return Notice(
            NoticeKind.READING,
            self._shown.line,
            NoticeAction(OPEN_READING, words["open"], self._shown.reading_id),
            dismissible=True,
            key=self._shown.reading_id,
            dismiss_label=words["dismiss"],
        )

    def dismiss(self, notice: Notice) -> None:
        """ "Don't suggest this again": that reading is never suggested again (it stays in
        the library)."""
        self._readings().dismiss(notice.key)
        self.taken(notice.key)

    def taken(self, reading_id: str) -> None:
        """The reading was opened or marked read: its line has done its work."""
        if self._shown is not None and self._shown.reading_id == reading_id:
            self._shown = None
