"""A synthetic heavy journal: what ten years of daily use leaves behind, for benchmarks.

    python benchmarks/heavy_vault.py DIR [--password-stdin] [--cheap-kdf] [--seed N]

The journal is created through storage's own door (`create_vault`, with the real Argon2 cost
unless --cheap-kdf), then filled in one session, one transaction per section, then
`ClockService.summaries()` runs once so the milestone records are there, as the app would
have written them over the years, and they are acknowledged, as someone who opened Today
every day has seen them. Contents (the figures are `Sizes`):

- 3 clocks labelled "A", "B", "C", started about ten years before today;
- 2,000 contact events spread over those years and clocks, mostly "they reached out" and
  "unavoidable", with a share of "I reached out" that thins out over the years (so each clock
  has had several stretches and the recent ones are long); some carry a note, the "I reached
  out" ones often a reflection, of the lengths people write;
- one check-in a day for 3,650 days up to today, every answer sometimes skipped, some notes;
- 50,000 urges over the same ten years, thinning out as the years pass and coming mostly in
  the evening: the trigger list is the app's suggestions (through `UrgeService.triggers()`)
  plus a few of the person's own, 0-3 triggers each; intensity mostly 3-9 and easing, some
  unrated; some feelings, places, company, what I did instead and notes; "it passed" about
  80%, "I reached out" about 8%, the rest not noted; how long it lasted for most, a
  prediction for some. Urges go in with bulk inserts (SQLAlchemy core, executemany), the way
  no person could type them but the way a benchmark can afford to make them;
- 5,000 memories over fifteen years (the relationship began before the clocks): about a third
  good moments, a third harm, the rest making up, tension and other; dates as rough as people
  remember them (half exact days, then months, seasons, years and ranges of a few months);
  most linked to a clock; bulk inserted too.

Everything follows from `seed`. The contents are made by `SECTIONS`, a list of functions that
each add one kind of row; each section draws from its own random stream (seeded with the seed
and the section's name), so adding a section (memories, say) changes nothing the existing
ones make. Each section is its own transaction, committed before the next begins, so a
section may use the app's own services (which open their own sessions) before adding rows.
Moments are aware UTC made from local clock times, so every event falls on
the local day it was drawn for, as in the app.
"""

from __future__ import annotations

import argparse
import getpass
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app.services.secrets import SecretStoreError, SecretStoreStatus
from recovery_app.storage.kdf import DEFAULT_KDF, KdfParams

if TYPE_CHECKING:
    from sqlmodel import Session

    from recovery_app.storage.models import Clock
    from recovery_app.storage.vault import Vault

# Milliseconds instead of the real cost's ~0.6 s, for benchmarks whose setup creates journals
# and does not measure unlocking. Never for a real journal.
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


@dataclass(frozen=True)
class Sizes:
    """How much the journal holds. Later issues add their own counts here."""

    days: int = 3_650  # ten years: clocks start about this long ago
    clock_labels: tuple[str, ...] = ("A", "B", "C")
    clock_weights: tuple[float, ...] = (0.5, 0.3, 0.2)  # share of the contact events
    contact_events: int = 2_000
    reached_out_share: float = 0.04  # of contact events; more in early years, fewer later
    contact_note_share: float = 0.35
    check_ins: int = 3_650  # one a day, the last one today
    check_in_note_share: float = 0.3
    urges: int = 50_000  # over `days`, thinning out as the years pass
    urge_note_share: float = 0.2
    memories: int = 5_000  # over `memory_years`: the relationship began before the clocks
    memory_years: int = 15


HEAVY = Sizes()


@dataclass
class Build:
    """What a section sees: the vault (for the app's services), the open session (a fresh
    transaction), its random stream, the day the journal is built for, the sizes, and the rows
    earlier sections added."""

    vault: Vault
    session: Session
    rng: random.Random
    today: date
    sizes: Sizes
    clocks: list[Clock] = field(default_factory=list)


Section = Callable[[Build], None]


