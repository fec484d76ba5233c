"""The urges' predictions, indexed for the self-trust figures.

The Exercises screen counts how the urges' predictions turned out ("I will reach out", "it
will last an hour"). Without an index that reads every urge in the journal, all ten years of
them, though only about one in three has a prediction. A partial index holding just those
urges, and just the four columns the count needs, is read instead (a covering index: the
table itself is not touched).

Revision ID: 0010
Revises: 0009
Create Date: 2027-01-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NAME = "ix_urge_predictions"
COLUMNS = ["predicted_reach_out", "outcome", "predicted_minutes", "minutes"]
WHERE = "predicted_reach_out IS NOT NULL OR predicted_minutes IS NOT NULL"


def upgrade() -> None:
    op.create_index(NAME, "urge", COLUMNS, sqlite_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index(NAME, table_name="urge")
