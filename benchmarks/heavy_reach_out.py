"""The heavy journal's record of the times they reached out: the exact words on many of the
"they reached out" events already made, a few small files kept with some of them, earlier
versions left by edits, and the plan (its suggested steps through the app's own service,
with two "if I have to answer" lines of the person's own).

A section of its own (its own random stream), after the others: it changes nothing they
make. The files are small (8 to 48 KB) and few, as a person adds the screenshots that
matter; they still make the journal's pages hold BLOBs, which backups and checks read.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from heavy_parts import Build, noon_of

THEIR_WORDS = (
    "Can we talk? I just want to understand what happened.",
    "I miss you. Nobody gets me the way you do.",
    "You owe me an answer after everything.",
    "I saw you at the station yesterday. You looked well.",
    "Happy birthday. I still think about you every day.",
    "Fine, ignore me. Everyone can see what kind of person you are.",
    "I'm sorry. I've changed, I promise. Give me one chance.",
    "Your things are still here. Come and get them or I'll throw them out.",
    "Why did you block me? I only wanted to say hello.",
    "I'm outside. Just five minutes.",
    "Your mum called me. She thinks you're making a mistake.",
    "I'm not well. I need you.",
)
EARLIER = "(pasted in part at first) "
ANSWERS = (
    "Please send anything about the children by email.",
    "Saturday at 10 for the handover works.",
)


def add_reach_out_records(build: Build) -> None:
    from sqlalchemy import bindparam, insert, select, update
    from sqlmodel import SQLModel

    from recovery_app.domain.kinds import ContactKind, PlanPart
    from recovery_app.services.reach_out_plan import ReachOutPlanService

    rng, sizes = build.rng, build.sizes
    connection = build.session.connection()
    events = SQLModel.metadata.tables["contact_event"]
    them = connection.execute(
        select(events.c.id, events.c.created_at)
        .where(events.c.kind == ContactKind.THEM.value)
        .order_by(events.c.id)
    ).all()
    worded = [(i, at) for i, at in them if rng.random() < sizes.attempt_words_share]
    chosen = {event_id: rng.choice(THEIR_WORDS) for event_id, _ in worded}
    if chosen:
        connection.execute(
            update(events)
            .where(events.c.id == bindparam("event_id"))
            .values(words=bindparam("their_words")),
            [{"event_id": i, "their_words": w} for i, w in chosen.items()],
        )
    files = []
    for event_id, at in rng.sample(them, min(sizes.attachments, len(them))):
        data = b"\x89PNG\r\n\x1a\n" + rng.randbytes(rng.randint(8, 48) * 1024)
        files.append(
            {
                "contact_event_id": event_id,
                "name": f"Screenshot {at:%Y-%m-%d %H.%M}.png",
                "media_type": "image/png",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "data": data,
                "added_at": at + timedelta(minutes=rng.randint(1, 90)),
            }
        )
    if files:
        connection.execute(insert(SQLModel.metadata.tables["contact_attachment"]), files)
    versions = []
    for event_id, at in rng.sample(worded, min(sizes.attempt_edits, len(worded))):
        row = connection.execute(
            select(events.c.at, events.c.channel).where(events.c.id == event_id)
        ).one()
        words = chosen[event_id]
        versions.append(
            {
                "contact_event_id": event_id,
                "kind": ContactKind.THEM.value,
                "at": row.at,
                "channel": row.channel,
                "words": EARLIER + words[: len(words) // 2],
                "attachments": json.dumps([]),
                "replaced_at": at + timedelta(days=rng.randint(1, 20)),
            }
        )
    if versions:
        connection.execute(insert(SQLModel.metadata.tables["contact_version"]), versions)
    build.session.commit()  # the plan's service opens sessions of its own
    plan = ReachOutPlanService(build.vault, now=noon_of(build.today - timedelta(days=300)))
    plan.plan()  # the suggested steps, as the first visit seeds them
    for line in ANSWERS:
        plan.add(PlanPart.ANSWER, line)
