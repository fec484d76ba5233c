"""Urges ("withdrawal moments") and the person's own triggers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "urge_trigger_name",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=60), nullable=False, unique=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "urge",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False, index=True),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("feelings", sa.String(), nullable=False, server_default=""),
        sa.Column("place", sa.String(), nullable=False, server_default=""),
        sa.Column("company", sa.String(), nullable=False, server_default=""),
        sa.Column("did_instead", sa.String(), nullable=False, server_default=""),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("predicted_minutes", sa.Integer(), nullable=True),
        sa.Column("predicted_reach_out", sa.Boolean(), nullable=True),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "urge_trigger",
        sa.Column(
            "urge_id",
            sa.Integer(),
            sa.ForeignKey("urge.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "trigger_id",
            sa.Integer(),
            sa.ForeignKey("urge_trigger_name.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )


def downgrade() -> None:
    op.drop_table("urge_trigger")
    op.drop_table("urge")
    op.drop_table("urge_trigger_name")
