"""A synthetic heavy journal: what ten years of daily use leaves behind, for benchmarks.

    python benchmarks/heavy_vault.py DIR [--password-stdin] [--cheap-kdf] [--seed N] [--scale N]

The journal is created through storage's own door (`create_vault`, with the real Argon2 cost
unless --cheap-kdf), then filled in one session, one transaction per section, then
`ClockService.summaries()` runs once so the milestone records are there, as the app would
have written them over the years, and they are acknowledged, as someone who opened Today
every day has seen them. Contents at scale 1 (the figures are `Sizes`; `--scale N`, or
`sizes=HEAVY.scaled(N)`, makes N times the years and N times every count made over them):

- 3 clocks labelled "A", "B", "C", started about ten years before today;
- 2,000 contact events spread over those years and clocks, mostly "they reached out" and
  "unavoidable", with a share of "I reached out" that thins out over the years (so each clock
  has had several stretches and the recent ones are long); some carry a note, the "I reached
  out" ones often a reflection, of the lengths people write;
- one check-in a day for 3,650 days up to today, every answer sometimes skipped, some notes;
  about every other one makes "today's promise", which the next day's check-in marks kept,
  not kept or let go (or leaves open);
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
  most linked to a clock; bulk inserted too;
- and, from heavy_sections.py: 1,000 promises made on the Exercises screen (kept, not kept,
  let go, some open), 1,200 instincts and predictions (many of the predictions fears; most
  checked after their day, with every outcome), 2,000 runs of the shipped exercises with
  answers that fit each step (some left half-way), 200 unsent letters, 24 reasons and
  8 support people (the last two through the app's services; lists, not scaled), and 4 marked
  hard dates with plans (one of them a week from today, so Today has a line about it);
- and, from heavy_reach_out.py: the exact words on about half of the "they reached out"
  events, 12 small files (8-48 KB) kept with some of them, 40 earlier versions left by
  edits, and the plan for when they reach out (its suggested steps, two answer lines).

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
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import heavy_reach_out
import heavy_sections
import heavy_words as words
from heavy_parts import HEAVY, Build, Section, Sizes, local_moment, noon_of, note, sentences

from recovery_app.services.secrets import SecretStoreError, SecretStoreStatus
from recovery_app.storage.kdf import DEFAULT_KDF, KdfParams

if TYPE_CHECKING:
    from recovery_app.storage.vault import Vault

__all__ = ["CHEAP_KDF", "HEAVY", "NoSecretStore", "Sizes", "build_heavy_vault", "count_rows"]

# Milliseconds instead of the real cost's ~0.6 s, for benchmarks whose setup creates journals
# and does not measure unlocking. Never for a real journal.
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


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
            created_at=local_moment(since, build.rng.randint(8, 22), build.rng.randint(0, 59)),
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
        at = local_moment(day, rng.randint(7, 23), rng.randint(0, 59))
        (channel,) = rng.choices(channels, weights=channel_weights)
        event = ContactEvent(
            clock_id=clock.id,
            kind=kind.value,
            at=at,
            channel=None if channel is None else channel.value,
            note=note(rng) if rng.random() < sizes.contact_note_share else "",
            created_at=at + timedelta(minutes=rng.randint(1, 600)),
        )
        if kind is ContactKind.ME and rng.random() < 0.7:
            event.what_happened = sentences(rng, words.WHAT_HAPPENED, 1, 3)
            event.what_helped = sentences(rng, words.WHAT_HELPED, 0, 2)
            event.try_next = sentences(rng, words.TRY_NEXT, 0, 2)
        events.append(event)
    build.session.add_all(events)


def add_check_ins(build: Build) -> None:
    """A check-in a day, with "today's promise" in the promise table (check_in_day set), as
    the check-in writes it, and marked by the next day's "yesterday's promise" answer."""
    from sqlalchemy import insert
    from sqlmodel import SQLModel

    from recovery_app.domain.check_in import NoContactAnswer, PromiseOutcome
    from recovery_app.storage.models import CheckIn

    rng, sizes = build.rng, build.sizes
    first = build.today - timedelta(days=sizes.check_ins - 1)
    rows = []
    promises: list[dict[str, object]] = []
    for offset in range(sizes.check_ins):
        day = first + timedelta(days=offset)
        progress = offset / sizes.check_ins  # the pull eases over the years
        pull_peak = round(9 - 6 * progress)
        created = local_moment(day, rng.randint(19, 23), rng.randint(0, 59))
        no_contact = rng.choices(
            [NoContactAnswer.YES, NoContactAnswer.THEM, NoContactAnswer.NO, None],
            weights=[0.8, 0.06, 0.04, 0.1],
        )[0]
        yesterdays = rng.choices(
            [PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT, PromiseOutcome.SKIPPED, None],
            weights=[0.5, 0.1, 0.1, 0.3],
        )[0]
        # The draws in the order the first version of this section made them, so the
        # check-ins stay the same journal they were.
        mood = None if rng.random() < 0.08 else rng.choices(range(1, 6), [1, 2, 4, 3, 1])[0]
        pull = None if rng.random() < 0.1 else rng.randint(0, pull_peak)
        promise = rng.choice(words.PROMISES) if rng.random() < 0.5 else ""
        rows.append(
            CheckIn(
                day=day,
                mood=mood,
                no_contact=None if no_contact is None else no_contact.value,
                pull=pull,
                note=note(rng) if rng.random() < sizes.check_in_note_share else "",
                created_at=created,
                updated_at=created + timedelta(minutes=rng.choice([0, 0, 0, 5, 90])),
            )
        )
        made_yesterday = promises[-1] if promises else None
        if (
            made_yesterday
            and made_yesterday["day"] == day - timedelta(days=1)
            and yesterdays in (PromiseOutcome.KEPT, PromiseOutcome.NOT_KEPT)
        ):
            made_yesterday["outcome"] = yesterdays.value
            made_yesterday["marked_at"] = created
        if promise:
            promises.append(
                {
                    "text": promise,
                    "day": day,
                    "check_in_day": day,
                    "outcome": None,
                    "created_at": created,
                    "marked_at": None,
                }
            )
    build.session.add_all(rows)
    build.session.flush()
    build.session.connection().execute(insert(SQLModel.metadata.tables["promise"]), promises)


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
    for name in words.OWN_TRIGGERS:
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
        (hour,) = rng.choices(range(24), weights=words.URGE_HOURS)
        moments.append((local_moment(day, hour, rng.randint(0, 59)), progress))
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

    notes = words.URGE_NOTES
    peak = 8 - 2 * progress
    intensity = None if rng.random() < 0.1 else max(0, min(10, round(rng.gauss(peak - 2, 1.8))))
    (outcome,) = rng.choices([UrgeOutcome.PASSED, UrgeOutcome.REACHED_OUT, None], [80, 8, 12])
    minutes = (
        rng.choices(words.URGE_MINUTES, words.URGE_MINUTE_WEIGHTS)[0]
        if rng.random() < 0.75
        else None
    )
    predicted = rng.random() < 0.3
    return {
        "at": at,
        "intensity": intensity,
        "feelings": rng.choice(words.FEELINGS) if rng.random() < 0.5 else "",
        "place": rng.choice(words.PLACES) if rng.random() < 0.4 else "",
        "company": rng.choice(words.COMPANY) if rng.random() < 0.25 else "",
        "did_instead": rng.choice(words.DID_INSTEAD) if rng.random() < 0.4 else "",
        "outcome": None if outcome is None else outcome.value,
        "minutes": minutes,
        # People tend to expect an urge to last longer than it does.
        "predicted_minutes": rng.choice(words.URGE_MINUTES[3:]) if predicted else None,
        "predicted_reach_out": rng.random() < 0.4 if predicted and rng.random() < 0.8 else None,
        "note": sentences(rng, notes, 1, 3) if rng.random() < sizes.urge_note_share else "",
        "created_at": at + timedelta(minutes=rng.choice((0, 0, 0, 1, 2, 5, 30, 240))),
    }


