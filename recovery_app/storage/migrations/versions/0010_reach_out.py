"""When they reach out: my plan, and a dated record of each attempt.

The plan's lines; the exact words of a "they reached out" entry (a column added to
contact_event with ALTER TABLE, as 0008 adds its columns, never by rebuilding the table);
the files kept with an entry (their bytes inside the encrypted journal); and the versions an
edit leaves behind. Every new table has a `uid` from the start (see 0008).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _uid() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("uid", sa.String(length=32), nullable=False)


def _contact() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "contact_event_id",
        sa.Integer(),
        sa.ForeignKey("contact_event.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    op.add_column(
        "contact_event", sa.Column("words", sa.String(), nullable=False, server_default="")
    )
    op.create_table(
        "reach_out_plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        _uid(),
        sa.Column("part", sa.String(length=8), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "contact_attachment",
        sa.Column("id", sa.Integer(), primary_key=True),
        _uid(),
        _contact(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "contact_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        _uid(),
        _contact(),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("words", sa.String(), nullable=False, server_default=""),
        sa.Column("attachments", sa.String(), nullable=False, server_default="[]"),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
    )
    for table in ("reach_out_plan", "contact_attachment", "contact_version"):
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)


def downgrade() -> None:
    for table in ("contact_version", "contact_attachment", "reach_out_plan"):
        op.drop_table(table)
    op.execute("ALTER TABLE contact_event DROP COLUMN words")