class NoSecretStore:
    """A SecretStore that remembers nothing, so a generated journal never reaches a keyring."""

    def status(self) -> SecretStoreStatus:
        return SecretStoreStatus(False, "benchmarks never remember a journal")

    def load_key(self, vault_id: str) -> bytes | None:
        return None

    def save_key(self, vault_id: str, key: bytes) -> None:
        raise SecretStoreError("benchmarks never remember a journal")

    def forget_key(self, vault_id: str) -> None:
        pass


# ----- text people write ------------------------------------------------------------------------

_NOTE_SENTENCES = (
    "It was short and I kept it polite.",
    "I didn't answer straight away, and that felt right.",
    "They asked about the paperwork again.",
    "I noticed my shoulders were tense for the rest of the afternoon.",
    "Afterwards I went for a walk around the block.",
    "It was about the car, nothing else.",
    "I felt the old pull, then it passed.",
    "I wrote down what I wanted to say before replying.",
    "A message arrived late in the evening and I left it until morning.",
    "We ran into each other at the shop; I said hello and moved on.",
    "It brought back a lot, more than I expected.",
    "I told a friend about it and felt lighter.",
    "Nothing dramatic, just tiring.",
    "I kept to the one topic we had agreed on.",
    "I slept badly that night but the next day was fine.",
    "I'm proud that I didn't explain myself over and over.",
    "The call lasted four minutes.",
    "I reminded myself why the distance matters.",
)
_WHAT_HAPPENED = (
    "I was tired and lonely after a long week.",
    "I saw an old photo and wanted to know how they were.",
    "It was their birthday and I told myself one message couldn't hurt.",
    "I had a drink and my guard was down.",
    "Something at work reminded me of them.",
    "I was worried and wanted reassurance.",
    "I told myself it was only about the practical things.",
)
_WHAT_HELPED = (
    "Calling my sister afterwards.",
    "Writing here instead of sending a second message.",
    "Going to bed early.",
    "Reading my list of reasons.",
    "Getting out of the flat for an hour.",
)
_TRY_NEXT = (
    "Put my phone in another room on Friday evenings.",
    "Text a friend first when the urge comes.",
    "Wait twenty minutes and check in here before deciding.",
    "Mute the old chat so it doesn't come up.",
    "Plan something for the evenings around that date.",
)
_PROMISES = (
    "Go for a walk before work.",
    "Eat a proper lunch.",
    "Call Mum.",
    "Leave the phone outside the bedroom.",
    "Be kind to myself if it's a hard day.",
    "Don't check their profile.",
    "Finish one small thing on my list.",
    "Drink water and go to bed before eleven.",
)

_OWN_TRIGGERS = (  # added to the suggestions, as a person's list grows
    "Sunday evenings",
    "Seeing a car like theirs",
    "Payday weekend",
    "A wedding invitation",
    "Our old street",
)
_FEELINGS = (
    "Lonely",
    "Restless",
    "Sad and tired",
    "Missing them",
    "Anxious, tight chest",
    "Angry, then sad",
    "Numb",
    "Guilty for no reason",
    "Hopeful, which scared me",
)
_PLACES = ("At home", "In bed", "On the bus", "At work", "In the car", "At the shops", "Outside")
_COMPANY = ("Alone", "With friends", "With my kids", "With colleagues", "With my sister")
_DID_INSTEAD = (
    "Went for a walk",
    "Called a friend",
    "Wrote here",
    "Had a shower",
    "Read my reasons",
    "Made tea and waited",
    "Put the phone in a drawer",
    "Breathed with the timer",
)
_URGE_NOTES = (
    "It came out of nowhere.",
    "I wanted to ask how they were.",
    "I typed a message and deleted it.",
    "It was strongest for the first few minutes.",
    "I noticed I was hungry and tired too.",
    "I remembered how the last time went.",
    "It eased once I got up and moved.",
    "I kept picturing their face.",
    "It was a quiet one, but it lasted.",
    "I told myself I could decide in an hour, and by then I didn't want to.",
)
# Evenings and late nights are when the pull comes most; weights for hours 0..23.
_URGE_HOURS = (4, 3, 2, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9, 7)
_URGE_MINUTES = (2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 240)
_URGE_MINUTE_WEIGHTS = (4, 10, 14, 14, 12, 12, 8, 7, 4, 3, 1)


