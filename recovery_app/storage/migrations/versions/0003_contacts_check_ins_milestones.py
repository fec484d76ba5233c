"""Contact events, daily check-ins and reached milestones.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _clock_id() -> sa.Column:
    return sa.Column(
        "clock_id",
        sa.Integer(),
        sa.ForeignKey("clock.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    op.create_table(
        "contact_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        _clock_id(),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("what_happened", sa.String(), nullable=False, server_default=""),
        sa.Column("what_helped", sa.String(), nullable=False, server_default=""),
        sa.Column("try_next", sa.String(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "check_in",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False, unique=True),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("no_contact", sa.String(length=8), nullable=True),
        sa.Column("pull", sa.Integer(), nullable=True),
        sa.Column("yesterday_promise", sa.String(length=8), nullable=True),
        sa.Column("promise", sa.String(), nullable=False, server_default=""),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), primary_key=True),
        _clock_id(),
        sa.Column("stretch_since", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("reached_on", sa.Date(), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("clock_id", "stretch_since", "days"),
    )


def downgrade() -> None:
    op.drop_table("milestone")
    op.drop_table("check_in")
    op.drop_table("contact_event")
