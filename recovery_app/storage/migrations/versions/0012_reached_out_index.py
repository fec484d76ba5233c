"""The contacts that move a clock's figures, indexed for Today.

Today's figures count only "I reached out": a journal of years holds a few dozen of those
among thousands of "they reached out" and "unavoidable" events, each with its words. Found
by clock alone, every one of those rows was read to test its kind, before Today could show
a figure. An index of clock, kind and moment is read instead (a covering index: the table
itself is not touched).

Revision ID: 0012
Revises: 0011
Create Date: 2027-02-01
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

NAME = "ix_contact_event_clock_kind_at"


def upgrade() -> None:
    op.create_index(NAME, "contact_event", ["clock_id", "kind", "at"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="contact_event")
