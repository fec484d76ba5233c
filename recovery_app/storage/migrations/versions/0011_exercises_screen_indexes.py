"""The urges' predictions, the exercise runs and the promises, indexed for the Exercises screen.

The Exercises screen counts how the urges' predictions turned out ("I will reach out", "it
will last an hour"). Without an index that reads every urge in the journal, all ten years of
them, though only about one in three has a prediction. A partial index holding just those
urges, and just the four columns the count needs, is read instead (a covering index: the
table itself is not touched). The exercise runs (each with its answers) and the promises (one
a day for years) get covering indexes for the screen's counts, its half-done marks, its latest
runs and the self-trust line, for the same reason.

Revision ID: 0011
Revises: 0010
Create Date: 2027-01-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NAME = "ix_urge_predictions"
COLUMNS = ["predicted_reach_out", "outcome", "predicted_minutes", "minutes"]
WHERE = "predicted_reach_out IS NOT NULL OR predicted_minutes IS NOT NULL"


PLAIN = [
    ("ix_exercise_run_finished_exercise", "exercise_run", ["finished", "exercise_id"]),
    ("ix_exercise_run_finished_at", "exercise_run", ["finished", "finished_at", "id"]),
    ("ix_promise_outcome_day", "promise", ["outcome", "day"]),
]


def upgrade() -> None:
    op.create_index(NAME, "urge", COLUMNS, sqlite_where=sa.text(WHERE))
    for name, table, columns in PLAIN:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(PLAIN):
        op.drop_index(name, table_name=table)
    op.drop_index(NAME, table_name="urge")