def _sentences(rng: random.Random, bank: Sequence[str], low: int, high: int) -> str:
    return " ".join(rng.sample(bank, rng.randint(low, high)))


def _note(rng: random.Random) -> str:
    """Mostly a line or three; now and then a long paragraph."""
    if rng.random() < 0.1:
        return _sentences(rng, _NOTE_SENTENCES, 6, 12)
    return _sentences(rng, _NOTE_SENTENCES, 1, 3)


def _local_moment(day: date, hour: int, minute: int) -> datetime:
    """An aware UTC moment at a local clock time of `day` (DST-aware, like the app's input)."""
    return datetime.combine(day, clock_time(hour, minute)).astimezone().astimezone(UTC)


# ----- sections ---------------------------------------------------------------------------------


def add_clocks(build: Build) -> None:
    from recovery_app.storage.models import Clock

    start = build.today - timedelta(days=build.sizes.days)
    for index, label in enumerate(build.sizes.clock_labels):
        since = start + timedelta(days=build.rng.randint(0, 30))
        clock = Clock(
            name=label,
            since=since,
            allowed_contact="Practical matters by message" if index == 1 else "",
            created_at=_local_moment(since, build.rng.randint(8, 22), build.rng.randint(0, 59)),
        )
        build.clocks.append(clock)
    build.session.add_all(build.clocks)
    build.session.flush()  # the ids, for the events


def add_contact_events(build: Build) -> None:
    from recovery_app.domain.kinds import Channel
    from recovery_app.domain.stretches import ContactKind
    from recovery_app.storage.models import ContactEvent

    rng, sizes = build.rng, build.sizes
    channels = [*Channel, None]
    channel_weights = [0.55, 0.15, 0.1, 0.05, 0.05, 0.1]
    events = []
    for _ in range(sizes.contact_events):
        (clock,) = rng.choices(build.clocks, weights=sizes.clock_weights)
        assert clock.id is not None
        span = (build.today - clock.since).days  # events on clock.since .. yesterday
        day = clock.since + timedelta(days=rng.randrange(span))
        # Twice the average share at the start, none at today: early stretches are short.
        share = 2 * sizes.reached_out_share * (1 - (day - clock.since).days / span)
        reached_out = rng.random() < share
        kind = (
            ContactKind.ME
            if reached_out
            else rng.choices([ContactKind.THEM, ContactKind.UNAVOIDABLE], weights=[0.6, 0.4])[0]
        )
        at = _local_moment(day, rng.randint(7, 23), rng.randint(0, 59))
        (channel,) = rng.choices(channels, weights=channel_weights)
        event = ContactEvent(
            clock_id=clock.id,
            kind=kind.value,
            at=at,
            channel=None if channel is None else channel.value,
            note=_note(rng) if rng.random() < sizes.contact_note_share else "",
            created_at=at + timedelta(minutes=rng.randint(1, 600)),
        )
        if kind is ContactKind.ME and rng.random() < 0.7:
            event.what_happened = _sentences(rng, _WHAT_HAPPENED, 1, 3)
            event.what_helped = _sentences(rng, _WHAT_HELPED, 0, 2)
            event.try_next = _sentences(rng, _TRY_NEXT, 0, 2)
        events.append(event)
    build.session.add_all(events)


def add_check_ins(build: Build) -> None:
    from recovery_app.domain.check_in import NoContactAnswer, PromiseOutcome
    from recovery_app.storage.models import CheckIn

    rng, sizes = build.rng, build.sizes
    first = build.today - timedelta(days=sizes.check_ins - 1)
    rows = []
    for offset in range(sizes.check_ins):
        day = first + timedelta(days=offset)
        progress = offset / sizes.check_ins  # the pull eases over the years
        pull_peak = round(9 - 6 * progress)
        created = _local_moment(day, rng.randint(19, 23), rng.randint(0, 59))
        no_contact = rng.choices(
            [NoContactAnswer.YES, NoContactAnswer.THEM, NoContactAnswer.NO, None],
            weights=[0.8, 0.06, 0.04, 0.1],
        )[0]
        promise_kept = rng.choices(
            [PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.SKIPPED, None],
            weights=[0.5, 0.1, 0.1, 0.3],
        )[0]
        rows.append(
            CheckIn(
                day=day,
                mood=None if rng.random() < 0.08 else rng.choices(range(1, 6), [1, 2, 4, 3, 1])[0],
                no_contact=None if no_contact is None else no_contact.value,
                pull=None if rng.random() < 0.1 else rng.randint(0, pull_peak),
                yesterday_promise=None if promise_kept is None else promise_kept.value,
                promise=rng.choice(_PROMISES) if rng.random() < 0.5 else "",
                note=_note(rng) if rng.random() < sizes.check_in_note_share else "",
                created_at=created,
                updated_at=created + timedelta(minutes=rng.choice([0, 0, 0, 5, 90])),
            )
        )
    build.session.add_all(rows)