SECTIONS: tuple[Section, ...] = (
    add_clocks,
    add_contact_events,
    add_check_ins,
    add_urges,
    *heavy_sections.SECTIONS,  # memories, promises, hunches, exercise runs, letters, lists
    heavy_reach_out.add_reach_out_records,  # their words, a few files, versions, the plan
)


# ----- building ---------------------------------------------------------------------------------


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


def open_storage(data_dir: Path, password: str) -> Vault:
    """The journal in `data_dir` opened with storage's own door, for a benchmark that times
    one service on its own (the app's door hands out a Journal instead)."""
    from recovery_app.storage.keyfile import read_keyfile
    from recovery_app.storage.paths import VaultPaths
    from recovery_app.storage.vault import open_vault

    paths = VaultPaths(data_dir)
    keyfile = read_keyfile(paths.keyfile)
    return open_vault(paths, keyfile, keyfile.unwrap(password))


def counts_in(data_dir: Path, password: str) -> dict[str, int]:
    """Rows per table of the journal in `data_dir`, opened with storage's own door."""
    vault = open_storage(data_dir, password)
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
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        metavar="N",
        help="N times the years and the entries made over them (default 1: ten years)",
    )
    args = parser.parse_args()
    if args.scale < 1:
        parser.error("--scale is a whole number from 1")
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
        fill_vault(vault, seed=args.seed, sizes=HEAVY.scaled(args.scale))
        filled = time.perf_counter()
        counts = count_rows(vault)
    finally:
        vault.close()
    print(f"Heavy journal in {data_dir} (seed {args.seed}, scale {args.scale})")
    print(f"  created in {created - started:.2f} s ({'cheap' if args.cheap_kdf else 'real'} KDF)")
    print(f"  filled in  {filled - created:.2f} s")
    for name, count in counts.items():
        print(f"  {name:<17} {count:>7} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
