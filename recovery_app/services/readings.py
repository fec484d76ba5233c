"""The readings library (data files in resources/readings/), what has been read, and the
gentle suggestions at the right moment.

Loading is strict and forgiving at once, as for exercises: every file is checked against one
schema, a file that doesn't fit is named in the log and in `problems`, and the others still
load. What the person has read and what they asked not to be suggested again live in the
encrypted journal (`vault_info`, one row each), never in window settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.dialects.sqlite import Insert, insert
from sqlmodel import Session, col, delete, select

from recovery_app.domain.errors import InvalidInput
from recovery_app.domain.reading_moments import (
    Moment,
    SuggestionState,
    moment_after_contact,
    moment_after_urge,
    reading_to_suggest,
)
from recovery_app.domain.readings import Reading, ReadingFileProblem, parse_reading, search_readings
from recovery_app.domain.stretches import ContactKind
from recovery_app.domain.urges import UrgeDetails
from recovery_app.resource_files import resources_dir
from recovery_app.services.exercises import Library as ExerciseLibrary
from recovery_app.services.exercises import load_library
from recovery_app.services.journal_part import JournalPart, utc_now
from recovery_app.services.reading_text import ReadingTexts, ToolButton, reading_texts, tool_buttons
from recovery_app.storage.models import VaultInfo
from recovery_app.storage.vault import Vault

log = logging.getLogger(__name__)

# vault_info keys. Per reading, one row each, so marking one never rewrites another.
_READ = "readings.read."  # + id: when it was first marked read (ISO, UTC)
_DISMISSED = "readings.dismissed."  # + id: when "don't suggest this again" was chosen
_OFFERS = "readings.offers."  # + id: how many times it was suggested
_LAST_OFFER = "readings.last_offer"
_SUGGESTIONS = "readings.suggestions"  # "off" when the person turned them off


@dataclass(frozen=True)
class ReadingLibrary:
    readings: tuple[Reading, ...]
    problems: tuple[str, ...] = ()  # one line per file that didn't load: "file: field problem"

    def get(self, reading_id: str) -> Reading | None:
        return next((r for r in self.readings if r.id == reading_id), None)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.readings)


def load_readings(
    folder: Path | None = None, exercises: ExerciseLibrary | None = None
) -> ReadingLibrary:
    """Every *.toml in `folder` (the shipped one by default), in file-name order (the files
    are numbered, so the order is the one they are best read in). An exercise a reading
    leads to must be in `exercises` (the shipped library by default)."""
    import tomllib  # on first use: the command line imports this module at every start

    folder = folder or resources_dir() / "readings"
    exercise_ids = {e.id for e in (exercises or load_library()).exercises}
    readings: list[Reading] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            with path.open("rb") as file:
                data = tomllib.load(file)
            reading = parse_reading(data, path.name, exercise_ids)
            if any(r.id == reading.id for r in readings):
                raise ReadingFileProblem(path.name, "id", "is already used by another file")
        except ReadingFileProblem as problem:
            problems.append(str(problem))
        except tomllib.TOMLDecodeError as error:
            # The decoder's message gives a line and column, never the file's words.
            problems.append(f"{path.name}: is not readable TOML ({error})")
        except (OSError, UnicodeDecodeError):
            problems.append(f"{path.name}: could not be read")
        else:
            readings.append(reading)
            continue
        log.warning("Reading file left out: %s", problems[-1])
    return ReadingLibrary(tuple(readings), tuple(problems))


@dataclass(frozen=True)
class ReadingCard:
    """One reading in the list: enough for a card, a row in `readings`, and a search hit."""

    id: str
    title: str
    summary: str
    minutes: int
    has_content_note: bool
    read: bool
    read_at: datetime | None  # None when not read, or when the time kept is unreadable


@dataclass(frozen=True)
class ReadingPage:
    """A reading as the reader shows it, with its tools named as the app names them."""

    reading: Reading
    read: bool
    read_at: datetime | None
    tools: tuple[ToolButton, ...]
    not_therapy: str


@dataclass(frozen=True)
class Suggestion:
    """One gentle line naming one reading."""

    moment: Moment
    reading_id: str
    title: str
    line: str


class ReadingService(JournalPart):
    """Readings over one open journal: read or not yet, search, and suggestions."""

    def __init__(
        self,
        vault: Vault,
        library: ReadingLibrary,
        exercises: ExerciseLibrary,
        now: Callable[[], datetime] = utc_now,
        texts: ReadingTexts | None = None,
    ) -> None:
        super().__init__(vault, now)
        self.library = library
        self._exercises = exercises
        self._texts = texts or reading_texts()

    def reading(self, reading_id: str) -> Reading:
        reading = self.library.get(reading_id)
        if reading is None:
            raise InvalidInput("That reading isn't in the library any more.")
        return reading

    # ----- the list, and one reading ----------------------------------------------------------

    def cards(self, query: str = "") -> list[ReadingCard]:
        """Every reading, or those holding every word of `query` (best matches first)."""
        read = self._read_at()
        return [
            ReadingCard(
                r.id,
                r.title,
                r.summary,
                r.minutes,
                bool(r.content_note),
                r.id in read,
                read.get(r.id),
            )
            for r in search_readings(self.library.readings, query)
        ]

    def page(self, reading_id: str) -> ReadingPage:
        reading = self.reading(reading_id)
        read = self._read_at()
        return ReadingPage(
            reading,
            reading_id in read,
            read.get(reading_id),
            tool_buttons(reading, self._exercises, self._texts),
            self._texts.reader["not_therapy"],
        )

    # ----- read, not yet read -----------------------------------------------------------------

    def read_ids(self) -> frozenset[str]:
        return frozenset(self._read_at())

    def mark_read(self, reading_id: str) -> datetime:
        """Marked read (again: the first time is kept). Returns when it was first read."""
        self.reading(reading_id)
        with self._vault.session() as session:
            # INSERT OR IGNORE: the window and a command can both mark it, and the first wins.
            session.exec(_insert_new(_READ + reading_id, self._now().isoformat()))
            session.commit()
            row = session.get(VaultInfo, _READ + reading_id)
            assert row is not None
            return _moment(row.value) or self._now()

    def mark_not_read(self, reading_id: str) -> None:
        with self._vault.session() as session:
            session.exec(delete(VaultInfo).where(col(VaultInfo.key) == _READ + reading_id))
            session.commit()

    # ----- suggestions ------------------------------------------------------------------------

    def offer(self, moment: Moment) -> Suggestion | None:
        """The one reading to suggest now, if any, noted as suggested. Most moments give
        None: see domain.reading_moments for the rule."""
        now = self._now()
        with self._vault.session() as session:
            reading_id = reading_to_suggest(moment, self._state(session), self.library.ids, now)
            if reading_id is None:
                return None
            offers = session.get(VaultInfo, _OFFERS + reading_id)
            count = _count(offers.value) if offers is not None else 0
            session.merge(VaultInfo(key=_OFFERS + reading_id, value=str(count + 1)))
            session.merge(VaultInfo(key=_LAST_OFFER, value=now.isoformat()))
            session.commit()
        title = self.reading(reading_id).title
        line = self._texts.suggestions[moment.value].format(title=title)
        return Suggestion(moment, reading_id, title, line)

    def offer_after_urge(self, details: UrgeDetails) -> Suggestion | None:
        """After an urge is saved (and after the guide, if it was opened: never during)."""
        moment = moment_after_urge(details.intensity, details.intensity_after, details.outcome)
        return None if moment is None else self.offer(moment)

    def offer_after_contact(self, kind: ContactKind) -> Suggestion | None:
        """After a contact is logged: only "I reached out" can bring a suggestion."""
        moment = moment_after_contact(kind)
        return None if moment is None else self.offer(moment)

    def dismiss(self, reading_id: str) -> None:
        """Never suggest this reading again. It stays in the library, to read any time."""
        self.reading(reading_id)
        with self._vault.session() as session:
            session.exec(_insert_new(_DISMISSED + reading_id, self._now().isoformat()))
            session.commit()

    def dismissed(self) -> frozenset[str]:
        with self._vault.session() as session:
            return frozenset(_ids_under(session, _DISMISSED))

    def suggestions_enabled(self) -> bool:
        with self._vault.session() as session:
            row = session.get(VaultInfo, _SUGGESTIONS)
            return row is None or row.value != "off"

    def set_suggestions_enabled(self, enabled: bool) -> None:
        with self._vault.session() as session:
            session.merge(VaultInfo(key=_SUGGESTIONS, value="on" if enabled else "off"))
            session.commit()

    # ----- helpers ----------------------------------------------------------------------------

    def _read_at(self) -> dict[str, datetime | None]:
        """Every reading marked read, with when (None if the time kept can't be read: the
        row itself still says it was read)."""
        with self._vault.session() as session:
            return {k: _moment(v) for k, v in _ids_under(session, _READ).items()}

    def _state(self, session: Session) -> SuggestionState:
        last = session.get(VaultInfo, _LAST_OFFER)
        enabled = session.get(VaultInfo, _SUGGESTIONS)
        return SuggestionState(
            read=frozenset(_ids_under(session, _READ)),
            dismissed=frozenset(_ids_under(session, _DISMISSED)),
            offers={k: _count(v) for k, v in _ids_under(session, _OFFERS).items()},
            last_offer_at=None if last is None else _moment(last.value),
            enabled=enabled is None or enabled.value != "off",
        )


def _insert_new(key: str, value: str) -> Insert:
    return insert(VaultInfo).values(key=key, value=value).on_conflict_do_nothing()


def _ids_under(session: Session, prefix: str) -> dict[str, str]:
    """{reading id: value} for every row whose key starts with `prefix`."""
    rows = session.exec(
        select(VaultInfo).where(col(VaultInfo.key).startswith(prefix, autoescape=True))
    )
    return {row.key.removeprefix(prefix): row.value for row in rows}


def _moment(value: str) -> datetime | None:
    # A value that doesn't parse (a damaged row) reads as "not known", never as a crash.
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _count(value: str) -> int:
    return int(value) if value.isdigit() else 0


def readings_json(cards: Collection[ReadingCard]) -> list[dict[str, object]]:
    """The document `readings --json` prints: one object per reading, in library order."""
    return [
        {
            "id": card.id,
            "title": card.title,
            "minutes": card.minutes,
            "summary": card.summary,
            "read": card.read,
            "read_at": None if card.read_at is None else card.read_at.isoformat(),
            "content_note": card.has_content_note,
        }
        for card in cards
    ]