def add_urges(build: Build) -> None:
    """Urges go in with core bulk inserts: 50,000 ORM objects would take most of the build."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel, select

    from recovery_app.services.urges import UrgeService
    from recovery_app.storage.models import Trigger

    rng, sizes = build.rng, build.sizes
    first = build.today - timedelta(days=sizes.days)
    # The list as the app makes it: its suggestions on first use, then the person's own.
    service = UrgeService(build.vault, now=noon_of(first))
    for name in _OWN_TRIGGERS:
        service.add_trigger(name)
    names = service.triggers()
    rows = build.session.exec(select(Trigger.name, Trigger.id))
    trigger_ids = {name: id_ for name, id_ in rows if id_ is not None}
    popularity = [1 / (rank + 2) for rank in range(len(names))]  # a few triggers dominate
    rng.shuffle(popularity)

    moments = []
    for _ in range(sizes.urges):
        # Dense early, a quarter as dense at the end: a mix of a falling and a flat density.
        progress = rng.triangular(0, 1, 0) if rng.random() < 0.6 else rng.random()
        day = first + timedelta(days=min(int(progress * sizes.days), sizes.days - 1))
        (hour,) = rng.choices(range(24), weights=_URGE_HOURS)
        moments.append((_local_moment(day, hour, rng.randint(0, 59)), progress))
    moments.sort()  # ids in time order, as the app would have given them

    urges: list[dict[str, object]] = []
    links: list[dict[str, int]] = []
    for urge_id, (at, progress) in enumerate(moments, start=1):
        urges.append({"id": urge_id, **_urge_row(rng, sizes, at, progress)})
        count = rng.choices((0, 1, 2, 3), weights=(0.2, 0.45, 0.25, 0.1))[0]
        picked: list[str] = []  # a list, not a set: the same order whatever the hash seed
        while len(picked) < count:
            (name,) = rng.choices(names, weights=popularity)
            if name not in picked:
                picked.append(name)
        links += [{"urge_id": urge_id, "trigger_id": trigger_ids[name]} for name in picked]

    connection = build.session.connection()
    connection.execute(insert(SQLModel.metadata.tables["urge"]), urges)
    connection.execute(insert(SQLModel.metadata.tables["urge_trigger"]), links)


def _urge_row(rng: random.Random, sizes: Sizes, at: datetime, progress: float) -> dict[str, object]:
    """One urge's columns; `progress` (0 to 1 over the years) eases the intensity."""
    from recovery_app.domain.urges import UrgeOutcome

    peak = 8 - 2 * progress
    intensity = None if rng.random() < 0.1 else max(0, min(10, round(rng.gauss(peak - 2, 1.8))))
    (outcome,) = rng.choices([UrgeOutcome.PASSED, UrgeOutcome.REACHED_OUT, None], [80, 8, 12])
    minutes = rng.choices(_URGE_MINUTES, _URGE_MINUTE_WEIGHTS)[0] if rng.random() < 0.75 else None
    predicted = rng.random() < 0.3
    return {
        "at": at,
        "intensity": intensity,
        "feelings": rng.choice(_FEELINGS) if rng.random() < 0.5 else "",
        "place": rng.choice(_PLACES) if rng.random() < 0.4 else "",
        "company": rng.choice(_COMPANY) if rng.random() < 0.25 else "",
        "did_instead": rng.choice(_DID_INSTEAD) if rng.random() < 0.4 else "",
        "outcome": None if outcome is None else outcome.value,
        "minutes": minutes,
        # People tend to expect an urge to last longer than it does.
        "predicted_minutes": rng.choice(_URGE_MINUTES[3:]) if predicted else None,
        "predicted_reach_out": rng.random() < 0.4 if predicted and rng.random() < 0.8 else None,
        "note": _sentences(rng, _URGE_NOTES, 1, 3) if rng.random() < sizes.urge_note_share else "",
        "created_at": at + timedelta(minutes=rng.choice((0, 0, 0, 1, 2, 5, 30, 240))),
    }


