"""Memories for the whole-relationship view.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "memory",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "clock_id",
            sa.Integer(),
            sa.ForeignKey("clock.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("what_happened", sa.String(), nullable=False, server_default=""),
        sa.Column("feeling", sa.Integer(), nullable=True),
        sa.Column("tags", sa.String(), nullable=False, server_default="[]"),
        sa.Column("date_text", sa.String(length=40), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False, index=True),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("memory")
