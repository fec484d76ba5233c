"""Days the person marks as hard, each with a plan for the day.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hard_date",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column(
            "clock_id",
            sa.Integer(),
            sa.ForeignKey("clock.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("notice", sa.String(length=8), nullable=False),
        sa.Column("plan", sa.String(), nullable=False, server_default=""),
        sa.Column("plan_steps", sa.String(), nullable=False, server_default="[]"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hard_date_uid", "hard_date", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_hard_date_uid", table_name="hard_date")
    op.drop_table("hard_date")