_MEMORY_KINDS = (("good", 35), ("harm", 30), ("apology", 12), ("tension", 15), ("other", 8))
_MEMORY_TITLES = {
    "good": (
        "A walk by the river",
        "Dinner at our place",
        "Laughing in the car",
        "A weekend away",
        "Birthday surprise",
        "Dancing in the kitchen",
        "Sunday morning coffee",
    ),
    "harm": (
        "Shouting after the party",
        "Phone checked again",
        "Told I was too sensitive",
        "Money taken",
        "Kept from my friends",
        "The broken door",
        "Silent for a week",
    ),
    "apology": (
        "Flowers and sorry",
        "Promised to change",
        "Crying and apologising",
        "A long letter",
        "Couples weekend",
    ),
    "tension": (
        "Walking on eggshells",
        "Questions about where I was",
        "Cold all evening",
        "Jealous about work",
    ),
    "other": ("Moving flats", "New job", "Started counselling", "Holiday with family"),
}
_DATE_PRECISION = (("day", 50), ("month", 25), ("season", 10), ("year", 8), ("range", 7))


def add_memories(build: Build) -> None:
    """Memories over fifteen years, dates as rough as people remember them; bulk inserted."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from recovery_app.domain import fuzzy_dates

    rng, sizes = build.rng, build.sizes
    span = sizes.memory_years * 365
    first = build.today - timedelta(days=span)
    kinds = [k for k, _ in _MEMORY_KINDS]
    kind_weights = [w for _, w in _MEMORY_KINDS]
    precisions = [p for p, _ in _DATE_PRECISION]
    precision_weights = [w for _, w in _DATE_PRECISION]
    created = _local_moment(build.today, 12, 0)
    rows = []
    for _ in range(sizes.memories):
        kind = rng.choices(kinds, kind_weights)[0]
        day = first + timedelta(days=rng.randrange(span - 400))  # ranges end before today
        precision = rng.choices(precisions, precision_weights)[0]
        if precision == "day":
            when = fuzzy_dates.day(day)
        elif precision == "month":
            when = fuzzy_dates.month(day.year, day.month)
        elif precision == "season":
            when = fuzzy_dates.season(rng.choice(fuzzy_dates.SEASONS), day.year)
        elif precision == "year":
            when = fuzzy_dates.year(day.year)
        else:
            months = day.year * 12 + day.month - 1 + rng.randint(1, 8)
            end = fuzzy_dates.month(months // 12, months % 12 + 1)
            when = fuzzy_dates.between(fuzzy_dates.month(day.year, day.month), end)
        rows.append(
            {
                "clock_id": rng.choice(build.clocks).id if rng.random() < 0.8 else None,
                "kind": kind,
                "title": rng.choice(_MEMORY_TITLES[kind]),
                "what_happened": _note(rng) if rng.random() < 0.4 else "",
                "feeling": rng.randint(0, 10) if rng.random() < 0.7 else None,
                "tags": "[]",
                "date_text": when.text,
                "date_start": when.start,
                "date_end": when.end,
                "created_at": created,
                "updated_at": created,
            }
        )
    build.session.connection().execute(insert(SQLModel.metadata.tables["memory"]), rows)


SECTIONS: tuple[Section, ...] = (
    add_clocks,
    add_contact_events,
    add_check_ins,
    add_urges,
    add_memories,
)


# ----- building ---------------------------------------------------------------------------------


def noon_of(day: date) -> Callable[[], datetime]:
    """A `now` for the services that puts them on `day` (noon: no DST change can move it)."""
    moment = _local_moment(day, 12, 0)
    return lambda: moment


def local_today() -> date:
    return datetime.now().astimezone().date()


def fill_vault(
    vault: Vault, *, seed: int = 1, today: date | None = None, sizes: Sizes = HEAVY
) -> None:
    """Add every section's rows to an open, empty vault, then record milestones as the app
    does and acknowledge them, so Today opens in its everyday state, not with ten years of news.
    """
    from recovery_app.services.clocks import ClockService

    today = today or local_today()
    with vault.session() as session:
        build = Build(vault, session, random.Random(), today, sizes)
        for section in SECTIONS:
            build.rng = random.Random(f"{seed}/{section.__name__}")
            section(build)
            session.commit()
    clocks = ClockService(vault, now=noon_of(today))
    for summary in clocks.summaries():
        clocks.acknowledge_milestones(summary.clock_id)


def build_heavy_vault(
    data_dir: Path,
    password: str,
    *,
    kdf: KdfParams = CHEAP_KDF,
    seed: int = 1,
    today: date | None = None,
    sizes: Sizes = HEAVY,
) -> Path:
    """Create a heavy journal in `data_dir` (which must not hold one yet); return `data_dir`."""
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.storage.vault import create_vault

    # Storage's own door: the bulk inserts below need the vault's sessions, which the app's
    # door (VaultService, handing out a Journal) keeps to its services.
    vault = create_vault(VaultPaths(data_dir), password, kdf)
    try:
        fill_vault(vault, seed=seed, today=today, sizes=sizes)
    finally:
        vault.close()
    return data_dir


def counts_in(data_dir: Path, password: str) -> dict[str, int]:
    """Rows per table of the journal in `data_dir`, opened with storage's own door."""
    from recovery_app.storage.keyfile import read_keyfile
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.storage.vault import open_vault

    paths = VaultPaths(data_dir)
    keyfile = read_keyfile(paths.keyfile)
    vault = open_vault(paths, keyfile, keyfile.unwrap(password))
    try:
        return count_rows(vault)
    finally:
        vault.close()


