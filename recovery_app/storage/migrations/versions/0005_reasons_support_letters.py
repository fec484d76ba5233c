"""Reasons for no contact, support people, unsent letters; an urge's re-rating; urges found
by trigger through an index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("urge") as urge:
        urge.add_column(sa.Column("intensity_after", sa.Integer(), nullable=True))
    op.create_index("ix_urge_trigger_trigger_id", "urge_trigger", ["trigger_id"])
    op.create_table(
        "reason",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "support_person",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("reach", sa.String(), nullable=False, server_default=""),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("body", sa.String(), nullable=False, server_default=""),
        sa.Column("feeling_after", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False, index=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("letter")
    op.drop_table("support_person")
    op.drop_table("reason")
    op.drop_index("ix_urge_trigger_trigger_id", "urge_trigger")
    with op.batch_alter_table("urge") as urge:
        urge.drop_column("intensity_after")
