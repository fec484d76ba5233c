"""A stable identity (`uid`) on every table with an integer id, for export and import.

Integer ids are local to one journal file: the same urge gets a different id in another
journal, so a merge could not tell what it already holds. A random 128-bit `uid` travels with
the entry. Existing rows get theirs here.

The column is added with ALTER TABLE (no table rebuild): a rebuild drops and recreates the
table, and with foreign keys on, dropping `clock` would cascade into its events.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = (
    "clock",
    "contact_event",
    "check_in",
    "milestone",
    "urge_trigger_name",
    "urge",
    "reason",
    "support_person",
    "letter",
    "promise",
    "hunch",
    "exercise_run",
    "memory",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table, sa.Column("uid", sa.String(length=32), nullable=False, server_default="")
        )
        # randomblob() is evaluated per row; SQLite draws it from its own CSPRNG.
        op.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_uid", table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN uid")  # no rebuild, as above