def count_rows(vault: Vault) -> dict[str, int]:
    """Rows per table, for a quick look at what was made."""
    from sqlalchemy import func, select
    from sqlmodel import SQLModel

    with vault.session() as session:
        connection = session.connection()
        return {
            name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in sorted(SQLModel.metadata.tables.items())
        }


# ----- command line -----------------------------------------------------------------------------


def _read_password(from_stdin: bool) -> str:
    from recovery_app.domain.passwords import MIN_PASSWORD_LENGTH, check_new_password

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password for the heavy journal: ")
        if getpass.getpass("Type it once more: ") != password:
            raise SystemExit("heavy_vault: the two passwords were different")
    if not check_new_password(password).acceptable:
        raise SystemExit(f"heavy_vault: a password needs {MIN_PASSWORD_LENGTH} characters or more")
    return password


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", metavar="DIR", type=Path, help="folder for the new journal")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    parser.add_argument(
        "--cheap-kdf",
        action="store_true",
        help="a near-free key derivation instead of the real Argon2 cost (benchmark setup only)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    password = _read_password(args.password_stdin)

    from recovery_app.services.messages import message_for
    from recovery_app.storage.errors import VaultError
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.storage.vault import create_vault

    kdf = CHEAP_KDF if args.cheap_kdf else DEFAULT_KDF
    data_dir = args.data_dir.expanduser().absolute()
    started = time.perf_counter()
    try:
        vault = create_vault(VaultPaths(data_dir), password, kdf)
    except VaultError as error:
        print(f"heavy_vault: {message_for(error, data_dir)}", file=sys.stderr)
        return 1
    created = time.perf_counter()
    try:
        fill_vault(vault, seed=args.seed)
        filled = time.perf_counter()
        counts = count_rows(vault)
    finally:
        vault.close()
    print(f"Heavy journal in {data_dir} (seed {args.seed})")
    print(f"  created in {created - started:.2f} s ({'cheap' if args.cheap_kdf else 'real'} KDF)")
    print(f"  filled in  {filled - created:.2f} s")
    for name, count in counts.items():
        print(f"  {name:<16} {count:>6} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
